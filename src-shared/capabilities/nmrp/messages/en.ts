/**
 * The nmrp capability's words in English, the source (decision 0100): keys start with `nmrp.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // the steps a seller sees
  'nmrp.step.check': 'Check the firmware file',
  'nmrp.step.prepare': 'Prepare this computer',
  'nmrp.step.find': 'Find the router',
  'nmrp.step.asks': 'The router asks for the firmware',
  'nmrp.step.send': 'Send the firmware',
  'nmrp.step.write': 'The router writes it',
  'nmrp.step.done': 'Finished',
  'nmrp.steps': 'Steps',

  // the power light, in words
  'nmrp.led.waiting': 'When you switch it on, the power light comes on and, on most models, blinks while the router looks for this computer.',
  'nmrp.led.writing': 'While it writes, the power light blinks (about once a second on most models). Do not switch it off.',
  'nmrp.led.done': 'Finished: on most models the power light keeps blinking, faster or in another colour, until you switch the router off.',

  // before you start
  'nmrp.guide.title': 'Before you start',
  'nmrp.guide.off': 'Switch the router off.',
  'nmrp.guide.offWhy': 'No button is needed: the router looks for this computer every time it starts, for about a second.',
  'nmrp.guide.cable': 'Connect a cable from this computer straight to one of the router\'s LAN ports (1–4, usually yellow).',
  'nmrp.guide.cableWhy': 'Not the Internet port, and no switch in between.',
  'nmrp.guide.start': 'Press Start.',
  'nmrp.guide.startWhy': 'When the screen says "Switch the router on now", switch it on.',
  'nmrp.guide.wait': 'The router takes the firmware, writes it (a few minutes) and then waits. Switch it off and on again when the screen says so.',
  'nmrp.guide.permission':
    "This is Netgear's NMRP (a rescue mode built into the router's bootloader, the small program that starts it). It needs permission to send raw network frames; if this computer asks for your password, that is why.",

  // the file
  'nmrp.image.dni': 'Netgear factory firmware (DNI image) for the {board}{model, select, none {} other { ({model})}}. Check that the label under the router says {board}.',
  'nmrp.image.chk': 'Netgear firmware (.chk) for board {board}{model, select, none {} other { — that is the {model}}}. Check that it matches the router\'s label.',
  'nmrp.image.chkUnknown': "Netgear firmware (.chk) for an unknown board. Check that it matches the router's label.",
  'nmrp.image.facts': '{file}, {size}{version, select, none {} other {, version {version}}}{region, select, none {} other {, {region}}}.',
  'nmrp.image.large':
    'This file is large: if the router refuses the larger transfer pieces, the piece counter starts again at 0, which some bootloaders do not handle (the upload then fails near its end).',
  'nmrp.image.label': 'The label under my router says',
  'nmrp.image.sameModel': 'the same model',

  // the set-up
  'nmrp.setup.title': 'Recover a Netgear router',
  'nmrp.setup.lead':
    'Puts Netgear\'s factory firmware (or OpenWrt\'s "factory" image) back on a router that no longer starts. It takes about 5 minutes.',
  'nmrp.setup.file': 'Firmware file (.chk or .img)',
  'nmrp.setup.fileExample': '/home/me/firmware/R7800-V1.0.2.94.img',
  'nmrp.setup.check': 'Check the file',
  'nmrp.setup.cable': 'Cable to the router (wired connection)',
  'nmrp.setup.cableExample': 'eth0',
  'nmrp.setup.cableIn': ' — cable in',
  'nmrp.setup.noCable': ' — no cable',
  'nmrp.setup.virtual': ' (virtual)',
  'nmrp.setup.findWaiting': 'Waiting: plug the cable in and switch the router on…',
  'nmrp.setup.find': 'Find it for me',
  'nmrp.setup.region': 'Region (only if Netgear support says so)',
  'nmrp.setup.keepRegion': "Keep the router's own",
  'nmrp.setup.found': 'The router is on the connection {name}. Switch the router off again now; you switch it on after pressing Start.',
  'nmrp.setup.more': 'More settings (technicians)',
  'nmrp.setup.timeout': 'Reply timeout (s; Orbi and RAX: 60)',
  'nmrp.setup.routerAddress': 'Router address',
  'nmrp.setup.hostAddress': "This computer's address",
  'nmrp.setup.start': 'Start',
  'nmrp.setup.needCheck': 'Check the firmware file first.',
  'nmrp.setup.needLabel': 'Compare the board name with the label under the router, then tick the box.',
  'nmrp.setup.needCable': 'Choose the wired connection the router is plugged into.',

  // the permission
  'nmrp.grant.button': 'Allow (asks for your password)',
  'nmrp.grant.linux': 'Done: Rescue Bench may now send the recovery messages. Close it and start it again for this to take effect.',
  'nmrp.grant.mac': 'Done: Rescue Bench may now send the recovery messages until this Mac restarts.',

  // after the recovery: does it start?
  'nmrp.boot.question': 'After you switched it on again (give it 3 minutes): check that it starts?',
  'nmrp.boot.address': "The router's usual address",
  'nmrp.boot.checking': 'Checking…',
  'nmrp.boot.check': 'Check that it started',
  'nmrp.boot.answers': 'The router answers at {address}: the new firmware has started.',
  'nmrp.boot.answersWeb': 'The router answers at {address} and shows its web page: the new firmware has started.',
  'nmrp.boot.silent': 'Nothing answers at {address} yet.',
  'nmrp.boot.dhcp': 'It gives out addresses (DHCP): its firmware is running.',
  'nmrp.boot.dhcpOffered': 'It gives out addresses (DHCP, offered {offered}): its firmware is running.',

  // the run
  'nmrp.run.title': 'Netgear recovery',
  'nmrp.run.titleOn': 'Netgear recovery on {name}',
  'nmrp.run.stop': 'Stop',
  'nmrp.run.switchOffOn': 'Switch the router off, wait 10 seconds and switch it on again.',
  'nmrp.run.starting': 'Starting…',
  'nmrp.run.done': 'Done. The router took {file}{board, select, none {} other { (for the {board})}}{sha, select, none {} other {, {size}, SHA-256 {sha}…}} and wrote it. It is safe to switch it off now.',
  'nmrp.run.theFirmware': 'the firmware',
  'nmrp.run.sending': 'Sending the firmware',
  'nmrp.run.progress': '{done} of {total} · {rate}',
  'nmrp.run.left': ' · about {seconds} s left',
  'nmrp.run.writingFor': 'Writing for {time} — usually 2 to 5 minutes.',
  'nmrp.run.writingForBusy':
    'Writing for {time} — usually 2 to 5 minutes (the router said it is busy {count, plural, one {# time} other {# times}}).',
  'nmrp.run.details': 'Details (NMRP messages)',
  'nmrp.run.router': ' (router {mac})',
  'nmrp.run.ignored':
    'Ignored: {malformed} broken and {ignored} other frames; {confAcks} settings answers, {keepAlives} keep-alives.',

  // what the recovery says while it runs: each stage carries the English and these ids + values (decision 0145)
  'nmrp.said.checking': 'Checking the firmware file.',
  'nmrp.said.preparing': 'Preparing the connection {name}: this computer takes the address {address}.',
  'nmrp.said.waitingCable': 'Waiting for the router: plug the cable into one of its LAN ports.',
  'nmrp.said.switchOn': 'Switch the router on now.',
  'nmrp.said.calling': 'Calling the router. Switch the router on now.',
  'nmrp.said.switchOnHow': 'Switch the router on now (power button or plug).',
  'nmrp.said.found': 'The router answered (hardware address {mac}).',
  'nmrp.said.settings': 'The router asked for its settings: it gets the address {address}.',
  'nmrp.said.settingsRegion': 'The router asked for its settings: it gets the address {address}, region {region}.',
  'nmrp.said.settingsAgain': 'The router asked again for its settings (it missed our answer); answered again.',
  'nmrp.said.asked': 'The router asked for the firmware. Sending it now.',
  'nmrp.said.askedName': 'The router asked for the firmware ("{name}"). Sending it now.',
  'nmrp.said.askedAgain': 'The router asked for the file again: it may not accept this firmware.',
  'nmrp.said.sending': 'Sending the firmware to the router. Keep the cable plugged in and the power on.',
  'nmrp.said.uploaded': 'The router has the whole file. It now writes it into its memory: this takes a few minutes. Do not switch it off.',
  'nmrp.said.rolledOver': 'The piece counter started again at 0 during the upload; if the router does not take the file, this is why.',
  'nmrp.said.busy': 'The router is writing the firmware and says it is still busy. Do not switch it off.',
  'nmrp.said.done': 'Done: the router has written the firmware and says the recovery is finished.',
  'nmrp.said.doneDoNow':
    'Switch the router off now, wait 10 seconds and switch it on again. It then starts the new firmware (the first start takes a few minutes).',
  'nmrp.said.secondRouter': 'A second router is talking on this cable; it is ignored while this one finishes.',
  'nmrp.said.addressNotRemoved': 'The address could not be removed from this computer.',
  'nmrp.said.framesIgnored': 'frames from {mac} ignored',
  'nmrp.said.manyPieces':
    'The file needs more than {max} pieces if the router refuses the larger piece size ({blksize} bytes); the piece counter would then start again at 0, which some bootloaders do not handle.',
  'nmrp.said.imageDni':
    'Netgear factory firmware (DNI image) for the {board}{version, select, none {} other {, version {version}}}{model, select, none {} other { ({model})}}. Check that the label under the router says {board}.',
  'nmrp.said.imageChk':
    "Netgear firmware (.chk) for board {board}{region, select, none {} other {, {region}}}{model, select, none {} other { — that is the {model}}}. Check that it matches the router's label.",
  'nmrp.said.imageChkUnknown': "Netgear firmware (.chk) for board unknown{region, select, none {} other {, {region}}}. Check that it matches the router's label.",

  // the command line
  "nmrp.cli.uploaded": "{bytes, number, ::.00} MiB in {seconds, number, ::.00} s ({rate, number, ::.00} MiB/s, blocks of {blksize} bytes), sha256 {sha}",
  "nmrp.cli.progress": "{done, number, ::.00} MiB of {total, number, ::.00} MiB, {rate, number, ::.00} MiB/s",
  'nmrp.cli.done': 'Done. Switch the router off, wait 10 seconds and switch it on again: it starts the new firmware.',

  // faults
  'error.NMRP_NO_ROUTER.message': 'The router did not answer in {seconds} seconds.',
  'error.NMRP_NO_ROUTER.meaning':
    'A Netgear router listens for this computer only for a moment right after it is switched on. It did not hear us, or it is not in a recovery-capable start.',
  'error.NMRP_NO_ROUTER.fix':
    'Check, in this order:\n1. The cable goes from this computer straight into one of the router\'s LAN ports (1–4, usually yellow), not the Internet port{carrier, select, never { — this computer never saw the cable connected} other {}}.\n2. The router was switched on only after you pressed Start. Switch it off, press Start, wait for "Switch the router on now", then switch it on.\n3. Nothing sits between the router and this computer (no switch or dock): a switch delays the link and the router stops listening before it sees us.\n4. Some models only listen while their Reset button is held during power-on: hold it with a pin, switch on, keep holding for 10 seconds.\n5. Some Netgear models do not use this recovery at all but accept a plain TFTP upload instead: check the router\'s page in the guide.',
  'error.NMRP_TWO_ROUTERS.message': 'Two routers answered on the same cable.',
  'error.NMRP_TWO_ROUTERS.meaning': 'Rescue Bench cannot tell which one should get the firmware ({first} and {second}), and will not guess.',
  'error.NMRP_TWO_ROUTERS.fix':
    'Connect only the router you want to recover to this computer (no switch with other Netgear routers on it), then start again.',
  'error.NMRP_OTHER_SERVER.message': 'Another computer on this cable is also trying to recover a router.',
  'error.NMRP_OTHER_SERVER.meaning': 'Its recovery messages (from {mac}) would confuse the router about where to get its firmware.',
  'error.NMRP_OTHER_SERVER.fix': 'Close nmrpflash or the other recovery program (or unplug that computer), then start again.',
  'error.NMRP_ROUTER_SILENT.message':
    '{after, select, writing {The router stopped talking while it was writing the firmware (nothing for {seconds} seconds).} other {The router went quiet while we waited for {waitingFor} ({seconds} seconds).}}',
  'error.NMRP_ROUTER_SILENT.meaning':
    '{after, select, writing {It may have restarted, lost power, or its bootloader gave up. The firmware may or may not be complete.} configured {It took its address but never asked for the file. This happens when it restarts, or when it needs longer (Orbi and RAX models).} other {It stopped answering in the middle of the recovery.}}',
  'error.NMRP_ROUTER_SILENT.fix':
    '{after, select, writing {Look at the power light. If it blinks, wait; if the router restarted, let it start and check whether it works. If it does not start, run the recovery again.} other {Switch the router off, start again and switch it on when asked. For Orbi and RAX models set the reply timeout to 60 seconds.}}',
  'error.NMRP_IMAGE_REJECTED.message': 'The router asked for the file {times} times: it does not accept this firmware.',
  'error.NMRP_IMAGE_REJECTED.meaning':
    'Its bootloader checked the file and refused it, most often because the file is for another model or region.',
  'error.NMRP_IMAGE_REJECTED.fix':
    "Compare the board name on the router's label with the one this file is for, get the factory firmware for exactly that model from Netgear, and start again.",
  'error.NMRP_TFTP_NO_ANSWER.message': 'The router asked for the firmware but did not take the first piece.',
  'error.NMRP_TFTP_NO_ANSWER.meaning':
    'Usually this computer could not reach {routerIp} (its address lookup, ARP, got no answer) or a firewall on this computer blocks the transfer (TFTP).',
  'error.NMRP_TFTP_NO_ANSWER.fix':
    "Allow Rescue Bench in the computer's firewall, keep the cable straight between router and computer, and start again. Rescue Bench already adds a fixed ARP entry for the router.",
  'error.NMRP_UPLOAD_INTERRUPTED.message': 'The upload stopped at {percent} %: the router stopped taking the file.',
  'error.NMRP_UPLOAD_INTERRUPTED.meaning':
    'The router most likely restarted (power, or its bootloader gave up). Nothing was written yet: routers write only after the whole file arrived.',
  'error.NMRP_UPLOAD_INTERRUPTED.fix': 'Keep the router switched off for 10 seconds, start again and switch it on when asked.',
  'error.NMRP_IMAGE_TOO_BIG.message': 'The file is too big for this recovery ({size} MiB).',
  'error.NMRP_IMAGE_TOO_BIG.meaning':
    "A bootloader's file transfer counts pieces up to 65535; with the largest pieces routers take (1456 bytes) that is {max} MiB.",
  'error.NMRP_IMAGE_TOO_BIG.fix': 'Check that this is the factory firmware for this router (they are far smaller); a file this big is not one.',
  'error.NMRP_CANCELLED.message': 'Recovery was stopped.',
  'error.NMRP_CANCELLED.meaning': 'Nothing more is sent to the router; the network set-up on this computer is undone.',
  'error.NMRP_CANCELLED.fix': 'Switch the router off. Start again when you are ready.',
  'error.NMRP_NOT_NETGEAR_IMAGE.message': 'This file is not a Netgear firmware image.',
  'error.NMRP_NOT_NETGEAR_IMAGE.meaning':
    'The Netgear recovery only takes Netgear factory images (.chk files, or .img files for models like the R7800); the router would refuse anything else, or worse.',
  'error.NMRP_NOT_NETGEAR_IMAGE.fix':
    'Download the factory firmware for this exact model from Netgear\'s support page (or OpenWrt\'s "factory" image for it) and choose that file.',
  'error.NMRP_IMAGE_DAMAGED.message': 'This firmware file is damaged: its checksum does not match.',
  'error.NMRP_IMAGE_DAMAGED.meaning': 'It was probably cut off or changed during the download. The router would refuse it or write a broken firmware.',
  'error.NMRP_IMAGE_DAMAGED.fix': 'Download the file again and choose the new copy.',
  'error.NMRP_CLOSED_EARLY.message': 'The router ended the recovery before it asked for the firmware.',
  'error.NMRP_CLOSED_EARLY.meaning': 'Nothing was sent to it.',
  'error.NMRP_CLOSED_EARLY.fix': 'Switch the router off and start again; if it happens again, it may not accept recovery from this computer.',
  'error.NMRP_BUSY.message': 'A Netgear recovery is already running.',
  'error.NMRP_BUSY.meaning': 'One router at a time is recovered through this program.',
  'error.NMRP_BUSY.fix': 'Wait for it to finish, or stop it first.',
  'error.NMRP_FAILED.message': 'The recovery did not finish.',
  'error.NMRP_GRANT_UNAVAILABLE.message':
    '{why, select, windows {On Windows there is no permission for Rescue Bench to ask for here.} other {This computer has no password prompt Rescue Bench can use for this permission.}}',
  'error.NMRP_GRANT_UNAVAILABLE.meaning':
    '{why, select, windows {Npcap decides who may send raw network frames, once, when it is installed.} other {pkexec (polkit) or setcap is missing, so the permission cannot be given from here.}}',
  'error.NMRP_GRANT_UNAVAILABLE.fix':
    '{why, select, windows {If Npcap was installed for administrators only, close Rescue Bench and start it with a right-click on its icon → "Run as administrator". Or run the Npcap installer again without that option.} other {In a terminal: sudo setcap cap_net_raw+ep {binary} — then start Rescue Bench again.}}',
  'error.NMRP_GRANT_REFUSED.message': 'The permission was not given.',
  'error.NMRP_GRANT_REFUSED.meaning': 'The password prompt was closed, or the password was not accepted.',
  'error.NMRP_GRANT_REFUSED.fix': 'Try again and enter the password of an administrator of this computer.',
  "nmrp.cli.note": "Note:",
  // ── the command line: what each command does (help) and its usage mistakes (decisions 0172, 0173) ──
  'nmrp.cli.summary.recover': "Recover a Netgear router through its bootloader's NMRP: it asks this computer for the firmware over the cable",
  'nmrp.cli.usage.interface': '--interface IF is required: the wired connection the router is plugged into',
  'nmrp.cli.usage.file': '--file IMAGE is required: the Netgear factory firmware (.chk or .img)',
  'nmrp.cli.takes.region': 'NA, WW, GR, PR, RU, BZ, IN, KO, JP, AU, CA or US',
  'nmrp.cli.takes.seconds': 'seconds from {min} to {max}',
  'nmrp.cli.takes.routerIp': 'an address with its prefix, like 10.164.183.253/24',
} as const satisfies Record<string, string>;
