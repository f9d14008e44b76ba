/**
 * The jobs capability's words in English, the source (decision 0100): keys start with `jobs.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // the list
  'jobs.history': 'History',
  'jobs.find': 'Find a router',
  'jobs.find.example': 'MAC, board, serial, customer, ticket',
  'jobs.find.go': 'Find',
  'jobs.none': 'No jobs yet. Every guide you run on this computer is kept here (practice runs are not).',
  'jobs.noMatch': 'No job matches "{query}".',
  'jobs.rebuild': 'Rebuild from journals',
  'jobs.stationOnly': "Showing this station's jobs only. {shop}",
  'jobs.notIdentified': 'Router not identified',
  'jobs.serial': 'serial {serial}',
  'jobs.ticket': 'ticket {ticket}',
  'jobs.backupTaken': 'backup taken',
  'jobs.state.running': 'still running',
  'jobs.state.done': 'finished',
  'jobs.state.failed': 'did not finish',
  'jobs.state.stopped': 'stopped by the user',
  'jobs.state.interrupted': 'interrupted (Rescue Bench closed)',

  // the shop server, in plain words (from jobs.status / jobs.sync)
  'jobs.shop.none': 'No shop server is set: jobs are kept on this computer only.',
  'jobs.shop.silentQueued':
    'The shop server does not answer. {count, plural, one {# job waits} other {# jobs wait}} to be sent; they are kept on this computer and sent when it answers again.',
  'jobs.shop.silent': 'The shop server does not answer. New jobs are kept on this computer until it answers again.',
  'jobs.shop.queued': '{count, plural, one {# job waits} other {# jobs wait}} to be sent to the shop server.',
  'jobs.shop.allSent': 'Every job is on the shop server.',
  'jobs.shop.notYet': 'The shop server has not been reached yet.',

  // one job
  'jobs.back': 'Back to the list',
  'jobs.station': 'station {station}',
  'jobs.stillRunning': 'This job is still running. A report made now shows the steps so far and says so.',
  'jobs.router': 'Router',
  'jobs.customer': 'Customer',
  'jobs.seenBefore': 'Seen before',
  'jobs.export': 'Export this job',
  'jobs.making': 'Making the report…',
  'jobs.makingPdf': 'Making the PDF…',
  'jobs.saveHtml': 'Save report (HTML)',
  'jobs.savePdf': 'Save report (PDF)',
  'jobs.saved': 'Saved {file} to your downloads.',
  'jobs.savedRunning': 'Saved {file} to your downloads. The job is still running: the report says so.',
  'jobs.whatWasDone': 'What was done',
  'jobs.step.pending': 'not reached',
  'jobs.step.active': 'in progress',
  'jobs.step.done': 'done',
  'jobs.step.failed': 'failed',
  'jobs.step.skipped': 'skipped',
  'jobs.images': 'Firmware images',
  'jobs.backups': 'Backups',
  'jobs.backup.full': 'Full backup',
  'jobs.backup.settings': 'Settings backup',
  'jobs.backup.manifest': ' ({count, plural, one {# file} other {# files}}, each with its SHA-256)',

  // "seen before" (jobs.history), made here from its list and the router's identity
  'jobs.seen.unknownRouter': 'This job does not say which router it was, so earlier jobs cannot be found.',
  'jobs.seen.first': 'First time this router ({by}) is on the bench.',
  'jobs.seen.last':
    'Seen before: {day}, {backup, select, yes {backup taken} other {no backup}} — {title}, {state}. ({count, plural, one {# earlier job} other {# earlier jobs}} for {by}.)',
  'jobs.seen.byMac': 'MAC {mac}',
  'jobs.seen.bySerial': 'serial number {serial}',
  'jobs.seen.byBoard': 'board {board} (many routers share a board name)',

  // the note
  'jobs.note.label': 'Customer and ticket',
  'jobs.note.customer': 'Customer',
  'jobs.note.ticket': 'Ticket',
  'jobs.note.serial': 'Router serial number',
  'jobs.note.save': 'Save',
  'jobs.note.saved': 'Saved.',

  // what failed, when the workstation's reply says nothing better
  'jobs.fail.note': 'The note could not be saved.',
  'jobs.fail.report': 'The report could not be made.',
  'jobs.fail.read': 'The job history could not be read.',
  'jobs.fail.rebuild': 'The job history could not be made again.',
  'jobs.fail.open': 'That job could not be read.',

  // the command line
  'jobs.cli.list.notIdentified': 'router not identified',
  'jobs.cli.none': 'No jobs yet: every guide run on this computer becomes a job (practice runs do not).',
  'jobs.cli.saved': 'Saved the report to {file} ({bytes} bytes).',
  'jobs.cli.savedRunning': 'Saved the report to {file} ({bytes} bytes). The job is still running: the report says so, and shows the steps so far.',


  // the report (HTML and PDF), made on the workstation in the language asked for (decision 0136)
  'jobs.report.pageTitle': 'Job report — {title} — {day}',
  'jobs.report.sub': 'Job {id} · {day} {time} ({zone}) · station {station} · time spent {spent}',
  'jobs.report.running': 'This job is still running. This report shows what was done up to {time} on {day}; make a new report when it has finished.',
  'jobs.report.interrupted': 'This job did not finish: Rescue Bench was closed at step {step} of {count}.',
  'jobs.report.outcome': 'Outcome: {state}.',
  'jobs.report.router': 'The router',
  'jobs.report.model': 'Model',
  'jobs.report.board': 'Board name',
  'jobs.report.mac': 'MAC address',
  'jobs.report.macFrom':
    "{source, select, uboot {from the bootloader's ethaddr} nmrp {from the Netgear recovery} arp {from this computer's address table (ARP)} other {as the router said it}}",
  'jobs.report.serial': 'Serial number',
  'jobs.report.address': 'Address',
  'jobs.report.note': 'Note',
  'jobs.report.notIdentified': 'The run did not learn which router it was.',
  'jobs.report.attempts': '{span}, {count, plural, one {# attempt} other {# attempts}}',
  'jobs.report.file': 'File',
  'jobs.report.noImage': 'No firmware image was used.',
  'jobs.report.backupFull': 'Full backup (every part of the router memory)',
  'jobs.report.backupAt': '{kind} at {time}: {location}{size, select, none {} other {, {size}}}',
  'jobs.report.bytes': '{count, plural, one {# byte} other {# bytes}}',
  'jobs.report.notCopied': 'not copied',
  'jobs.report.incomplete': 'The backup is not complete: some parts could not be copied.',
  'jobs.report.noBackup': 'No backup was taken during this job.',
  'jobs.report.footer':
    "Made by Rescue Bench on {day} at {time}. Times are this computer's clock ({zone}). The evidence lines are what the router and this computer recorded while the job ran.",
  // faults
  'error.JOBS_DB_LOCKED.message': 'The job history is busy: another Rescue Bench window or command is writing to it.',
  'error.JOBS_DB_LOCKED.meaning': 'Nothing is lost: every job is also kept in its journal, and this one is added as soon as the file is free.',
  'error.JOBS_DB_LOCKED.fix':
    'Wait a moment and try again. If no other Rescue Bench is open, run "rescue-bench jobs rebuild" to make the file again from the journals.',
  'error.JOBS_DB_CORRUPT.message': 'The job history file is damaged and cannot be read.',
  'error.JOBS_DB_CORRUPT.meaning':
    'Your jobs are not lost: each one is kept in its journal in the data folder, and the history can be made again from them.',
  'error.JOBS_DB_CORRUPT.fix': 'Choose "Rebuild from journals" (or run "rescue-bench jobs rebuild"). The damaged file is kept beside the new one.',
  'error.JOBS_DB_UNREADABLE.message': 'The job history file cannot be opened.',
  'error.JOBS_DB_UNREADABLE.meaning': 'Jobs are still kept in their journals; only the searchable history is missing until the file opens.',
  'error.JOBS_DB_UNREADABLE.fix': 'Check that the data folder is on a disk with free space that this account may write to, then try again.',
  'error.JOBS_DB_NEWER.message': '{where, select, file {The job history file} shop {The shop server} other {The job database}} was written by a newer Rescue Bench (schema {from}; this one knows up to {known}).',
  'error.JOBS_DB_NEWER.meaning': 'This version cannot read it safely, so it does not touch it. Your journals are not affected.',
  'error.JOBS_DB_NEWER.fix': 'Update Rescue Bench on this computer to the version the other stations use.',
  'error.SHOP_SERVER_UNREACHABLE.message': "The shop's job server does not answer.",
  'error.SHOP_SERVER_UNREACHABLE.meaning':
    'Jobs are kept on this computer and sent to the server as soon as it answers again; other stations do not see them until then.',
  'error.SHOP_SERVER_UNREACHABLE.fix': 'Check that the server computer is on and on the network, and that the address in the settings is right.',
  'error.NO_SUCH_JOB.message': 'There is no job "{id}".',
  'error.NO_SUCH_JOB.meaning': 'It may have been a practice run (those are not kept as jobs), or its journal was removed.',
  'error.NO_SUCH_JOB.fix': 'Pick a job from the list ("rescue-bench jobs list").',
  'error.JOB_OF_OTHER_STATION.message': 'This job was done on station {station}.',
  'error.JOB_OF_OTHER_STATION.meaning': 'Its journal is on that computer, and a note belongs beside the journal.',
  'error.JOB_OF_OTHER_STATION.fix': 'Write the note on {station}.',
  'error.BAD_SHOP_SERVER.message': 'That is not the address of a PostgreSQL server.',
  'error.BAD_SHOP_SERVER.meaning': 'Jobs stay on this computer until a server address is set.',
  'error.BAD_SHOP_SERVER.fix': 'Write it like postgres://USER:PASSWORD@SERVER:5432/DATABASE (ask whoever set up the shop server).',
  // ── `jobs show` on the command line (decision 0152) ──
  'jobs.cli.show.job': 'Job {id}, station {station}, {day} {time}',
  'jobs.cli.show.router': 'Router: {what}',
  'jobs.cli.show.board': 'board {board}',
  'jobs.cli.show.serial': 'serial {serial}',
  'jobs.cli.show.customer': 'Customer: {what}',
  'jobs.cli.show.ticket': 'ticket {ticket}',
  'jobs.cli.show.image': 'Image {file}: SHA-256 {sha256}',
  'jobs.cli.show.backup': 'Backup ({kind}) {location}{files, select, none {} other {: {files} files in its manifest}}',
  'jobs.cli.status.station': 'Station: {station}',
  'jobs.cli.status.file': 'Job history file: {path}{ok, select, yes { (schema {schema})} other { — {problem}}}',
  'jobs.cli.status.unreadable': 'not readable',
  'jobs.cli.noted': 'Saved on job {id}.',
} as const satisfies Record<string, string>;
