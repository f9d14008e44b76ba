/**
 * The tftp capability's words in English, the source (decision 0100): keys start with `tftp.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
/** What the router did, inside the refusals: `op` is read (it asked for a file) or write (it tried to upload one). */
const WHAT = '{op, select, read {asked for "{file}"} other {tried to upload "{file}"}}';
const SERVED = '{what, select, served {served folder} other {upload folder}}';
const REFUSE = 'Rescue Bench will not offer {real} by TFTP';
const OPEN =
  '{what, select, served {TFTP has no password: anything on the network could read every file in it.} other {TFTP has no password: anything on the network could put files into it, and with overwriting on, replace the ones there.}}';
/** Why a folder is refused (folderRefused in src-main/capabilities/tftp/failures.ts), by `kind`. */
const FOLDER_MESSAGE = `{kind, select, diskRoot {Rescue Bench will not offer the whole disk ({real}) by TFTP.} home {Rescue Bench will not offer your whole home folder ({real}) by TFTP.} containsHome {${REFUSE}: it holds your home folder ({folder}).} homes {${REFUSE}: it holds the home folders of the people who use this computer.} dataFolder {${REFUSE}: {itself, select, yes {it is} other {it holds}} Rescue Bench's own data folder ({folder}).} hidden {${REFUSE}: {itself, select, yes {it is a hidden folder} other {it is inside the hidden folder {folder}}}.} privateSettings {${REFUSE}: it is inside {folder}, where programs keep their settings and saved passwords.} other {${REFUSE}: {itself, select, yes {it is a system folder} other {it is inside the system folder {folder}}}.}}`;
const FOLDER_MEANING = `{kind, select, containsHome {${OPEN} That includes your keys, passwords and documents.} dataFolder {That folder keeps the routers' remembered keys, your backups (with their Wi-Fi passwords) and the journals. ${OPEN}} hidden {Folders whose names start with a dot keep keys, passwords and settings (such as .ssh and .config). ${OPEN}} system {The operating system keeps its programs and settings there. ${OPEN}} other {${OPEN}}}`;
const FOLDER_FIX = `{kind, select, dataFolder {Choose a folder inside it that holds only the firmware (for example {example}), or a folder of its own.} other {Make a folder that holds only the firmware file (for example {example}) and choose it as the ${SERVED}.}}`;

/** What the router said in its ERROR packet, and how far the upload got (client-failures.ts). */
const SAID = '{text, select, none {The router gave no reason.} other {The router said: "{text}".}}';
const AFTER = '{acked, plural, =0 {} other { after {acked} of {blocks} blocks}}';

/** Why the fast lock-step engine is not used (native.ts `notNative`): said after "the native one is". */
const ENGINE_WHY =
  '{why, select, off {turned off (RB_NATIVE=off)} server {turned off for this server} platform {not available on {platform} yet} notBuilt {not built (npm run build:native needs a C compiler)} otherVersion {{file} is from another version (abi {abi})} loadFailed {could not be loaded: {error}} virtual {not usable on a virtual network (it opens real sockets)} other {{reason}}}';
/** Why the fast sender cannot send this upload (client.ts nativeFor); the engine's own reason as ENGINE_WHY. */
const PUT_WHY = `{put, select, upload {turned off for this upload} notFile {the data is not a file} rollover {it wraps block numbers to 0 only} sharedPort {this system cannot share the upload's port between two sockets} engine {${ENGINE_WHY}} other {{reason}}}`;
/** Which served file or alias name was refused, and why (server.ts servedFiles; decision 0170). */
const ALIAS_WHAT =
  '{which, select, aliasName {The alias name "{name}"} aliasFile {The file for the alias "{name}" ("{file}")} answerAny {The file to send for any name ("{file}")} other {{what}}}';
