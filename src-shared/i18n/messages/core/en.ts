/**
 * The words of the shared core code (src-main/core/), in English, the source (decision 0100): mostly its faults,
 * `error.<CODE>.message|meaning|fix`. ../en.ts merges them; de.ts and es.ts beside this file hold every key.
 * Also the faults of the command line, the bench server and the desktop window (src-main/{cli,browser-server,electron}).
 */
export const en = {
  // the contract's dispatcher (error.UNKNOWN_COMMAND.message is in the main catalogue)
  'error.UNKNOWN_COMMAND.meaning': 'The screen and the workstation are probably from different versions.',
  'error.UNKNOWN_COMMAND.fix': 'Reload the page or restart Rescue Bench.',
  'error.BAD_REQUEST.message': 'The request was not understood.',
  'error.BAD_REQUEST.meaning': 'Some of the values sent with it are missing or have the wrong form. Nothing was done.',
  'error.BAD_REQUEST.fix': 'Check the values you entered and try again.',
  'error.BAD_REPLY.message': 'The workstation produced an answer the screen cannot read.',
  'error.TOO_DEEP.message': 'The request was refused: it is far more complex than any request Rescue Bench sends.',
  'error.TOO_DEEP.meaning': 'It was not sent by the Rescue Bench screen, or the screen has a fault. Nothing was done.',
  'error.TOO_DEEP.fix': 'Reload the page or restart Rescue Bench. If a script sent it, send plain values as the contract describes.',
  'error.TOO_COMPLEX.message': 'The request was refused: it is far more complex than any request Rescue Bench sends.',
  'error.TOO_COMPLEX.meaning': 'It was not sent by the Rescue Bench screen, or the screen has a fault. Nothing was done.',
  'error.TOO_COMPLEX.fix': 'Reload the page or restart Rescue Bench. If a script sent it, send plain values as the contract describes.',

  // the folders a bench (used from another device) may read and write
  'error.HOST_PATH_NOT_ALLOWED.message':
    'The bench cannot use {path} as {use, select, firmwareFile {the firmware file} imageToSend {the image to send} keyFile {the SSH key file} backupFolder {the backup folder} backupToRestore {the backup to restore} tftpFolder {the folder to serve} other {the upload folder}}: {leads, select, yes {it leads to {real}, } other {it is }}outside the folders this bench may use.',
  'error.HOST_PATH_NOT_ALLOWED.meaning':
    'This screen may be used from another device on the network (a tablet in the shop), so it only reads and writes files in the Rescue Bench folder ({data}){allowed, select, none {} other { and {allowed}}} on the computer running Rescue Bench. Nothing was read or written.',
  'error.HOST_PATH_NOT_ALLOWED.fix':
    '{use, select, firmwareFile {Drop the file on this page instead (it is copied into {sub}), or put it in {data} on this computer} imageToSend {Drop the file on the Firmware check page first (it is copied into {sub}), or put it in {data} on this computer} keyFile {Copy the key into {data} on this computer (for example {sub})} backupFolder {Leave the folder empty to use {sub}, or choose a folder inside {data}} backupToRestore {Choose a backup from the list (they are in {sub}), or copy the backup folder into {sub} on this computer} tftpFolder {Put the firmware in a folder inside {data} on this computer (for example {sub}) and choose that folder} other {Choose a folder inside {data} on this computer (for example {sub})}}. Or, at that computer, start the bench again allowing that folder: rescue-bench serve --allow-folder FOLDER.',
  'error.SERIAL_PATH_NOT_ALLOWED.message': 'The bench will not open {path}: it is not a serial port.',
  'error.SERIAL_PATH_NOT_ALLOWED.meaning':
    'This screen may be used from another device on the network, so it opens only serial ports (names such as {example}, or the ports in the list), never other files or terminals on the computer running Rescue Bench.',
  'error.SERIAL_PATH_NOT_ALLOWED.fix':
    'Pick the adapter from the list of ports. For a virtual port (a pty), make a link to it in a folder allowed with rescue-bench serve --allow-folder FOLDER, and open the link.',
  'error.ALLOW_FOLDER_MISSING.message':
    'The folder {folder} given with --allow-folder {why, select, file {is a file, not a folder} other {cannot be opened}}.',
  'error.ALLOW_FOLDER_MISSING.meaning': 'The bench did not start.',
  'error.ALLOW_FOLDER_MISSING.fix': 'Give an existing folder, or leave --allow-folder out to use only the Rescue Bench folder.',
  'error.ALLOW_FOLDER_REFUSED.message':
    'The bench will not allow {folder}: {kind, select, diskRoot {it is the whole disk} home {it is your whole home folder} containsHome {it holds your home folder ({inside})} homes {it holds the home folders of the people who use this computer} hidden {it is a hidden folder} hiddenInside {it is inside the hidden folder {inside}} privateSettings {it is inside {inside}, where programs keep their settings and saved passwords} system {it is a system folder} other {it is inside the system folder {inside}}}.',
  'error.ALLOW_FOLDER_REFUSED.meaning':
    'Anyone with the bench link could read and write files in an allowed folder, including keys, passwords and settings kept there. The bench did not start.',
  'error.ALLOW_FOLDER_REFUSED.fix': 'Allow a folder that holds only firmware and backups (for example {example}), or put the files in {data}.',

  // the command line
  'error.USAGE.meaning': 'The command did not run: an option is missing or has the wrong form.',

  // the bench server and the desktop window
  'error.LAN_BIND_REFUSED.message': 'The bench server did not start on {bind}: other computers can reach that address, and it speaks plain HTTP.',
  'error.LAN_BIND_REFUSED.meaning':
    'Without encryption, anyone on that network who can see the traffic can copy the access link and its token, then do everything the bench screen can do: flash, erase and restart the routers connected to this computer and read their backups.',
  'error.LAN_BIND_REFUSED.fix':
    'Leave out --bind to use the bench on this computer only. To use it from another computer on a network you trust, start it again with --insecure-lan.',
  'error.BAD_FRAME.message':
    '{why, select, binary {Binary frames are not part of the protocol.} json {The message was not valid JSON.} other {The message does not have the form {form}.}}',
  'error.UNTRUSTED_SENDER.message': 'Refused a request that did not come from the Rescue Bench window.',

  // codes that several capabilities raise (decision 0135): one entry each, the wordings an ICU select
  'error.STOPPED.message': '{why, select, upload {The upload was stopped.} other {Stopped.}}',
  'error.STOPPED.meaning': '{why, select, upload {The router did not get the whole file; it keeps waiting in its recovery mode.} other {Nothing more is sent.}}',
  'error.STOPPED.fix': '{why, select, upload {Start the upload again when you are ready.} other {Start again when ready.}}',
  'error.NOT_CONFIRMED.message': '{what, select, slot {Type "slot {slot}" to confirm.} other {Not confirmed.}}',
  'error.NOT_CONFIRMED.meaning':
    '{what, select, recovery {The guide waits for the recovery mode.} cables {The guide waits for the cables.} slot {Changing which slot the router starts from decides what it runs after the next restart. Nothing was changed.} other {The guide waits until you have done what the step asks.}}',
  'error.NOT_CONFIRMED.fix':
    '{what, select, recovery {Start the recovery mode, then continue.} cables {Connect the cables, then choose Done.} slot {Type exactly: slot {slot}} other {Do what the step asks, then choose Done.}}',
  'error.CANCELLED.message':
    '{what, select, command {The command on the router was stopped.} backup {The backup was stopped.} backupBefore {The backup was stopped before this partition.} backupDuring {The backup was stopped during this partition.} choice {You chose not to go ahead.} other {Stopped: no password was given.}}',
  'error.CANCELLED.meaning':
    '{what, select, command {You asked to stop, so the router was told to stop it; what it was doing did not finish.} backup {You asked to stop; this partition was not copied.} backupBefore {You asked to stop; this partition was not copied.} backupDuring {You asked to stop; this partition was not copied.} choice {Nothing was changed on the router.} other {Nothing was started.}}',
  'error.CANCELLED.fix':
    '{what, select, command {Start it again when you are ready.} backup {Retry the failed partitions to finish it.} backupBefore {Retry the failed partitions to finish it.} backupDuring {Retry the failed partitions to finish it.} choice {Start again when you are ready.} other {Run the command again and type the password when it asks.}}',
  'error.RUN_STOPPED.message':
    '{what, select, guide {The guide was stopped before it finished.} recovery {The recovery was stopped before it finished.} other {The run was stopped before it finished.}}',
  'error.RUN_STOPPED.meaning': '{summary, select, none {The steps above say how far it got.} other {{summary}}}',
  'error.RUN_STOPPED.fix': 'Start it again when the router is ready.',
  'error.RUN_FAILED.message': '{what, select, guide {The guide did not finish.} recovery {The recovery did not finish.} other {The run did not finish.}}',
  'error.RUN_FAILED.meaning': '{summary, select, none {The steps above say how far it got.} other {{summary}}}',
  'error.RUN_FAILED.fix': 'Read the steps above, then start it again.',
  // BACKUP_INCOMPLETE: flash's `backup` command (which partitions failed) and upgrade's full backup before writing (decision 0153)
  'error.BACKUP_INCOMPLETE.message': '{what, select, full {The full backup did not finish.} other {Not complete: {count} partition(s) failed: {names}.}}',
  'error.BACKUP_INCOMPLETE.meaning': '{what, select, full {Without it there is no complete way back. Nothing was written to the router.} other {The others are copied and checked; each failed partition says why above.}}',
  'error.BACKUP_INCOMPLETE.fix': '{what, select, full {Try the backup again, or skip it if you accept the risk.} other {Retry only the failed ones with: {command}}}',
  // SLOT_BUSY: the station (a slot by name) and the playbook service (a place on the bench) (decision 0153)
  'error.SLOT_BUSY.message': '{where, select, slot {Slot {slot} is still running "{title}".} other {"{title}" is still running in this place on the bench.}}',
  'error.SLOT_BUSY.meaning': 'One router, one guide at a time: two guides would talk to the same router at once.',
  'error.SLOT_BUSY.fix': 'Wait for it to finish or stop it, then start the next guide.',
  // IMAGE_TOO_BIG: firmware's file check (`file`), upgrade's verdict (`router`: the firmware area, `kernel`: the
  // layout's kernel part) and flash's restore plan (`backup`: larger than the partition) (decision 0166)
  'error.IMAGE_TOO_BIG.message': '{what, select, router {This image is too big for the {router}.} kernel {The kernel in this image does not fit the router\'s {layout} layout.} backup {The backup of "{name}" is larger than the router\'s partition.} other {{name} is {mib} MiB: too big to be router firmware.}}',
  'error.IMAGE_TOO_BIG.meaning': '{what, select, router {The image is {size}; the router\'s firmware area holds {max}. Nothing was sent to the router.} kernel {The kernel is {size}; the layout leaves {max}. Nothing was sent to the router.} backup {It cannot fit.} other {Router firmware images are at most a few hundred MiB. This is probably a disk image or an archive of several files.}}',
  'error.IMAGE_TOO_BIG.fix': '{what, select, router {Choose the image made for this exact router model (the "sysupgrade" image for an OpenWrt update).} kernel {Choose the image made for this exact router model (the "sysupgrade" image for an OpenWrt update).} backup {Check that this is the router the backup came from.} other {Unpack it and choose the firmware image inside.}}',

  // the screen itself (src-renderer): a page that failed to draw, the connection to the workstation
  'error.SCREEN_FAILED.message': 'This page of the screen stopped working.',
  'error.SCREEN_FAILED.meaning': 'Only the screen is affected: work already running in the workstation (a copy, a flash, a recovery) goes on, and nothing was sent to the router because of this.',
  'error.SCREEN_FAILED.fix': 'Press "Open this page again". If it happens again, open Details, copy what it says and send it to us.',
  'app.crash.retry': 'Open this page again',
  'error.CONNECTION_LOST.message': 'The screen lost its connection to the workstation.',
  'error.CONNECTION_LOST.meaning': 'The last request may or may not have finished.',
  'error.CONNECTION_LOST.fix': 'Wait a moment: it reconnects by itself. If it does not, start the bench again (rescue-bench serve) and open the new link.',
} as const satisfies Record<string, string>;
