/**
 * The four vendor bootloader recoveries as playbooks (data; the timeline engine runs them, the recover
 * capability's main side supplies the executors). Each: cables, this computer's address (network assistant),
 * the router's recovery mode with its physical cues, the transfer, the wait while the router writes, and the
 * check that it came back. Facts: vendor-recovery-facts.md §1–4; per-model cues come from the device profile.
 */
import type { PlaybookDef, StepDef } from '../playbook';
import { said } from '../../i18n/said';
import type { VendorFlow } from '../../profiles/profiles';

export const RECOVER_PLAYBOOK_IDS: Record<VendorFlow, string> = {
  tplink: 'recover-tplink',
  asus: 'recover-asus',
  ubiquiti: 'recover-ubiquiti',
  dlink: 'recover-dlink',
};

export const VENDOR_NAMES: Record<VendorFlow, string> = { tplink: 'TP-Link', asus: 'ASUS', ubiquiti: 'Ubiquiti', dlink: 'D-Link' };

/** Where each flow's router and this computer are, and where the maker's firmware answers afterwards, when the profile says nothing else (vendor facts). */
export const FLOW_DEFAULTS: Record<VendorFlow, { router: string; host: string; after: string; role: string }> = {
  tplink: { router: '192.168.0.86', host: '192.168.0.66/24', after: '192.168.0.1', role: 'The router fetches the file from this computer (TFTP, the simple file transfer router bootloaders use).' },
  asus: { router: '192.168.1.1', host: '192.168.1.2/24', after: '192.168.1.1', role: 'This computer sends the file to the router (TFTP).' },
  ubiquiti: { router: '192.168.1.20', host: '192.168.1.25/24', after: '192.168.1.20', role: 'This computer sends the file to the router (TFTP).' },
  dlink: { router: '192.168.0.1', host: '192.168.0.2/24', after: '192.168.0.1', role: "This computer uploads the file to the router's small recovery web page." },
};

const cables = (flow: VendorFlow): StepDef => ({
  id: 'cables',
  kind: 'instruction',
  title: 'Cables and power',
  doNow:
    flow === 'asus'
      ? 'Switch the router off. Connect this computer to LAN port 1 of the router with a cable. Unplug every other cable except power.'
      : 'Switch the router off. Connect this computer to a LAN port of the router with a cable. Unplug every other cable except power.',
  explain:
    'LAN ports are often yellow and numbered; the WAN (internet) port is often blue. In recovery mode the router only talks on its LAN ports. Switch this computer\'s Wi-Fi off too, so it cannot send the file the wrong way.',
  preconditions: [],
  success: 'The router is off and connected to this computer.',
  failure: 'Stopped before the router was prepared.',
  onFailure: { kind: 'abort' },
  run: 'recover.confirm',
});

const network = (flow: VendorFlow): StepDef => ({
  id: 'network',
  kind: 'verify',
  title: "This computer's address",
  doNow: "Checking this computer's network connection…",
  explain: `The router's recovery mode has a fixed address (${FLOW_DEFAULTS[flow].router} for most models) and only talks to a computer in the same network, without giving out addresses itself. Rescue Bench gives this computer the address it needs (${FLOW_DEFAULTS[flow].host.replace(/\/\d+$/, '')}) for as long as the recovery runs, and takes it away afterwards.`,
  preconditions: ['cables'],
  success: 'This computer has the address the router expects.',
  failure: 'This computer does not have the address the router expects.',
  onFailure: { kind: 'retry', max: 10, label: said('playbook.again.check') },
  run: 'recover.network',
});

const writing: StepDef = {
  id: 'writing',
  kind: 'wait-event',
  title: 'The router writes the firmware',
  doNow: 'Wait. Do not switch the router off while it writes.',
  explain: 'The router copies the file into its memory chip, which takes a few minutes, then starts by itself. Switching it off now can leave it unable to start at all.',
  preconditions: ['transfer'],
  success: 'The writing time is over.',
  failure: 'The wait was interrupted.',
  onFailure: { kind: 'retry', max: 3, label: said('playbook.again.wait') },
  run: 'recover.writing',
  resumeAt: 'writing',
};

const verify: StepDef = {
  id: 'verify',
  kind: 'verify',
  title: 'Did it work?',
  doNow: 'Checking whether the router answers with its new firmware…',
  explain: 'A router that starts its new firmware answers on its normal address again (the web page on port 80). Rescue Bench only says it worked when the router answers.',
  preconditions: ['writing'],
  success: 'The router answers with its new firmware.',
  failure: 'The router did not answer after writing.',
  onFailure: { kind: 'retry', max: 10, label: said('playbook.again.check') },
  run: 'recover.verify',
  resumeAt: 'verify',
};

