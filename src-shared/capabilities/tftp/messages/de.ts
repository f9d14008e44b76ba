import type { en } from './en';

const WHAT = '{op, select, read {hat nach „{file}“ gefragt} other {wollte „{file}“ hochladen}}';
const SERVED = '{what, select, served {bereitgestellte Ordner} other {Upload-Ordner}}';
const SERVED_ACC = '{what, select, served {bereitgestellten Ordner} other {Upload-Ordner}}';
const REFUSE = 'Rescue Bench bietet {real} nicht per TFTP an';
const OPEN =
  '{what, select, served {TFTP hat kein Passwort: Alles im Netzwerk könnte jede Datei darin lesen.} other {TFTP hat kein Passwort: Alles im Netzwerk könnte Dateien hineinlegen und, wenn Überschreiben an ist, die vorhandenen ersetzen.}}';
const FOLDER_MESSAGE = `{kind, select, diskRoot {Rescue Bench bietet nicht die ganze Festplatte ({real}) per TFTP an.} home {Rescue Bench bietet nicht Ihren ganzen persönlichen Ordner ({real}) per TFTP an.} containsHome {${REFUSE}: Er enthält Ihren persönlichen Ordner ({folder}).} homes {${REFUSE}: Er enthält die persönlichen Ordner der Menschen, die diesen Computer nutzen.} dataFolder {${REFUSE}: {itself, select, yes {Er ist} other {Er enthält}} den eigenen Datenordner von Rescue Bench ({folder}).} hidden {${REFUSE}: {itself, select, yes {Er ist ein versteckter Ordner} other {Er liegt im versteckten Ordner {folder}}}.} privateSettings {${REFUSE}: Er liegt in {folder}, wo Programme ihre Einstellungen und gespeicherten Passwörter ablegen.} other {${REFUSE}: {itself, select, yes {Er ist ein Systemordner} other {Er liegt im Systemordner {folder}}}.}}`;
const FOLDER_MEANING = `{kind, select, containsHome {${OPEN} Dazu gehören Ihre Schlüssel, Passwörter und Dokumente.} dataFolder {Dieser Ordner enthält die gemerkten Schlüssel der Router, Ihre Sicherungen (mit ihren WLAN-Passwörtern) und die Protokolle. ${OPEN}} hidden {Ordner, deren Name mit einem Punkt beginnt, enthalten Schlüssel, Passwörter und Einstellungen (etwa .ssh und .config). ${OPEN}} system {Dort liegen die Programme und Einstellungen des Betriebssystems. ${OPEN}} other {${OPEN}}}`;
const FOLDER_FIX = `{kind, select, dataFolder {Wählen Sie darin einen Ordner, der nur die Firmware enthält (zum Beispiel {example}), oder einen eigenen Ordner.} other {Legen Sie einen Ordner an, der nur die Firmware-Datei enthält (zum Beispiel {example}), und wählen Sie ihn als ${SERVED_ACC}.}}`;
const SAID = '{text, select, none {Der Router hat keinen Grund genannt.} other {Der Router sagte: „{text}“.}}';
const AFTER = '{acked, plural, =0 {} other { nach {acked} von {blocks} Blöcken}}';

/** Why the fast lock-step engine is not used (native.ts `notNative`): said after "the native one is". */
const ENGINE_WHY =
  '{why, select, off {ausgeschaltet (RB_NATIVE=off)} server {für diesen Server ausgeschaltet} platform {auf {platform} noch nicht verfügbar} notBuilt {nicht gebaut (npm run build:native braucht einen C-Compiler)} otherVersion {aus einer anderen Version ({file}, ABI {abi})} loadFailed {nicht ladbar: {error}} virtual {in einem virtuellen Netz nicht nutzbar (sie öffnet echte Sockets)} other {{reason}}}';
const PUT_WHY = `{put, select, upload {für diesen Upload ausgeschaltet} notFile {die Daten sind keine Datei} rollover {er setzt Blocknummern nur auf 0 zurück} sharedPort {dieses System kann den Port des Uploads nicht zwischen zwei Sockets teilen} engine {${ENGINE_WHY}} other {{reason}}}`;
/** Which served file or alias name was refused, and why (server.ts servedFiles; decision 0170). */
const ALIAS_WHAT =
  '{which, select, aliasName {Der Alias-Name „{name}“} aliasFile {Die Datei für den Alias „{name}“ („{file}“)} answerAny {Die Datei, die für jeden Namen gesendet wird („{file}“)} other {{what}}}';
const ALIAS_WHY =
  '{problem, select, length {er muss 1 bis 255 Zeichen lang sein} control {er enthält Steuerzeichen} hidden {ein Teil beginnt mit einem Punkt (versteckte Namen werden nie bereitgestellt)} missing {„{file}“ liegt nicht im bereitgestellten Ordner} other {{why}}}';

