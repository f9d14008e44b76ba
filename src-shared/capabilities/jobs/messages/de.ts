import type { en } from './en';

/** The jobs capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'jobs.history': 'Verlauf',
  'jobs.find': 'Router suchen',
  'jobs.find.example': 'MAC, Board, Seriennummer, Kunde, Ticket',
  'jobs.find.go': 'Suchen',
  'jobs.none': 'Noch keine Aufträge. Jede Anleitung, die Sie auf diesem Computer durchlaufen, wird hier aufbewahrt (Übungen nicht).',
  'jobs.noMatch': 'Kein Auftrag passt zu „{query}“.',
  'jobs.rebuild': 'Aus den Protokollen neu aufbauen',
  'jobs.stationOnly': 'Es werden nur die Aufträge dieses Arbeitsplatzes gezeigt. {shop}',
  'jobs.notIdentified': 'Router nicht erkannt',
  'jobs.serial': 'Seriennummer {serial}',
  'jobs.ticket': 'Ticket {ticket}',
  'jobs.backupTaken': 'Sicherung gemacht',
  'jobs.state.running': 'läuft noch',
  'jobs.state.done': 'fertig',
  'jobs.state.failed': 'nicht fertig geworden',
  'jobs.state.stopped': 'von Ihnen angehalten',
  'jobs.state.interrupted': 'unterbrochen (Rescue Bench wurde geschlossen)',

  'jobs.shop.none': 'Kein Werkstatt-Server eingestellt: Aufträge bleiben nur auf diesem Computer.',
  'jobs.shop.silentQueued':
    'Der Werkstatt-Server antwortet nicht. {count, plural, one {# Auftrag wartet} other {# Aufträge warten}} auf das Senden; sie bleiben auf diesem Computer und werden gesendet, sobald er wieder antwortet.',
  'jobs.shop.silent': 'Der Werkstatt-Server antwortet nicht. Neue Aufträge bleiben auf diesem Computer, bis er wieder antwortet.',
  'jobs.shop.queued': '{count, plural, one {# Auftrag wartet} other {# Aufträge warten}} darauf, an den Werkstatt-Server gesendet zu werden.',
  'jobs.shop.allSent': 'Alle Aufträge sind auf dem Werkstatt-Server.',
  'jobs.shop.notYet': 'Der Werkstatt-Server wurde noch nicht erreicht.',

  'jobs.back': 'Zurück zur Liste',
  'jobs.station': 'Arbeitsplatz {station}',
  'jobs.stillRunning': 'Dieser Auftrag läuft noch. Ein Bericht zeigt jetzt die Schritte bis hierher und sagt das auch.',
  'jobs.router': 'Router',
  'jobs.customer': 'Kunde',
  'jobs.seenBefore': 'Schon einmal hier',
  'jobs.export': 'Diesen Auftrag exportieren',
  'jobs.making': 'Bericht wird erstellt…',
  'jobs.makingPdf': 'PDF wird erstellt…',
  'jobs.saveHtml': 'Bericht speichern (HTML)',
  'jobs.savePdf': 'Bericht speichern (PDF)',
  'jobs.saved': '{file} wurde in Ihren Downloads gespeichert.',
  'jobs.savedRunning': '{file} wurde in Ihren Downloads gespeichert. Der Auftrag läuft noch: Der Bericht sagt das.',
  'jobs.whatWasDone': 'Was getan wurde',
  'jobs.step.pending': 'nicht erreicht',
  'jobs.step.active': 'läuft',
  'jobs.step.done': 'erledigt',
  'jobs.step.failed': 'fehlgeschlagen',
  'jobs.step.skipped': 'übersprungen',
  'jobs.images': 'Firmware-Images',
  'jobs.backups': 'Sicherungen',
  'jobs.backup.full': 'Vollständige Sicherung',
  'jobs.backup.settings': 'Sicherung der Einstellungen',
  'jobs.backup.manifest': ' ({count, plural, one {# Datei} other {# Dateien}}, jede mit ihrer SHA-256)',

  'jobs.seen.unknownRouter': 'Dieser Auftrag sagt nicht, welcher Router es war. Frühere Aufträge lassen sich deshalb nicht finden.',
  'jobs.seen.first': 'Dieser Router ({by}) ist zum ersten Mal hier.',
  'jobs.seen.last':
    'Schon einmal hier: {day}, {backup, select, yes {Sicherung gemacht} other {keine Sicherung}} – {title}, {state}. ({count, plural, one {# früherer Auftrag} other {# frühere Aufträge}} für {by}.)',
  'jobs.seen.byMac': 'MAC {mac}',
  'jobs.seen.bySerial': 'Seriennummer {serial}',
  'jobs.seen.byBoard': 'Board {board} (viele Router teilen sich einen Board-Namen)',

  'jobs.note.label': 'Kunde und Ticket',
  'jobs.note.customer': 'Kunde',
  'jobs.note.ticket': 'Ticket',
  'jobs.note.serial': 'Seriennummer des Routers',
  'jobs.note.save': 'Speichern',
  'jobs.note.saved': 'Gespeichert.',

  'jobs.fail.note': 'Die Notiz konnte nicht gespeichert werden.',
  'jobs.fail.report': 'Der Bericht konnte nicht erstellt werden.',
  'jobs.fail.read': 'Der Auftragsverlauf konnte nicht gelesen werden.',
  'jobs.fail.rebuild': 'Der Auftragsverlauf konnte nicht neu aufgebaut werden.',
  'jobs.fail.open': 'Dieser Auftrag konnte nicht gelesen werden.',

  'jobs.cli.none': 'Noch keine Aufträge: Jede Anleitung, die auf diesem Computer läuft, wird ein Auftrag (Übungen nicht).',
  'jobs.cli.saved': 'Der Bericht wurde in {file} gespeichert ({bytes} Byte).',
  'jobs.cli.savedRunning': 'Der Bericht wurde in {file} gespeichert ({bytes} Byte). Der Auftrag läuft noch: Der Bericht sagt das und zeigt die Schritte bis hierher.',

  'error.JOBS_DB_LOCKED.message': 'Der Auftragsverlauf ist belegt: Ein anderes Rescue-Bench-Fenster oder ein Befehl schreibt gerade hinein.',
  'error.JOBS_DB_LOCKED.meaning':
    'Nichts geht verloren: Jeder Auftrag steht auch in seinem Protokoll, und dieser wird ergänzt, sobald die Datei frei ist.',
  'error.JOBS_DB_LOCKED.fix':
    'Warten Sie kurz und versuchen Sie es erneut. Ist kein anderes Rescue Bench offen, bauen Sie die Datei mit „rescue-bench jobs rebuild“ aus den Protokollen neu auf.',
  'error.JOBS_DB_CORRUPT.message': 'Die Datei mit dem Auftragsverlauf ist beschädigt und kann nicht gelesen werden.',
  'error.JOBS_DB_CORRUPT.meaning':
    'Ihre Aufträge sind nicht verloren: Jeder steht in seinem Protokoll im Datenordner, und der Verlauf lässt sich daraus neu aufbauen.',
  'error.JOBS_DB_CORRUPT.fix':
    'Wählen Sie „Aus den Protokollen neu aufbauen“ (oder „rescue-bench jobs rebuild“). Die beschädigte Datei bleibt neben der neuen erhalten.',
  'error.JOBS_DB_UNREADABLE.message': 'Die Datei mit dem Auftragsverlauf lässt sich nicht öffnen.',
  'error.JOBS_DB_UNREADABLE.meaning':
    'Die Aufträge stehen weiter in ihren Protokollen; nur der durchsuchbare Verlauf fehlt, bis sich die Datei öffnen lässt.',
  'error.JOBS_DB_UNREADABLE.fix':
    'Prüfen Sie, ob der Datenordner auf einem Laufwerk mit freiem Platz liegt, auf das dieses Benutzerkonto schreiben darf, und versuchen Sie es erneut.',
  'error.JOBS_DB_NEWER.message':
    '{where, select, file {Die Datei mit dem Auftragsverlauf} shop {Der Werkstatt-Server} other {Die Auftragsdatenbank}} wurde von einem neueren Rescue Bench geschrieben (Schema {from}; diese Version kennt bis {known}).',
  'error.JOBS_DB_NEWER.meaning': 'Diese Version kann sie nicht sicher lesen und lässt sie deshalb unberührt. Ihre Protokolle sind nicht betroffen.',
  'error.JOBS_DB_NEWER.fix': 'Aktualisieren Sie Rescue Bench auf diesem Computer auf die Version der anderen Arbeitsplätze.',
  'error.SHOP_SERVER_UNREACHABLE.message': 'Der Auftrags-Server der Werkstatt antwortet nicht.',
  'error.SHOP_SERVER_UNREACHABLE.meaning':
    'Aufträge bleiben auf diesem Computer und werden an den Server gesendet, sobald er wieder antwortet; bis dahin sehen andere Arbeitsplätze sie nicht.',
  'error.SHOP_SERVER_UNREACHABLE.fix':
    'Prüfen Sie, ob der Server-Computer eingeschaltet und im Netzwerk ist und ob die Adresse in den Einstellungen stimmt.',
  'error.NO_SUCH_JOB.message': 'Es gibt keinen Auftrag „{id}“.',
  'error.NO_SUCH_JOB.meaning': 'Vielleicht war es eine Übung (die werden nicht als Aufträge aufbewahrt), oder sein Protokoll wurde entfernt.',
  'error.NO_SUCH_JOB.fix': 'Wählen Sie einen Auftrag aus der Liste („rescue-bench jobs list“).',
  'error.JOB_OF_OTHER_STATION.message': 'Dieser Auftrag wurde am Arbeitsplatz {station} erledigt.',
  'error.JOB_OF_OTHER_STATION.meaning': 'Sein Protokoll liegt auf jenem Computer, und eine Notiz gehört neben das Protokoll.',
  'error.JOB_OF_OTHER_STATION.fix': 'Schreiben Sie die Notiz an {station}.',
  'error.BAD_SHOP_SERVER.message': 'Das ist nicht die Adresse eines PostgreSQL-Servers.',
  'error.BAD_SHOP_SERVER.meaning': 'Aufträge bleiben auf diesem Computer, bis eine Server-Adresse eingestellt ist.',
  'error.BAD_SHOP_SERVER.fix':
    'Schreiben Sie sie so: postgres://BENUTZER:PASSWORT@SERVER:5432/DATENBANK (fragen Sie, wer den Werkstatt-Server eingerichtet hat).',

  // der Bericht (HTML und PDF), in der gewünschten Sprache (Entscheidung 0136)
  'jobs.report.pageTitle': 'Auftragsbericht — {title} — {day}',
  'jobs.report.sub': 'Auftrag {id} · {day} {time} ({zone}) · Station {station} · Dauer {spent}',
  'jobs.report.running': 'Dieser Auftrag läuft noch. Der Bericht zeigt, was bis {time} am {day} getan wurde; erstellen Sie einen neuen Bericht, wenn er fertig ist.',
  'jobs.report.interrupted': 'Dieser Auftrag ist nicht fertig geworden: Rescue Bench wurde bei Schritt {step} von {count} geschlossen.',
  'jobs.report.outcome': 'Ergebnis: {state}.',
  'jobs.report.router': 'Der Router',
  'jobs.report.model': 'Modell',
  'jobs.report.board': 'Board-Name',
  'jobs.report.mac': 'MAC-Adresse',
  'jobs.report.macFrom':
    "{source, select, uboot {aus dem ethaddr des Bootloaders} nmrp {aus der Netgear-Wiederherstellung} arp {aus der Adresstabelle dieses Computers (ARP)} other {wie der Router sie meldet}}",
  'jobs.report.serial': 'Seriennummer',
  'jobs.report.address': 'Adresse',
  'jobs.report.note': 'Notiz',
  'jobs.report.notIdentified': 'Der Ablauf hat nicht erfahren, welcher Router es war.',
  'jobs.report.attempts': '{span}, {count, plural, one {# Versuch} other {# Versuche}}',
  'jobs.report.file': 'Datei',
  'jobs.report.noImage': 'Es wurde kein Firmware-Image verwendet.',
  'jobs.report.backupFull': 'Vollständige Sicherung (jeder Teil des Router-Speichers)',
  'jobs.report.backupAt': '{kind} um {time}: {location}{size, select, none {} other {, {size}}}',
  'jobs.report.bytes': '{count, plural, one {# Byte} other {# Bytes}}',
  'jobs.report.notCopied': 'nicht kopiert',
  'jobs.report.incomplete': 'Die Sicherung ist nicht vollständig: Einige Teile konnten nicht kopiert werden.',
  'jobs.report.noBackup': 'In diesem Auftrag wurde keine Sicherung gemacht.',
  'jobs.report.footer':
    'Erstellt von Rescue Bench am {day} um {time}. Die Zeiten folgen der Uhr dieses Computers ({zone}). Die Nachweiszeilen sind das, was der Router und dieser Computer während des Auftrags aufgezeichnet haben.',
};
