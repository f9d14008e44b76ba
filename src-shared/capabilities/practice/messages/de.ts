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
};
