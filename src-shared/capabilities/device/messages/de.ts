import type { en } from './en';

/** The device capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.DISCOVERY_FAILED.message': 'Der Router hat die Fragen zu seinem Flash-Speicher nicht beantwortet.',
  'error.DISCOVERY_FAILED.meaning': 'Seine Kommandozeile ist vielleicht ungewöhnlich oder sehr eingeschränkt.',
  'error.DISCOVERY_FAILED.fix': 'Stellen Sie sicher, dass auf dem Router OpenWrt läuft (normal, im Rettungsmodus oder als initramfs), und versuchen Sie es noch einmal.',
  'error.KEY_FILE_UNREADABLE.message': 'Rescue Bench konnte die Schlüsseldatei {file} nicht lesen.',
  'error.KEY_FILE_UNREADABLE.meaning': 'Ohne sie kann die SSH-Anmeldung mit Schlüssel nicht funktionieren.',
  'error.KEY_FILE_UNREADABLE.fix': 'Prüfen Sie den Pfad und ob die Datei lesbar ist, oder melden Sie sich stattdessen mit einem Passwort an.',
  'error.KEY_FILE_UNUSABLE.message':
    '{encrypted, select, yes {Die Schlüsseldatei {file} ist mit einer Passphrase gesperrt.} other {Die Datei {file} ist kein privater SSH-Schlüssel, den Rescue Bench verwenden kann.}}',
  'error.KEY_FILE_UNUSABLE.meaning': 'Rescue Bench hat nicht versucht, sich damit anzumelden.',
  'error.KEY_FILE_UNUSABLE.fix':
    '{encrypted, select, yes {Verwenden Sie für den Router einen Schlüssel ohne Passphrase (ssh-keygen -t ed25519 -N ""), oder melden Sie sich mit einem Passwort an.} other {Wählen Sie den privaten Schlüssel (z. B. id_ed25519, nicht id_ed25519.pub), oder melden Sie sich mit einem Passwort an.}}',
};