function pushFlow(flow: 'asus' | 'ubiquiti' | 'dlink'): PlaybookDef {
  const name = VENDOR_NAMES[flow];
  const mode = flow === 'dlink' ? 'recovery page' : flow === 'asus' ? 'rescue mode' : 'recovery mode';
  return {
    id: RECOVER_PLAYBOOK_IDS[flow],
    title: `${name} recovery`,
    summary: `${name} routers have a ${mode} built into their bootloader (the small program that starts the router). It accepts a new firmware file even when the router no longer starts. ${FLOW_DEFAULTS[flow].role}`,
    steps: [
      cables(flow),
      network(flow),
      {
        id: 'button',
        kind: 'instruction',
        title: `Start the ${mode}`,
        doNow: 'Hold the Reset button, switch the router on, and keep holding it.',
        explain: 'The guide below says which button, for how long, and what the lights do once the router is ready.',
        preconditions: ['network'],
        success: `The router is in its ${mode}.`,
        failure: 'Stopped before the router was ready.',
        onFailure: { kind: 'abort' },
        run: 'recover.button',
      },
      {
        id: 'transfer',
        kind: 'action',
        title: 'Send the firmware',
        doNow: 'Sending the firmware to the router…',
        explain:
          flow === 'dlink'
            ? "Rescue Bench uploads the file to the router's recovery page itself: that small web server is too old for modern browsers. Keep the cable plugged in."
            : 'Rescue Bench sends the file to the router (a TFTP upload). Keep the cable plugged in.',
        preconditions: ['button'],
        success: 'The router received the whole file.',
        failure: 'The router did not receive the file.',
        onFailure: { kind: 'retry', max: 5, label: said('playbook.again.send') },
        run: 'recover.transfer',
        resumeAt: 'button',
      },
      writing,
      verify,
    ],
  };
}

export const tplinkPlaybook: PlaybookDef = {
  id: RECOVER_PLAYBOOK_IDS.tplink,
  title: 'TP-Link recovery',
  summary: `TP-Link routers have a recovery mode built into their bootloader (the small program that starts the router): with the Reset button held while it starts, the router fetches a firmware file from this computer. ${FLOW_DEFAULTS.tplink.role}`,
  steps: [
    cables('tplink'),
    network('tplink'),
    {
      id: 'serve',
      kind: 'action',
      title: 'Get the file ready',
      doNow: 'Getting the file ready for the router…',
      explain: 'Rescue Bench offers the file under every name this router may ask for, on the port the router uses (TFTP port 69), and notes the name it really asks for.',
      preconditions: ['network'],
      success: 'The file is ready for the router.',
      failure: 'The file could not be offered to the router.',
      onFailure: { kind: 'retry', max: 5, label: said('playbook.again.try') },
      run: 'recover.serve',
    },
    {
      id: 'transfer',
      kind: 'wait-event',
      title: 'Hold Reset and switch on',
      doNow: 'Hold the Reset button, switch the router on, and keep holding it.',
      explain: 'The guide below says which button, for how long, and what the lights do. Rescue Bench says when the router asks for the file: you can let go then.',
      preconditions: ['serve'],
      success: 'The router fetched the whole file.',
      failure: 'The router did not fetch the file.',
      onFailure: { kind: 'retry', max: 10, label: said('playbook.again.try') },
      run: 'recover.fetch',
      resumeAt: 'serve',
    },
    writing,
    verify,
  ],
};

export const RECOVER_PLAYBOOKS: Record<VendorFlow, PlaybookDef> = {
  tplink: tplinkPlaybook,
  asus: pushFlow('asus'),
  ubiquiti: pushFlow('ubiquiti'),
  dlink: pushFlow('dlink'),
};

export const VENDOR_FLOWS = Object.keys(RECOVER_PLAYBOOK_IDS) as VendorFlow[];

/** Ubiquiti only: the words said whenever `urescue -f` comes up. It is never offered without them. */
export const URESCUE_FORCE_WARNING =
  '"urescue -f" also lets the file overwrite the bootloader (the small program that starts the router). If that file\'s bootloader is wrong or the power fails while it writes, the router cannot start at all and no recovery mode can save it. Rescue Bench uses plain "urescue" (or the Reset button), which protects the bootloader.';
