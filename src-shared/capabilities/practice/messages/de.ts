import type { en } from './en';

/** The practice capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'practice.mode.off': 'Ausgeschaltet',
  'practice.mode.bootloader': 'Bootloader',
  'practice.mode.halted': 'Startet…',
  'practice.mode.preinit': 'Startet – Rettungsfenster offen',
  'practice.mode.failsafe': 'Rettungsmodus (Failsafe)',
  'practice.mode.running': 'Läuft normal',
  'practice.mode.vendor': 'Hersteller-Firmware läuft',
  'practice.mode.recovery': 'Hersteller-Rettung: holt Firmware',
  'practice.picture.label': 'Übungsrouter: {mode}',
  'practice.picture.power': 'Strom',
  'practice.picture.reset': 'Reset',
  'practice.switchOn': 'Einschalten',
  'practice.switchOff': 'Ausschalten',
  'practice.pressReset': 'Reset drücken',
  'practice.holdReset': 'Reset halten (dann einschalten)',
  'practice.dock.label': 'Übungsrouter',

  'practice.title': 'Rescue Bench an einem Übungsrouter ausprobieren',
  'practice.lead':
    'Der Übungsrouter läuft in Rescue Bench auf diesem Computer. Er startet, blinkt und antwortet wie ein OpenWrt-Router. So können Sie jeden Schritt ohne echten Router, ohne Kabel und ohne Administrator-Passwort ausprobieren. Nichts, was Sie hier tun, erreicht Ihr Netzwerk oder Ihren echten Verlauf.',
  'practice.start': 'Diese Übung starten',
  'practice.startAgain': 'Diese Übung neu starten',
  'practice.now': 'Jetzt: {task}',
  'practice.go': 'Den Bildschirm öffnen, der es behebt',
  'practice.reset': 'Die Übung auf den Anfang zurücksetzen',
  'practice.stop': 'Übungsrouter beenden',
  'practice.log.title': 'Was der Übungsrouter getan hat',
  'practice.target': '{address} · SSH {ssh} · Meldungen an 127.0.0.1:{netmsg} · Konsole {console}',
  'practice.readyIn': ' · bereit in {ms} ms',

  'practice.scenario.forgot-password.title': 'Passwort vergessen',
  'practice.scenario.forgot-password.story': 'Der Router läuft, aber niemand kennt mehr sein Administrator-Passwort.',
  'practice.scenario.forgot-password.tryThis': 'Starten Sie ihn im Rettungsmodus und setzen Sie ein neues Passwort.',
  'practice.scenario.broken-settings.title': 'Verstellte Einstellungen',
  'practice.scenario.broken-settings.story': 'Nach einer Änderung der Einstellungen ist der Router nicht mehr erreichbar.',
  'practice.scenario.broken-settings.tryThis':
    'Starten Sie ihn im Rettungsmodus und setzen Sie die Netzwerkeinstellungen zurück oder löschen Sie alle Einstellungen.',
  'practice.scenario.factory-firmware.title': 'Zurück zur Hersteller-Firmware',
  'practice.scenario.factory-firmware.story':
    'Ein Linksys-Router mit zwei Firmware-Plätzen läuft mit OpenWrt und muss vor dem Verkauf zur Linksys-Firmware zurück.',
  'practice.scenario.factory-firmware.tryThis':
    'Öffnen Sie „Neue Firmware“ und spielen Sie mit der Linksys-Übungsdatei die Hersteller-Firmware zurück (Ihre Einstellungen werden vorher gesichert).',
  'practice.scenario.bootloader-only.title': 'Kaputt: nur der Bootloader startet',
  'practice.scenario.bootloader-only.story':
    'Die Firmware wurde beim Schreiben beschädigt: Der Router zeigt nur noch seinen Bootloader auf der seriellen Konsole.',
  'practice.scenario.bootloader-only.tryThis':
    'Öffnen Sie die serielle Konsole, halten Sie den Bootloader an und laden Sie Firmware von diesem Computer.',
  'practice.scenario.tplink-recovery.title': 'Kaputter TP-Link: die Rettung des Herstellers nutzen',
  'practice.scenario.tplink-recovery.story':
    'Ein TP-Link-Router startet nach einem fehlgeschlagenen Update nicht mehr. Sein Bootloader kann noch Firmware von diesem Computer holen, solange die Reset-Taste gehalten wird.',
  'practice.scenario.tplink-recovery.tryThis':
    'Öffnen Sie „Hersteller-Rettung“, wählen Sie die TP-Link-Übungsdatei, halten Sie dann die Reset-Taste und schalten Sie den Router ein.',

  'error.NO_SUCH_SCENARIO.message': 'Es gibt keine Übung namens „{scenario}“.',
  'error.NO_SUCH_SCENARIO.fix': 'Wählen Sie eine aus der Liste.',
  'error.PRACTICE_NO_LOOPBACK.message': 'Der Übungsrouter konnte nicht starten.',
  'error.PRACTICE_NO_LOOPBACK.meaning':
    'Er braucht ein paar freie Ports an der Loopback-Adresse dieses Computers (127.0.0.1); nichts wurde verändert.',
  'error.PRACTICE_NO_LOOPBACK.fix': 'Schließen Sie andere Programme, die viele lokale Ports belegen, und versuchen Sie es erneut.',
  'error.PRACTICE_NOT_STARTED.message': 'Der Übungsrouter läuft nicht.',
  'error.PRACTICE_NOT_STARTED.meaning': 'Es gibt noch nichts zum Einschalten oder Drücken.',
  'error.PRACTICE_NOT_STARTED.fix': 'Wählen Sie zuerst eine Übung.',

  // was der Übungsrouter getan hat (sein Protokoll; Entscheidung 0137)
  'practice.said.scenarioLoaded': 'Szenario „{title}“ geladen: Flash-Speicher nach {dir} geschrieben.',
  'practice.said.mountRoot': 'mount_root: Die gespeicherten Einstellungen sind jetzt offen.',
  'practice.said.firstboot': 'firstboot: Alle gespeicherten Einstellungen gelöscht.',
  'practice.said.passwd': '{kept, select, yes {passwd: Neues root-Passwort gespeichert.} other {passwd: Neues Passwort nur im Arbeitsspeicher gesetzt (führen Sie zuerst mount_root aus, um es zu behalten).}}',
  'practice.said.mtdErase': 'mtd erase rootfs_data: Einstellungsspeicher gelöscht.',
  'practice.said.consoleF': '„f“ + Enter auf der Konsole: Rettungsmodus gewählt.',
  'practice.said.bootm': 'bootm: Die über TFTP geladene Firmware startet (aus dem Arbeitsspeicher; der Flash bleibt unverändert).',
  'practice.said.powerOn': 'Strom an.',
  'practice.said.powerOff': 'Strom aus.',
  'practice.said.holdReset': 'Reset-Knopf wird gehalten (10 s): Schalten Sie den Router jetzt ein, um die Wiederherstellung des Herstellers zu starten.',
  'practice.said.resetRescue': 'Reset-Knopf beim Start gedrückt: Rettungsmodus gewählt.',
  'practice.said.resetNothing': 'Reset-Knopf gedrückt ({off, select, yes {der Router ist aus} other {nicht im Rettungsfenster}}): Es passiert nichts.',
  'practice.said.restarting': 'Neustart ({why, select, mtd {mtd -r} reboot {reboot} reset {reset} recovery {die Wiederherstellung ist fertig mit dem Schreiben} sysupgrade {sysupgrade ist fertig mit dem Schreiben} other {?}}).',
  'practice.said.autobootStopped': 'Autoboot durch eine Taste angehalten: Der Bootloader wartet an seiner Eingabeaufforderung.',
  'practice.said.slotDamaged': 'Die Firmware in {slot} ist beschädigt: Der Bootloader hält an seiner Eingabeaufforderung ({prompt}).',
  'practice.said.vendorRuns': 'Die Firmware des Herstellers läuft ({name}{slot, select, none {} other {, Slot {slot}}}): kein SSH; ihre Webseite antwortet unter {url}.',
  'practice.said.recoveryStarted': 'Die Wiederherstellung des Herstellers hat begonnen: Der Router fragt den Dateiserver dieses Computers nach {file}.',
  'practice.said.recoveryNoFile': 'Die Wiederherstellung hat keine Datei von diesem Computer bekommen: Der Router startet aus seinem Flash, wie er ist.',
  'practice.said.recoveryRefused': 'Die Wiederherstellung hat die Datei abgelehnt (keine Firmware für dieses Modell): Es wurde nichts geschrieben.',
  'practice.said.recoveryWrites': 'Die Wiederherstellung schreibt {bytes} Byte ({version}) in die Firmware-Partition.',
  'practice.said.backupGiven': 'sysupgrade -b: Eine Kopie der Einstellungen wurde übergeben.',
  'practice.said.sysupgradeStart': '{command}: Der Router schließt alle Sitzungen und schreibt die neue Firmware.',
  'practice.said.wroteSlot': 'sysupgrade hat Slot {slot} (kernel{slot}) geschrieben und boot_part={slot} gesetzt: Der Router startet ihn als Nächstes.',
  'practice.said.wroteFirmware': 'sysupgrade hat die Firmware-Partition geschrieben.',
  'practice.said.notKept': 'Einstellungen nicht behalten (-n): Der Router startet mit neuen Einstellungen und erzeugt einen neuen SSH-Schlüssel.',
  'practice.said.tftpboot': 'tftpboot: {file} ({bytes} Byte) von unserem Dateiserver in den Arbeitsspeicher geladen.',
  'practice.said.window': 'Start: Das Rettungsfenster ist {seconds} s offen (drücken Sie den Knopf oder f + Enter auf der Konsole).',
  'practice.said.rescueMode': 'Rettungsmodus (failsafe): SSH als root ohne Passwort unter {address} Port {port}.',
  'practice.said.startedNormally': 'Normal gestartet: SSH unter {address} Port {port} fragt nach dem root-Passwort.',
  'practice.said.sshRefused': 'SSH-Anmeldung abgelehnt: falsches Passwort für root.',
};
