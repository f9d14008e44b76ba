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
  "device.said.danger.bootloader": "Das ist der Bootloader: das erste Programm, das der Router ausführt. Ist er beschädigt, startet der Router gar nicht mehr, und nur ein Flash-Programmiergerät kann das beheben.",
  "device.said.danger.bootloaderEnv": "Das sind die Einstellungen des Bootloaders. Sind sie falsch, startet der Router womöglich die falsche Firmware oder fällt auf Standardwerte zurück.",
  "device.said.danger.bootCounter": "Das ist der Startzähler von Linksys. Ihn zu schreiben kann den Router auf seine andere Firmware umschalten lassen.",
  "device.said.danger.calibration": "Das sind WLAN-Kalibrierdaten und MAC-Adressen. Sie gibt es nur für diesen Router, keine Firmware-Datei enthält sie; eine falsche Kopie macht das WLAN dauerhaft kaputt.",
  "device.said.danger.identity": "Das ist die Identität des Routers (Seriennummer, MAC, Werkseinstellungen), einmalig für genau dieses Gerät.",
  "device.said.danger.bbt": "Das ist die Tabelle der defekten NAND-Blöcke. Wird sie überschrieben, vergisst der Flash-Speicher, welche Blöcke verschlissen sind.",
  "device.said.danger.readOnly": "Die Firmware des Routers selbst markiert diese Partition als schreibgeschützt. Das heißt meist, dass sie sich nie ändern darf.",
  "device.said.danger.running": "Der Router läuft gerade von Firmware-Platz {slot} ({evidence}). Ihn zu schreiben zieht dem laufenden System den Boden unter den Füßen weg.",
  "device.said.warning.noPartitions": "Der Router nennt keine Flash-Partitionen (/proc/mtd ist leer oder fehlt).",
  "device.said.warning.noOffsets": "Der Router nennt keine Startadressen der Partitionen; die Karte zeigt sie der Reihe nach, eine hinter der anderen.",
  "device.said.warning.noNc": "Der Router hat keinen Befehl „nc“, deshalb können Sicherungen über Telnet keine Daten kopieren. Verwenden Sie SSH, falls er es hat.",
};
