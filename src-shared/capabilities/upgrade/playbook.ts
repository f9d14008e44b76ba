/**
 * The two upgrade playbooks as data (the timeline engine runs them; src-main/capabilities/upgrade/steps.ts
 * holds the executors). A step that is interrupted resumes where it is safe: an interrupted copy starts the
 * copy again (nothing was written); an interrupted write resumes at the wait, since the router writes on its
 * own once sysupgrade has started.
 */
import type { PlaybookDef, StepDef } from '../playbook';
import { said } from '../../i18n/said';

export const FLASH_PLAYBOOK_ID = 'upgrade-flash';
export const STOCK_PLAYBOOK_ID = 'upgrade-return-to-stock';

const connect: StepDef = {
  id: 'connect',
  kind: 'action',
  title: 'Connect to the router',
  doNow: 'Keep the cable between this computer and a LAN port of the router plugged in.',
  explain: 'Rescue Bench logs in to the router (SSH, or telnet on old rescue modes) and reads what it is: model, OpenWrt release, free memory and its flash layout.',
  preconditions: [],
  success: 'Connected; the router told us what it is.',
  failure: 'Could not log in to the router.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.try') },
  run: 'upgrade.connect',
};

const backup: StepDef = {
  id: 'backup',
  kind: 'decision',
  title: 'Back up first',
  doNow: 'Choose whether to back up the router first.',
  explain: "A full backup copies the router's whole flash to this computer (it is the way back if anything goes wrong). A settings backup keeps your OpenWrt settings (a small .tar.gz).",
  preconditions: ['connect'],
  success: 'Backups done or skipped by you.',
  failure: 'The backup did not finish.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.backup') },
  run: 'upgrade.backup',
  skippable: true,
};

const upload: StepDef = {
  id: 'upload',
  kind: 'action',
  title: 'Copy the image to the router',
  doNow: 'Wait while the image is copied into the router\'s memory. Keep the cable plugged in.',
  explain: "The image goes into the router's memory (/tmp), not yet into its flash. Then the router computes its checksum and we compare it with ours, so a damaged copy is never written.",
  preconditions: ['connect'],
  success: 'The image is in the router\'s memory and its checksum matches.',
  failure: 'The copy did not arrive whole. Nothing was written to the flash.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.copy') },
  run: 'upgrade.upload',
};

const test: StepDef = {
  id: 'test',
  kind: 'decision',
  title: 'Let the router check the image',
  doNow: 'Wait while the router checks the image.',
  explain: 'sysupgrade -T asks the router itself whether it takes this image and whether your settings can be kept. Nothing is written yet.',
  preconditions: ['upload'],
  success: 'The router takes the image.',
  failure: 'The router refused the image. Nothing was written.',
  onFailure: { kind: 'abort' },
  run: 'upgrade.test',
  resumeAt: 'upload',
};

const write: StepDef = {
  id: 'write',
  kind: 'action',
  title: 'Start writing',
  doNow: 'Do not unplug the router from now on.',
  explain: 'Rescue Bench starts sysupgrade on the router. The router then closes every connection on purpose ("Closing all shell sessions") and writes the image by itself: the dropped connection is expected.',
  preconditions: ['test'],
  success: 'The router started writing.',
  failure: 'The router did not start writing.',
  onFailure: { kind: 'abort' },
  run: 'upgrade.write',
  // once sysupgrade may have started, a resumed run never starts it again: it waits for the router
  resumeAt: 'wait',
};

const wait: StepDef = {
  id: 'wait',
  kind: 'wait-event',
  title: 'Wait for the router',
  doNow: 'Do not unplug the router. It is writing the new firmware (about 2 minutes) and then restarts by itself.',
  explain: 'While it writes and restarts the router does not answer. Rescue Bench shows how long it has been and looks for it once a second.',
  preconditions: ['write'],
  success: 'The router answers again.',
  failure: 'The router did not come back.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.keepWaiting') },
  run: 'upgrade.wait',
  resumeAt: 'wait',
};

const verify: StepDef = {
  id: 'verify',
  kind: 'verify',
  title: 'Check what runs now',
  doNow: 'Wait while Rescue Bench checks what the router runs now.',
  explain: 'A new login reads the OpenWrt release; the maker\'s firmware has no login, so its web page is read instead.',
  preconditions: ['wait'],
  success: 'Done: the router runs the new firmware.',
  failure: 'The router runs something else than what was written.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.check') },
  run: 'upgrade.verify',
};

const check: StepDef = {
  id: 'check',
  kind: 'verify',
  title: 'Check the image on this computer',
  doNow: 'Wait while Rescue Bench checks the image file.',
  explain: 'Before anything goes to the router, the image is inspected here: which router it is made for, whether it is intact, whether it fits the router\'s memory and flash.',
  preconditions: ['connect'],
  success: 'The image suits this router.',
  failure: 'The image is not for this router, damaged, or too big.',
  onFailure: { kind: 'abort' },
  run: 'upgrade.check',
};

export const flashPlaybook: PlaybookDef = {
  id: FLASH_PLAYBOOK_ID,
  title: 'Put firmware on the router',
  summary: 'Write a new firmware image onto a running OpenWrt router, check it came back and runs it.',
  steps: [connect, check, backup, upload, test, write, wait, verify],
};

const plan: StepDef = {
  ...check,
  id: 'plan',
  title: 'Check the files and plan',
  doNow: 'Wait while Rescue Bench checks the files and the router\'s slots.',
  explain: 'Linksys WRT routers have two firmware slots. Rescue Bench reads which one runs, the flash layout, and checks each file\'s checksum, then says the plan.',
  success: 'The plan is ready.',
  failure: 'The files or the router do not allow a safe return to the factory firmware.',
  run: 'upgrade.plan',
};

const intermediate: StepDef = {
  id: 'intermediate',
  kind: 'action',
  title: 'OpenWrt 19.07.9 first (old layout)',
  doNow: 'Do not unplug the router. It gets OpenWrt 19.07.9 first, which puts back the old flash layout.',
  explain: 'Needed only from OpenWrt\'s newer 6 MB layout. The factory image of OpenWrt 19.07.9 is written to the other slot; the router restarts into it with the 3 MB layout the Linksys firmware needs. This path is user-reported, not official.',
  preconditions: ['backup'],
  success: 'The router runs OpenWrt 19.07.9 with the 3 MB layout.',
  failure: 'The intermediate step did not finish.',
  onFailure: { kind: 'retry', max: 2, label: said('playbook.again.try') },
  run: 'upgrade.intermediate',
  resumeAt: 'intermediate',
  skippable: true,
};

export const stockPlaybook: PlaybookDef = {
  id: STOCK_PLAYBOOK_ID,
  title: 'Return to factory firmware',
  summary: 'Bring a Linksys dual-slot router (WRT32X and family) back to the firmware it was sold with.',
  steps: [connect, plan, backup, intermediate, { ...upload, preconditions: ['plan'], title: 'Copy the factory firmware to the router' }, test, write, wait, { ...verify, success: 'Done: the router runs its factory firmware.' }],
};