/** The tftp capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'tftp.server.title': 'Dateiserver für den Router',
  'tftp.server.lead':
    'Viele Router holen sich Rettungs-Firmware per TFTP (die einfache Dateiübertragung, die Bootloader von Routern nutzen) von diesem Computer. Legen Sie die Firmware-Datei in einen Ordner, starten Sie hier den Server und dann den Download am Router.',
  'tftp.server.root': 'Ordner mit den Firmware-Dateien',
  'tftp.server.rootExample': '/home/ihr-name/firmware',
  'tftp.server.bind': 'Bereitstellen auf',
  'tftp.server.all': 'Allen Netzwerkverbindungen',
  'tftp.server.loopback': 'Nur diesem Computer (zum Testen)',
  'tftp.server.port': 'UDP-Port',
  'tftp.server.uploads': 'Uploads in diesen Ordner annehmen (leer: nur lesen)',
  'tftp.server.uploadsPlaceholder': 'leer lassen, um Uploads abzulehnen',
  'tftp.server.overwrite': 'Ein Upload darf eine Datei mit gleichem Namen ersetzen',
  'tftp.server.portHint':
    '69 ist der Standard-Port; die meisten Bootloader nutzen nur 69. 0 wählt einen beliebigen freien Port. Manche U-Boot-Versionen nehmen einen anderen Port an mit',
  'tftp.server.start': 'Server starten',
  'tftp.server.stop': 'Server beenden',
  'tftp.server.benchFolders':
    'Von diesem Bildschirm aus muss der Ordner im Rescue-Bench-Ordner auf der Arbeitsstation liegen ({dataDir}) oder in einem Ordner, der beim Start der Bench erlaubt wurde.',
  'tftp.server.running': 'Der Dateiserver läuft',
  'tftp.status.serving':
    'Der Server stellt {root} bereit: auf {where, select, all {allen Netzwerkverbindungen} other {{where}}}, UDP-Port {port}{since, select, none {} other {, seit {since}}}. {uploads, select, none {Nur lesen: Es kann nichts hochgeladen werden.} other {Uploads landen in {uploads}{overwrite, select, yes { (dürfen Dateien ersetzen)} other {}}.}}',
  'tftp.status.starting': 'Startet…',
  'tftp.status.error': 'Der Server läuft nicht: siehe unten.',
  'tftp.status.stopped': 'Der Server läuft nicht.',
  'tftp.uboot.typeAt': 'Auf einem Router mit U-Boot geben Sie an seiner Eingabeaufforderung ein:',
  'tftp.uboot.thisComputer': 'DIESER-COMPUTER',
  'tftp.uboot.otherPort': '(nur manche U-Boot-Versionen nehmen einen anderen Port an)',
  'tftp.uboot.then': ', dann',
  'tftp.uboot.fileName': 'DATEINAME',
  'tftp.uboot.fixedName': 'Andere Bootloader fragen nach einem festen Dateinamen: Er erscheint unten, sobald sie fragen.',
  'tftp.uboot.faster': 'Schneller mit U-Boot 2022 oder neuer:',
  'tftp.uboot.before': 'vor',
  'tftp.uboot.window': '(mehrere Blöcke gleichzeitig unterwegs statt einer nach dem anderen).',
  'tftp.engine.note':
    'Übertragungen Block für Block (die Voreinstellung der Bootloader) nutzen auf diesem Computer den langsameren eingebauten Sender: Der schnelle ist {why}. Alles funktioniert trotzdem; es kann etwas länger dauern.',
  'tftp.engine.unavailable': 'nicht verfügbar',
  'tftp.engine.why': ENGINE_WHY,
  'tftp.files.title': 'Dateien, nach denen der Router fragen kann',
  'tftp.files.refresh': 'Aktualisieren',
  'tftp.files.empty': 'Der Ordner enthält noch keine Dateien. Kopieren Sie die Firmware-Datei hinein und wählen Sie dann „Aktualisieren“.',
  'tftp.files.more': '…und weitere (nur die ersten {count} sind aufgeführt).',
  'tftp.transfers.title': 'Übertragungen{running, plural, =0 {} other { (# laufen)}}',
  'tftp.transfers.clear': 'Fertige entfernen',
  'tftp.transfers.none': 'Noch keine Übertragungen. Sobald der Router nach einer Datei fragt, erscheint sie hier.',
  'tftp.transfer.asked': '{peer} hat nach {file} gefragt',
  'tftp.transfer.triedUpload': '{peer} wollte {file} hochladen',
  'tftp.transfer.sending': '{file} wird an {peer} gesendet',
  'tftp.transfer.receiving': '{file} wird von {peer} empfangen',
  'tftp.state.running': 'läuft',
  'tftp.state.done': 'fertig',
  'tftp.state.error': 'fehlgeschlagen',
  'tftp.transfer.askedFor': 'Der Router hat gefragt nach',
  'tftp.transfer.sent': '; gesendet wurde',
  'tftp.transfer.byAlias': ' (die für diesen Namen eingerichtete Datei).',
  'tftp.transfer.byAny': ' (die Datei, die für jeden Namen gesendet wird).',
  'tftp.transfer.barPercent': '{title}: {percent} Prozent',
  'tftp.transfer.barUnknown': '{title}: Größe nicht bekannt',
  'tftp.transfer.of': ' von {size}',
  'tftp.transfer.left': ' · noch etwa {time}',
  'tftp.transfer.took': ' · dauerte {time}',
  'tftp.transfer.resent': ' · {count, plural, one {# Paket} other {# Pakete}} erneut gesendet',
  'tftp.transfer.received': 'Der Router hat {file} vollständig erhalten.',
  'tftp.transfer.saved': '{file} wurde im Upload-Ordner gespeichert.',
  'tftp.transfer.from': 'Von',
  'tftp.duration.underSecond': 'unter einer Sekunde',
  'tftp.duration.seconds': '{s} s',
  'tftp.duration.minutes': '{m} min {s} s',
  'tftp.options.blocks': 'Blöcke zu {size} Byte',
  'tftp.options.window': 'Fenster {size}',
  'tftp.options.tsize': 'Größe angekündigt',
  'tftp.options.agreed': 'Optionen vereinbart',
  'tftp.options.none': 'keine Optionen (einfaches TFTP)',
  'tftp.options.text': 'Textmodus',
  'tftp.options.join': '{a}, {b}',
  'tftp.put.title': 'Eine Datei an einen Router senden (TFTP put)',
  'tftp.put.lead':
    'Manche Rettungsmodi warten darauf, dass dieser Computer die Firmware sendet: der Rettungsmodus von ASUS (Router unter 192.168.1.1), Ubiquiti (192.168.1.20). Bringen Sie den Router zuerst in den Rettungsmodus; dieser Computer braucht eine Adresse im selben Netz.',
  'tftp.put.host': 'Adresse des Routers',
  'tftp.put.file': 'Firmware-Datei auf diesem Computer',
  'tftp.put.fileExample': '/home/ihr-name/firmware.trx',
  'tftp.put.name': 'Name, der an den Router geht (leer: der Name der Datei)',
  'tftp.put.blksize': 'Blockgröße',
  'tftp.put.blksizeHint':
    '1468 füllt ein Netzwerkpaket; ein Router, der das nicht kennt, bekommt automatisch 512. 512 sendet gar keine Optionen (sehr alte Bootloader).',
  'tftp.put.send': 'Datei senden',
  'tftp.put.sending': '{file} wird an {host} gesendet',
  'tftp.put.cancel': 'Abbrechen',
  'tftp.put.numbers': '{done} von {total} · {rate}',
  'tftp.put.done':
    'Der Router hat jeden Block bestätigt (Blöcke zu {blksize} Byte{window, plural, =0 {} =1 {} other {, Fenster #}}). Er schreibt jetzt die Firmware: Lassen Sie ihn eingeschaltet, bis er von selbst neu startet. SHA-256:',
  'error.TFTP_TIMEOUT.message': 'Der Router unter {peer} hat während der Übertragung von „{file}“ aufgehört zu antworten.',
  'error.TFTP_TIMEOUT.meaning': 'Nach {retries} Wiederholungen im Abstand von {seconds} s kam nichts zurück. Der Router wurde ausgesteckt, ist neu gestartet oder hat aufgegeben.',
  'error.TFTP_TIMEOUT.fix': 'Prüfen Sie das Kabel und starten Sie die Übertragung am Router erneut.',
  'error.TFTP_CLIENT_GONE.message': 'Der Router unter {peer} hat während der Übertragung von „{file}“ aufgehört zuzuhören.',
  'error.TFTP_CLIENT_GONE.meaning': 'Er hat aufgegeben oder ist neu gestartet; die Datei ist nicht vollständig angekommen.',
  'error.TFTP_CLIENT_GONE.fix': 'Starten Sie die Übertragung am Router erneut.',
  'error.TFTP_OPTIONS_REFUSED.message': 'Der Router unter {peer} hat die Übertragung von „{file}“ abgebrochen.',
  'error.TFTP_OPTIONS_REFUSED.meaning': 'Er hat die Übertragungsoptionen nicht angenommen, denen wir zugestimmt hatten.',
  'error.TFTP_OPTIONS_REFUSED.fix': 'Starten Sie die Übertragung am Router erneut. Wenn er weiter abbricht, lesen Sie die Meldung unter „Details“.',
  'error.TFTP_CLIENT_ABORTED.message': 'Der Router unter {peer} hat die Übertragung von „{file}“ abgebrochen.',
  'error.TFTP_CLIENT_ABORTED.meaning': 'Die Datei ist nicht vollständig angekommen.',
  'error.TFTP_CLIENT_ABORTED.fix': 'Starten Sie die Übertragung am Router erneut. Wenn er weiter abbricht, lesen Sie die Meldung unter „Details“.',
  'error.TFTP_PROTOCOL.message':
    '{how, select, read {Der Router unter {peer} hat während der Übertragung von „{file}“ etwas Unerwartetes gesendet.} upload {Der Router unter {peer} hat beim Hochladen von „{file}“ etwas Unerwartetes gesendet.} other {Der Router unter {peer} hat einen größeren Block als vereinbart gesendet.}}',
  'error.TFTP_PROTOCOL.meaning': '{how, select, read {Die Übertragung wurde angehalten.} other {Der Upload wurde angehalten, und es wurde nichts gespeichert.}}',
  'error.TFTP_PROTOCOL.fix': '{how, select, read {Starten Sie die Übertragung am Router erneut.} other {Starten Sie den Upload erneut.}}',
  'error.TFTP_WRITE_FAILED.message': 'Rescue Bench konnte den Upload „{file}“ nicht speichern.',
  'error.TFTP_WRITE_FAILED.meaning': 'Die empfangene Datei wurde nicht behalten.',
  'error.TFTP_WRITE_FAILED.fix': 'Prüfen Sie, ob in den Upload-Ordner geschrieben werden darf und genug Platz frei ist, und laden Sie erneut hoch.',
  'error.TFTP_UPLOAD_TOO_LARGE.message': 'Der Upload von „{file}“ ist größer als die Grenze von {max} Byte.',
  'error.TFTP_UPLOAD_TOO_LARGE.meaning': 'Es wurde nichts gespeichert.',
  'error.TFTP_UPLOAD_TOO_LARGE.fix': 'Prüfen Sie, ob die richtige Datei gesendet wird.',
  'error.TFTP_NOT_RUNNING.message': 'Der Dateiserver läuft nicht.',
  'error.TFTP_NOT_RUNNING.meaning': 'Es gibt keinen bereitgestellten Ordner, der aufgelistet werden könnte.',
  'error.TFTP_NOT_RUNNING.fix': 'Starten Sie zuerst den Dateiserver auf dem Ordner mit der Firmware.',
  'error.TFTP_READ_FAILED.message': 'Rescue Bench konnte „{file}“ beim Senden nicht lesen.',
  'error.TFTP_READ_FAILED.meaning': 'Der Router hat nur einen Teil der Datei erhalten; er wird ihn nicht verwenden.',
  'error.TFTP_READ_FAILED.fix': 'Sorgen Sie dafür, dass die Datei während der Übertragung nicht verändert oder gelöscht wird, und starten Sie dann erneut.',
  'error.TFTP_CLIENT_RESTARTED.message': 'Der Router unter {peer} hat die Übertragung von „{file}“ von vorn begonnen.',
  'error.TFTP_CLIENT_RESTARTED.meaning': 'Der frühere Versuch wurde vom Router aufgegeben; der neue läuft unten weiter.',
  'error.TFTP_CLIENT_RESTARTED.fix': 'Nichts zu tun, außer er beginnt immer wieder neu: Dann prüfen Sie das Kabel und die Zeitlimit-Einstellungen des Routers.',
  'error.TFTP_SERVER_STOPPED.message':
    '{file, select, none {Der TFTP-Server wurde beendet.} other {Der TFTP-Server wurde während der Übertragung von „{file}“ beendet.}}',
  'error.TFTP_SERVER_STOPPED.meaning': '{file, select, none {} other {Der Router hat nicht die ganze Datei erhalten.}}',
  'error.TFTP_SERVER_STOPPED.fix': '{file, select, none {} other {Starten Sie den Server erneut und starten Sie dann die Übertragung am Router neu.}}',
  'error.TFTP_FILE_NOT_FOUND.message': `Der Router unter {peer} ${WHAT}, aber diese Datei ist nicht im bereitgestellten Ordner.`,
  'error.TFTP_FILE_NOT_FOUND.meaning': 'Bootloader fragen nach einem genauen Namen. Es wurde nichts gesendet.',
  'error.TFTP_FILE_NOT_FOUND.fix': 'Kopieren Sie die Firmware-Datei in den bereitgestellten Ordner, nennen Sie sie genau „{file}“ und versuchen Sie es am Router erneut.',
  'error.TFTP_REFUSED.message': `Der Router unter {peer} ${WHAT}; Rescue Bench hat abgelehnt.`,
  'error.TFTP_REFUSED.meaning':
    'Es werden nur Dateien im bereitgestellten Ordner gesendet{op, select, write {, und Uploads landen nur im Upload-Ordner} other {}}. Grund: {why}.',
  'error.TFTP_REFUSED.fix':
    '{op, select, write {Um Uploads anzunehmen, wählen Sie einen Upload-Ordner und starten Sie den Server erneut.} other {Legen Sie die Datei selbst (keine Verknüpfung woandershin) in den bereitgestellten Ordner.}}',
  'error.TFTP_UPLOAD_EXISTS.message': `Der Router unter {peer} ${WHAT}, aber im Upload-Ordner gibt es schon eine Datei mit diesem Namen.`,
  'error.TFTP_UPLOAD_EXISTS.meaning': 'Rescue Bench ersetzt nie eine Datei, außer Überschreiben ist eingeschaltet. Es wurde nichts geändert.',
  'error.TFTP_UPLOAD_EXISTS.fix': 'Verschieben oder benennen Sie die vorhandene Datei um, oder schalten Sie Überschreiben ein, und laden Sie dann erneut hoch.',
  'error.TFTP_BAD_OPTIONS.message': `Der Router unter {peer} ${WHAT}, mit Übertragungsoptionen, die keinen Sinn ergeben.`,
  'error.TFTP_BAD_OPTIONS.meaning': 'Die Anfrage wurde abgelehnt, damit der Router nicht vergeblich wartet.',
  'error.TFTP_BAD_OPTIONS.fix': 'Nutzen Sie die TFTP-Standardeinstellungen des Routers (bei U-Boot: tftpblocksize und tftpwindowsize löschen) und versuchen Sie es erneut.',
  'error.TFTP_REQUEST_REFUSED.message': `Der Router unter {peer} ${WHAT}; die Anfrage konnte nicht bedient werden.`,
  'error.TFTP_REQUEST_REFUSED.meaning': '{why}',
  'error.TFTP_REQUEST_REFUSED.fix': 'Versuchen Sie es am Router erneut. Wenn es weiter fehlschlägt, sehen Sie sich die Details an.',
  'error.TFTP_HIDDEN_NAME.message':
    'Der Router unter {peer} {op, select, read {hat nach} other {wollte}} „{file}“ {op, select, read {gefragt} other {hochladen}}; Rescue Bench hat abgelehnt: Versteckte Dateien werden nie {op, select, read {gesendet} other {geschrieben}}.',
  'error.TFTP_HIDDEN_NAME.meaning':
    'Namen, die mit einem Punkt beginnen (etwa .ssh/id_ed25519), sind versteckte Dateien mit Schlüsseln und Einstellungen; TFTP gibt sie deshalb nie heraus und ersetzt sie nie, auch nicht im bereitgestellten Ordner. Es wurde nichts gesendet oder geschrieben.',
  'error.TFTP_HIDDEN_NAME.fix':
    'Wenn der Router diese Datei wirklich braucht, kopieren Sie sie unter einem Namen ohne führenden Punkt (zum Beispiel „firmware.bin“) in den bereitgestellten Ordner und fragen Sie nach diesem Namen.',
  'error.TFTP_FOLDER_MISSING.message': `Der ${SERVED} „{folder}“ {file, select, yes {ist eine Datei, kein Ordner} other {lässt sich nicht öffnen}}.`,
  'error.TFTP_FOLDER_MISSING.meaning': 'Der TFTP-Server wurde nicht gestartet.',
  'error.TFTP_FOLDER_MISSING.fix': `Wählen Sie einen vorhandenen Ordner als ${SERVED_ACC}.`,
  'error.TFTP_NATIVE_MISSING.message': 'Die schnelle TFTP-Engine für Block-für-Block-Übertragungen ist nicht verfügbar.',
  'error.TFTP_NATIVE_MISSING.meaning': `Sie wurde ausdrücklich verlangt, deshalb wurde der Server nicht gestartet. Die Engine ist ${ENGINE_WHY}.`,
  'error.TFTP_NATIVE_MISSING.fix': 'Installieren Sie einen C-Compiler und führen Sie `npm run build:native` aus, oder starten Sie den Server, ohne die native Engine zu verlangen.',
  'error.TFTP_FOLDER_TOO_WIDE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_TOO_WIDE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_TOO_WIDE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_PRIVATE.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_PRIVATE.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_PRIVATE.fix': FOLDER_FIX,
  'error.TFTP_FOLDER_SYSTEM.message': FOLDER_MESSAGE,
  'error.TFTP_FOLDER_SYSTEM.meaning': FOLDER_MEANING,
  'error.TFTP_FOLDER_SYSTEM.fix': FOLDER_FIX,
  'error.TFTP_ALIAS_REFUSED.message': `${ALIAS_WHAT} kann nicht verwendet werden: ${ALIAS_WHY}.`,
  'error.TFTP_ALIAS_REFUSED.meaning':
    'Es werden immer nur normale Dateien im bereitgestellten Ordner gesendet, egal nach welchem Namen der Router fragt. Der TFTP-Server wurde nicht gestartet.',
  'error.TFTP_ALIAS_REFUSED.fix':
    'Kopieren Sie die Firmware in den bereitgestellten Ordner (ohne führenden Punkt im Namen) und geben Sie diese Datei an{file, select, none {} other { statt „{file}“}}.',
  'error.TFTP_PUT_BAD_OPTION.message': 'Die Angabe „{what}“ für den Upload ist nicht brauchbar: {problem}.',
  'error.TFTP_PUT_BAD_OPTION.meaning': 'An den Router wurde nichts gesendet.',
  'error.TFTP_PUT_BAD_OPTION.fix': '{fix}',
  'error.TFTP_PUT_NO_FILE.message': '{missing, select, yes {Die Datei „{file}“ gibt es nicht.} other {Rescue Bench konnte die Datei „{file}“ nicht lesen.}}',
  'error.TFTP_PUT_NO_FILE.meaning': 'An den Router wurde nichts gesendet.',
  'error.TFTP_PUT_NO_FILE.fix':
    '{missing, select, yes {Prüfen Sie Dateiname und Ordner und versuchen Sie es erneut.} other {Wählen Sie eine Firmware-Datei, die Sie öffnen können (keinen Ordner), und versuchen Sie es erneut.}}',
  'error.TFTP_PUT_FILE_TOO_LARGE.message': 'Die Datei „{file}“ ist {size} Byte groß, größer als jede Router-Firmware (Grenze {max} Byte).',
  'error.TFTP_PUT_FILE_TOO_LARGE.meaning': 'Sie ist wahrscheinlich kein Firmware-Image. An den Router wurde nichts gesendet.',
  'error.TFTP_PUT_FILE_TOO_LARGE.fix': 'Wählen Sie die Firmware-Datei für dieses Router-Modell.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.message':
    '{address, select, none {Dieser Computer konnte keinen Netzwerk-Port für den Upload öffnen.} other {Dieser Computer kann nicht von der Adresse {address} senden{absent, select, yes {: Keine Netzwerkverbindung hat sie} other {}}.}}',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.meaning': 'An den Router wurde nichts gesendet.',
  'error.TFTP_PUT_NO_LOCAL_ADDRESS.fix':
    '{address, select, none {Versuchen Sie es erneut; wenn es weiter fehlschlägt, starten Sie den Computer neu.} other {Geben Sie diesem Computer auf dem Kabel zum Router die Adresse {address} (das erledigt der Netzwerk-Schritt) und versuchen Sie es erneut.}}',
  'error.TFTP_PUT_NO_ROUTE.message': 'Dieser Computer hat keinen Weg zu {host}.',
  'error.TFTP_PUT_NO_ROUTE.meaning':
    'Keine seiner Netzwerkverbindungen liegt im Netz des Routers{address, select, none {} other { (oder {address} ist keine seiner Adressen)}}. Es wurde nichts gesendet.',
  'error.TFTP_PUT_NO_ROUTE.fix':
    'Stecken Sie das Kabel in einen LAN-Port des Routers und geben Sie diesem Computer eine Adresse im Netz des Routers (für {host}: dieselben ersten drei Zahlen, zum Beispiel {example}), und versuchen Sie es erneut.',
  'error.TFTP_PUT_NO_ANSWER.message': 'Der Router unter {host} hat auf die Anfrage, „{file}“ hochzuladen, nicht geantwortet.',
  'error.TFTP_PUT_NO_ANSWER.meaning':
    'Rescue Bench hat {tries}-mal im Abstand von {seconds} s gefragt und nichts gehört. Meist ist der Router (noch) nicht im Rettungsmodus, hat eine andere Adresse, das Kabel steckt im WAN-Port, oder eine Firewall auf diesem Computer blockiert die Antwort (TFTP-Antworten kommen von einem neuen Port).',
  'error.TFTP_PUT_NO_ANSWER.fix':
    'Bringen Sie den Router erneut in den Rettungsmodus (achten Sie auf sein Rettungs-Licht), prüfen Sie, ob das Kabel in einem LAN-Port steckt und ob {host} die Rettungsadresse des Routers ist. Wenn er immer noch nicht antwortet, erlauben Sie in der Firewall dieses Computers UDP von {host} (Linux: sudo ufw allow from {host}; Windows: Rescue Bench in der Windows Defender Firewall zulassen).',
  'error.TFTP_PUT_TIMEOUT.message': 'Der Router unter {host} hat bei Block {block} von {blocks} von „{file}“ aufgehört zu antworten.',
  'error.TFTP_PUT_TIMEOUT.meaning':
    'Rescue Bench hat diesen Block {tries}-mal im Abstand von {seconds} s gesendet, ohne Antwort. Der Router ist neu gestartet, hat keinen Strom mehr, oder das Kabel ist herausgerutscht; die Datei ist nicht vollständig angekommen, und der Router wird sie nicht verwenden.',
  'error.TFTP_PUT_TIMEOUT.fix': 'Prüfen Sie Kabel und Stromversorgung des Routers, bringen Sie ihn erneut in den Rettungsmodus und starten Sie den Upload neu.',
  'error.TFTP_PUT_ROUTER_FULL.message': `Dem Router unter {host} ist der Platz für „{file}“ ausgegangen${AFTER}.`,
  'error.TFTP_PUT_ROUTER_FULL.meaning': `${SAID} Die Datei ist größer, als der Router aufnehmen kann; wahrscheinlich ist sie nicht die Firmware für dieses Modell.`,
  'error.TFTP_PUT_ROUTER_FULL.fix': 'Prüfen Sie, ob die Firmware-Datei für genau dieses Router-Modell und diese Hardware-Version ist, und versuchen Sie es erneut.',
  'error.TFTP_PUT_REFUSED.message': 'Der Router unter {host} hat den Upload von „{file}“ abgelehnt.',
  'error.TFTP_PUT_REFUSED.meaning': `${SAID} Manche Rettungsmodi nehmen nur einen genauen Dateinamen an.`,
  'error.TFTP_PUT_REFUSED.fix': 'Verwenden Sie den Dateinamen aus der Anleitung des Routers (die Rettungsanleitung nennt ihn) und versuchen Sie es erneut.',
  'error.TFTP_PUT_CONFUSED.message': `Der Router unter {host} hat den Upload von „{file}“ nicht mehr erkannt${AFTER}.`,
  'error.TFTP_PUT_CONFUSED.meaning': `${SAID} Wahrscheinlich hat er die Übertragung auf seiner Seite neu begonnen.`,
  'error.TFTP_PUT_CONFUSED.fix': 'Bringen Sie den Router erneut in den Rettungsmodus und starten Sie den Upload neu.',
  'error.TFTP_PUT_ROUTER_ERROR.message': `Der Router unter {host} hat den Upload von „{file}“ angehalten${AFTER}.`,
  'error.TFTP_PUT_ROUTER_ERROR.meaning': `${SAID} Die Datei ist nicht vollständig angekommen; der Router wird sie nicht verwenden.`,
  'error.TFTP_PUT_ROUTER_ERROR.fix': 'Starten Sie den Upload erneut. Wenn der Router dasselbe sagt, prüfen Sie, ob die Datei die Firmware für dieses Modell ist.',
  'error.TFTP_PUT_ROUTER_SAID.message': 'Der Router unter {host} hat auf den Upload von „{file}“ mit einer eigenen Nachricht geantwortet: „{text}“.',
  'error.TFTP_PUT_ROUTER_SAID.meaning': `Das ist keine Antwort der Dateiübertragung; das Rettungsprogramm des Routers hat abgelehnt${AFTER}.`,
  'error.TFTP_PUT_ROUTER_SAID.fix': 'Lesen Sie die Nachricht des Routers: Sie nennt meist das Problem (falsche Datei, falsches Modell). Beheben Sie das und versuchen Sie es erneut.',
  'error.TFTP_PUT_BAD_OPTIONS.message': 'Der Router unter {host} hat mit Übertragungsoptionen geantwortet, nach denen Rescue Bench nicht gefragt hat.',
  'error.TFTP_PUT_BAD_OPTIONS.meaning': '{why}. Der Upload wurde angehalten, bevor Daten hinausgingen.',
  'error.TFTP_PUT_BAD_OPTIONS.fix': 'Versuchen Sie es erneut mit Blockgröße 512 (--blksize 512), die keine Optionen sendet.',
  'error.TFTP_PUT_CANCELLED.message': 'Der Upload von „{file}“ an {host} wurde abgebrochen{total, plural, =0 {} other { nach {bytes} von {total} Byte}}.',
  'error.TFTP_PUT_CANCELLED.meaning': 'Der Router hat nicht die ganze Datei erhalten und wird sie nicht verwenden.',
  'error.TFTP_PUT_CANCELLED.fix': 'Starten Sie den Upload erneut, wenn Sie so weit sind; bringen Sie den Router vorher wieder in den Rettungsmodus, falls er ihn verlassen hat.',
  'error.TFTP_PUT_SERVER_GONE.message': 'Der Router unter {host} hat bei Block {block} von {blocks} von „{file}“ aufgehört zuzuhören.',
  'error.TFTP_PUT_SERVER_GONE.meaning':
    'Sein TFTP-Server hat die Übertragung auf seiner Seite beendet (er ist neu gestartet oder hat aufgegeben). Die Datei ist nicht vollständig angekommen; der Router wird sie nicht verwenden.',
  'error.TFTP_PUT_SERVER_GONE.fix': 'Bringen Sie den Router erneut in den Rettungsmodus und starten Sie den Upload neu.',
  'error.TFTP_PUT_FILE_CHANGED.message': 'Die Datei hat sich auf diesem Computer verändert, während „{file}“ an {host} gesendet wurde.',
  'error.TFTP_PUT_FILE_CHANGED.meaning': 'Was der Router erhalten hat, ist keine einheitliche Datei; sie darf nicht verwendet werden.',
  'error.TFTP_PUT_FILE_CHANGED.fix': 'Sorgen Sie dafür, dass nichts in die Firmware-Datei schreibt, bringen Sie den Router erneut in den Rettungsmodus und senden Sie sie noch einmal.',
  'error.TFTP_PUT_NOT_TFTP.message':
    'Der Router unter {host} hat auf den Upload von „{file}“ nach {acked} von {blocks} Blöcken mit etwas geantwortet, das kein Paket der Dateiübertragung ist.',
  'error.TFTP_PUT_NOT_TFTP.meaning': 'Der Upload wurde angehalten; der Router verwendet keine halbe Datei.',
  'error.TFTP_PUT_NOT_TFTP.fix': 'Bringen Sie den Router erneut in den Rettungsmodus und senden Sie die Datei noch einmal. Wenn es wieder passiert, senden Sie sie mit Blockgröße 512.',
  'error.TFTP_PUT_NATIVE_MISSING.message': 'Der schnelle Block-für-Block-Sender kann diesen Upload nicht senden.',
  'error.TFTP_PUT_NATIVE_MISSING.meaning': `Er wurde ausdrücklich verlangt, deshalb wurde nichts gesendet: ${PUT_WHY}.`,
  'error.TFTP_PUT_NATIVE_MISSING.fix':
    'Lassen Sie die Wahl der Engine auf „auto“ (dann wird der JavaScript-Sender genutzt), oder bauen Sie die native Engine mit `npm run build:native`.',
  'tftp.cli.transfer.start':
    '{who}  {how, select, alias {hat nach „{file}“ gefragt; sende „{served}“ (Alias)} any {hat nach „{file}“ gefragt; sende „{served}“ (Antwort auf jeden Namen)} read {sende „{file}“} other {empfange „{file}“}}{size, select, none {} other { ({size})}}  blksize {blksize}{window, select, none {} other {, Fenster {window}}}',
  'tftp.cli.transfer.progress': '{who}  {direction, select, read {sende} other {empfange}} „{file}“  {bytes}{size, select, none {} other { von {size}}}  {rate}/s',
  'tftp.cli.transfer.done': '{who}  fertig „{file}“  {bytes} in {seconds} s ({rate}/s)  sha256 {sha256}',
  'tftp.cli.transfer.failed': '{who}  FEHLGESCHLAGEN „{file}“: {reason}{fix, select, none {} other {  {fix}}}',
  'tftp.cli.transfer.unknown': 'unbekannter Fehler',
  'tftp.cli.serve.card': '{iface} hat eine eigene Adresse {address} für den Router unter {router} (wird am Ende wieder entfernt); tragen Sie sie im Router als Server-Adresse ein.',
  'tftp.cli.serve.serving': 'Stelle {root} per TFTP bereit auf {bind, select, all {allen Netzwerkverbindungen} other {{bind}}}, Port {port}{upload, select, none {; nur lesen} other {; Uploads landen in {upload}}}.',
  'tftp.cli.serve.alias': 'Eine Anfrage nach „{name}“ bekommt {file}.',
  'tftp.cli.serve.answerAny': 'Jeder andere Name, der nicht im Ordner liegt, bekommt {file}.',
  'tftp.cli.serve.stop': 'Mit Strg-C beenden.',
  'tftp.cli.serve.slowEngine': 'Übertragungen im Gleichschritt nutzen die langsamere JavaScript-Engine: Die native ist {why}.',
  'tftp.cli.put.start': '{to}  sende „{file}“ als „{remote}“',
  'tftp.cli.put.progress': '{to}  {bytes} von {total}  {percent} %  {rate}/s',
  'tftp.cli.put.done':
    '{to}  fertig: Der Router hat alle {bytes} von „{remote}“ in {seconds} s bestätigt ({rate}/s, blksize {blksize}{window, select, none {} other {, Fenster {window}}})  sha256 {sha256}',
  'tftp.cli.put.result': 'Fertig. Der Router unter {host} hat jeden Block von „{remote}“ bestätigt ({bytes} Bytes, sha256 {sha256}).',
};