const ALIAS_WHY =
  '{problem, select, length {it must be 1 to 255 characters long} control {it contains control characters} hidden {it has a part starting with a dot (hidden names are never served)} missing {"{file}" is not in the served folder} outside {"{quoted}" leads outside the served folder (a symbolic link pointing elsewhere)} notInside {"{quoted}" is not inside the served folder {root}} loop {"{quoted}" is a symbolic link loop or a link that may not be followed} hiddenPart {"{part}" starts with a dot: hidden files are never served} hiddenLink {"{quoted}" is a link to a hidden file or folder ("{part}"): hidden files are never served} notFile {"{quoted}" is a folder or a device, not a file} denied {this computer does not let Rescue Bench read "{quoted}"} tooLong {the file name is too long} other {{why}}}';

export const en = {
  // ── the file server ───────────────────────────────────────────────────────────
  'tftp.server.title': 'File server for the router',
  'tftp.server.lead':
    'Many routers fetch rescue firmware from this computer by TFTP (the simple file transfer that router bootloaders use). Put the firmware file in a folder, start the server here, then start the download on the router.',
  'tftp.server.root': 'Folder with the firmware files',
  'tftp.server.rootExample': '/home/you/firmware',
  'tftp.server.bind': 'Serve on',
  'tftp.server.all': 'All network connections',
  'tftp.server.loopback': 'This computer only (for testing)',
  'tftp.server.port': 'UDP port',
  'tftp.server.uploads': 'Accept uploads into this folder (empty: read-only)',
  'tftp.server.uploadsPlaceholder': 'leave empty to refuse uploads',
  'tftp.server.overwrite': 'Let an upload replace a file with the same name',
  'tftp.server.portHint': '69 is the standard port; most bootloaders only use 69. 0 picks any free port. Some U-Boot builds accept another port with',
  'tftp.server.start': 'Start the server',
  'tftp.server.stop': 'Stop the server',
  'tftp.server.benchFolders':
    'From this screen the folder must be inside the Rescue Bench folder on the workstation ({dataDir}), or in a folder allowed when the bench was started.',
  'tftp.server.running': 'The file server is running',
  'tftp.status.serving':
    'Serving {root} on {where, select, all {all network connections} other {{where}}}, UDP port {port}{since, select, none {} other {, since {since}}}. {uploads, select, none {Read-only: nothing can be uploaded.} other {Uploads go to {uploads}{overwrite, select, yes { (may replace files)} other {}}.}}',
  'tftp.status.starting': 'Starting…',
  'tftp.status.error': 'The server is not running: see below.',
  'tftp.status.stopped': 'The server is not running.',
  'tftp.uboot.typeAt': 'On a router with U-Boot, type at its prompt:',
  'tftp.uboot.thisComputer': 'THIS-COMPUTER',
  'tftp.uboot.otherPort': '(only some U-Boot builds accept another port)',
  'tftp.uboot.then': ', then',
  'tftp.uboot.fileName': 'FILE-NAME',
  'tftp.uboot.fixedName': 'Other bootloaders ask for one fixed file name: it appears below when they ask.',
  'tftp.uboot.faster': 'Faster on U-Boot 2022 or newer:',
  'tftp.uboot.before': 'before',
  'tftp.uboot.window': '(several blocks in flight instead of one at a time).',
  'tftp.engine.note':
    'One-block-at-a-time transfers (the bootloader default) use the slower built-in sender on this computer: the fast one is {why}. Everything still works; it may take a little longer.',
  'tftp.engine.unavailable': 'not available',
  'tftp.engine.why': ENGINE_WHY,
  // ── the files the router can ask for ───────────────────────────────────────────
  'tftp.files.title': 'Files the router can ask for',
  'tftp.files.refresh': 'Refresh',
  'tftp.files.empty': 'The folder has no files yet. Copy the firmware file into it, then press Refresh.',
  'tftp.files.more': '…and more (only the first {count} are listed).',
  // ── transfers ─────────────────────────────────────────────────────────────────
  'tftp.transfers.title': 'Transfers{running, plural, =0 {} other { (# running)}}',
  'tftp.transfers.clear': 'Clear finished',
  'tftp.transfers.none': 'No transfers yet. When the router asks for a file, it appears here.',
  'tftp.transfer.asked': '{peer} asked for {file}',
  'tftp.transfer.triedUpload': '{peer} tried to upload {file}',
  'tftp.transfer.sending': 'Sending {file} to {peer}',
  'tftp.transfer.receiving': 'Receiving {file} from {peer}',
  'tftp.state.running': 'in progress',
  'tftp.state.done': 'done',
  'tftp.state.error': 'failed',
  'tftp.transfer.askedFor': 'The router asked for',
  'tftp.transfer.sent': '; sent',
  'tftp.transfer.byAlias': ' (the file set up for that name).',
  'tftp.transfer.byAny': ' (the file sent for any name).',
  'tftp.transfer.barPercent': '{title}: {percent} percent',
  'tftp.transfer.barUnknown': '{title}: size not known',
  'tftp.transfer.of': ' of {size}',
  'tftp.transfer.left': ' · about {time} left',
  'tftp.transfer.took': ' · took {time}',
  'tftp.transfer.resent': ' · {count, plural, one {# packet} other {# packets}} sent again',
  'tftp.transfer.received': 'The router received all of {file}.',
  'tftp.transfer.saved': 'Saved {file} in the upload folder.',
  'tftp.transfer.from': 'From',
  'tftp.duration.underSecond': 'under a second',
  'tftp.duration.seconds': '{s} s',
  'tftp.duration.minutes': '{m} min {s} s',
  'tftp.options.blocks': 'blocks of {size} bytes',
  'tftp.options.window': 'window {size}',
  'tftp.options.tsize': 'size announced',
  'tftp.options.agreed': 'options agreed',
  'tftp.options.none': 'no options (plain TFTP)',
  'tftp.options.text': 'text mode',
  'tftp.options.join': '{a}, {b}',
  // ── sending a file to a router (TFTP put) ──────────────────────────────────────
  'tftp.put.title': 'Send a file to a router (TFTP put)',
  'tftp.put.lead':
    'Some rescue modes wait for this computer to send the firmware: ASUS rescue mode (router at 192.168.1.1), Ubiquiti (192.168.1.20). Put the router in rescue mode first; this computer needs an address in the same network.',
  'tftp.put.host': 'Router address',
  'tftp.put.file': 'Firmware file on this computer',
  'tftp.put.fileExample': '/home/you/firmware.trx',
  'tftp.put.name': "Name sent to the router (empty: the file's own name)",
  'tftp.put.blksize': 'Block size',
  'tftp.put.blksizeHint':
    '1468 fills one network packet; a router that does not know it gets 512 automatically. 512 sends no options at all (very old bootloaders).',
  'tftp.put.send': 'Send the file',
  'tftp.put.sending': 'Sending {file} to {host}',
  'tftp.put.cancel': 'Cancel',
  'tftp.put.numbers': '{done} of {total} · {rate}',
  'tftp.put.done':
    'The router acknowledged every block ({blksize}-byte blocks{window, plural, =0 {} =1 {} other {, window #}}). It now writes the firmware: leave it switched on until it restarts by itself. SHA-256:',
  // ── its faults: a transfer that ends badly ─────────────────────────────────────
  'error.TFTP_TIMEOUT.message': 'The router at {peer} stopped answering during the transfer of "{file}".',
  'error.TFTP_TIMEOUT.meaning': 'Nothing came back after {retries} retries, {seconds} s apart. The router was unplugged, restarted or gave up.',
  'error.TFTP_TIMEOUT.fix': 'Check the cable and start the transfer again on the router.',
  'error.TFTP_CLIENT_GONE.message': 'The router at {peer} stopped listening during the transfer of "{file}".',
  'error.TFTP_CLIENT_GONE.meaning': 'It gave up or restarted; the file did not arrive completely.',
  'error.TFTP_CLIENT_GONE.fix': 'Start the transfer again on the router.',
  'error.TFTP_OPTIONS_REFUSED.message': 'The router at {peer} cancelled the transfer of "{file}".',
  'error.TFTP_OPTIONS_REFUSED.meaning': 'It did not accept the transfer options we agreed to.',
  'error.TFTP_OPTIONS_REFUSED.fix': 'Start the transfer again on the router. If it keeps cancelling, look at the message under Details.',
  'error.TFTP_CLIENT_ABORTED.message': 'The router at {peer} cancelled the transfer of "{file}".',
  'error.TFTP_CLIENT_ABORTED.meaning': 'The file did not arrive completely.',
  'error.TFTP_CLIENT_ABORTED.fix': 'Start the transfer again on the router. If it keeps cancelling, look at the message under Details.',
  'error.TFTP_PROTOCOL.message':
    '{how, select, read {The router at {peer} sent something unexpected during the transfer of "{file}".} upload {The router at {peer} sent something unexpected while uploading "{file}".} other {The router at {peer} sent a block larger than agreed.}}',
  'error.TFTP_PROTOCOL.meaning': '{how, select, read {The transfer was stopped.} other {The upload was stopped and nothing was saved.}}',
  'error.TFTP_PROTOCOL.fix': '{how, select, read {Start the transfer again on the router.} other {Start the upload again.}}',
  'error.TFTP_WRITE_FAILED.message': 'Rescue Bench could not save the upload "{file}".',
  'error.TFTP_WRITE_FAILED.meaning': 'The received file was not kept.',
  'error.TFTP_WRITE_FAILED.fix': 'Check that the upload folder is writable and has free space, then upload again.',
  'error.TFTP_UPLOAD_TOO_LARGE.message': 'The upload of "{file}" is larger than the limit of {max} bytes.',
  'error.TFTP_UPLOAD_TOO_LARGE.meaning': 'Nothing was saved.',
  'error.TFTP_UPLOAD_TOO_LARGE.fix': 'Check that the right file is being sent.',
  'error.TFTP_NOT_RUNNING.message': 'The file server is not running.',
  'error.TFTP_NOT_RUNNING.meaning': 'There is no served folder to list.',
  'error.TFTP_NOT_RUNNING.fix': 'Start the file server on the folder with the firmware first.',
  'error.TFTP_READ_FAILED.message': 'Rescue Bench could not read "{file}" while sending it.',
  'error.TFTP_READ_FAILED.meaning': 'The router received only part of the file; it will not use it.',
  'error.TFTP_READ_FAILED.fix': 'Make sure the file is not being changed or deleted during the transfer, then start again.',
  'error.TFTP_CLIENT_RESTARTED.message': 'The router at {peer} started the transfer of "{file}" again from the beginning.',
  'error.TFTP_CLIENT_RESTARTED.meaning': 'The earlier attempt was abandoned by the router; the new one continues below.',
  'error.TFTP_CLIENT_RESTARTED.fix': "Nothing to do unless it keeps restarting: then check the cable and the router's timeout settings.",
  'error.TFTP_SERVER_STOPPED.message':
    '{file, select, none {The TFTP server was stopped.} other {The TFTP server was stopped during the transfer of "{file}".}}',
  'error.TFTP_SERVER_STOPPED.meaning': '{file, select, none {} other {The router did not receive the whole file.}}',
  'error.TFTP_SERVER_STOPPED.fix': '{file, select, none {} other {Start the server again, then restart the transfer on the router.}}',
  // ── its faults: a request refused before a transfer begins ─────────────────────
  'error.TFTP_FILE_NOT_FOUND.message': `The router at {peer} ${WHAT}, but that file is not in the served folder.`,
  'error.TFTP_FILE_NOT_FOUND.meaning': 'Bootloaders ask for one exact name. Nothing was sent.',
  'error.TFTP_FILE_NOT_FOUND.fix': 'Copy the firmware file into the served folder and name it exactly "{file}", then retry on the router.',
  'error.TFTP_REFUSED.message': `The router at {peer} ${WHAT}; Rescue Bench refused.`,
  'error.TFTP_REFUSED.meaning':
    'Only files inside the served folder are sent{op, select, write {, and uploads only go into the upload folder} other {}}. Reason: {why}.',
  'error.TFTP_REFUSED.fix':
    '{op, select, write {To accept uploads, choose an upload folder and start the server again.} other {Put the file itself (not a link to somewhere else) in the served folder.}}',
  'error.TFTP_UPLOAD_EXISTS.message': `The router at {peer} ${WHAT}, but a file with that name is already in the upload folder.`,
  'error.TFTP_UPLOAD_EXISTS.meaning': 'Rescue Bench never replaces a file unless overwriting is turned on. Nothing was changed.',
  'error.TFTP_UPLOAD_EXISTS.fix': 'Move or rename the existing file, or turn on overwriting, then upload again.',
  'error.TFTP_BAD_OPTIONS.message': `The router at {peer} ${WHAT} with transfer options that make no sense.`,
  'error.TFTP_BAD_OPTIONS.meaning': 'The request was refused so the router does not wait for nothing.',
  'error.TFTP_BAD_OPTIONS.fix': "Use the router's default TFTP settings (for U-Boot: unset tftpblocksize and tftpwindowsize) and retry.",
  'error.TFTP_REQUEST_REFUSED.message': `The router at {peer} ${WHAT}; the request could not be served.`,
  'error.TFTP_REQUEST_REFUSED.meaning': '{why}',
  'error.TFTP_REQUEST_REFUSED.fix': 'Retry on the router. If it keeps failing, look at Details.',
  'error.TFTP_HIDDEN_NAME.message':
    'The router at {peer} {op, select, read {asked for} other {tried to upload}} "{file}"; Rescue Bench refused: hidden files are never {op, select, read {sent} other {written}}.',
  'error.TFTP_HIDDEN_NAME.meaning':
    'Names that start with a dot (such as .ssh/id_ed25519) are hidden files that keep keys and settings, so TFTP never hands them out or replaces them, even inside the served folder. Nothing was sent or written.',
  'error.TFTP_HIDDEN_NAME.fix':
    'If the router really needs this file, copy it into the served folder under a name without a leading dot (for example "firmware.bin") and ask for that name.',
  // ── its faults: why a server does not start ────────────────────────────────────
  'error.TFTP_FOLDER_MISSING.message': `The ${SERVED} "{folder}" {file, select, yes {is a file, not a folder} other {cannot be opened}}.`,
  'error.TFTP_FOLDER_MISSING.meaning': 'The TFTP server did not start.',
  'error.TFTP_FOLDER_MISSING.fix': `Choose an existing folder as the ${SERVED}.`,
  'error.TFTP_NATIVE_MISSING.message': 'The fast lock-step TFTP engine is not available.',
  'error.TFTP_NATIVE_MISSING.meaning': `It was asked for explicitly, so the server did not start. The engine is ${ENGINE_WHY}.`,
  'error.TFTP_NATIVE_MISSING.fix': 'Install a C compiler and run `npm run build:native`, or start the server without asking for the native engine.',
  'error.TFTP_FOLDER_TOO_WIDE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_TOO_WIDE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_TOO_WIDE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_PRIVATE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_PRIVATE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_PRIVATE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_SYSTEM.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_SYSTEM.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_SYSTEM.fix': FOLDER_FIX,
  'error.TFTP_ALIAS_REFUSED.message': `${ALIAS_WHAT} cannot be used: ${ALIAS_WHY}.`,
  'error.TFTP_ALIAS_REFUSED.meaning':
    'Only regular files inside the served folder are ever sent, whatever name the router asks for. The TFTP server did not start.',
  'error.TFTP_ALIAS_REFUSED.fix':
    'Copy the firmware into the served folder (without a leading dot in its name) and give that file{file, select, none {} other { instead of "{file}"}}.',
  // ── its faults: an upload to a router (TFTP put) that ends badly ───────────────
  'error.TFTP_PUT_BAD_OPTION.message': 'The {what} for the upload is not usable: {problem}.',
  'error.TFTP_PUT_BAD_OPTION.meaning': 'Nothing was sent to the router.',
  'error.TFTP_PUT_BAD_OPTION.fix': '{fix}',
  'error.TFTP_PUT_NO_FILE.message': '{missing, select, yes {The file "{file}" does not exist.} other {Rescue Bench could not read the file "{file}".}}',
  'error.TFTP_PUT_NO_FILE.meaning': 'Nothing was sent to the router.',
  'error.TFTP_PUT_NO_FILE.fix':
    '{missing, select, yes {Check the file name and folder, then try again.} other {Choose a firmware file you can open (not a folder), then try again.}}',
  'error.TFTP_PUT_FILE_TOO_LARGE.message': 'The file "{file}" is {size} bytes, larger than any router firmware (limit {max} bytes).',
  'error.TFTP_PUT_FILE_TOO_LARGE.meaning': 'It is probably not a firmware image. Nothing was sent to the router.',
  'error.TFTP_PUT_FILE_TOO_LARGE.fix': 'Choose the firmware file for this router model.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.message':
    '{address, select, none {This computer could not open a network port for the upload.} other {This computer cannot send from the address {address}{absent, select, yes {: no network connection has it} other {}}.}}',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.meaning': 'Nothing was sent to the router.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.fix':
    '{address, select, none {Try again; if it keeps failing, restart the computer.} other {Give this computer the address {address} on the cable to the router (the network step does this), then try again.}}',
  'error.TFTP_PUT_NO_ROUTE.message': 'This computer has no way to reach {host}.',
  'error.TFTP_PUT_NO_ROUTE.meaning':
    "None of its network connections is in the router's network{address, select, none {} other { (or {address} is not one of its addresses)}}. Nothing was sent.",
  'error.TFTP_PUT_NO_ROUTE.fix':
    "Plug the cable into a LAN port of the router and give this computer an address in the router's network (for {host}: the same first three numbers, for example {example}), then try again.",
  'error.TFTP_PUT_NO_ANSWER.message': 'The router at {host} did not answer the request to upload "{file}".',
  'error.TFTP_PUT_NO_ANSWER.meaning':
    'Rescue Bench asked {tries} times, {seconds} s apart, and heard nothing. Usually the router is not in rescue mode (yet), it has a different address, the cable is in the WAN port, or a firewall on this computer blocks the answer (TFTP replies come from a new port).',
  'error.TFTP_PUT_NO_ANSWER.fix':
    "Put the router into rescue mode again (watch for its rescue LED), check that the cable is in a LAN port, and that {host} is the router's rescue address. If it still does not answer, allow UDP from {host} in this computer's firewall (Linux: sudo ufw allow from {host}; Windows: allow Rescue Bench in Windows Defender Firewall).",
  'error.TFTP_PUT_TIMEOUT.message': 'The router at {host} stopped answering at block {block} of {blocks} of "{file}".',
  'error.TFTP_PUT_TIMEOUT.meaning':
    'Rescue Bench sent that block {tries} times, {seconds} s apart, without an answer. The router restarted, lost power or the cable came out; the file did not arrive completely and the router will not use it.',
  'error.TFTP_PUT_TIMEOUT.fix': "Check the cable and the router's power, put the router into rescue mode again and start the upload again.",
  'error.TFTP_PUT_ROUTER_FULL.message': `The router at {host} ran out of room for "{file}"${AFTER}.`,
  'error.TFTP_PUT_ROUTER_FULL.meaning': `${SAID} The file is larger than the router can take; it is probably not the firmware for this model.`,
  'error.TFTP_PUT_ROUTER_FULL.fix': 'Check that the firmware file is for this exact router model and hardware version, then try again.',
  'error.TFTP_PUT_REFUSED.message': 'The router at {host} refused the upload of "{file}".',
  'error.TFTP_PUT_REFUSED.meaning': `${SAID} Some rescue modes accept only one exact file name.`,
  'error.TFTP_PUT_REFUSED.fix': "Use the file name the router's instructions give (the recovery guide says it), then try again.",
  'error.TFTP_PUT_CONFUSED.message': `The router at {host} no longer recognised the upload of "{file}"${AFTER}.`,
  'error.TFTP_PUT_CONFUSED.meaning': `${SAID} It probably restarted the transfer on its side.`,
  'error.TFTP_PUT_CONFUSED.fix': 'Put the router into rescue mode again and start the upload again.',
  'error.TFTP_PUT_ROUTER_ERROR.message': `The router at {host} stopped the upload of "{file}"${AFTER}.`,
  'error.TFTP_PUT_ROUTER_ERROR.meaning': `${SAID} The file did not arrive completely; the router will not use it.`,
  'error.TFTP_PUT_ROUTER_ERROR.fix': 'Start the upload again. If the router says the same, check the file is the firmware for this model.',
  'error.TFTP_PUT_ROUTER_SAID.message': 'The router at {host} answered the upload of "{file}" with its own message: "{text}".',
  'error.TFTP_PUT_ROUTER_SAID.meaning': `That is not a file transfer answer; the router's rescue program refused${AFTER}.`,
  'error.TFTP_PUT_ROUTER_SAID.fix': "Read the router's message: it usually names the problem (wrong file, wrong model). Fix that and try again.",
  'error.TFTP_PUT_BAD_OPTIONS.message': 'The router at {host} answered with transfer options Rescue Bench did not ask for.',
  'error.TFTP_PUT_BAD_OPTIONS.meaning': '{why}. The upload was stopped before any data went out.',
  'error.TFTP_PUT_BAD_OPTIONS.fix': 'Try again with block size 512 (--blksize 512), which sends no options.',
  'error.TFTP_PUT_CANCELLED.message': 'The upload of "{file}" to {host} was cancelled{total, plural, =0 {} other { after {bytes} of {total} bytes}}.',
  'error.TFTP_PUT_CANCELLED.meaning': 'The router did not receive the whole file and will not use it.',
  'error.TFTP_PUT_CANCELLED.fix': 'Start the upload again when you are ready; put the router into rescue mode again first if it has left it.',
  'error.TFTP_PUT_SERVER_GONE.message': 'The router at {host} stopped listening at block {block} of {blocks} of "{file}".',
  'error.TFTP_PUT_SERVER_GONE.meaning':
    'Its TFTP server ended the transfer on its side (it restarted or gave up). The file did not arrive completely; the router will not use it.',
  'error.TFTP_PUT_SERVER_GONE.fix': 'Put the router into rescue mode again and start the upload again.',
  'error.TFTP_PUT_FILE_CHANGED.message': 'The file changed on this computer while "{file}" was being sent to {host}.',
  'error.TFTP_PUT_FILE_CHANGED.meaning': 'What the router received is not one consistent file; it must not be used.',
  'error.TFTP_PUT_FILE_CHANGED.fix': 'Make sure nothing writes to the firmware file, put the router into rescue mode again and send it again.',
  'error.TFTP_PUT_NOT_TFTP.message':
    'The router at {host} answered the upload of "{file}" with something that is not a file transfer packet, after {acked} of {blocks} blocks.',
  'error.TFTP_PUT_NOT_TFTP.meaning': 'The upload was stopped; the router will not use a partial file.',
  'error.TFTP_PUT_NOT_TFTP.fix': 'Put the router into rescue mode again and send the file again. If it happens again, send it with block size 512.',
  'error.TFTP_PUT_NATIVE_MISSING.message': 'The fast lock-step sender cannot send this upload.',
  'error.TFTP_PUT_NATIVE_MISSING.meaning': `It was asked for explicitly, so nothing was sent: ${PUT_WHY}.`,
  'error.TFTP_PUT_NATIVE_MISSING.fix':
    'Leave the engine choice on auto (the JavaScript sender is used then), or build the native engine with `npm run build:native`.',
  // the command line's own lines (decision 0162): sizes, rates and times come formatted as values
  'tftp.cli.transfer.start':
    '{who}  {how, select, alias {asked for "{file}"; sending "{served}" (alias)} any {asked for "{file}"; sending "{served}" (answer for any name)} read {sending "{file}"} other {receiving "{file}"}}{size, select, none {} other { ({size})}}  blksize {blksize}{window, select, none {} other {, window {window}}}',
  'tftp.cli.transfer.progress': '{who}  {direction, select, read {sending} other {receiving}} "{file}"  {bytes}{size, select, none {} other { of {size}}}  {rate}/s',
  'tftp.cli.transfer.done': '{who}  done "{file}"  {bytes} in {seconds} s ({rate}/s)  sha256 {sha256}',
  'tftp.cli.transfer.failed': '{who}  FAILED "{file}": {reason}{fix, select, none {} other {  {fix}}}',
  'tftp.cli.transfer.unknown': 'unknown error',
  'tftp.cli.serve.card': "{iface} has its own address {address} for the router at {router} (removed again at the end); set the router's server address to it.",
  'tftp.cli.serve.serving': 'Serving {root} by TFTP on {bind, select, all {all network connections} other {{bind}}}, port {port}{upload, select, none {; read-only} other {; uploads go to {upload}}}.',
  'tftp.cli.serve.alias': 'A request for "{name}" gets {file}.',
  'tftp.cli.serve.answerAny': 'Any other name that is not in the folder gets {file}.',
  'tftp.cli.serve.stop': 'Press Ctrl-C to stop.',
  'tftp.cli.serve.slowEngine': 'Lock-step transfers use the slower JavaScript engine: the native one is {why}.',
  'tftp.cli.put.start': '{to}  sending "{file}" as "{remote}"',
  'tftp.cli.put.progress': '{to}  {bytes} of {total}  {percent}%  {rate}/s',
  'tftp.cli.put.done':
    '{to}  done: the router acknowledged all {bytes} of "{remote}" in {seconds} s ({rate}/s, blksize {blksize}{window, select, none {} other {, window {window}}})  sha256 {sha256}',
  'tftp.cli.put.result': 'Done. The router at {host} acknowledged every block of "{remote}" ({bytes} bytes, sha256 {sha256}).',
  // ── the command line: what each command does (help) and its usage mistakes (decisions 0172, 0173) ──
  'tftp.cli.summary.serve': 'Serve a folder by TFTP (read-only unless --allow-write) for router bootloaders',
  'tftp.cli.summary.put': 'Send a file to a router whose bootloader is a TFTP server (ASUS rescue mode, Ubiquiti urescue)',
  'tftp.cli.usage.root': '--root DIR is required: the folder whose files are served',
  'tftp.cli.usage.alias': '--alias must be NAME=FILE (the name the router asks for = a file in the served folder), not "{given}"',
  'tftp.cli.usage.bindOrInterface': 'choose --bind or --interface, not both',
  'tftp.cli.usage.host': "--host ADDR is required: the router's address in rescue mode (ASUS: 192.168.1.1, Ubiquiti: 192.168.1.20)",
  'tftp.cli.usage.interfaceOrLocal': 'choose --interface IF or --local-address IP, not both (--interface gives the card its own address and uses it)',
  'tftp.cli.usage.file': '--file FILE is required: the firmware file to send',
  'tftp.cli.takes.alias': 'NAME=FILE with a name of at most 255 characters',
  'tftp.cli.takes.engine': 'auto, js or native',
  'tftp.cli.takes.pollUs': 'a number of microseconds from 0 to 5000 (0 = never poll)',
  'tftp.cli.takes.remoteName': 'a file name of plain letters, digits and punctuation, at most 255 characters',
  'tftp.cli.takes.blksizeHint': '(512 sends no options)',
} as const satisfies Record<string, string>;
