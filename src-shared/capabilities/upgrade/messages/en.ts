/**
 * The upgrade capability's words in English, the source (decision 0100): keys start with `upgrade.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // ── the upgrade screen (View) ────────────────────────────────────────────────
  'upgrade.elapsed.s': '{s} s',
  'upgrade.elapsed.min': '{m} min {s} s',
  'upgrade.phases': 'What the router shows',
  'upgrade.phase.writing': 'Writing the firmware',
  'upgrade.phase.restarting': 'Restarting: nothing answers',
  'upgrade.phase.starting': 'Starting: it answers ping',
  'upgrade.phase.back': 'Its login or web page answers',
  'upgrade.copy.label': 'Copy to the router',
  'upgrade.copy.bar': 'Copy to the router: {pct}% · {done} of {total}',
  'upgrade.copy.rate': ' · {rate}/s',
  'upgrade.copy.left': ' · about {time} left',
  'upgrade.copy.copying': "Copying {file} into the router's memory.",
  'upgrade.copy.hint': "Nothing is written to the router's flash until the router has checked the copy.",
  'upgrade.wait.hint': 'It can take up to {time}. It is safe to unplug only after Rescue Bench says "Done".',
  'upgrade.slot.title': 'Slot {slot}',
  'upgrade.slot.running': 'running now',
  'upgrade.slot.next': 'starts next',
  'upgrade.slot.noKernel': 'no kernel partition',
  'upgrade.slot.gets': 'Gets: {file}',
  'upgrade.plan.title': 'The plan for the {model}',
  'upgrade.plan.runs': 'It runs {release}.',
  'upgrade.plan.step': '→ slot {slot}.',
  'upgrade.plan.notYet': 'Not possible yet',
  'upgrade.plan.userReported': 'User-reported path:',
  'upgrade.bootSlot.done': 'Done: the router will start slot {slot} (boot_part={bootPart}, bootcmd={bootcmd}, read back from the router).',
  'upgrade.bootSlot.restart': 'Restart the router now (switch it off and on). It starts the firmware in slot {slot}.',
  'upgrade.bootSlot.title': 'Start the other slot instead',
  'upgrade.bootSlot.state': 'The router still answers. It is set to start slot {now}. Slot {slot} still holds the firmware it ran before.',
  'upgrade.bootSlot.change':
    'Rescue Bench can set it to start slot {slot} ({changes}): its next restart then starts that firmware instead of trying slot {now} again.',
  'upgrade.bootSlot.already': 'It already starts slot {slot}.',
  'upgrade.bootSlot.none': 'none',
  'upgrade.bootSlot.unknown': '?',
  'upgrade.bootSlot.type': 'Type {word} to confirm',
  'upgrade.bootSlot.word': 'slot {slot}',
  'upgrade.bootSlot.go': 'Start slot {slot} next time',
  'upgrade.done.unplug': 'It is safe to unplug the router now.',
  'upgrade.done.settings': 'Your settings backup: {file}',
  'upgrade.start.flash': 'Put new firmware on the router',
  'upgrade.start.stock': 'Return a Linksys router to its factory firmware',
  'upgrade.mode': 'What to do',
  'upgrade.mode.flash': 'New firmware (OpenWrt update)',
  'upgrade.mode.stock': 'Back to factory firmware (Linksys WRT)',
  'upgrade.practice.badge': 'PRACTICE',
  'upgrade.practice.note': 'This will talk to the practice router on this computer, not to a real router.',
  'upgrade.practice.stockFile': 'Use the practice Linksys file',
  'upgrade.practice.openwrtFile': 'Use the practice OpenWrt file',
  'upgrade.lead.flash':
    'Rescue Bench checks the image first, copies it to the router, lets the router check it too, writes it and waits until the router runs it. About 5 minutes. Keep the cable plugged in.',
  'upgrade.lead.stock':
    'For selling a Linksys WRT32X (and family) that runs OpenWrt: Rescue Bench reads both firmware slots, checks the files, says the plan, and only then writes. About 5 to 10 minutes.',
  'upgrade.host': 'Router address',
  'upgrade.method': 'Connect with',
  'upgrade.password': 'Router password (empty if none)',
  'upgrade.file.flash': 'Firmware image',
  'upgrade.file.stock': "The maker's firmware (e.g. {example})",
  'upgrade.file.placeholder': 'Path of the image on this computer',
  'upgrade.intermediate': 'OpenWrt 19.07.9 factory image (needed from the newer 6 MB layout)',
  'upgrade.sha256': "SHA-256 from the maker's page (optional)",
  'upgrade.checked': 'Using the image checked on the Firmware check page: {file}.',
  'upgrade.showPlan': 'Show the plan (changes nothing)',
  'upgrade.go.flash': 'Start',
  'upgrade.go.stock': 'Return to factory firmware',

  // ── the two upgrade playbooks' steps (the run carries the English; the screen shows these when they match) ──
  'playbook.upgrade-flash.connect.title': "Connect to the router",
  'playbook.upgrade-flash.connect.doNow': "Keep the cable between this computer and a LAN port of the router plugged in.",
  'playbook.upgrade-flash.connect.explain':
    "Rescue Bench logs in to the router (SSH, or telnet on old rescue modes) and reads what it is: model, OpenWrt release, free memory and its flash layout.",
  'playbook.upgrade-flash.backup.title': "Back up first",
  'playbook.upgrade-flash.backup.doNow': "Choose whether to back up the router first.",
  'playbook.upgrade-flash.backup.explain':
    "A full backup copies the router's whole flash to this computer (it is the way back if anything goes wrong). A settings backup keeps your OpenWrt settings (a small .tar.gz).",
  'playbook.upgrade-flash.upload.doNow': "Wait while the image is copied into the router's memory. Keep the cable plugged in.",
  'playbook.upgrade-flash.upload.explain':
    "The image goes into the router's memory (/tmp), not yet into its flash. Then the router computes its checksum and we compare it with ours, so a damaged copy is never written.",
  'playbook.upgrade-flash.test.title': "Let the router check the image",
  'playbook.upgrade-flash.test.doNow': "Wait while the router checks the image.",
  'playbook.upgrade-flash.test.explain':
    "sysupgrade -T asks the router itself whether it takes this image and whether your settings can be kept. Nothing is written yet.",
  'playbook.upgrade-flash.write.title': "Start writing",
  'playbook.upgrade-flash.write.doNow': "Do not unplug the router from now on.",
  'playbook.upgrade-flash.write.explain':
    "Rescue Bench starts sysupgrade on the router. The router then closes every connection on purpose (\"Closing all shell sessions\") and writes the image by itself: the dropped connection is expected.",
  'playbook.upgrade-flash.wait.title': "Wait for the router",
  'playbook.upgrade-flash.wait.doNow': "Do not unplug the router. It is writing the new firmware (about 2 minutes) and then restarts by itself.",
  'playbook.upgrade-flash.wait.explain':
    "While it writes and restarts the router does not answer. Rescue Bench shows how long it has been and looks for it once a second.",
  'playbook.upgrade-flash.verify.title': "Check what runs now",
  'playbook.upgrade-flash.verify.doNow': "Wait while Rescue Bench checks what the router runs now.",
  'playbook.upgrade-flash.verify.explain':
    "A new login reads the OpenWrt release; the maker's firmware has no login, so its web page is read instead.",
  'playbook.upgrade-return-to-stock.connect.title': "Connect to the router",
  'playbook.upgrade-return-to-stock.connect.doNow': "Keep the cable between this computer and a LAN port of the router plugged in.",
  'playbook.upgrade-return-to-stock.connect.explain':
    "Rescue Bench logs in to the router (SSH, or telnet on old rescue modes) and reads what it is: model, OpenWrt release, free memory and its flash layout.",
  'playbook.upgrade-return-to-stock.backup.title': "Back up first",
  'playbook.upgrade-return-to-stock.backup.doNow': "Choose whether to back up the router first.",
  'playbook.upgrade-return-to-stock.backup.explain':
    "A full backup copies the router's whole flash to this computer (it is the way back if anything goes wrong). A settings backup keeps your OpenWrt settings (a small .tar.gz).",
  'playbook.upgrade-return-to-stock.upload.doNow': "Wait while the image is copied into the router's memory. Keep the cable plugged in.",
  'playbook.upgrade-return-to-stock.upload.explain':
    "The image goes into the router's memory (/tmp), not yet into its flash. Then the router computes its checksum and we compare it with ours, so a damaged copy is never written.",
  'playbook.upgrade-return-to-stock.test.title': "Let the router check the image",
  'playbook.upgrade-return-to-stock.test.doNow': "Wait while the router checks the image.",
  'playbook.upgrade-return-to-stock.test.explain':
    "sysupgrade -T asks the router itself whether it takes this image and whether your settings can be kept. Nothing is written yet.",
  'playbook.upgrade-return-to-stock.write.title': "Start writing",
  'playbook.upgrade-return-to-stock.write.doNow': "Do not unplug the router from now on.",
  'playbook.upgrade-return-to-stock.write.explain':
    "Rescue Bench starts sysupgrade on the router. The router then closes every connection on purpose (\"Closing all shell sessions\") and writes the image by itself: the dropped connection is expected.",
  'playbook.upgrade-return-to-stock.wait.title': "Wait for the router",
  'playbook.upgrade-return-to-stock.wait.doNow': "Do not unplug the router. It is writing the new firmware (about 2 minutes) and then restarts by itself.",
  'playbook.upgrade-return-to-stock.wait.explain':
    "While it writes and restarts the router does not answer. Rescue Bench shows how long it has been and looks for it once a second.",
  'playbook.upgrade-return-to-stock.verify.title': "Check what runs now",
  'playbook.upgrade-return-to-stock.verify.doNow': "Wait while Rescue Bench checks what the router runs now.",
  'playbook.upgrade-return-to-stock.verify.explain':
    "A new login reads the OpenWrt release; the maker's firmware has no login, so its web page is read instead.",

  'playbook.upgrade-flash.check.title': 'Check the image on this computer',
  'playbook.upgrade-flash.check.doNow': 'Wait while Rescue Bench checks the image file.',
  'playbook.upgrade-flash.check.explain':
    "Before anything goes to the router, the image is inspected here: which router it is made for, whether it is intact, whether it fits the router's memory and flash.",
  'playbook.upgrade-flash.upload.title': 'Copy the image to the router',
  'playbook.upgrade-return-to-stock.upload.title': 'Copy the factory firmware to the router',
  'playbook.upgrade-return-to-stock.plan.title': 'Check the files and plan',
  'playbook.upgrade-return-to-stock.plan.doNow': "Wait while Rescue Bench checks the files and the router's slots.",
  'playbook.upgrade-return-to-stock.plan.explain':
    "Linksys WRT routers have two firmware slots. Rescue Bench reads which one runs, the flash layout, and checks each file's checksum, then says the plan.",
  'playbook.upgrade-return-to-stock.intermediate.title': 'OpenWrt 19.07.9 first (old layout)',
  'playbook.upgrade-return-to-stock.intermediate.doNow': 'Do not unplug the router. It gets OpenWrt 19.07.9 first, which puts back the old flash layout.',
  'playbook.upgrade-return-to-stock.intermediate.explain':
    "Needed only from OpenWrt's newer 6 MB layout. The factory image of OpenWrt 19.07.9 is written to the other slot; the router restarts into it with the 3 MB layout the Linksys firmware needs. This path is user-reported, not official.",
} as const satisfies Record<string, string>;
