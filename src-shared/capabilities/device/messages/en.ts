/**
 * The device capability's words in English, the source (decision 0100): its faults, `error.<CODE>.` (reading a
 * router's flash layout, SSH key files). src-shared/i18n/messages/en.ts merges them into the one catalogue; de.ts
 * and es.ts beside this file must hold every key (the type says so, test/shared/i18n/catalog.test.ts checks it).
 * The screens' words (`device.*`) are in the one catalogue's shared part.
 */
export const en = {
  'error.DISCOVERY_FAILED.message': 'The router did not answer the questions about its flash.',
  'error.DISCOVERY_FAILED.meaning': 'Its shell may be unusual or very limited.',
  'error.DISCOVERY_FAILED.fix': 'Make sure the router runs OpenWrt (normal, rescue mode or initramfs) and try again.',
  'error.KEY_FILE_UNREADABLE.message': 'Rescue Bench could not read the key file {file}.',
  'error.KEY_FILE_UNREADABLE.meaning': 'Without it the SSH login with a key cannot work.',
  'error.KEY_FILE_UNREADABLE.fix': 'Check the path and that the file is readable, or log in with a password instead.',
  'error.KEY_FILE_UNUSABLE.message':
    '{encrypted, select, yes {The key file {file} is locked with a passphrase.} other {The file {file} is not an SSH private key Rescue Bench can use.}}',
  'error.KEY_FILE_UNUSABLE.meaning': 'Rescue Bench did not try to log in with it.',
  'error.KEY_FILE_UNUSABLE.fix':
    '{encrypted, select, yes {Use a key without a passphrase for the router (ssh-keygen -t ed25519 -N ""), or log in with a password.} other {Choose the private key (e.g. id_ed25519, not id_ed25519.pub), or log in with a password.}}',
  "device.said.danger.bootloader": "This is the bootloader: the first program the router runs. If it is damaged the router cannot start at all, and only a flash programmer can fix it.",
  "device.said.danger.bootloaderEnv": "This is the bootloader's settings. If they are wrong the router may boot the wrong firmware or fall back to defaults.",
  "device.said.danger.bootCounter": "This is Linksys' boot counter. Writing it can make the router switch to its other firmware.",
  "device.said.danger.calibration": "This is Wi-Fi calibration and MAC addresses. They are unique to this router and no firmware file contains them; a wrong copy breaks Wi-Fi for good.",
  "device.said.danger.identity": "This is the router's identity (serial number, MAC, stock settings), unique to this unit.",
  "device.said.danger.bbt": "This is the NAND bad-block table. Overwriting it makes the flash forget which blocks are worn out.",
  "device.said.danger.readOnly": "The router's own firmware marks this partition read-only, which usually means it must never change.",
  "device.said.danger.running": "The router is running from firmware slot {slot} right now ({evidence}). Writing it pulls the floor out from under the running system.",
  "device.said.warning.noPartitions": "The router lists no flash partitions (/proc/mtd is empty or missing).",
  "device.said.warning.noOffsets": "The router does not report partition offsets; the map shows them in order, one after another.",
  "device.said.warning.noNc": "The router has no \"nc\" command, so backups over telnet cannot copy data. Use SSH if it has it.",
} as const satisfies Record<string, string>;
