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
  // ── faults ─────────────────────────────────────────────────────────────────────
  'error.NOT_DUAL_SLOT.message':
    '{where, select, plan {This router has no Linksys dual firmware slots (kernel1/kernel2).} other {This router has no Linksys dual firmware slots.}}',
  'error.NOT_DUAL_SLOT.meaning':
    '{where, select, plan {The return-to-factory guide is for the Linksys WRT family (WRT32X, WRT3200ACM, WRT1900AC/ACS, WRT1200AC). Nothing was changed.} other {Nothing was changed.}}',
  'error.NOT_DUAL_SLOT.fix':
    '{where, select, plan {For other routers, use "Put firmware on the router" with the maker\'s image, if OpenWrt accepts it.} other {This action is only for the Linksys WRT family.}}',
  'error.NO_UBOOT_ENV.message':
    'The router cannot read its bootloader settings (no U-Boot environment partition, or fw_printenv cannot find it).',
  'error.NO_UBOOT_ENV.meaning': 'Without them Rescue Bench cannot tell or change which slot the router starts from. Nothing was changed.',
  'error.NO_UBOOT_ENV.fix':
    'Leave the router as it is. If it fails to start, switch off and on three times while it starts: these routers then try the other slot. Or change the slot from the serial console (setenv boot_part N; saveenv).',
  'error.FW_SETENV_FAILED.message':
    '{stuck, select, yes {The router still says boot_part={bootPart}, bootcmd={bootcmd}.} other {The router could not change its bootloader setting.}}',
  'error.FW_SETENV_FAILED.meaning': '{stuck, select, yes {The change did not stick.} other {The slot it starts from may be unchanged.}}',
  'error.FW_SETENV_FAILED.fix':
    '{stuck, select, yes {Try again; if it keeps failing, the environment partition may be read-only.} other {Read the Details, then try again.}}',
  'error.NO_IMAGE.message': 'The image was not checked yet.',
  'error.NO_IMAGE.meaning': 'A step ran before the image was checked.',
  'error.NO_IMAGE.fix': 'Start again.',
  'error.NO_SYSUPGRADE.message': 'The router has no sysupgrade command.',
  'error.NO_SYSUPGRADE.meaning':
    "Rescue Bench writes firmware with OpenWrt's own sysupgrade, which checks the image first. This router does not run OpenWrt (or a very cut-down one).",
  'error.NO_SYSUPGRADE.fix': "Use the router maker's recovery (web page or TFTP), or start an OpenWrt initramfs image first.",
  'error.NOT_CONNECTED.message': 'The router was not read yet.',
  'error.NOT_CONNECTED.meaning': "{needs, select, plan {The plan needs the router's slots.} other {The check needs the router's model and flash.}}",
  'error.NOT_CONNECTED.fix': 'Start again.',
  'error.SETTINGS_BACKUP_FAILED.message': 'The router did not hand over a backup of its settings.',
  'error.SETTINGS_BACKUP_FAILED.meaning': 'Nothing was written; your settings are still on the router.',
  'error.SETTINGS_BACKUP_FAILED.fix': "Try again. If it keeps failing, back up from the router's web page (System → Backup) first.",
  'error.IMAGE_CHANGED.message': '{file} changed after it was checked.',
  'error.IMAGE_CHANGED.meaning': 'What was checked is no longer what would be sent. Nothing was sent.',
  'error.IMAGE_CHANGED.fix': 'Make sure nothing else writes the file, then start again.',
  'error.SYSUPGRADE_NO_START.message': 'The router did not start writing within 3 minutes.',
  'error.SYSUPGRADE_NO_START.meaning': 'It still answers, so it is not writing. The router still runs its old firmware.',
  'error.SYSUPGRADE_NO_START.fix': 'Restart the router and try again.',
  'error.UNEXPECTED_RELEASE.message': 'The router runs {release}, not {want} as the image says.',
  'error.UNEXPECTED_RELEASE.meaning': 'Something else than the written image started.',
  'error.UNEXPECTED_RELEASE.fix': 'Check the image and run the upgrade again.',
  'error.UPLOAD_INTERRUPTED.message': 'The copy to the router stopped at {percent}%.',
  'error.UPLOAD_INTERRUPTED.meaning':
    'Nothing was written to the flash: the router still runs its old firmware. The half copy in its memory is not used.',
  'error.UPLOAD_INTERRUPTED.fix': 'Check the cable between this computer and the router, then copy again.',
  'error.ROUTER_TMP_FULL.message': "The router's memory (/tmp) filled up during the copy.",
  'error.ROUTER_TMP_FULL.meaning': 'Nothing was written to the flash. The image is bigger than the memory the router has free right now.',
  'error.ROUTER_TMP_FULL.fix': 'Restart the router in rescue mode (failsafe), which leaves more memory free, and try again.',
  'error.HTTP_LISTEN_FAILED.message': 'This computer could not offer the image to the router on {address}.',
  'error.HTTP_LISTEN_FAILED.meaning': 'A router without "nc" fetches the image with wget from a small web server on this computer.',
  'error.HTTP_LISTEN_FAILED.fix': "Check that the cable is plugged in and this computer still has its address in the router's network, then try again.",
  'error.SLOT_UNKNOWN.message': 'Rescue Bench cannot tell which firmware slot the router runs from.',
  'error.SLOT_UNKNOWN.meaning':
    'Without that it cannot say which slot will be written, nor check afterwards that the router switched. Nothing was changed.',
  'error.SLOT_UNKNOWN.fix': 'Make sure the router runs OpenWrt with fw_printenv (the uboot-envtools package), then connect again.',
  'error.NOT_VENDOR_IMAGE.message': "{file} does not look like the maker's firmware.",
  'error.NOT_VENDOR_IMAGE.meaning':
    '{openwrt, select, yes {It is an OpenWrt image. To return to the factory firmware you need the Linksys file (for the WRT32X: FW_WRT32X_1.0.180404.58.img).} other {Rescue Bench cannot tell what it is. Nothing was changed.}}',
  'error.NOT_VENDOR_IMAGE.fix': "Download the factory firmware from the maker's support page for this model and choose that file.",
  'error.LAYOUT_UNKNOWN.message': "Rescue Bench does not know this router's flash layout ({evidence}).",
  'error.LAYOUT_UNKNOWN.meaning':
    'The Linksys firmware only starts from the layout it was made for; writing it blind may leave a slot that does not start. Nothing was changed.',
  'error.LAYOUT_UNKNOWN.fix': 'Send the Details to the Rescue Bench team, or follow the OpenWrt wiki page for this model by hand.',
} as const satisfies Record<string, string>;
