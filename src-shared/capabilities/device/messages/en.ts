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
} as const satisfies Record<string, string>;
