/**
 * The uboot capability's words in English, the source (decision 0100): keys start with `uboot.` (its screens) or
 * `error.<CODE>.` (its faults). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts and
 * es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 */
export const en = {
  'error.UBOOT_FILE_MISSING.message': 'The file {file} cannot be read.',
  'error.UBOOT_FILE_MISSING.meaning': 'There is nothing to send to the router.',
  'error.UBOOT_FILE_MISSING.fix': 'Choose the file again.',
  'error.UBOOT_ENV_EMPTY.message': 'The bootloader listed no settings.',
  'error.UBOOT_ENV_EMPTY.meaning': 'Its answer to printenv could not be read.',
  'error.UBOOT_ENV_EMPTY.fix': 'Check the console for what it printed, then try again.',
  'error.UBOOT_TFTP_ERROR.message': 'The router\'s download failed: "{reason}".',
  'error.UBOOT_TFTP_ERROR.meaning': 'The file did not arrive.',
  'error.UBOOT_TFTP_ERROR.fix': '{notFound, select, yes {The file name was not found on our server; try again.} other {Check the cable and try again.}}',
  'error.UBOOT_TFTP_INCOMPLETE.message':
    '{noReply, select, yes {The router could not reach this computer over the network.} other {The router did not finish the download.}}',
  'error.UBOOT_TFTP_INCOMPLETE.meaning': "The file did not arrive in the router's memory.",
  'error.UBOOT_TFTP_INCOMPLETE.fix':
    '{noReply, select, yes {Check that the cable is in a LAN port of the router and that this computer has the address {serverIp}. A firewall may block TFTP (UDP port {port}).} other {Try again; if it repeats, save the console log and send it to us.}}',
  'error.UBOOT_SIZE_MISMATCH.message': 'The router received {got} bytes, but the file has {size}.',
  'error.UBOOT_SIZE_MISMATCH.meaning': "The copy in the router's memory is incomplete. Do not boot or flash it.",
  'error.UBOOT_SIZE_MISMATCH.fix': 'Try again.',
  'error.UBOOT_CRC_MISMATCH.message': 'The copy in the router differs from the file (CRC {there} there, {here} here).',
  'error.UBOOT_CRC_MISMATCH.meaning': 'Some bytes were damaged on the way. Do not boot or flash it.',
  'error.UBOOT_CRC_MISMATCH.fix': 'Try again; if it repeats, try another cable or port.',
  'error.UBOOT_UNKNOWN_IMAGE.message': 'This file is not something U-Boot can boot.',
  'error.UBOOT_UNKNOWN_IMAGE.meaning': 'It is not a uImage, FIT, zImage or arm64 Image.',
  'error.UBOOT_UNKNOWN_IMAGE.fix': 'Use an "initramfs" image made for this router.',
  'error.UBOOT_BAD_FDT_ADDRESS.message': "The bootloader's device-tree setting (fdtcontroladdr) is not a memory address.",
  'error.UBOOT_BAD_FDT_ADDRESS.meaning':
    "Rescue Bench types only plain addresses into the bootloader, so it did not start the image. It is still in the router's memory at {address}; nothing was written.",
  'error.UBOOT_BAD_FDT_ADDRESS.fix':
    "Start it by hand in the console with {command} {address} followed by the device tree's address, or use a FIT image that carries its own device tree.",
  'error.UBOOT_BOOT_REFUSED.message': 'The bootloader refused to start the image.',
  'error.UBOOT_BOOT_REFUSED.meaning': 'It is still at its prompt; nothing was written.',
  'error.UBOOT_BOOT_REFUSED.fix': 'Read the console for its reason (often a wrong image for this board).',
  'error.UBOOT_KERNEL_PANIC.message': 'The image started but crashed: {reason}.',
  'error.UBOOT_KERNEL_PANIC.meaning': 'The router is stuck until it is switched off and on again. Nothing was written to it.',
  'error.UBOOT_KERNEL_PANIC.fix': 'This image probably does not fit this router model; check the firmware for your exact model and version.',
  'error.UBOOT_BOOT_RETURNED.message': 'The router went back to its bootloader instead of starting.',
  'error.UBOOT_BOOT_RETURNED.meaning': 'The image did not start. Nothing was written.',
  'error.UBOOT_BOOT_RETURNED.fix': 'Check that the image is made for this router.',
  'error.UBOOT_TIMEOUT.message':
    "{step, select, stopAutoboot {We did not see the router's bootloader.} tftpboot {The download into the router did not finish.} boot {The router did not finish starting in time.} other {The bootloader stopped answering.}}",
  'error.UBOOT_TIMEOUT.meaning':
    '{step, select, stopAutoboot {Nothing that looks like U-Boot arrived on the serial port in {seconds} seconds.} tftpboot {The router stopped or could not reach this computer. We pressed Ctrl-C to get its prompt back.} boot {No shell, login or known prompt appeared.} other {A command did not come back to the prompt.}}',
  'error.UBOOT_TIMEOUT.fix':
    '{step, select, stopAutoboot {Switch the router off, start again, then switch it on. If the console shows garbage, use "Find speed"; if it shows nothing, swap the TX and RX wires.} tftpboot {Check the network cable (a LAN port on the router) and that this computer has {serverIp}.} boot {Look at the console: it may still be starting, or it may have stopped with an error.} other {Check the console; press Ctrl-C there, then try again.}}',
  'error.UBOOT_NEEDS_CONFIRMATION.message': '"{command}" writes to the router\'s flash or saved settings.',
  'error.UBOOT_NEEDS_CONFIRMATION.meaning': 'Rescue Bench never does that on its own. A mistake here can make the router unable to start.',
  'error.UBOOT_NEEDS_CONFIRMATION.fix': 'If you really mean it, confirm by typing the command exactly as shown.',
  'error.UBOOT_BUSY.message': 'A bootloader sequence is already running on this console.',
  'error.UBOOT_BUSY.meaning': 'Two sequences would type over each other.',
  'error.UBOOT_BUSY.fix': 'Wait for it to finish or stop it first.',
  'error.UBOOT_NO_RUN.message': 'That bootloader sequence is not running.',
  'error.UBOOT_NO_RUN.meaning': 'It finished or was stopped already.',
  'error.UBOOT_NO_RUN.fix': 'Nothing to do.',
  'error.UBOOT_CANCELLED.message': 'The bootloader sequence was stopped.',
  'error.UBOOT_CANCELLED.meaning': 'The router stays at its bootloader prompt; nothing was booted.',
  'error.UBOOT_CANCELLED.fix': 'Run the command again when you are ready.',
} as const satisfies Record<string, string>;
