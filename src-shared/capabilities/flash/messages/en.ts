/**
 * The flash capability's words in English, the source (decision 0100): keys start with `flash.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // ── backup (BackupPanel) ─────────────────────────────────────────────────────
  'flash.backup.title': 'Back up everything',
  'flash.backup.stop': 'Stop the backup',
  'flash.backup.again': 'Back up again',
  'flash.backup.all': 'Back up all {count, plural, one {# partition} other {# partitions}}',
  'flash.backup.lead':
    "This copies every part of the router's memory ({size}) to this computer, with a checksum for each part, so you can put it back later. The time left shows once copying starts. Keep the cable plugged in.",
  'flash.backup.where': 'Choose where the backup goes',
  'flash.backup.folder': "New, empty folder (empty: Rescue Bench's backups folder)",
  'flash.backup.phase.connecting': 'Connecting to the router…',
  'flash.backup.phase.discovering': 'Reading the partition list…',
  'flash.backup.phase.hashing-on-router': 'The router is computing its own checksum of "{name}" ({n} of {count})',
  'flash.backup.phase.copying': 'Copying "{name}" ({n} of {count})',
  'flash.backup.phase.verifying': 'Checking "{name}" ({n} of {count})',
  'flash.backup.phase.working': 'Working…',
  'flash.backup.allParts': 'All partitions',
  'flash.backup.rate': '{done} of {total} · {rate} · {left}. Keep the cable plugged in.',
  'flash.backup.measuring': 'measuring speed…',
  'flash.backup.perSecond': '{size}/s',
  'flash.backup.leftUnknown': 'working out the time left…',
  'flash.backup.leftSeconds': 'about {n, plural, one {# second} other {# seconds}} left',
  'flash.backup.leftMinutes': 'about {n, plural, one {# minute} other {# minutes}} left',
  'flash.backup.done':
    'Done. All {count} partitions ({size}) are copied and checked, in {dir}. It is safe to unplug the cable.',
  'flash.backup.notStarted': 'The backup did not start',
  'flash.backup.partial':
    'Not complete: {ok} of {count} partitions are good; {failed} failed. The good ones are kept in {dir}.',
  'flash.backup.retry': 'Retry the failed {count, plural, one {partition} other {partitions}}',
  'flash.backup.copied': '{size} copied',
  'flash.backup.failed': 'failed',
  'flash.backup.agrees': ', the router agrees on the checksum',
  'flash.backup.badBlocks': ', {count, plural, one {# bad block} other {# bad blocks}} skipped',
  // ── restore (RestorePanel) ───────────────────────────────────────────────────
  'flash.restore.title': 'Restore a partition from a backup',
  'flash.restore.lead':
    'Nothing is written until you have seen the plan. Rescue Bench checks the backup file, that this is the same router, and reads the partition back after writing.',
  'flash.restore.folder': 'Backup folder',
  'flash.restore.partition': 'Partition',
  'flash.restore.choose': 'Choose…',
  'flash.restore.dangerous': '{name} (dangerous)',
  'flash.restore.typeName': 'Type "{name}" to allow writing it',
  'flash.restore.otherRouter': 'I am sure: use this backup even though it looks like it came from another router',
  'flash.restore.checking': 'Checking…',
  'flash.restore.check': 'Check the plan',
  'flash.restore.step': 'Replace {partition} (mtd{index}) with {file} from the backup of {date}. Its checksum was checked again just now.',
  'flash.restore.commands': 'Commands that will run on the router',
  'flash.restore.writing': 'Writing — do not unplug…',
  'flash.restore.write': 'Write {names} to the router',
  'flash.restore.phase': '{partition}: {phase, select, checking {Checking} uploading {Copying the image into the router\'s memory} writing {Writing to the flash — do not unplug} readingBack {Reading it back to check} done {Written and checked} other {Failed}}',
  'flash.restore.done': 'Done. {partition} now holds the backup again: read back and checked (sha256 {hash}…).',
} as const satisfies Record<string, string>;
