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
} as const satisfies Record<string, string>;
