import type { en } from './en';

const PURPOSE =
  '{purpose, select, failsafe {die Rundrufe des Routers im Rettungsmodus (Failsafe) zu hören} hear {den Router zu hören} tftp {Dateien per TFTP (die einfache Dateiübertragung, die Bootloader von Routern nutzen) an den Bootloader des Routers zu senden} screen {den Rescue-Bench-Bildschirm an einen Browser auszuliefern} other {{purposeText}}}';
/** The same, after "kann (nicht)": without "zu". */
const PURPOSE_BARE =
  '{purpose, select, failsafe {die Rundrufe des Routers im Rettungsmodus (Failsafe) hören} hear {den Router hören} tftp {Dateien per TFTP (die einfache Dateiübertragung, die Bootloader von Routern nutzen) an den Bootloader des Routers senden} screen {den Rescue-Bench-Bildschirm an einen Browser ausliefern} other {{purposeText}}}';
const WHERE = '{protocol}-Port {port} auf {address, select, all {allen Netzwerkverbindungen} other {{address}}}';
const TFTP_HINT =
  'Wenn auf dem Router U-Boot läuft, kann er vielleicht einen hohen Port nutzen: Starten Sie den Server auf Port 6969 und geben Sie an der U-Boot-Eingabeaufforderung des Routers vor `tftpboot` ein: `setenv tftpdstp 6969`. Das klappt nur, wenn dieses U-Boot mit der TFTP-Port-Option gebaut wurde; fragt er weiter auf Port 69, nehmen Sie eine der Lösungen oben. Andere Bootloader (Rettung von TP-Link, Netgear, Ubiquiti) nutzen immer Port 69.';

/** See en.ts: how to give this computer the rescue address by hand, per OS; the command is a value. */
export const RESCUE_ADDRESS_STEPS =
  '{os, select, win32 {Öffnen Sie Einstellungen → Netzwerk und Internet → Ethernet → IP-Zuweisung → Bearbeiten → Manuell, schalten Sie IPv4 ein, IP-Adresse {address}, Subnetzmaske 255.255.255.0, Gateway leer lassen, Speichern. Oder in einer Eingabeaufforderung, die als Administrator läuft:} darwin {Öffnen Sie Systemeinstellungen → Netzwerk → die Kabelverbindung ({named, select, no {\'<\'Name der Kabelverbindung\'>\'} other {{itf}}}) → Details → TCP/IP, IPv4 konfigurieren: Manuell, IP-Adresse {address}, Teilnetzmaske 255.255.255.0, Router leer, OK. Oder im Terminal (fügt die Adresse neben der jetzigen hinzu, bis zum Neustart):} other {Fügen Sie die Adresse neben der jetzigen auf der Kabelverbindung ({named, select, no {\'<\'Name der Kabelverbindung\'>\'} other {{itf}}}) hinzu; sie bleibt bis zum nächsten Neustart des Computers oder der Verbindung. In einem Terminal:}}';
export const RESCUE_ADDRESS_HOW_TO = `${RESCUE_ADDRESS_STEPS} {command}`;

