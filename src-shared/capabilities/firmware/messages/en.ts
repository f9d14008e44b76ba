/**
 * The firmware capability's words in English, the source (decision 0100): keys start with `firmware.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  // ── step 1: which file ─────────────────────────────────────────────────────────
  'firmware.pick.title': 'Which firmware file?',
  'firmware.pick.lead':
    'Drop the firmware file here. We read it, check its checksums and tell you what it is and whether it suits your router. Nothing is sent to the router.',
  'firmware.pick.drop': 'Drop a firmware file (.bin, .img, .itb, .trx, .chk) here',
  'firmware.pick.choose': 'Choose a file…',
  'firmware.pick.fileLabel': 'Firmware file',
  'firmware.pick.sending': 'Sending {file}',
  'firmware.pick.progress': 'Sending {file}: {sent} of {total} ({percent}%)',
  'firmware.pick.reading': 'Reading and checking the file…',
  'firmware.pick.onWorkstation': 'The file is already on the workstation',
  'firmware.pick.path': 'Path on the workstation',
  'firmware.pick.pathExample': '/home/me/Downloads/FW_WRT32X_1.0.180404.58.img',
  'firmware.pick.check': 'Check this file',
  'firmware.pick.failed': 'The file could not be checked.',
  // ── what the file is ───────────────────────────────────────────────────────────
  'firmware.report.file': 'File',
  'firmware.report.size': 'Size',
  'firmware.report.bytes': '{size} ({count, number} bytes)',
  'firmware.report.version': 'Version',
  'firmware.report.madeFor': 'Made for',
  'firmware.report.layout': 'Flash layout',
  'firmware.report.expected': "Checksum from the maker's website (SHA-256 or MD5), to compare",
  'firmware.report.pasteHere': 'paste it here',
  // ── step 2: does it suit the router ────────────────────────────────────────────
  'firmware.verdict.title': 'Does it suit your router?',
  'firmware.verdict.router': 'Your router',
  'firmware.verdict.choose': 'Choose your router…',
  'firmware.verdict.asCalled': '{board} (as the router calls itself)',
  'firmware.verdict.readFromRouter': 'Read it from the router (it must run OpenWrt and be connected)',
  'firmware.verdict.host': 'Router address',
  'firmware.verdict.password': 'Password (empty in rescue mode)',
  'firmware.verdict.reading': 'Reading…',
  'firmware.verdict.read': 'Read from the router',
  'firmware.verdict.connected':
    'The router calls itself {board, select, none {(no board name)} other {{board}}} and has {count, plural, one {# flash partition} other {# flash partitions}}.',
  'firmware.verdict.reports': 'What the router reports (makes the answer exact)',
  'firmware.verdict.compatFrom': 'compat_version (from',
  'firmware.verdict.compatExample': 'e.g. 2.0',
  'firmware.verdict.pasteMtd': 'Paste the output of',
  'firmware.verdict.partitionsRead': '{count, plural, one {Read # partition.} other {Read # partitions.}}',
  'firmware.verdict.noPartitions': 'No partitions found in that text.',
  'firmware.verdict.command': 'Command on the router:',
  'firmware.verdict.sysupgradeSays': 'sysupgrade will print:',
  'firmware.verdict.withForce': 'With -F it prints:',
  'firmware.verdict.compatible': 'Fits this router',
  'firmware.verdict.needsN': 'Fits, but settings cannot be kept (-n)',
  'firmware.verdict.needsF': 'Only when forced (-F)',
  'firmware.verdict.needsFactory': 'Needs a factory image first',
  'firmware.verdict.doesNotFit': 'Does not fit',
  'firmware.verdict.damaged': 'Damaged file',
  'firmware.verdict.unknown': 'Cannot tell',
  // ── the expert tree ────────────────────────────────────────────────────────────
  'firmware.tree.title': 'Inside the file (for experts)',
  'firmware.tree.layout':
    'Recognised {recognised} · filler {padding} · unrecognised {unknown}{trailing, select, none {} other { · after the last part: {trailing} of {kind, select, padding {filler} other {data}} at {offset}}} · checked in {ms} ms',
  'firmware.tree.metadata': 'OpenWrt metadata (JSON)',
  'firmware.tree.ok': 'checks pass',
  'firmware.tree.bad': 'damaged',
  'firmware.tree.none': 'nothing to check',
  'firmware.tree.expectedGot': 'expected {expected}, got {actual}',
} as const satisfies Record<string, string>;
