import type { en } from './en';

/** The shared core code's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.UNKNOWN_COMMAND.meaning': 'Bildschirm und Arbeitsstation stammen wahrscheinlich aus verschiedenen Versionen.',
  'error.UNKNOWN_COMMAND.fix': 'Laden Sie die Seite neu oder starten Sie Rescue Bench neu.',
  'error.BAD_REQUEST.message': 'Die Anfrage wurde nicht verstanden.',
  'error.BAD_REQUEST.meaning': 'Einige der mitgeschickten Werte fehlen oder haben die falsche Form. Es wurde nichts getan.',
  'error.BAD_REQUEST.fix': 'Prüfen Sie Ihre Eingaben und versuchen Sie es erneut.',
  'error.BAD_REPLY.message': 'Die Arbeitsstation hat eine Antwort geliefert, die der Bildschirm nicht lesen kann.',
  'error.TOO_DEEP.message': 'Die Anfrage wurde abgelehnt: Sie ist weit komplizierter als jede Anfrage, die Rescue Bench sendet.',
  'error.TOO_DEEP.meaning': 'Sie kam nicht vom Bildschirm von Rescue Bench, oder der Bildschirm hat einen Fehler. Es wurde nichts getan.',
  'error.TOO_DEEP.fix':
    'Laden Sie die Seite neu oder starten Sie Rescue Bench neu. Hat ein Skript sie gesendet, schicken Sie einfache Werte, wie der Vertrag sie beschreibt.',
  'error.TOO_COMPLEX.message': 'Die Anfrage wurde abgelehnt: Sie ist weit komplizierter als jede Anfrage, die Rescue Bench sendet.',
  'error.TOO_COMPLEX.meaning': 'Sie kam nicht vom Bildschirm von Rescue Bench, oder der Bildschirm hat einen Fehler. Es wurde nichts getan.',
  'error.TOO_COMPLEX.fix':
    'Laden Sie die Seite neu oder starten Sie Rescue Bench neu. Hat ein Skript sie gesendet, schicken Sie einfache Werte, wie der Vertrag sie beschreibt.',

  'error.HOST_PATH_NOT_ALLOWED.message':
    'Die Bench kann {path} nicht als {use, select, firmwareFile {Firmware-Datei} imageToSend {zu sendendes Image} keyFile {SSH-Schlüsseldatei} backupFolder {Sicherungsordner} backupToRestore {wiederherzustellende Sicherung} tftpFolder {freizugebenden Ordner} other {Upload-Ordner}} verwenden: {leads, select, yes {Der Pfad führt zu {real}, } other {Er liegt }}außerhalb der Ordner, die diese Bench benutzen darf.',
  'error.HOST_PATH_NOT_ALLOWED.meaning':
    'Dieser Bildschirm kann von einem anderen Gerät im Netzwerk benutzt werden (einem Tablet in der Werkstatt). Deshalb liest und schreibt er auf dem Computer, auf dem Rescue Bench läuft, nur im Rescue-Bench-Ordner ({data}){allowed, select, none {} other { und in {allowed}}}. Es wurde nichts gelesen oder geschrieben.',
  'error.HOST_PATH_NOT_ALLOWED.fix':
    '{use, select, firmwareFile {Ziehen Sie die Datei stattdessen auf diese Seite (sie wird nach {sub} kopiert), oder legen Sie sie auf diesem Computer in {data}} imageToSend {Ziehen Sie die Datei zuerst auf die Seite „Firmware prüfen“ (sie wird nach {sub} kopiert), oder legen Sie sie auf diesem Computer in {data}} keyFile {Kopieren Sie den Schlüssel auf diesem Computer nach {data} (zum Beispiel {sub})} backupFolder {Lassen Sie den Ordner leer, um {sub} zu benutzen, oder wählen Sie einen Ordner in {data}} backupToRestore {Wählen Sie eine Sicherung aus der Liste (sie liegen in {sub}), oder kopieren Sie den Sicherungsordner auf diesem Computer nach {sub}} tftpFolder {Legen Sie die Firmware auf diesem Computer in einen Ordner in {data} (zum Beispiel {sub}) und wählen Sie diesen Ordner} other {Wählen Sie auf diesem Computer einen Ordner in {data} (zum Beispiel {sub})}}. Oder starten Sie die Bench an jenem Computer neu und erlauben Sie den Ordner: rescue-bench serve --allow-folder ORDNER.',
  'error.SERIAL_PATH_NOT_ALLOWED.message': 'Die Bench öffnet {path} nicht: Das ist kein serieller Anschluss.',
  'error.SERIAL_PATH_NOT_ALLOWED.meaning':
    'Dieser Bildschirm kann von einem anderen Gerät im Netzwerk benutzt werden. Deshalb öffnet er nur serielle Anschlüsse (Namen wie {example} oder die Anschlüsse in der Liste), nie andere Dateien oder Terminals auf dem Computer, auf dem Rescue Bench läuft.',
  'error.SERIAL_PATH_NOT_ALLOWED.fix':
    'Wählen Sie den Adapter aus der Liste der Anschlüsse. Für einen virtuellen Anschluss (ein pty) legen Sie einen Link darauf in einem mit rescue-bench serve --allow-folder ORDNER erlaubten Ordner an und öffnen den Link.',
  'error.ALLOW_FOLDER_MISSING.message':
    'Der mit --allow-folder angegebene Ordner {folder} {why, select, file {ist eine Datei, kein Ordner} other {lässt sich nicht öffnen}}.',
  'error.ALLOW_FOLDER_MISSING.meaning': 'Die Bench wurde nicht gestartet.',
  'error.ALLOW_FOLDER_MISSING.fix': 'Geben Sie einen vorhandenen Ordner an, oder lassen Sie --allow-folder weg, um nur den Rescue-Bench-Ordner zu benutzen.',
  'error.ALLOW_FOLDER_REFUSED.message':
    'Die Bench erlaubt {folder} nicht: {kind, select, diskRoot {Das ist die ganze Festplatte} home {Das ist Ihr ganzer persönlicher Ordner} containsHome {Er enthält Ihren persönlichen Ordner ({inside})} homes {Er enthält die persönlichen Ordner der Menschen, die diesen Computer benutzen} hidden {Das ist ein versteckter Ordner} hiddenInside {Er liegt im versteckten Ordner {inside}} privateSettings {Er liegt in {inside}, wo Programme ihre Einstellungen und gespeicherten Passwörter aufbewahren} system {Das ist ein Systemordner} other {Er liegt im Systemordner {inside}}}.',
  'error.ALLOW_FOLDER_REFUSED.meaning':
    'Jeder mit dem Bench-Link könnte in einem erlaubten Ordner Dateien lesen und schreiben, auch dort liegende Schlüssel, Passwörter und Einstellungen. Die Bench wurde nicht gestartet.',
  'error.ALLOW_FOLDER_REFUSED.fix': 'Erlauben Sie einen Ordner, der nur Firmware und Sicherungen enthält (zum Beispiel {example}), oder legen Sie die Dateien in {data}.',

  'error.USAGE.meaning': 'Der Befehl wurde nicht ausgeführt: Eine Option fehlt oder hat die falsche Form.',

  'error.LAN_BIND_REFUSED.message':
    'Der Bench-Server wurde nicht an {bind} gestartet: Andere Computer können diese Adresse erreichen, und er spricht unverschlüsseltes HTTP.',
  'error.LAN_BIND_REFUSED.meaning':
    'Ohne Verschlüsselung kann jeder in diesem Netzwerk, der den Verkehr sieht, den Zugangslink mit seinem Token kopieren und dann alles tun, was der Bench-Bildschirm kann: die an diesen Computer angeschlossenen Router flashen, löschen und neu starten und ihre Sicherungen lesen.',
  'error.LAN_BIND_REFUSED.fix':
    'Lassen Sie --bind weg, um die Bench nur auf diesem Computer zu benutzen. Um sie in einem vertrauenswürdigen Netzwerk von einem anderen Computer aus zu benutzen, starten Sie sie mit --insecure-lan neu.',
  'error.BAD_FRAME.message':
    '{why, select, binary {Binäre Frames gehören nicht zum Protokoll.} json {Die Nachricht war kein gültiges JSON.} other {Die Nachricht hat nicht die Form {form}.}}',
  'error.UNTRUSTED_SENDER.message': 'Eine Anfrage, die nicht aus dem Fenster von Rescue Bench kam, wurde abgelehnt.',

  // Codes, die mehrere Fähigkeiten melden (Entscheidung 0135)
  'error.STOPPED.message': '{why, select, upload {Der Upload wurde angehalten.} other {Angehalten.}}',
  'error.STOPPED.meaning': '{why, select, upload {Der Router hat nicht die ganze Datei bekommen; er wartet weiter in seinem Rettungsmodus.} other {Es wird nichts mehr gesendet.}}',
  'error.STOPPED.fix': '{why, select, upload {Starten Sie den Upload erneut, wenn Sie so weit sind.} other {Starten Sie erneut, wenn Sie so weit sind.}}',
  'error.NOT_CONFIRMED.message': '{what, select, slot {Tippen Sie „slot {slot}“, um zu bestätigen.} other {Nicht bestätigt.}}',
  'error.NOT_CONFIRMED.meaning':
    '{what, select, recovery {Die Anleitung wartet auf den Rettungsmodus.} cables {Die Anleitung wartet auf die Kabel.} slot {Von welchem Slot der Router startet, entscheidet, was er nach dem nächsten Neustart ausführt. Es wurde nichts geändert.} other {Die Anleitung wartet, bis Sie getan haben, was der Schritt verlangt.}}',
  'error.NOT_CONFIRMED.fix':
    '{what, select, recovery {Starten Sie den Rettungsmodus und machen Sie dann weiter.} cables {Schließen Sie die Kabel an und wählen Sie dann „Fertig“.} slot {Tippen Sie genau: slot {slot}} other {Tun Sie, was der Schritt verlangt, und wählen Sie dann „Fertig“.}}',
  'error.CANCELLED.message':
    '{what, select, command {Der Befehl auf dem Router wurde angehalten.} backup {Die Sicherung wurde angehalten.} backupBefore {Die Sicherung wurde vor dieser Partition angehalten.} backupDuring {Die Sicherung wurde während dieser Partition angehalten.} choice {Sie haben sich entschieden, nicht fortzufahren.} other {Angehalten: Es wurde kein Passwort eingegeben.}}',
  'error.CANCELLED.meaning':
    '{what, select, command {Sie wollten anhalten, also wurde der Router angewiesen, aufzuhören; was er gerade tat, ist nicht fertig geworden.} backup {Sie wollten anhalten; diese Partition wurde nicht kopiert.} backupBefore {Sie wollten anhalten; diese Partition wurde nicht kopiert.} backupDuring {Sie wollten anhalten; diese Partition wurde nicht kopiert.} choice {Am Router wurde nichts geändert.} other {Es wurde nichts gestartet.}}',
  'error.CANCELLED.fix':
    '{what, select, command {Starten Sie ihn erneut, wenn Sie so weit sind.} backup {Wiederholen Sie die fehlgeschlagenen Partitionen, um die Sicherung abzuschließen.} backupBefore {Wiederholen Sie die fehlgeschlagenen Partitionen, um die Sicherung abzuschließen.} backupDuring {Wiederholen Sie die fehlgeschlagenen Partitionen, um die Sicherung abzuschließen.} choice {Beginnen Sie erneut, wenn Sie so weit sind.} other {Führen Sie den Befehl erneut aus und geben Sie das Passwort ein, wenn er danach fragt.}}',
  'error.RUN_STOPPED.message':
    '{what, select, guide {Die Anleitung wurde angehalten, bevor sie fertig war.} recovery {Die Wiederherstellung wurde angehalten, bevor sie fertig war.} other {Der Ablauf wurde angehalten, bevor er fertig war.}}',
  'error.RUN_STOPPED.meaning': '{summary, select, none {Die Schritte oben zeigen, wie weit er gekommen ist.} other {{summary}}}',
  'error.RUN_STOPPED.fix': 'Starten Sie ihn erneut, wenn der Router bereit ist.',
  'error.RUN_FAILED.message': '{what, select, guide {Die Anleitung ist nicht fertig geworden.} recovery {Die Wiederherstellung ist nicht fertig geworden.} other {Der Ablauf ist nicht fertig geworden.}}',
  'error.RUN_FAILED.meaning': '{summary, select, none {Die Schritte oben zeigen, wie weit er gekommen ist.} other {{summary}}}',
  'error.RUN_FAILED.fix': 'Lesen Sie die Schritte oben und starten Sie dann erneut.',
  'error.BACKUP_INCOMPLETE.message': '{what, select, full {Die vollständige Sicherung ist nicht fertig geworden.} other {Nicht vollständig: {count} Partition(en) fehlgeschlagen: {names}.}}',
  'error.BACKUP_INCOMPLETE.meaning': '{what, select, full {Ohne sie gibt es keinen vollständigen Weg zurück. Auf den Router wurde nichts geschrieben.} other {Die anderen sind kopiert und geprüft; bei jeder fehlgeschlagenen Partition steht oben, warum.}}',
  'error.BACKUP_INCOMPLETE.fix': '{what, select, full {Versuchen Sie die Sicherung noch einmal, oder überspringen Sie sie, wenn Sie das Risiko in Kauf nehmen.} other {Versuchen Sie nur die fehlgeschlagenen noch einmal mit: {command}}}',
  'error.SLOT_BUSY.message': '{where, select, slot {An Platz {slot} läuft noch „{title}“.} other {„{title}“ läuft an diesem Platz der Werkbank noch.}}',
  'error.SLOT_BUSY.meaning': 'Ein Router, eine Anleitung zur selben Zeit: Zwei Anleitungen würden gleichzeitig mit demselben Router sprechen.',
  'error.SLOT_BUSY.fix': 'Warten Sie, bis sie fertig ist, oder halten Sie sie an, und starten Sie dann die nächste Anleitung.',
  'error.IMAGE_TOO_BIG.message': '{what, select, router {Dieses Image ist zu groß für den {router}.} kernel {Der Kernel in diesem Image passt nicht in die Aufteilung {layout} des Routers.} backup {Die Sicherung von „{name}“ ist größer als die Partition des Routers.} other {{name} ist {mib} MiB groß: zu groß für Router-Firmware.}}',
  'error.IMAGE_TOO_BIG.meaning': '{what, select, router {Das Image hat {size}; der Firmware-Bereich des Routers fasst {max}. An den Router wurde nichts gesendet.} kernel {Der Kernel hat {size}; die Aufteilung lässt {max}. An den Router wurde nichts gesendet.} backup {Sie passt nicht hinein.} other {Firmware-Images für Router sind höchstens einige hundert MiB groß. Das ist wahrscheinlich ein Festplatten-Image oder ein Archiv mit mehreren Dateien.}}',
  'error.IMAGE_TOO_BIG.fix': '{what, select, router {Wählen Sie das Image für genau dieses Router-Modell (bei einem OpenWrt-Update das „sysupgrade“-Image).} kernel {Wählen Sie das Image für genau dieses Router-Modell (bei einem OpenWrt-Update das „sysupgrade“-Image).} backup {Prüfen Sie, ob das der Router ist, von dem die Sicherung stammt.} other {Entpacken Sie es und wählen Sie das Firmware-Image darin.}}',
  'error.SCREEN_FAILED.message': 'Diese Seite des Bildschirms funktioniert nicht mehr.',
  'error.SCREEN_FAILED.meaning': 'Betroffen ist nur der Bildschirm: Was in der Arbeitsstation schon läuft (eine Kopie, ein Schreibvorgang, eine Wiederherstellung), läuft weiter, und deswegen wurde nichts an den Router gesendet.',
  'error.SCREEN_FAILED.fix': 'Drücken Sie „Diese Seite neu öffnen“. Wenn es wieder passiert, öffnen Sie „Details“, kopieren Sie den Text und senden Sie ihn uns.',
  'app.crash.retry': 'Diese Seite neu öffnen',
  'error.CONNECTION_LOST.message': 'Der Bildschirm hat die Verbindung zur Arbeitsstation verloren.',
  'error.CONNECTION_LOST.meaning': 'Die letzte Anfrage ist vielleicht fertig geworden, vielleicht nicht.',
  'error.CONNECTION_LOST.fix': 'Warten Sie einen Moment: Die Verbindung kommt von selbst wieder. Wenn nicht, starten Sie die Bench neu (rescue-bench serve) und öffnen Sie den neuen Link.',
};
