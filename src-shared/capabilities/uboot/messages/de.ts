import type { en } from './en';

/** The uboot capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.UBOOT_FILE_MISSING.message': 'Die Datei {file} kann nicht gelesen werden.',
  'error.UBOOT_FILE_MISSING.meaning': 'Es gibt nichts, was an den Router gesendet werden kann.',
  'error.UBOOT_FILE_MISSING.fix': 'Wählen Sie die Datei noch einmal.',
  'error.UBOOT_ENV_EMPTY.message': 'Der Bootloader hat keine Einstellungen aufgelistet.',
  'error.UBOOT_ENV_EMPTY.meaning': 'Seine Antwort auf printenv ließ sich nicht lesen.',
  'error.UBOOT_ENV_EMPTY.fix': 'Sehen Sie in der Konsole nach, was er ausgegeben hat, und versuchen Sie es dann noch einmal.',
  'error.UBOOT_TFTP_ERROR.message': 'Der Download des Routers ist fehlgeschlagen: „{reason}“.',
  'error.UBOOT_TFTP_ERROR.meaning': 'Die Datei ist nicht angekommen.',
  'error.UBOOT_TFTP_ERROR.fix': '{notFound, select, yes {Der Dateiname wurde auf unserem Server nicht gefunden; versuchen Sie es noch einmal.} other {Prüfen Sie das Kabel und versuchen Sie es noch einmal.}}',
  'error.UBOOT_TFTP_INCOMPLETE.message':
    '{noReply, select, yes {Der Router konnte diesen Computer über das Netzwerk nicht erreichen.} other {Der Router hat den Download nicht beendet.}}',
  'error.UBOOT_TFTP_INCOMPLETE.meaning': 'Die Datei ist nicht im Arbeitsspeicher des Routers angekommen.',
  'error.UBOOT_TFTP_INCOMPLETE.fix':
    '{noReply, select, yes {Prüfen Sie, dass das Kabel in einem LAN-Anschluss des Routers steckt und dass dieser Computer die Adresse {serverIp} hat. Eine Firewall blockiert vielleicht TFTP (UDP-Port {port}).} other {Versuchen Sie es noch einmal; wenn es sich wiederholt, speichern Sie das Protokoll der Konsole und senden Sie es uns.}}',
  'error.UBOOT_SIZE_MISMATCH.message': 'Der Router hat {got} Bytes empfangen, die Datei hat aber {size}.',
  'error.UBOOT_SIZE_MISMATCH.meaning': 'Die Kopie im Arbeitsspeicher des Routers ist unvollständig. Starten oder schreiben Sie sie nicht.',
  'error.UBOOT_SIZE_MISMATCH.fix': 'Versuchen Sie es noch einmal.',
  'error.UBOOT_CRC_MISMATCH.message': 'Die Kopie im Router weicht von der Datei ab (CRC {there} dort, {here} hier).',
  'error.UBOOT_CRC_MISMATCH.meaning': 'Einige Bytes wurden unterwegs beschädigt. Starten oder schreiben Sie sie nicht.',
  'error.UBOOT_CRC_MISMATCH.fix': 'Versuchen Sie es noch einmal; wenn es sich wiederholt, nehmen Sie ein anderes Kabel oder einen anderen Anschluss.',
  'error.UBOOT_UNKNOWN_IMAGE.message': 'Diese Datei kann U-Boot nicht starten.',
  'error.UBOOT_UNKNOWN_IMAGE.meaning': 'Sie ist weder ein uImage noch FIT, zImage oder arm64-Image.',
  'error.UBOOT_UNKNOWN_IMAGE.fix': 'Verwenden Sie ein „initramfs“-Image, das für diesen Router gemacht ist.',
  'error.UBOOT_BAD_FDT_ADDRESS.message': 'Die Device-Tree-Einstellung des Bootloaders (fdtcontroladdr) ist keine Speicheradresse.',
  'error.UBOOT_BAD_FDT_ADDRESS.meaning':
    'Rescue Bench tippt nur einfache Adressen in den Bootloader, daher hat es das Image nicht gestartet. Es liegt noch im Arbeitsspeicher des Routers bei {address}; es wurde nichts geschrieben.',
  'error.UBOOT_BAD_FDT_ADDRESS.fix':
    'Starten Sie es von Hand in der Konsole mit {command} {address}, gefolgt von der Adresse des Device Tree, oder verwenden Sie ein FIT-Image, das seinen eigenen Device Tree mitbringt.',
  'error.UBOOT_BOOT_REFUSED.message': 'Der Bootloader hat sich geweigert, das Image zu starten.',
  'error.UBOOT_BOOT_REFUSED.meaning': 'Er steht noch an seiner Eingabeaufforderung; es wurde nichts geschrieben.',
  'error.UBOOT_BOOT_REFUSED.fix': 'Lesen Sie in der Konsole, warum (oft ein falsches Image für diese Platine).',
  'error.UBOOT_KERNEL_PANIC.message': 'Das Image ist gestartet, aber abgestürzt: {reason}.',
  'error.UBOOT_KERNEL_PANIC.meaning': 'Der Router hängt, bis er aus- und wieder eingeschaltet wird. Es wurde nichts auf ihn geschrieben.',
  'error.UBOOT_KERNEL_PANIC.fix': 'Dieses Image passt wahrscheinlich nicht zu diesem Routermodell; prüfen Sie die Firmware für Ihr genaues Modell und Ihre Version.',
  'error.UBOOT_BOOT_RETURNED.message': 'Der Router ist zu seinem Bootloader zurückgekehrt, statt zu starten.',
  'error.UBOOT_BOOT_RETURNED.meaning': 'Das Image ist nicht gestartet. Es wurde nichts geschrieben.',
  'error.UBOOT_BOOT_RETURNED.fix': 'Prüfen Sie, ob das Image für diesen Router gemacht ist.',
  'error.UBOOT_TIMEOUT.message':
    '{step, select, stopAutoboot {Wir haben den Bootloader des Routers nicht gesehen.} tftpboot {Der Download in den Router wurde nicht beendet.} boot {Der Router ist nicht rechtzeitig fertig gestartet.} other {Der Bootloader antwortet nicht mehr.}}',
  'error.UBOOT_TIMEOUT.meaning':
    '{step, select, stopAutoboot {In {seconds} Sekunden kam nichts über den seriellen Anschluss, das nach U-Boot aussieht.} tftpboot {Der Router hat aufgehört oder konnte diesen Computer nicht erreichen. Wir haben Strg-C gedrückt, um seine Eingabeaufforderung zurückzubekommen.} boot {Es erschien keine Kommandozeile, keine Anmeldung und keine bekannte Eingabeaufforderung.} other {Ein Befehl ist nicht zur Eingabeaufforderung zurückgekehrt.}}',
  'error.UBOOT_TIMEOUT.fix':
    '{step, select, stopAutoboot {Schalten Sie den Router aus, starten Sie noch einmal und schalten Sie ihn dann ein. Zeigt die Konsole Zeichensalat, verwenden Sie „Geschwindigkeit finden“; zeigt sie nichts, tauschen Sie die Drähte TX und RX.} tftpboot {Prüfen Sie das Netzwerkkabel (ein LAN-Anschluss am Router) und ob dieser Computer {serverIp} hat.} boot {Sehen Sie in die Konsole: Er startet vielleicht noch, oder er ist mit einem Fehler stehen geblieben.} other {Sehen Sie in die Konsole; drücken Sie dort Strg-C und versuchen Sie es dann noch einmal.}}',
  'error.UBOOT_NEEDS_CONFIRMATION.message': '„{command}“ schreibt in den Flash-Speicher oder die gespeicherten Einstellungen des Routers.',
  'error.UBOOT_NEEDS_CONFIRMATION.meaning': 'Rescue Bench tut das nie von selbst. Ein Fehler hier kann dazu führen, dass der Router nicht mehr startet.',
  'error.UBOOT_NEEDS_CONFIRMATION.fix': 'Wenn Sie es wirklich wollen, bestätigen Sie, indem Sie den Befehl genau wie angezeigt tippen.',
  'error.UBOOT_BUSY.message': 'Auf dieser Konsole läuft bereits ein Bootloader-Ablauf.',
  'error.UBOOT_BUSY.meaning': 'Zwei Abläufe würden sich gegenseitig überschreiben.',
  'error.UBOOT_BUSY.fix': 'Warten Sie, bis er fertig ist, oder halten Sie ihn zuerst an.',
  'error.UBOOT_NO_RUN.message': 'Dieser Bootloader-Ablauf läuft nicht.',
  'error.UBOOT_NO_RUN.meaning': 'Er ist schon fertig oder wurde angehalten.',
  'error.UBOOT_NO_RUN.fix': 'Es ist nichts zu tun.',
  'error.UBOOT_CANCELLED.message': 'Der Bootloader-Ablauf wurde angehalten.',
  'error.UBOOT_CANCELLED.meaning': 'Der Router bleibt an der Eingabeaufforderung seines Bootloaders; es wurde nichts gestartet.',
  'error.UBOOT_CANCELLED.fix': 'Führen Sie den Befehl noch einmal aus, wenn Sie bereit sind.',
};