/** The shared platform code's words in German (see en.ts). */
export const de: { readonly [K in keyof typeof en]: string } = {
  'platform.purpose': PURPOSE,
  'platform.rescueAddress.steps': RESCUE_ADDRESS_STEPS,
  'platform.serialPort.label':
    '{kind, select, usb {USB-Seriell-Adapter{maker, select, none {} other { ({maker})}}} builtin {Eingebauter serieller Anschluss} other {Serieller Anschluss}} — {path}',
  'error.PORT_IN_USE.message': `Ein anderes Programm nutzt bereits ${WHERE}.`,
  'error.PORT_IN_USE.meaning': `Rescue Bench braucht diesen Port, um ${PURPOSE}. Zwei Programme können ihn nicht gleichzeitig belegen.`,
  'error.PORT_IN_USE.fix':
    'Schließen Sie das andere Programm (oft ein weiterer TFTP-Server, ein Wireshark-Helfer oder ein zweites Rescue Bench) und versuchen Sie es erneut. {os, select, win32 {Führen Sie in der Eingabeaufforderung aus: {command}  (die letzte Zahl ist die Prozess-ID des Programms; der Task-Manager zeigt sie unter „Details“).} darwin {Führen Sie im Terminal aus: {command}} other {Führen Sie in einem Terminal aus: {command}}}',
  'error.PORT_NOT_PERMITTED.message': `Dieser Computer hat Rescue Bench nicht erlaubt, ${WHERE} zu öffnen.`,
  'error.PORT_NOT_PERMITTED.meaning': `Ohne ihn kann Rescue Bench nicht ${PURPOSE_BARE}.`,
  'error.PORT_NOT_PERMITTED.fix': `{os, select, linux {{low, select, yes {Ports unter 1024 brauchen unter Linux besondere Rechte. Erlauben Sie niedrige Ports einmal für alle: {sysctl}  (in /etc/sysctl.d/ eintragen, damit es bleibt), oder geben Sie dem Programm das Recht: {setcap}. {hint, select, tftp {${TFTP_HINT}} none {Wo der Bootloader des Routers es erlaubt, nehmen Sie stattdessen einen hohen Port wie 6969.} other {{hintText}}}} other {Prüfen Sie, ob eine Firewall oder ein Sicherheitsmodul (AppArmor, SELinux) Rescue Bench daran hindert, Netzwerk-Ports zu öffnen.}}} darwin {{low, select, yes {macOS vor 10.14 braucht Administratorrechte für Ports unter 1024. Aktualisieren Sie macOS oder nehmen Sie einen hohen Port. {hint, select, tftp {${TFTP_HINT}} none {Nehmen Sie einen Port wie 6969, wo der Bootloader es erlaubt.} other {{hintText}}}} other {Öffnen Sie Systemeinstellungen → Netzwerk → Firewall → Optionen und erlauben Sie eingehende Verbindungen für Rescue Bench.}}} other {Die Windows Defender Firewall blockiert Rescue Bench vielleicht. Öffnen Sie „App über die Windows-Firewall zulassen“, setzen Sie bei Rescue Bench den Haken für private Netzwerke und versuchen Sie es erneut.}}`,
  'error.ADDRESS_NOT_HERE.message': 'Dieser Computer hat die Adresse {address} nicht.',
  'error.ADDRESS_NOT_HERE.meaning': 'Die Netzwerkverbindung mit dieser Adresse ist ausgesteckt, ausgeschaltet oder hat jetzt eine andere Adresse.',
  'error.ADDRESS_NOT_HERE.fix':
    'Stecken Sie das Kabel zum Router ein, prüfen Sie die Adresse des Computers für diese Verbindung und wählen Sie sie dann erneut aus der Liste.',
  'error.BIND_FAILED.message': `Rescue Bench konnte ${WHERE} nicht öffnen.`,
  'error.BIND_FAILED.meaning': `Erst wenn das klappt, kann es ${PURPOSE_BARE}.`,
  'error.BIND_FAILED.fix': 'Versuchen Sie es erneut. Wenn es weiter fehlschlägt, starten Sie die Netzwerkverbindung des Computers neu.',
  'error.SERIAL_NOT_FOUND.message': 'Es gibt keinen seriellen Port namens {port}.',
  'error.SERIAL_NOT_FOUND.meaning': 'Der Adapter ist nicht eingesteckt oder hat auf diesem Computer einen anderen Namen.',
  'error.SERIAL_NOT_FOUND.fix':
    '{os, select, win32 {Stecken Sie den Adapter ein und wählen Sie ihn dann aus der Liste (der Geräte-Manager zeigt unter „Anschlüsse“ seine COM-Nummer).} darwin {Stecken Sie den Adapter ein und wählen Sie ihn dann aus der Liste (auf einem Mac beginnt sein Name mit /dev/cu.).} other {Stecken Sie den Adapter ein und wählen Sie ihn dann aus der Liste (USB-Adapter heißen meist /dev/ttyUSB0 oder /dev/ttyACM0).}}',
  'error.SERIAL_NOT_PERMITTED.message': 'Dieser Computer hat Rescue Bench nicht erlaubt, {port} zu öffnen.',
  'error.SERIAL_NOT_PERMITTED.meaning': 'Die Konsole kann erst mit dem Router sprechen, wenn das behoben ist.',
  'error.SERIAL_NOT_PERMITTED.fix':
    '{os, select, darwin {Schließen Sie jedes andere serielle Programm (screen, CoolTerm) und versuchen Sie es erneut.} other {Fügen Sie sich der Gruppe hinzu, der die seriellen Ports gehören, und melden Sie sich dann ab und wieder an: sudo usermod -aG dialout "$USER"  (unter Arch und Fedora heißt die Gruppe uucp oder dialout).}}',
  'error.SERIAL_BUSY.message': '{port} wird von einem anderen Programm genutzt.',
  'error.SERIAL_BUSY.meaning':
    '{why, select, access {Die Konsole kann erst mit dem Router sprechen, wenn das behoben ist.} other {Zwei Programme können nicht denselben seriellen Port lesen.}}',
  'error.SERIAL_BUSY.fix':
    '{why, select, access {Schließen Sie PuTTY, ein zweites Rescue Bench oder jedes andere serielle Programm und versuchen Sie es erneut.} other {{os, select, linux {Schließen Sie screen, minicom oder picocom. Wenn ModemManager den Adapter belegt, beenden Sie ihn: sudo systemctl stop ModemManager} other {Schließen Sie das andere serielle Programm und versuchen Sie es erneut.}}}}',
  'error.SERIAL_UNPLUGGED.message': 'Der serielle Adapter ({port}) antwortet nicht mehr.',
  'error.SERIAL_UNPLUGGED.meaning': 'Er wurde wahrscheinlich ausgesteckt oder hat keinen Strom mehr.',
  'error.SERIAL_UNPLUGGED.fix': 'Stecken Sie ihn wieder ein; die Konsole verbindet sich von selbst neu.',
  'error.SERIAL_FAILED.message': 'Rescue Bench konnte {port} nicht nutzen.',
  'error.SERIAL_FAILED.meaning': 'Die Konsole ist nicht verbunden.',
  'error.SERIAL_FAILED.fix': 'Ziehen Sie den Adapter ab, stecken Sie ihn wieder ein und öffnen Sie den Port erneut.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.message': '{port} unterstützt kein DTR, RTS oder Break.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.meaning':
    'Dieser Port hat solche Leitungen nicht (ein virtueller Port oder ein Adapter, bei dem nur TX, RX und Masse angeschlossen sind). Die Konsole selbst funktioniert weiter.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.fix':
    'Nichts zu tun, außer Ihr Router braucht DTR/RTS zum Zurücksetzen: Dann nehmen Sie einen Adapter, bei dem diese Kontakte angeschlossen sind.',
  'error.NET_BAD_INTERFACE_NAME.message': '„{name}“ ist kein Name einer Netzwerkverbindung, den Rescue Bench verwenden kann.',
  'error.NET_BAD_INTERFACE_NAME.meaning':
    'Namen mit Anführungszeichen, Semikolons, Dollarzeichen oder ähnlichen Zeichen werden abgelehnt, damit nur die gemeinte Verbindung geändert werden kann. Es wurde nichts geändert.',
  'error.NET_BAD_INTERFACE_NAME.fix':
    'Wählen Sie die Verbindung aus der Liste der Schnittstellen dieses Computers (rescue-bench net list zeigt sie).',
  'error.NET_BAD_ADDRESS.message': '{kind, select, ip {„{value}“ ist keine IPv4-Adresse.} target {„{value}“ ist keine IPv4-Adresse.} other {„{value}“ ist keine Adresse mit Netzgröße.}}',
  'error.NET_BAD_ADDRESS.meaning':
    '{kind, select, ip {Es wurde nichts geändert.} target {Die Adresse des Routers sieht aus wie 192.168.0.1.} other {Rescue Bench braucht die Adresse und die Präfixlänge, etwa 192.168.0.66/24. Es wurde nichts geändert.}}',
  'error.NET_BAD_ADDRESS.fix': '{kind, select, ip {Schreiben Sie sie wie 192.168.0.1.} target {Geben Sie die Adresse des Routers als vier Zahlen mit Punkten an.} other {Schreiben Sie sie als ADRESSE/PRÄFIX, z. B. 192.168.0.66/24.}}',
  'error.NET_BAD_MAC.message': '„{value}“ ist keine Hardware-Adresse (MAC).',
  'error.NET_BAD_MAC.meaning': 'Es wurde nichts geändert.',
  'error.NET_BAD_MAC.fix': 'Schreiben Sie sie wie 00:11:22:33:44:55.',
  'error.NO_PDF_BROWSER.message': 'Auf diesem Computer wurde kein Browser gefunden, um das PDF zu erstellen.',
  'error.NO_PDF_BROWSER.meaning': 'Der Bericht selbst ist in Ordnung: Nur die PDF-Kopie braucht Chrome, Edge oder Chromium.',
  'error.NO_PDF_BROWSER.fix':
    'Speichern Sie den Bericht stattdessen als HTML (er öffnet sich in jedem Browser und lässt sich von dort drucken) oder installieren Sie Chromium (Debian: apt install chromium).',
  'error.NMRP_NO_INTERFACE.message': 'Dieser Computer hat keine Netzwerkverbindung namens „{iface}“.',
  'error.NMRP_NO_INTERFACE.meaning':
    'Die Netgear-Rettung spricht über eine Kabelverbindung mit dem Router, und diesen Namen gibt es (nicht mehr).',
  'error.NMRP_NO_INTERFACE.fix':
    'Stecken Sie das Kabel in diesen Computer und wählen Sie die Kabelverbindung erneut aus der Liste (ihr Name kann sich ändern, wenn ein Adapter neu eingesteckt wird).',
  'error.NMRP_NO_RAW_PRIVILEGE.message':
    '{os, select, win32 {Npcap hat Rescue Bench die Rettungsnachrichten nicht senden lassen.} darwin {macOS hat Rescue Bench die Rettungsnachrichten nicht senden lassen.} other {Dieser Computer hat Rescue Bench die Rettungsnachrichten nicht senden lassen.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.meaning':
    '{os, select, win32 {Die Netgear-Rettung (NMRP) spricht unterhalb des Internetprotokolls, über Npcap, und Npcap wurde nur für Administratoren installiert („Restrict Npcap driver’s access to Administrators only“).} darwin {Die Netgear-Rettung (NMRP) spricht unterhalb des Internetprotokolls, über die Paketfilter-Geräte (/dev/bpf*), die nur Administratoren öffnen dürfen.} other {Die Netgear-Rettung (NMRP) spricht unterhalb des Internetprotokolls und braucht das Recht, rohe Netzwerk-Frames zu senden (CAP_NET_RAW), das normale Programme nicht haben.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.fix':
    '{os, select, win32 {Schließen Sie Rescue Bench und starten Sie es neu mit Rechtsklick auf das Symbol → „Als Administrator ausführen“. Oder führen Sie das Npcap-Installationsprogramm ohne diese Option erneut aus.} darwin {Wählen Sie „Erlauben“ und geben Sie Ihr Passwort ein: Das gibt der Gruppe admin Zugriff bis zum nächsten Neustart (was ChmodBPF von Wireshark bei jedem Start tut — Wireshark mit ChmodBPF zu installieren macht es dauerhaft). Oder im Terminal: sudo chgrp admin /dev/bpf* && sudo chmod g+rw /dev/bpf*} other {Wählen Sie „Erlauben“ und geben Sie Ihr Passwort ein: Das gibt diesem Programm einmalig genau dieses Recht. Oder in einem Terminal: {command} — dann starten Sie es neu.}}',
  'error.NMRP_LINK_DOWN.message': 'Die Verbindung „{iface}“ ist ausgeschaltet.',
  'error.NMRP_LINK_DOWN.meaning': 'Über eine ausgeschaltete Verbindung können keine Nachrichten zum Router gehen.',
  'error.NMRP_LINK_DOWN.fix': 'Schalten Sie die Kabelverbindung ein (oder stecken Sie ihr Kabel ein) und versuchen Sie es erneut.',
  'error.NMRP_RAW_FAILED.message': 'Rescue Bench konnte „{iface}“ nicht für die Rettungsnachrichten öffnen.',
  'error.NMRP_RAW_FAILED.meaning': 'Die Netgear-Rettung muss auf dieser Verbindung rohe Netzwerk-Frames senden und empfangen.',
  'error.NMRP_RAW_FAILED.fix':
    'Prüfen Sie, ob die Verbindung ein Ethernet-Adapter mit Kabel ist, und versuchen Sie es erneut; wenn es weiter fehlschlägt, speichern Sie die Details und schicken Sie sie uns.',
  'error.NMRP_NPCAP_BROKEN.message': 'Npcap ist installiert, aber Rescue Bench konnte es nicht nutzen.',
  'error.NMRP_NPCAP_BROKEN.meaning':
    'Die Netgear-Rettung schickt ihre Nachrichten über Npcap an den Router, und dessen Dateien ließen sich nicht laden (eine alte oder beschädigte Installation).',
  'error.NMRP_NPCAP_BROKEN.fix':
    'Installieren Sie das aktuelle Npcap von npcap.com über das alte (setzen Sie im Installationsprogramm den Haken bei „Install Npcap in WinPcap API-compatible Mode“, andere Rettungswerkzeuge wie nmrpflash brauchen ihn auch) und starten Sie Rescue Bench dann neu.',
  'error.NMRP_NPCAP_MISSING.message': 'Npcap ist auf diesem Computer nicht installiert.',
  'error.NMRP_NPCAP_MISSING.meaning':
    'Die Netgear-Rettung spricht mit rohen Netzwerknachrichten mit dem Router, und Windows sendet diese nur über Npcap, einen kostenlosen Netzwerktreiber.',
  'error.NMRP_NPCAP_MISSING.fix':
    'Installieren Sie Npcap von npcap.com: Setzen Sie im Installationsprogramm den Haken bei „Install Npcap in WinPcap API-compatible Mode“ (andere Rettungswerkzeuge wie nmrpflash brauchen ihn auch). Starten Sie Rescue Bench dann neu.',
  'error.NMRP_ADDON_MISSING.message':
    '{os, select, win32 {Der Windows-Teil von Rescue Bench für rohe Frames fehlt.} other {Der Teil von Rescue Bench für rohe Frames ist auf diesem Computer nicht gebaut.}}',
  'error.NMRP_ADDON_MISSING.meaning':
    '{os, select, win32 {Die Netgear-Rettung (NMRP) braucht einen kleinen nativen Teil, der rohe Netzwerk-Frames über Npcap sendet; diese Kopie wurde ohne ihn gebaut.} other {Die Netgear-Rettung (NMRP) braucht einen kleinen nativen Teil, der rohe Netzwerk-Frames sendet; er wird bei der Installation mit einem C-Compiler gebaut.}}',
  'error.NMRP_ADDON_MISSING.fix':
    '{os, select, win32 {Installieren Sie Rescue Bench erneut mit seinem Installationsprogramm. Selbst bauen: npm run build:native in einer „Developer Command Prompt“ von Visual Studio.} darwin {Installieren Sie die Xcode-Befehlszeilenwerkzeuge (xcode-select --install) und führen Sie dann npm run build:native aus.} other {Installieren Sie einen C-Compiler (sudo apt install gcc) und führen Sie dann npm run build:native aus.}}',
};
