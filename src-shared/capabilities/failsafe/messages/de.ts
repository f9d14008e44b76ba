import type { en } from './en';

/** The failsafe capability's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.NO_BROADCAST.message': 'Der Router hat seine Nachricht „press button now“ nicht gesendet.',
  'error.NO_BROADCAST.meaning': 'Entweder erreicht die Nachricht diesen Computer nicht, oder dieser Router sendet sie nicht. Das Lichtmuster funktioniert auch ohne sie.',
  'error.NO_BROADCAST.fix':
    'Prüfen Sie, dass das Kabel in einem LAN-Anschluss steckt (nicht WAN), dass dieser Computer eine Adresse in 192.168.1.x hat und dass keine Firewall UDP-Port 4919 blockiert. Manche Router brauchen 30–40 Sekunden, bis sie sie senden. Ohne die Nachricht: Schalten Sie den Router aus und wieder ein und drücken Sie die Taste, sobald ein Licht mittelschnell zu blinken beginnt — oder drücken Sie in den ersten 60 Sekunden immer wieder. Manche Linksys-Router lassen zuerst alle Lichter leuchten und dann die Lichter der verbundenen LAN-/WAN-Anschlüsse blinken: Drücken Sie dann noch nicht. Warten Sie, bis alle Lichter ein zweites Mal ausgehen; drücken Sie in dem Moment, in dem das erste Licht wieder zu blinken beginnt.',
  'error.MISSED_WINDOW.message':
    '{cause, select, regularBoot {Der Router hat gemeldet, dass er normal weiterstartet.} other {Der Moment für die Taste ist vorbei, und die Rettungsanmeldung hat nicht geantwortet.}}',
  'error.MISSED_WINDOW.meaning': 'Der Druck kam zu spät, wurde nicht erkannt oder ging an eine Taste, die in diesem Moment nicht gelesen wird.',
  'error.MISSED_WINDOW.fix':
    'Schalten Sie den Router aus und versuchen Sie es noch einmal. Drücken Sie, sobald der Hinweis erscheint (oder das Licht mittelschnell zu blinken beginnt), und drücken Sie jede halbe Sekunde weiter, bis es sehr schnell blinkt. Jede Taste außer dem Netzschalter funktioniert; wenn eine nicht geht, versuchen Sie eine andere. Manche Linksys-Router lassen zuerst alle Lichter leuchten und dann die Lichter der verbundenen LAN-/WAN-Anschlüsse blinken: Drücken Sie dann noch nicht. Warten Sie, bis alle Lichter ein zweites Mal ausgehen; drücken Sie in dem Moment, in dem das erste Licht wieder zu blinken beginnt.',
  'error.NOT_IN_FAILSAFE.message': 'Der Router hat nach einem Passwort gefragt.',
  'error.NOT_IN_FAILSAFE.meaning': 'Er ist normal gestartet statt im Rettungsmodus (im Rettungsmodus hat root kein Passwort).',
  'error.NOT_IN_FAILSAFE.fix': 'Gehen Sie zurück: Schalten Sie ihn aus und versuchen Sie es noch einmal mit der Taste.',
  'error.ADDRESS_IN_USE.message': 'Unter {router} hat immer noch etwas geantwortet.',
  'error.ADDRESS_IN_USE.meaning': 'Vielleicht verwendet ein anderes Gerät die Rettungsadresse des Routers.',
  'error.ADDRESS_IN_USE.fix': 'Schalten Sie den Router aus, trennen Sie andere Geräte von diesem Kabel und prüfen Sie dann noch einmal.',
  'error.SET_ADDRESS_FAILED.message': 'Die Adresse wurde nicht hinzugefügt.',
  'error.SET_ADDRESS_FAILED.meaning': 'Die Passwortabfrage wurde abgebrochen, oder das System hat abgelehnt.',
  'error.SET_ADDRESS_FAILED.fix': 'Setzen Sie sie selbst mit den angezeigten Schritten.',
  'error.NO_LAN_IP.message': 'Der Router hat keine LAN-Adresse gespeichert.',
  'error.NO_LAN_IP.meaning': 'Nach einem normalen Start verwendet er seine Standardadresse, meist 192.168.1.1.',
  'error.NO_LAN_IP.fix': 'Versuchen Sie nach dem Neustart 192.168.1.1.',
  'error.PASSWD_FAILED.message': 'Der Router hat das neue Passwort nicht angenommen.',
  'error.PASSWD_FAILED.meaning': 'Das alte Passwort gilt weiter.',
  'error.PASSWD_FAILED.fix': 'Versuchen Sie ein anderes Passwort, oder sehen Sie ins Protokoll.',
  'error.RESET_CONFIG_FAILED.message': 'Die Netzwerkeinstellungen konnten nicht zurückgesetzt werden.',
  'error.RESET_CONFIG_FAILED.meaning': 'Ihre Einstellungen sind unverändert oder teilweise umbenannt: siehe Protokoll.',
  'error.RESET_CONFIG_FAILED.fix': 'Versuchen Sie es noch einmal, oder setzen Sie auf Werkseinstellungen zurück.',
  'error.MOUNT_ROOT_FAILED.message': 'Die gespeicherten Einstellungen konnten nicht geöffnet werden (mount_root ist fehlgeschlagen).',
  'error.MOUNT_ROOT_FAILED.meaning': 'Die Korrekturen, die Einstellungen ändern, können nicht laufen.',
  'error.MOUNT_ROOT_FAILED.fix': 'Sehen Sie ins Protokoll. Wenn der Speicher beschädigt ist, kann ein Zurücksetzen auf Werkseinstellungen trotzdem funktionieren.',
  'error.FACTORY_RESET_FAILED.message': 'Die Einstellungen konnten nicht gelöscht werden.',
  'error.FACTORY_RESET_FAILED.meaning': 'Der Router behält seine aktuellen Einstellungen.',
  'error.FACTORY_RESET_FAILED.fix': 'Starten Sie den Router im Rettungsmodus neu und versuchen Sie es noch einmal.',
};
