/**
 * The recover capability's words in English, the source (decision 0100): keys start with `recover.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // ── pick the maker, the model and the file ─────────────────────────────────────
  'recover.pick.title': 'Which router?',
  'recover.pick.practice': 'This guide will talk to the practice router on this computer, not to a real router.',
  'recover.pick.practiceFile': 'Use the practice TP-Link file',
  'recover.pick.lead':
    'Many routers have a rescue mode of their own, built in by the maker, that takes a new firmware file even when the router no longer starts. Choose the maker on the label of the router.',
  'recover.pick.maker': 'Maker',
  'recover.pick.model': 'Model',
  'recover.pick.notListed': "Not in the list ({maker}'s usual settings: router at {router})",
  'recover.pick.file': 'Firmware file on this computer',
  'recover.pick.fileExample': '/home/you/Downloads/firmware.bin',
  'recover.pick.useChecked': 'Use {file} from Firmware check',
  'recover.pick.tech': 'Technician settings',
  'recover.pick.writeSeconds': 'How long the router writes (seconds; empty: {usual, select, none {the usual} other {{usual}}})',
  'recover.pick.verifyTimeout': 'How long to wait for the router to answer afterwards (seconds; empty: 180)',
  'recover.pick.checking': 'Checking…',
  'recover.pick.check': 'Check the file',
  'recover.pick.starting': 'Starting…',
  'recover.pick.start': 'Start the recovery',
  // ── what the router gets ───────────────────────────────────────────────────────
  'recover.plan.refused': 'This file cannot be used.',
  'recover.plan.gets': 'The router gets:',
  'recover.plan.cut': ' (the first {size} cut)',
  'recover.plan.unchanged': ' (the file unchanged)',
  'recover.plan.offeredAs': 'Offered as {names}, and to any other name the router asks for.',
  'recover.plan.sha': 'SHA-256 of what the router gets:',
  // ── the physical cues ──────────────────────────────────────────────────────────
  'recover.cues.titleModel': '{router}: how to start its recovery mode',
  'recover.cues.titleMaker': '{maker}: how to start the recovery mode',
  'recover.cues.button': 'Button:',
  'recover.cues.buttonDefault': 'the Reset button (often in a small hole: use a straightened paper clip)',
  'recover.cues.howLong': 'How long:',
  'recover.cues.hold': 'hold it while you switch the router on, for about',
  'recover.cues.seconds': '{count, plural, one {# second} other {# seconds}}',
  'recover.cues.holdUntil': 'Let go when a light starts blinking slowly.',
  'recover.cues.lights': 'Lights:',
  'recover.cues.ledDefault': 'most routers blink a light slowly once their recovery mode is on.',
  'recover.cues.whileWriting': 'While it writes:',
  'recover.cues.unconfirmed':
    'These light signals come from user reports and are not confirmed for every unit: trust what Rescue Bench reports from the router.',
  // ── the transfer and the wait ──────────────────────────────────────────────────
  'recover.transfer.label': 'Sending the file',
  'recover.transfer.numbers': '{percent} % · {done} of {total} · {rate}',
  'recover.transfer.left': ' · about {time} left',
  'recover.transfer.asked': ' · the router asked for "{name}"',
  'recover.writing.left': 'About {time} left',
  'recover.writing.almost': 'Almost done…',
  'recover.writing.label': 'The router writes the firmware',
  'recover.writing.text': 'The router is writing the new firmware into its memory. Do not switch it off, even if the lights go out for a while. {time} so far.',
  'recover.waiting': 'Waiting for the router to ask for the file (since {time})…',
  // ── the guide while it runs, and its end ───────────────────────────────────────
  'recover.result.done': 'Done: the router works again.',
  'recover.result.stopped': 'Stopped.',
  'recover.result.failed': 'The recovery did not finish.',
  'recover.run.progress': 'Step {n} of {total}: {title}',
  'recover.run.stop': 'Stop the guide',
  'recover.timeline.title': '{title}: what happened',
  // ── the cable and this computer's address ──────────────────────────────────────
  'recover.network.title': "The cable and this computer's address",
  'recover.network.text':
    'In its recovery mode the router is at {router} and needs this computer at {host}. You can prepare that here now; the guide checks it again when it starts and sets the address itself if it is missing.',
  // ── its faults ────────────────────────────────────────────────────────────────
  'error.RECOVER_NOT_TPLINK_IMAGE.message': 'This file does not start with a TP-Link firmware header.',
  'error.RECOVER_NOT_TPLINK_IMAGE.meaning':
    "{safeloader, select, yes {It looks like a TP-Link image for newer models (safeloader). The recovery mode of the chosen model expects the older header, so it would refuse the file or, worse, write it badly.} other {The router's recovery mode checks that header and refuses (or mis-writes) anything else. This is not a TP-Link factory image for this router.}}",
  'error.RECOVER_NOT_TPLINK_IMAGE.fix':
    'Download the factory image for exactly this model and hardware version (on the label under the router, "Ver: 2.0"), or the OpenWrt "factory" image for it, and choose that file.',
  'error.RECOVER_TPLINK_LAYOUT_UNKNOWN.message': 'This TP-Link image carries a bootloader, but its firmware part is not where the header says.',
  'error.RECOVER_TPLINK_LAYOUT_UNKNOWN.meaning':
    "Rescue Bench cannot tell which part the recovery mode must get. Sending the whole file could overwrite the router's bootloader and leave it unrecoverable.",
  'error.RECOVER_TPLINK_LAYOUT_UNKNOWN.fix': 'Use the OpenWrt "factory" image for this model, or a TP-Link image without "boot" in its name.',
  'error.RECOVER_WRONG_MODEL.message': 'This file is not for the {vendor} {model}.',
  'error.RECOVER_WRONG_MODEL.meaning':
    "{kind, select, tplink {Its TP-Link header says hardware id {has}; the {model} has {want}. The router's recovery mode refuses it, or worse, writes firmware that cannot start on this board.} other {Its version \"{version}\" names the {has} platform; the {model} needs {want} firmware. The router would refuse it.}}",
  'error.RECOVER_WRONG_MODEL.fix':
    '{kind, select, tplink {Check the model and hardware version on the label under the router (for example "Ver: 2.0"), then download the image for exactly that version.} other {Download the firmware whose name starts with {want}. for this model.}}',
  'error.RECOVER_IMAGE_TRUNCATED.message': 'This firmware file is shorter than its own header says.',
  'error.RECOVER_IMAGE_TRUNCATED.meaning': 'The download was probably cut off. The router would reject it or write a broken firmware.',
  'error.RECOVER_IMAGE_TRUNCATED.fix': "Download the file again and check its size against the maker's page.",
  'error.RECOVER_NOT_UBNT_IMAGE.message': 'This file is not a Ubiquiti firmware image.',
  'error.RECOVER_NOT_UBNT_IMAGE.meaning': 'The recovery mode only accepts Ubiquiti firmware files (they start with "UBNT"); it would refuse this one.',
  'error.RECOVER_NOT_UBNT_IMAGE.fix': 'Download the airOS firmware for this model from Ubiquiti, or the OpenWrt "factory" image for it, and choose that file.',
  'error.RECOVER_EMPTY_FILE.message': 'The chosen file is empty.',
  'error.RECOVER_EMPTY_FILE.meaning': 'There is nothing to send to the router.',
  'error.RECOVER_EMPTY_FILE.fix': 'Choose the firmware file again; it may not have finished downloading.',
  'error.RECOVER_IMAGE_TOO_LARGE.message': '{kind, select, model {This file is larger than the {model} can hold.} other {This file is far larger than any router firmware.}}',
  'error.RECOVER_IMAGE_TOO_LARGE.meaning': '{kind, select, model {It is not firmware for this model, or it contains more than the firmware.} other {It is not a firmware image.}}',
  'error.RECOVER_IMAGE_TOO_LARGE.fix': '{kind, select, model {Choose the factory image for exactly this model.} other {Choose the firmware image for this router.}}',
  'error.RECOVER_UNKNOWN_MODEL.message': 'Rescue Bench does not know the model "{model}".',
  'error.RECOVER_UNKNOWN_MODEL.meaning': 'Without it, the recovery addresses, file names and light signals are unknown.',
  'error.RECOVER_UNKNOWN_MODEL.fix': "Pick a model from the list, or leave the model empty to use the maker's usual settings.",
  'error.RECOVER_WRONG_FLOW.message': 'The {router} does not use the {chosen} recovery.',
  'error.RECOVER_WRONG_FLOW.meaning': '{uses, select, none {Its recovery works differently: {summary}} other {It uses the {uses} recovery.}}',
  'error.RECOVER_WRONG_FLOW.fix': '{uses, select, none {Use the way its profile describes.} other {Choose the {uses} recovery for this model.}}',
  'error.RECOVER_FILE_MISSING.message': 'The firmware file {file} cannot be opened.',
  'error.RECOVER_FILE_MISSING.meaning': 'Nothing can be sent to the router without it.',
  'error.RECOVER_FILE_MISSING.fix': 'Choose the file again.',
  'error.RECOVER_NOT_A_FILE.message': '{file} is not a file.',
  'error.RECOVER_NOT_A_FILE.meaning': 'A firmware image is one file.',
  'error.RECOVER_NOT_A_FILE.fix': 'Choose the firmware file itself.',
  'error.STOPPED.message': '{why, select, upload {The upload was stopped.} other {Stopped.}}',
  'error.STOPPED.meaning': '{why, select, upload {The router did not get the whole file; it keeps waiting in its recovery mode.} other {Nothing more is sent.}}',
  'error.STOPPED.fix': '{why, select, upload {Start the upload again when you are ready.} other {Start again when ready.}}',
  'error.NOT_CONFIRMED.message': 'Not confirmed.',
  'error.NOT_CONFIRMED.meaning': '{what, select, recovery {The guide waits for the recovery mode.} other {The guide waits for the cables.}}',
  'error.NOT_CONFIRMED.fix': '{what, select, recovery {Start the recovery mode, then continue.} other {Connect the cables, then choose Done.}}',
  'error.RECOVER_NO_RECOVERY_PAGE.message':
    "{why, select, silent {The router's recovery page at {host} did not answer.} other {The router's recovery page at {host} cannot be reached.}}",
  'error.RECOVER_NO_RECOVERY_PAGE.meaning':
    '{why, select, silent {The router is not in its recovery mode yet, or this computer is not in its network. The recovery page answers no ping, so only a connection shows it is there.} other {The router is not in its recovery mode yet, or this computer is not in its network.}}',
  'error.RECOVER_NO_RECOVERY_PAGE.fix':
    '{why, select, silent {Switch the router off, hold Reset, switch it on and keep holding until the power light blinks (about 10 seconds). Check that the cable is in a LAN port and that this computer has an address in {network}. Then try again.} other {Switch the router off, hold Reset, switch it on and keep holding until the power light blinks (about 10 seconds). Then try again.}}',
  'error.RECOVER_PAGE_REFUSED.message': 'Something at {host} refused the connection to its web page.',
  'error.RECOVER_PAGE_REFUSED.meaning':
    'A device answers at that address but has no web page on port 80: usually the router is still starting normally, not in its recovery mode.',
  'error.RECOVER_PAGE_REFUSED.fix':
    'Switch the router off, hold Reset, switch it on and keep holding until the power light blinks (about 10 seconds). Then try again.',
  'error.RECOVER_FILE_CHANGED.message': 'The firmware file changed while it was being sent.',
  'error.RECOVER_FILE_CHANGED.meaning': 'The router would get a mixed file.',
  'error.RECOVER_FILE_CHANGED.fix': 'Leave the file alone and send it again.',
  'error.RECOVER_FILE_UNREADABLE.message': 'The firmware file cannot be read.',
  'error.RECOVER_FILE_UNREADABLE.meaning': 'Nothing was sent to the router.',
  'error.RECOVER_FILE_UNREADABLE.fix': 'Check that the file is still there and choose it again.',
  'error.RECOVER_UPLOAD_STALLED.message': 'The router stopped taking the file.',
  'error.RECOVER_UPLOAD_STALLED.meaning':
    'Nothing moved for {seconds} seconds after {sent} of {total} bytes. The router may have restarted, or the cable was unplugged.',
  'error.RECOVER_UPLOAD_STALLED.fix':
    'Check the cable, switch the router off, start its recovery mode again (hold Reset while switching on) and send the file again.',
  'error.RECOVER_NO_CARRIER.message': 'There is no cable signal on {iface}.',
  'error.RECOVER_NO_CARRIER.meaning':
    'The router is off, the cable is not plugged in at both ends, or it is in a port that is switched off. Nothing can reach the router like this.',
  'error.RECOVER_NO_CARRIER.fix':
    'Check that the cable goes from this computer to a LAN port of the router, that the router is switched on (a light by the port should glow), then try again.',
  'error.RECOVER_NO_SUCH_INTERFACE.message': 'This computer has no network connection called "{iface}".',
  'error.RECOVER_NO_SUCH_INTERFACE.meaning': 'Rescue Bench cannot give it the address the router needs.',
  'error.RECOVER_NO_SUCH_INTERFACE.fix': 'Choose one of the connections listed, or leave the choice to Rescue Bench.',
  'error.RECOVER_NO_WIRED.message': 'This computer has no wired network connection.',
  'error.RECOVER_NO_WIRED.meaning': 'The recovery mode only talks over a cable.',
  'error.RECOVER_NO_WIRED.fix': 'Plug a network adapter (USB-Ethernet works) into this computer, connect it to the router, then check again.',
  'error.RECOVER_NO_INTERFACE.message': 'No connection was chosen.',
  'error.RECOVER_NO_INTERFACE.meaning': 'Rescue Bench does not know which cable leads to the router.',
  'error.RECOVER_NO_INTERFACE.fix': 'Check again and pick the connection.',
  'error.RECOVER_NOT_SERVING.message': 'The file is not offered any more.',
  'error.RECOVER_NOT_SERVING.meaning': 'The step before this one has to run again.',
  'error.RECOVER_NOT_SERVING.fix': 'Choose "Try again".',
  'error.RECOVER_TRANSFER_CUT.message':
    '{how, select, fetch {The router stopped fetching after {sent} of {total} bytes and did not ask again.} other {The router closed the connection after {sent} of {total} bytes.}}',
  'error.RECOVER_TRANSFER_CUT.meaning':
    '{how, select, fetch {It probably restarted in the middle (the button was let go too early, or the power dropped). It has not written anything yet: a TP-Link bootloader writes only a complete, checked file.} other {It probably restarted in the middle; it has not written a partial file.}}',
  'error.RECOVER_TRANSFER_CUT.fix':
    '{how, select, fetch {Switch the router off, then hold Reset while switching it on again. Keep holding until Rescue Bench says the router asked for the file.} other {Switch the router off, start its recovery mode again (hold Reset while switching on) and send the file again.}}',
  'error.RECOVER_NO_REQUEST.message': 'The router did not ask for the file within {seconds} seconds.',
  'error.RECOVER_NO_REQUEST.meaning':
    'Either it did not start its recovery mode (the button was not held long enough), or its request did not reach Rescue Bench.',
  'error.RECOVER_NO_REQUEST.fix':
    'Switch the router off. Hold Reset, switch it on and keep holding for about 10 seconds. Check that the cable is in a LAN port (not the WAN port). {firewall}',
  'error.RECOVER_WRONG_BYTES.message': '{how, select, served {The router got different bytes than were chosen.} other {Different bytes were sent than were chosen.}}',
  'error.RECOVER_WRONG_BYTES.meaning': '{how, select, served {The file changed on this computer while it was served.} other {The file changed on this computer while it was sent.}}',
  'error.RECOVER_WRONG_BYTES.fix': 'Choose the file again and start over.',
  'error.RECOVER_ROUTER_REFUSED.message': 'The router refused the file.',
  'error.RECOVER_ROUTER_REFUSED.meaning': 'Its recovery page said: {said}. It writes nothing when it refuses; the old state stays.',
  'error.RECOVER_ROUTER_REFUSED.fix': 'Check that the file is the factory image for exactly this model and hardware version, then send it again.',
  'error.RECOVER_NOT_BACK.message': 'The router did not answer at {address} after writing.',
  'error.RECOVER_NOT_BACK.meaning':
    '{page, select, yes {It still shows its recovery page: it did not take the file, or has not restarted.} other {It may still be writing or starting, it may use another address with the new firmware, or the file did not start.}}',
  'error.RECOVER_NOT_BACK.fix':
    'Wait two more minutes and check again. {note, select, none {OpenWrt answers at 192.168.1.1, which this computer reaches only with an address in 192.168.1.x.} other {{note}}} If the lights stay off or keep blinking the same way for more than 10 minutes, start the recovery again from the beginning.',
} as const satisfies Record<string, string>;
