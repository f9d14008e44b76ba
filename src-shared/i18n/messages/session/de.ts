import type { en } from './en';

/** The shared session code's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'error.CONNECT_REFUSED.message': 'Der Router unter {host} hat eine {method, select, ssh {SSH} other {telnet}}-Verbindung auf Port {port} abgelehnt.',
  'error.CONNECT_REFUSED.meaning':
    '{method, select, ssh {Der Router ist da, aber kein SSH-Server wartet auf Verbindungen. Alte OpenWrt-Versionen verwenden im Rettungsmodus stattdessen telnet.} other {Der Router ist da, aber auf diesem Port wartet kein telnet-Server.}}',
  'error.CONNECT_REFUSED.fix':
    '{method, select, ssh {Versuchen Sie es mit telnet (wählen Sie „Automatisch“, um beides zu versuchen). Wenn der Router noch startet, warten Sie 30 Sekunden.} other {Prüfen Sie den Port oder versuchen Sie SSH. Wenn der Router noch startet, warten Sie 30 Sekunden.}}',
  'error.CONNECT_TIMEOUT.message': 'Der Router unter {host} hat nicht geantwortet.',
  'error.CONNECT_TIMEOUT.meaning': 'Entweder ist der Router nicht unter dieser Adresse, er startet noch, oder das Kabel steckt im falschen Anschluss.',
  'error.CONNECT_TIMEOUT.fix':
    'Prüfen Sie, dass das Kabel von diesem Computer zu einem LAN-Anschluss führt (nicht WAN) und dass dieser Computer eine Adresse wie 192.168.1.10 hat. Versuchen Sie es dann noch einmal.',
  'error.HOST_UNREACHABLE.message': 'Dieser Computer hat keinen Weg zu {host}.',
  'error.HOST_UNREACHABLE.meaning': 'Keine Netzwerkverbindung dieses Computers ist im selben Netz wie der Router.',
  'error.HOST_UNREACHABLE.fix':
    'Stecken Sie das Kabel ein und geben Sie diesem Computer eine feste Adresse im Netz des Routers, zum Beispiel 192.168.1.10 mit der Maske 255.255.255.0.',
  'error.AUTH_FAILED.message': 'Der Router unter {host} hat die Anmeldung nicht angenommen.',
  'error.AUTH_FAILED.meaning': '{method, select, ssh {Benutzername, Passwort oder Schlüssel sind nicht die, die der Router erwartet.} other {Benutzername oder Passwort sind nicht die, die der Router erwartet.}}',
  'error.AUTH_FAILED.fix':
    '{method, select, ssh {Prüfen Sie das Passwort. Im Rettungsmodus (Failsafe) ist der Benutzer root, ohne Passwort. Wenn Sie ein Passwort gesetzt und vergessen haben, starten Sie den Router im Rettungsmodus.} other {Prüfen Sie das Passwort. Im Rettungsmodus ist der Benutzer root, ohne Passwort.}}',
  'error.CONNECT_FAILED.message': 'Es konnte keine {method, select, ssh {SSH} other {telnet}}-Sitzung zu {host} geöffnet werden.',
  'error.CONNECT_FAILED.meaning': 'Auf dem Router wurde nichts geändert.',
  'error.CONNECT_FAILED.fix': 'Prüfen Sie das Kabel und die Adresse und versuchen Sie es dann noch einmal.',
  'error.SESSION_LOST.message':
    '{what, select, closed {Die Verbindung zum Router ist geschlossen.} other {Die Verbindung zum Router unter {host} ist abgebrochen, {what, select, login {während der Anmeldung} prepare {während die Kommandozeile vorbereitet wurde} run {während ein Befehl lief} start {beim Start eines Befehls} send {beim Senden von Daten} idle {beim Kopieren von Daten (seit {seconds} s keine Daten)} exit {während auf die Bestätigung des Routers für das Ende einer Kopie gewartet wurde} other {beim Kopieren von Daten}}.}}',
  'error.SESSION_LOST.meaning':
    '{what, select, closed {Ohne sie lässt sich nichts reparieren.} other {Der Schritt wurde nicht beendet. Was gerade kopiert wurde, ist unvollständig und wird nicht als gut behalten.}}',
  'error.SESSION_LOST.fix': '{what, select, closed {Verbinden Sie sich noch einmal.} other {Prüfen Sie das Kabel und ob der Router noch Strom hat, und versuchen Sie es dann noch einmal.}}',
  'error.COMMAND_TIMEOUT.message': 'Der Router hat einen Befehl nicht innerhalb von {seconds} Sekunden beendet.',
  'error.COMMAND_TIMEOUT.meaning': 'Er ist vielleicht sehr beschäftigt oder hängt. Der Befehl wurde abgebrochen.',
  'error.COMMAND_TIMEOUT.fix': 'Versuchen Sie es noch einmal. Wenn es wieder passiert, starten Sie den Router neu und verbinden Sie sich erneut.',
  'error.ROUTER_HAS_NO_NC.message': 'Der Router unter {host} hat keinen Befehl „nc“, den das Kopieren von Daten über telnet braucht.',
  'error.ROUTER_HAS_NO_NC.meaning':
    'Telnet selbst verfälscht Binärdaten, deshalb reisen die Bytes über eine eigene Verbindung, die der Router mit `nc` öffnet. Ohne ihn lässt sich über telnet nichts kopieren; es wurde nichts kopiert oder behalten.',
  'error.ROUTER_HAS_NO_NC.fix':
    'Verwenden Sie SSH, wenn der Router es hat (OpenWrt 15.05 und neuer im Rettungsmodus), oder starten Sie ein OpenWrt-initramfs-Image, das nc enthält, und versuchen Sie es dann noch einmal.',
  'error.LOGIN_NO_PROMPT.message': 'Der Router unter {host} hat die telnet-Verbindung angenommen, aber nie eine Eingabeaufforderung gezeigt.',
  'error.LOGIN_NO_PROMPT.meaning': 'Er startet vielleicht noch, oder dieser Port ist keine Kommandozeile eines Routers.',
  'error.LOGIN_NO_PROMPT.fix': 'Warten Sie eine halbe Minute und versuchen Sie es noch einmal. Wenn es immer wieder passiert, starten Sie den Router im Rettungsmodus neu.',
  'error.SHELL_NOT_READY.message': 'Der Router unter {host} hat nach der Anmeldung nicht auf Befehle geantwortet.',
  'error.SHELL_NOT_READY.meaning': 'Die telnet-Anmeldung hat funktioniert, aber was geantwortet hat, ist keine Kommandozeile, die Rescue Bench bedienen kann.',
  'error.SHELL_NOT_READY.fix': 'Starten Sie den Router neu und versuchen Sie es noch einmal. Wenn Sie statt einer Kommandozeile ein Menü sehen, wählen Sie zuerst den Punkt für die Kommandozeile (Shell).',
  'error.ABORTED.message': 'Das Kopieren wurde angehalten.',
  'error.CALLBACK_NOT_CONNECTED.message':
    '{port, select, none {Der Router unter {host} konnte keine Daten an diesen Computer zurücksenden.} other {Der Router hat sich nicht zurück mit diesem Computer verbunden ({host}, TCP-Port {port}).}}',
  'error.CALLBACK_NOT_CONNECTED.meaning':
    '{port, select, none {Über telnet reisen große Datenmengen über eine eigene Verbindung vom Router zu diesem Computer, die der Befehl `nc` des Routers herstellt.} other {Über telnet reisen große Datenmengen über eine eigene Verbindung vom Router zu diesem Computer. Etwas hat sie blockiert, oder der Router hat keinen Befehl `nc`.}}',
  'error.CALLBACK_NOT_CONNECTED.fix':
    '{port, select, none {Erlauben Sie in der Firewall dieses Computers eingehende Verbindungen für Rescue Bench in diesem Netz und versuchen Sie es dann noch einmal.} other {Erlauben Sie in der Firewall dieses Computers eingehende Verbindungen für Rescue Bench in diesem Netz und versuchen Sie es dann noch einmal. Wenn der Router SSH hat, verwenden Sie stattdessen SSH.}}',
  'error.CALLBACK_LISTEN_FAILED.message': 'Dieser Computer konnte auf {address} keinen Port öffnen, an den der Router Daten senden kann.',
  'error.CALLBACK_LISTEN_FAILED.meaning': 'Über telnet sendet der Router große Datenmengen über eine eigene Verbindung zurück an diesen Computer.',
  'error.CALLBACK_LISTEN_FAILED.fix': 'Prüfen Sie, ob die Adresse noch zu diesem Computer gehört (Kabel eingesteckt), und versuchen Sie es dann noch einmal.',
  'error.HOST_KEY_CHANGED.message': 'Der Router unter {host}{mac, select, none {} other { (Hardware-Adresse {mac})}} hat sich mit einem anderen Schlüssel ausgewiesen als beim letzten Mal.',
  'error.HOST_KEY_CHANGED.meaning':
    'Entweder ist das ein anderer Router unter derselben Adresse, der Router wurde zurückgesetzt oder neu bespielt, oder etwas zwischen diesem Computer und dem Router gibt sich als er aus. Rescue Bench hat sich nicht angemeldet und nichts gesendet.',
  'error.HOST_KEY_CHANGED.fix':
    'Wenn Sie den Router neu bespielt oder getauscht haben, wählen Sie für diesen Router „Den alten Schlüssel vergessen“ und verbinden Sie sich noch einmal. Wenn es derselbe Router ist und sich nichts geändert hat, prüfen Sie, dass das Kabel direkt zu ihm führt.',
  'error.KNOWN_HOSTS_UNWRITABLE.message': 'Rescue Bench konnte den Schlüssel des Routers nicht in {file} speichern.',
  'error.KNOWN_HOSTS_UNWRITABLE.meaning': 'Ohne ihn könnte Rescue Bench später nicht bemerken, wenn sich etwas als dieser Router ausgibt, daher hat es sich nicht angemeldet.',
  'error.KNOWN_HOSTS_UNWRITABLE.fix': 'Prüfen Sie, ob der Datenordner beschreibbar ist und die Festplatte freien Platz hat, und verbinden Sie sich dann noch einmal.',
  'error.KNOWN_HOSTS_UNREADABLE.message': 'Rescue Bench konnte seine Liste gemerkter Router-Schlüssel in {file} nicht lesen.',
  'error.KNOWN_HOSTS_UNREADABLE.meaning':
    'An dieser Liste bemerkt Rescue Bench, wenn sich etwas als ein bekannter Router ausgibt. Sie als leer zu lesen, würde wieder jedem Schlüssel vertrauen, daher hat Rescue Bench sich nicht verbunden und die Datei unverändert gelassen.',
  'error.KNOWN_HOSTS_UNREADABLE.fix':
    'Legen Sie die Datei beiseite (benennen Sie sie zum Beispiel in {name}.bad um), um eine neue Liste zu beginnen, oder spielen Sie eine gute Kopie zurück, und verbinden Sie sich dann noch einmal. Bisher verbundene Router werden bei ihrer nächsten Verbindung neu gemerkt.',
  'error.TEXT_NOT_SENDABLE.message':
    '{kind, select, command {Rescue Bench hat sich geweigert, einen Befehl an den Router unter {host} zu senden: Er enthält an Stelle {position} {char, select, lf {einen Zeilenumbruch} cr {einen Zeilenumbruch (Wagenrücklauf)} tab {einen Tabulator} esc {Escape} ctrlc {Strg-C} del {Entf} nel {einen Zeilenumbruch (NEL)} lsep {einen Zeilentrenner} psep {einen Absatztrenner} surrogate {ein Zeichen ohne UTF-8-Form (ein einzelnes Surrogat)} other {das Steuerzeichen {code}}}.} user {Der Benutzername enthält an Stelle {position} {char, select, lf {einen Zeilenumbruch} cr {einen Zeilenumbruch (Wagenrücklauf)} tab {einen Tabulator} esc {Escape} ctrlc {Strg-C} del {Entf} nel {einen Zeilenumbruch (NEL)} lsep {einen Zeilentrenner} psep {einen Absatztrenner} surrogate {ein Zeichen ohne UTF-8-Form (ein einzelnes Surrogat)} other {das Steuerzeichen {code}}}; das lässt sich nicht in die Anmeldung des Routers tippen.} other {Das Passwort enthält an Stelle {position} {char, select, lf {einen Zeilenumbruch} cr {einen Zeilenumbruch (Wagenrücklauf)} tab {einen Tabulator} esc {Escape} ctrlc {Strg-C} del {Entf} nel {einen Zeilenumbruch (NEL)} lsep {einen Zeilentrenner} psep {einen Absatztrenner} surrogate {ein Zeichen ohne UTF-8-Form (ein einzelnes Surrogat)} other {das Steuerzeichen {code}}}; das lässt sich nicht in die Anmeldung des Routers tippen.}}',
  'error.TEXT_NOT_SENDABLE.meaning':
    '{kind, select, command {Das Terminal des Routers würde auf dieses Zeichen reagieren, statt es weiterzugeben (ein Zeilenumbruch würde einen anderen Befehl beginnen). Es wurde nichts gesendet.} user {Über Telnet wird der Benutzername in das Terminal des Routers getippt: Ein Zeilenumbruch oder Steuerzeichen würde ihn zu früh beenden oder den Rest als Befehl ausführen. Es wurde nichts gesendet.} other {Über Telnet wird das Passwort in das Terminal des Routers getippt: Ein Zeilenumbruch oder Steuerzeichen würde es zu früh beenden oder den Rest als Befehl ausführen. Es wurde nichts gesendet.}}',
  'error.TEXT_NOT_SENDABLE.fix':
    '{kind, select, command {Das ist ein Fehler in Rescue Bench. Bitte melden Sie ihn, zusammen mit dem, was Sie gerade getan haben.} user {Geben Sie den Benutzernamen noch einmal in einer Zeile ein, ohne Tab oder andere Sondertasten.} other {Geben Sie das Passwort noch einmal in einer Zeile ein, ohne Tab oder andere Sondertasten.}}',
  'session.note.sessionOnlyKey':
    'Der Schlüssel {fingerprint} des Routers gilt nur für diese Verbindung: Im Rettungsmodus erzeugt ein Router bei jedem Start einen neuen Schlüssel, deshalb wird er nicht gespeichert.',
  'session.note.firstKey': 'Erste Verbindung zu {host}{mac, select, none {} other { ({mac})}}: Sein Schlüssel {fingerprint} ist jetzt gespeichert.',
  'session.note.telnetFallback': 'SSH hat nicht geantwortet ({code}); stattdessen mit Telnet verbunden.',
  'session.note.telnetPlain': 'Telnet überträgt alles unverschlüsselt: in Ordnung über ein Kabel direkt zum Router, niemals über das Internet.',
};
