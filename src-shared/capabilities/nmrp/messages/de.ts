import type { en } from './en';

/** The nmrp capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'nmrp.step.check': 'Firmware-Datei prüfen',
  'nmrp.step.prepare': 'Diesen Computer vorbereiten',
  'nmrp.step.find': 'Router finden',
  'nmrp.step.asks': 'Der Router fragt nach der Firmware',
  'nmrp.step.send': 'Firmware senden',
  'nmrp.step.write': 'Der Router schreibt sie',
  'nmrp.step.done': 'Fertig',
  'nmrp.steps': 'Schritte',

  'nmrp.led.waiting':
    'Wenn Sie ihn einschalten, geht die Power-Leuchte an und blinkt bei den meisten Modellen, während der Router nach diesem Computer sucht.',
  'nmrp.led.writing': 'Während er schreibt, blinkt die Power-Leuchte (bei den meisten Modellen etwa einmal pro Sekunde). Schalten Sie ihn nicht aus.',
  'nmrp.led.done':
    'Fertig: Bei den meisten Modellen blinkt die Power-Leuchte weiter, schneller oder in einer anderen Farbe, bis Sie den Router ausschalten.',

  'nmrp.guide.title': 'Bevor Sie beginnen',
  'nmrp.guide.off': 'Schalten Sie den Router aus.',
  'nmrp.guide.offWhy': 'Sie brauchen keine Taste: Der Router sucht bei jedem Start etwa eine Sekunde lang nach diesem Computer.',
  'nmrp.guide.cable': 'Verbinden Sie diesen Computer mit einem Kabel direkt mit einem der LAN-Anschlüsse des Routers (1–4, meist gelb).',
  'nmrp.guide.cableWhy': 'Nicht mit dem Internet-Anschluss, und ohne Switch dazwischen.',
  'nmrp.guide.start': 'Drücken Sie auf „Starten“.',
  'nmrp.guide.startWhy': 'Wenn der Bildschirm „Schalten Sie den Router jetzt ein“ sagt, schalten Sie ihn ein.',
  'nmrp.guide.wait':
    'Der Router nimmt die Firmware, schreibt sie (ein paar Minuten) und wartet dann. Schalten Sie ihn aus und wieder ein, wenn der Bildschirm es sagt.',
  'nmrp.guide.permission':
    'Das ist NMRP von Netgear (ein Rettungsmodus im Bootloader des Routers, dem kleinen Programm, das ihn startet). Dafür braucht Rescue Bench die Erlaubnis, rohe Netzwerk-Frames zu senden; wenn dieser Computer nach Ihrem Passwort fragt, ist das der Grund.',

  'nmrp.image.dni':
    'Netgear-Hersteller-Firmware (DNI-Image) für den {board}{model, select, none {} other { ({model})}}. Prüfen Sie, ob auf dem Etikett unter dem Router {board} steht.',
  'nmrp.image.chk':
    'Netgear-Firmware (.chk) für das Board {board}{model, select, none {} other { – das ist der {model}}}. Prüfen Sie, ob das zum Etikett des Routers passt.',
  'nmrp.image.chkUnknown': 'Netgear-Firmware (.chk) für ein unbekanntes Board. Prüfen Sie, ob sie zum Etikett des Routers passt.',
  'nmrp.image.facts': '{file}, {size}{version, select, none {} other {, Version {version}}}{region, select, none {} other {, {region}}}.',
  'nmrp.image.large':
    'Diese Datei ist groß: Lehnt der Router die größeren Übertragungsstücke ab, beginnt der Stückzähler wieder bei 0, und manche Bootloader kommen damit nicht zurecht (die Übertragung bricht dann kurz vor dem Ende ab).',
  'nmrp.image.label': 'Auf dem Etikett unter meinem Router steht',
  'nmrp.image.sameModel': 'dasselbe Modell',

  'nmrp.setup.title': 'Einen Netgear-Router retten',
  'nmrp.setup.lead':
    'Spielt die Hersteller-Firmware von Netgear (oder das „factory“-Image von OpenWrt) wieder auf einen Router, der nicht mehr startet. Das dauert etwa 5 Minuten.',
  'nmrp.setup.file': 'Firmware-Datei (.chk oder .img)',
  'nmrp.setup.fileExample': '/home/ich/firmware/R7800-V1.0.2.94.img',
  'nmrp.setup.check': 'Datei prüfen',
  'nmrp.setup.cable': 'Kabel zum Router (kabelgebundene Verbindung)',
  'nmrp.setup.cableExample': 'eth0',
  'nmrp.setup.cableIn': ' – Kabel steckt',
  'nmrp.setup.noCable': ' – kein Kabel',
  'nmrp.setup.virtual': ' (virtuell)',
  'nmrp.setup.findWaiting': 'Warte: Stecken Sie das Kabel ein und schalten Sie den Router ein…',
  'nmrp.setup.find': 'Für mich suchen',
  'nmrp.setup.region': 'Region (nur wenn der Netgear-Support es sagt)',
  'nmrp.setup.keepRegion': 'Die des Routers behalten',
  'nmrp.setup.found':
    'Der Router hängt an der Verbindung {name}. Schalten Sie den Router jetzt wieder aus; Sie schalten ihn ein, nachdem Sie auf „Starten“ gedrückt haben.',
  'nmrp.setup.more': 'Weitere Einstellungen (für Techniker)',
  'nmrp.setup.timeout': 'Antwortzeit (s; Orbi und RAX: 60)',
  'nmrp.setup.routerAddress': 'Adresse des Routers',
  'nmrp.setup.hostAddress': 'Adresse dieses Computers',
  'nmrp.setup.start': 'Starten',
  'nmrp.setup.needCheck': 'Prüfen Sie zuerst die Firmware-Datei.',
  'nmrp.setup.needLabel': 'Vergleichen Sie den Board-Namen mit dem Etikett unter dem Router und setzen Sie dann das Häkchen.',
  'nmrp.setup.needCable': 'Wählen Sie die Kabelverbindung, an der der Router hängt.',

  'nmrp.grant.button': 'Erlauben (fragt nach Ihrem Passwort)',
  'nmrp.grant.linux':
    'Erledigt: Rescue Bench darf jetzt die Rettungsnachrichten senden. Schließen Sie das Programm und starten Sie es neu, damit das wirkt.',
  'nmrp.grant.mac': 'Erledigt: Rescue Bench darf jetzt die Rettungsnachrichten senden, bis dieser Mac neu startet.',

  'nmrp.boot.question': 'Nachdem Sie ihn wieder eingeschaltet haben (geben Sie ihm 3 Minuten): prüfen, ob er startet?',
  'nmrp.boot.address': 'Die übliche Adresse des Routers',
  'nmrp.boot.checking': 'Wird geprüft…',
  'nmrp.boot.check': 'Prüfen, ob er gestartet ist',
  'nmrp.boot.answers': 'Der Router antwortet unter {address}: Die neue Firmware ist gestartet.',
  'nmrp.boot.answersWeb': 'Der Router antwortet unter {address} und zeigt seine Webseite: Die neue Firmware ist gestartet.',
  'nmrp.boot.silent': 'Unter {address} antwortet noch nichts.',
  'nmrp.boot.dhcp': 'Er verteilt Adressen (DHCP): Seine Firmware läuft.',
  'nmrp.boot.dhcpOffered': 'Er verteilt Adressen (DHCP, angeboten: {offered}): Seine Firmware läuft.',

  'nmrp.run.title': 'Netgear-Rettung',
  'nmrp.run.titleOn': 'Netgear-Rettung an {name}',
  'nmrp.run.stop': 'Anhalten',
  'nmrp.run.switchOffOn': 'Schalten Sie den Router aus, warten Sie 10 Sekunden und schalten Sie ihn wieder ein.',
  'nmrp.run.starting': 'Startet…',
  'nmrp.run.done':
    'Fertig. Der Router hat {file}{board, select, none {} other { (für den {board})}}{sha, select, none {} other {, {size}, SHA-256 {sha}…}} übernommen und geschrieben. Sie können ihn jetzt gefahrlos ausschalten.',
  'nmrp.run.theFirmware': 'die Firmware',
  'nmrp.run.sending': 'Firmware wird gesendet',
  'nmrp.run.progress': '{done} von {total} · {rate}',
  'nmrp.run.left': ' · noch etwa {seconds} s',
  'nmrp.run.writingFor': 'Schreibt seit {time} – meist 2 bis 5 Minuten.',
  'nmrp.run.writingForBusy':
    'Schreibt seit {time} – meist 2 bis 5 Minuten (der Router hat {count, plural, one {einmal} other {# Mal}} gemeldet, dass er beschäftigt ist).',
  'nmrp.run.details': 'Details (NMRP-Nachrichten)',
  'nmrp.run.router': ' (Router {mac})',
  'nmrp.run.ignored': 'Ignoriert: {malformed} kaputte und {ignored} andere Frames; {confAcks} Antworten mit Einstellungen, {keepAlives} Keep-alives.',

  'nmrp.said.checking': 'Die Firmware-Datei wird geprüft.',
  'nmrp.said.preparing': 'Die Verbindung {name} wird vorbereitet: Dieser Computer bekommt die Adresse {address}.',
  'nmrp.said.waitingCable': 'Warte auf den Router: Stecken Sie das Kabel in einen seiner LAN-Anschlüsse.',
  'nmrp.said.switchOn': 'Schalten Sie den Router jetzt ein.',
  'nmrp.said.calling': 'Der Router wird gerufen. Schalten Sie den Router jetzt ein.',
  'nmrp.said.switchOnHow': 'Schalten Sie den Router jetzt ein (Ein/Aus-Taste oder Stecker).',
  'nmrp.said.found': 'Der Router hat geantwortet (Hardware-Adresse {mac}).',
  'nmrp.said.settings': 'Der Router hat nach seinen Einstellungen gefragt: Er bekommt die Adresse {address}.',
  'nmrp.said.settingsRegion': 'Der Router hat nach seinen Einstellungen gefragt: Er bekommt die Adresse {address}, Region {region}.',
  'nmrp.said.settingsAgain': 'Der Router hat noch einmal nach seinen Einstellungen gefragt (er hat unsere Antwort verpasst); erneut beantwortet.',
  'nmrp.said.asked': 'Der Router hat nach der Firmware gefragt. Sie wird jetzt gesendet.',
  'nmrp.said.askedName': 'Der Router hat nach der Firmware gefragt („{name}“). Sie wird jetzt gesendet.',
  'nmrp.said.askedAgain': 'Der Router hat noch einmal nach der Datei gefragt: Vielleicht nimmt er diese Firmware nicht an.',
  'nmrp.said.sending': 'Die Firmware wird an den Router gesendet. Lassen Sie das Kabel eingesteckt und den Strom an.',
  'nmrp.said.uploaded':
    'Der Router hat die ganze Datei. Er schreibt sie jetzt in seinen Speicher: Das dauert ein paar Minuten. Schalten Sie ihn nicht aus.',
  'nmrp.said.rolledOver':
    'Der Stückzähler hat während der Übertragung wieder bei 0 begonnen; falls der Router die Datei nicht annimmt, liegt es daran.',
  'nmrp.said.busy': 'Der Router schreibt die Firmware und meldet, dass er noch beschäftigt ist. Schalten Sie ihn nicht aus.',
  'nmrp.said.done': 'Fertig: Der Router hat die Firmware geschrieben und meldet, dass die Rettung abgeschlossen ist.',
  'nmrp.said.doneDoNow':
    'Schalten Sie den Router jetzt aus, warten Sie 10 Sekunden und schalten Sie ihn wieder ein. Dann startet er die neue Firmware (der erste Start dauert ein paar Minuten).',
  'nmrp.said.secondRouter': 'Ein zweiter Router spricht auf diesem Kabel; er wird ignoriert, bis dieser fertig ist.',
  'nmrp.said.addressNotRemoved': 'Die Adresse konnte nicht von diesem Computer entfernt werden.',
  'nmrp.said.framesIgnored': 'Frames von {mac} ignoriert',
  'nmrp.said.manyPieces':
    'Die Datei braucht mehr als {max} Stücke, wenn der Router die größeren Stücke ({blksize} Bytes) ablehnt; der Stückzähler würde dann wieder bei 0 beginnen, und manche Bootloader kommen damit nicht zurecht.',
  'nmrp.said.imageDni':
    'Netgear-Hersteller-Firmware (DNI-Image) für den {board}{version, select, none {} other {, Version {version}}}{model, select, none {} other { ({model})}}. Prüfen Sie, ob auf dem Etikett unter dem Router {board} steht.',
  'nmrp.said.imageChk':
    'Netgear-Firmware (.chk) für das Board {board}{region, select, none {} other {, {region}}}{model, select, none {} other { – das ist der {model}}}. Prüfen Sie, ob das zum Etikett des Routers passt.',
  'nmrp.said.imageChkUnknown': 'Netgear-Firmware (.chk) für ein unbekanntes Board{region, select, none {} other {, {region}}}. Prüfen Sie, ob sie zum Etikett des Routers passt.',

  "nmrp.cli.uploaded": "{bytes, number, ::.00} MiB in {seconds, number, ::.00} s ({rate, number, ::.00} MiB/s, Blöcke zu {blksize} Bytes), sha256 {sha}",
  "nmrp.cli.progress": "{done, number, ::.00} MiB von {total, number, ::.00} MiB, {rate, number, ::.00} MiB/s",
  'nmrp.cli.done': 'Fertig. Schalten Sie den Router aus, warten Sie 10 Sekunden und schalten Sie ihn wieder ein: Er startet die neue Firmware.',

  'error.NMRP_NO_ROUTER.message': 'Der Router hat in {seconds} Sekunden nicht geantwortet.',
  'error.NMRP_NO_ROUTER.meaning':
    'Ein Netgear-Router horcht nur einen Moment direkt nach dem Einschalten auf diesen Computer. Er hat uns nicht gehört, oder er startet nicht auf eine Weise, die eine Rettung erlaubt.',
  'error.NMRP_NO_ROUTER.fix':
    'Prüfen Sie in dieser Reihenfolge:\n1. Das Kabel geht von diesem Computer direkt in einen der LAN-Anschlüsse des Routers (1–4, meist gelb), nicht in den Internet-Anschluss{carrier, select, never { – dieser Computer hat das Kabel nie verbunden gesehen} other {}}.\n2. Der Router wurde erst eingeschaltet, nachdem Sie auf „Starten“ gedrückt haben. Schalten Sie ihn aus, drücken Sie auf „Starten“, warten Sie auf „Schalten Sie den Router jetzt ein“ und schalten Sie ihn dann ein.\n3. Nichts steckt zwischen Router und diesem Computer (kein Switch, kein Dock): Ein Switch verzögert die Verbindung, und der Router hört auf zu horchen, bevor er uns sieht.\n4. Manche Modelle horchen nur, während beim Einschalten die Reset-Taste gehalten wird: Halten Sie sie mit einer Nadel, schalten Sie ein und halten Sie 10 Sekunden weiter.\n5. Manche Netgear-Modelle nutzen diese Rettung gar nicht, nehmen aber eine einfache TFTP-Übertragung an: Sehen Sie auf der Seite des Routers in der Anleitung nach.',
  'error.NMRP_TWO_ROUTERS.message': 'Zwei Router haben auf demselben Kabel geantwortet.',
  'error.NMRP_TWO_ROUTERS.meaning': 'Rescue Bench kann nicht erkennen, welcher die Firmware bekommen soll ({first} und {second}), und rät nicht.',
  'error.NMRP_TWO_ROUTERS.fix':
    'Verbinden Sie nur den Router, den Sie retten möchten, mit diesem Computer (keinen Switch mit anderen Netgear-Routern daran) und starten Sie neu.',
  'error.NMRP_OTHER_SERVER.message': 'Ein anderer Computer an diesem Kabel versucht ebenfalls, einen Router zu retten.',
  'error.NMRP_OTHER_SERVER.meaning': 'Seine Rettungsnachrichten (von {mac}) würden den Router verwirren, woher er seine Firmware holen soll.',
  'error.NMRP_OTHER_SERVER.fix': 'Schließen Sie nmrpflash oder das andere Rettungsprogramm (oder ziehen Sie das Kabel jenes Computers) und starten Sie neu.',
  'error.NMRP_ROUTER_SILENT.message':
    '{after, select, writing {Der Router ist verstummt, während er die Firmware schrieb ({seconds} Sekunden lang nichts).} other {Der Router ist verstummt, während wir auf {waitingFor} gewartet haben ({seconds} Sekunden).}}',
  'error.NMRP_ROUTER_SILENT.meaning':
    '{after, select, writing {Vielleicht hat er neu gestartet, keinen Strom mehr, oder sein Bootloader hat aufgegeben. Die Firmware kann vollständig sein oder nicht.} configured {Er hat seine Adresse genommen, aber nie nach der Datei gefragt. Das passiert, wenn er neu startet oder länger braucht (Orbi- und RAX-Modelle).} other {Er hat mitten in der Rettung aufgehört zu antworten.}}',
  'error.NMRP_ROUTER_SILENT.fix':
    '{after, select, writing {Sehen Sie auf die Power-Leuchte. Blinkt sie, warten Sie; hat der Router neu gestartet, lassen Sie ihn starten und prüfen Sie, ob er funktioniert. Startet er nicht, führen Sie die Rettung noch einmal aus.} other {Schalten Sie den Router aus, starten Sie neu und schalten Sie ihn ein, wenn Sie dazu aufgefordert werden. Bei Orbi- und RAX-Modellen stellen Sie die Antwortzeit auf 60 Sekunden.}}',
  'error.NMRP_IMAGE_REJECTED.message': 'Der Router hat {times}-mal nach der Datei gefragt: Er nimmt diese Firmware nicht an.',
  'error.NMRP_IMAGE_REJECTED.meaning':
    'Sein Bootloader hat die Datei geprüft und abgelehnt, meist weil sie für ein anderes Modell oder eine andere Region ist.',
  'error.NMRP_IMAGE_REJECTED.fix':
    'Vergleichen Sie den Board-Namen auf dem Etikett des Routers mit dem, für den diese Datei ist, holen Sie die Hersteller-Firmware für genau dieses Modell bei Netgear und starten Sie neu.',
  'error.NMRP_TFTP_NO_ANSWER.message': 'Der Router hat nach der Firmware gefragt, aber das erste Stück nicht angenommen.',
  'error.NMRP_TFTP_NO_ANSWER.meaning':
    'Meist konnte dieser Computer {routerIp} nicht erreichen (die Adressabfrage, ARP, blieb ohne Antwort), oder eine Firewall auf diesem Computer blockiert die Übertragung (TFTP).',
  'error.NMRP_TFTP_NO_ANSWER.fix':
    'Erlauben Sie Rescue Bench in der Firewall des Computers, lassen Sie das Kabel direkt zwischen Router und Computer und starten Sie neu. Rescue Bench trägt den Router bereits fest in die ARP-Tabelle ein.',
  'error.NMRP_UPLOAD_INTERRUPTED.message': 'Die Übertragung hat bei {percent} % aufgehört: Der Router hat die Datei nicht mehr angenommen.',
  'error.NMRP_UPLOAD_INTERRUPTED.meaning':
    'Der Router hat wahrscheinlich neu gestartet (Strom, oder sein Bootloader hat aufgegeben). Noch wurde nichts geschrieben: Router schreiben erst, wenn die ganze Datei da ist.',
  'error.NMRP_UPLOAD_INTERRUPTED.fix':
    'Lassen Sie den Router 10 Sekunden ausgeschaltet, starten Sie neu und schalten Sie ihn ein, wenn Sie dazu aufgefordert werden.',
  'error.NMRP_IMAGE_TOO_BIG.message': 'Die Datei ist zu groß für diese Rettung ({size} MiB).',
  'error.NMRP_IMAGE_TOO_BIG.meaning':
    'Die Dateiübertragung eines Bootloaders zählt Stücke bis 65535; mit den größten Stücken, die Router annehmen (1456 Byte), sind das {max} MiB.',
  'error.NMRP_IMAGE_TOO_BIG.fix': 'Prüfen Sie, ob das die Hersteller-Firmware für diesen Router ist (die ist viel kleiner); eine so große Datei ist keine.',
  'error.NMRP_CANCELLED.message': 'Die Rettung wurde angehalten.',
  'error.NMRP_CANCELLED.meaning': 'Es wird nichts mehr an den Router gesendet; die Netzwerkeinstellung dieses Computers wird zurückgenommen.',
  'error.NMRP_CANCELLED.fix': 'Schalten Sie den Router aus. Starten Sie neu, wenn Sie so weit sind.',
  'error.NMRP_NOT_NETGEAR_IMAGE.message': 'Diese Datei ist kein Netgear-Firmware-Image.',
  'error.NMRP_NOT_NETGEAR_IMAGE.meaning':
    'Die Netgear-Rettung nimmt nur Netgear-Hersteller-Images (.chk-Dateien oder .img-Dateien bei Modellen wie dem R7800); alles andere würde der Router ablehnen, oder Schlimmeres.',
  'error.NMRP_NOT_NETGEAR_IMAGE.fix':
    'Laden Sie die Hersteller-Firmware für genau dieses Modell von der Support-Seite von Netgear (oder das „factory“-Image von OpenWrt dafür) und wählen Sie diese Datei.',
  'error.NMRP_IMAGE_DAMAGED.message': 'Diese Firmware-Datei ist beschädigt: Ihre Prüfsumme stimmt nicht.',
  'error.NMRP_IMAGE_DAMAGED.meaning':
    'Sie wurde wahrscheinlich beim Herunterladen abgeschnitten oder verändert. Der Router würde sie ablehnen oder eine kaputte Firmware schreiben.',
  'error.NMRP_IMAGE_DAMAGED.fix': 'Laden Sie die Datei noch einmal herunter und wählen Sie die neue Kopie.',
  'error.NMRP_CLOSED_EARLY.message': 'Der Router hat die Rettung beendet, bevor er nach der Firmware gefragt hat.',
  'error.NMRP_CLOSED_EARLY.meaning': 'Es wurde nichts an ihn gesendet.',
  'error.NMRP_CLOSED_EARLY.fix':
    'Schalten Sie den Router aus und starten Sie neu; passiert es wieder, nimmt er vielleicht keine Rettung von diesem Computer an.',
  'error.NMRP_BUSY.message': 'Es läuft schon eine Netgear-Rettung.',
  'error.NMRP_BUSY.meaning': 'Dieses Programm rettet einen Router nach dem anderen.',
  'error.NMRP_BUSY.fix': 'Warten Sie, bis sie fertig ist, oder halten Sie sie zuerst an.',
  'error.NMRP_FAILED.message': 'Die Rettung ist nicht fertig geworden.',
  'error.NMRP_GRANT_UNAVAILABLE.message':
    '{why, select, windows {Unter Windows gibt es hier keine Erlaubnis, um die Rescue Bench bitten könnte.} other {Dieser Computer hat keine Passwortabfrage, die Rescue Bench für diese Erlaubnis nutzen kann.}}',
  'error.NMRP_GRANT_UNAVAILABLE.meaning':
    '{why, select, windows {Npcap legt bei seiner Installation einmal fest, wer rohe Netzwerk-Frames senden darf.} other {pkexec (polkit) oder setcap fehlt, deshalb lässt sich die Erlaubnis von hier aus nicht geben.}}',
  'error.NMRP_GRANT_UNAVAILABLE.fix':
    '{why, select, windows {Wurde Npcap nur für Administratoren installiert, schließen Sie Rescue Bench und starten Sie es mit einem Rechtsklick auf sein Symbol → „Als Administrator ausführen“. Oder führen Sie den Npcap-Installer noch einmal ohne diese Option aus.} other {In einem Terminal: sudo setcap cap_net_raw+ep {binary} – dann starten Sie Rescue Bench neu.}}',
  'error.NMRP_GRANT_REFUSED.message': 'Die Erlaubnis wurde nicht gegeben.',
  'error.NMRP_GRANT_REFUSED.meaning': 'Die Passwortabfrage wurde geschlossen, oder das Passwort wurde nicht angenommen.',
  'error.NMRP_GRANT_REFUSED.fix': 'Versuchen Sie es noch einmal und geben Sie das Passwort eines Administrators dieses Computers ein.',
  "nmrp.cli.note": "Hinweis:",
  'nmrp.cli.summary.recover': 'Einen Netgear-Router über das NMRP seines Bootloaders retten: Er fragt diesen Computer über das Kabel nach der Firmware',
  'nmrp.cli.usage.interface': '--interface IF fehlt: die Kabelverbindung, an der der Router hängt',
  'nmrp.cli.usage.file': '--file IMAGE fehlt: die Hersteller-Firmware von Netgear (.chk oder .img)',
  'nmrp.cli.takes.region': 'NA, WW, GR, PR, RU, BZ, IN, KO, JP, AU, CA oder US',
  'nmrp.cli.takes.seconds': 'Sekunden von {min} bis {max}',
  'nmrp.cli.takes.routerIp': 'eine Adresse mit ihrem Präfix, wie 10.164.183.253/24',
};
