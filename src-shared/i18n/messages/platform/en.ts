/**
 * The words of the shared platform code (src-main/platform/), in English, the source (decision 0100): mostly its faults,
 * `error.<CODE>.message|meaning|fix`. ../en.ts merges them; de.ts and es.ts beside this file hold every key.
 *
 * A fault whose words depend on the operating system or the case chooses with ICU `select` on a value
 * (`os`: win32 | darwin | linux; `why`, `kind`, …); commands and paths travel as values, never translated.
 */

/** What a port was for, said inside the bind faults: callers name it in English, failures.ts finds its key. */
const PURPOSE =
  "{purpose, select, failsafe {hear the router's rescue-mode (failsafe) broadcasts} hear {hear the router} tftp {send files to the router's bootloader by TFTP (the simple file transfer that router bootloaders use)} screen {serve the Rescue Bench screen to a browser} other {{purposeText}}}";
const WHERE = '{protocol} port {port} on {address, select, all {all network connections} other {{address}}}';

/**
 * How to give this computer the router's rescue address by hand, per OS (src-main/platform/privilege.ts
 * rescueAddressHowTo): `os` win32 | darwin | other; the address and the interface are values, and so is the
 * command that follows these words (`{command}`, never translated). `named: no` when the interface name is not
 * one we would put into a command (the words then name the connection instead).
 */
export const RESCUE_ADDRESS_STEPS =
  '{os, select, win32 {Open Settings → Network & internet → Ethernet → IP assignment → Edit → Manual, switch IPv4 on, IP address {address}, subnet mask 255.255.255.0, leave the gateway empty, Save. Or, in a Command Prompt run as administrator:} darwin {Open System Settings → Network → the wired connection ({named, select, no {\'<\'name of the wired connection\'>\'} other {{itf}}}) → Details → TCP/IP, Configure IPv4: Manually, IP address {address}, subnet mask 255.255.255.0, router empty, OK. Or, in Terminal (adds the address next to the current one until restart):} other {Add the address next to the current one on the wired connection ({named, select, no {\'<\'name of the wired connection\'>\'} other {{itf}}}); it lasts until the next restart of the computer or the connection. In a terminal:}}';
/** The steps and then the command, as the address step's question and faults quote them. */
export const RESCUE_ADDRESS_HOW_TO = `${RESCUE_ADDRESS_STEPS} {command}`;

export const en = {
  'platform.purpose': PURPOSE,
  // ── giving this computer the rescue address by hand (privilege.ts rescueAddressHowTo) ──
  'platform.rescueAddress.steps': RESCUE_ADDRESS_STEPS,
  // ── a serial port in the list (serial.ts describePortForList): the chip or maker and the path are values ──
  'platform.serialPort.label':
    '{kind, select, usb {USB serial adapter{maker, select, none {} other { ({maker})}}} builtin {Built-in serial port} other {Serial port}} — {path}',
  // ── a port that cannot be opened ──────────────────────────────────────────────
  'error.PORT_IN_USE.message': `Another program is already using ${WHERE}.`,
  'error.PORT_IN_USE.meaning': `Rescue Bench needs that port to ${PURPOSE}. Two programs cannot both own it.`,
  'error.PORT_IN_USE.fix':
    "Close the other program (often another TFTP server, Wireshark helper or a second Rescue Bench), then try again. {os, select, win32 {In a Command Prompt, run: {command}  (the last number is the program's process ID; Task Manager shows it under Details).} darwin {In Terminal, run: {command}} other {In a terminal, run: {command}}}",
  'error.PORT_NOT_PERMITTED.message': `This computer did not allow Rescue Bench to open ${WHERE}.`,
  'error.PORT_NOT_PERMITTED.meaning': `Without it Rescue Bench cannot ${PURPOSE}.`,
  'error.PORT_NOT_PERMITTED.fix':
    "{os, select, linux {{low, select, yes {Ports below 1024 need extra rights on Linux. Either allow low ports for everyone once: {sysctl}  (add it to /etc/sysctl.d/ to keep it), or give the program the right: {setcap}. {hint, select, tftp {If the router runs U-Boot, it may be able to use a high port instead: start the server on port 6969 and type `setenv tftpdstp 6969` at the router's U-Boot prompt before `tftpboot`. This works only if that U-Boot was built with the TFTP port option; if it still asks on port 69, use one of the fixes above. Other bootloaders (TP-Link, Netgear, Ubiquiti recovery) always use port 69.} none {Where the router's bootloader allows it, use a high port such as 6969 instead.} other {{hintText}}}} other {Check that no firewall or security module (AppArmor, SELinux) blocks Rescue Bench from opening network ports.}}} darwin {{low, select, yes {macOS before 10.14 needs administrator rights for ports below 1024. Update macOS, or use a high port. {hint, select, tftp {If the router runs U-Boot, it may be able to use a high port instead: start the server on port 6969 and type `setenv tftpdstp 6969` at the router's U-Boot prompt before `tftpboot`. This works only if that U-Boot was built with the TFTP port option; if it still asks on port 69, use one of the fixes above. Other bootloaders (TP-Link, Netgear, Ubiquiti recovery) always use port 69.} none {Use a port such as 6969 where the bootloader allows it.} other {{hintText}}}} other {Open System Settings → Network → Firewall → Options and allow incoming connections for Rescue Bench.}}} other {Windows Defender Firewall may be blocking Rescue Bench. Open \"Allow an app through Windows Firewall\" and tick Rescue Bench for Private networks, then try again.}}",
  'error.ADDRESS_NOT_HERE.message': 'This computer does not have the address {address}.',
  'error.ADDRESS_NOT_HERE.meaning': 'The network connection with that address is unplugged, switched off, or has a different address now.',
  'error.ADDRESS_NOT_HERE.fix': "Plug in the cable to the router, check the computer's address for that connection, then choose it again from the list.",
  'error.BIND_FAILED.message': `Rescue Bench could not open ${WHERE}.`,
  'error.BIND_FAILED.meaning': `It cannot ${PURPOSE} until this works.`,
  'error.BIND_FAILED.fix': "Try again. If it keeps failing, restart the computer's network connection.",
  // ── a serial port that cannot be used ─────────────────────────────────────────
  'error.SERIAL_NOT_FOUND.message': 'There is no serial port called {port}.',
  'error.SERIAL_NOT_FOUND.meaning': 'The adapter is not plugged in, or it has a different name on this computer.',
  'error.SERIAL_NOT_FOUND.fix':
    '{os, select, win32 {Plug the adapter in, then pick it from the list (Device Manager → Ports shows its COM number).} darwin {Plug the adapter in, then pick it from the list (on a Mac its name starts with /dev/cu.).} other {Plug the adapter in, then pick it from the list (USB adapters are usually /dev/ttyUSB0 or /dev/ttyACM0).}}',
  'error.SERIAL_NOT_PERMITTED.message': 'This computer did not let Rescue Bench open {port}.',
  'error.SERIAL_NOT_PERMITTED.meaning': 'The console cannot talk to the router until this is fixed.',
  'error.SERIAL_NOT_PERMITTED.fix':
    '{os, select, darwin {Close any other serial program (screen, CoolTerm), then try again.} other {Add yourself to the group that owns serial ports, then log out and in again: sudo usermod -aG dialout "$USER"  (on Arch and Fedora the group is uucp or dialout).}}',
  'error.SERIAL_BUSY.message': '{port} is in use by another program.',
  'error.SERIAL_BUSY.meaning': '{why, select, access {The console cannot talk to the router until this is fixed.} other {Two programs cannot read the same serial port.}}',
  'error.SERIAL_BUSY.fix':
    '{why, select, access {Close PuTTY, a second Rescue Bench or any other serial program, then try again.} other {{os, select, linux {Close screen, minicom or picocom. If ModemManager grabs the adapter, stop it: sudo systemctl stop ModemManager} other {Close the other serial program, then try again.}}}}',
  'error.SERIAL_UNPLUGGED.message': 'The serial adapter ({port}) stopped answering.',
  'error.SERIAL_UNPLUGGED.meaning': 'It was probably unplugged or lost power.',
  'error.SERIAL_UNPLUGGED.fix': 'Plug it back in; the console reconnects by itself.',
  'error.SERIAL_FAILED.message': 'Rescue Bench could not use {port}.',
  'error.SERIAL_FAILED.meaning': 'The console is not connected.',
  'error.SERIAL_FAILED.fix': 'Unplug the adapter, plug it in again and reopen the port.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.message': '{port} does not support DTR, RTS or break.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.meaning':
    'This port has no such lines (a virtual port, or an adapter wired with only TX, RX and ground). The console itself keeps working.',
  'error.SERIAL_SIGNALS_UNSUPPORTED.fix': 'Nothing to do unless your router needs DTR/RTS to reset: then use an adapter that has those pins wired.',
  // ── values that never reach a network command ─────────────────────────────────
  'error.NET_BAD_INTERFACE_NAME.message': '"{name}" is not a network connection name Rescue Bench can use.',
  'error.NET_BAD_INTERFACE_NAME.meaning':
    'Names with quotes, semicolons, dollar signs or similar characters are refused, so that nothing but the intended connection can be changed. Nothing was changed.',
  'error.NET_BAD_INTERFACE_NAME.fix': 'Pick the connection from the list of this computer’s interfaces (rescue-bench net list shows them).',
  'error.NET_BAD_ADDRESS.message': '{kind, select, ip {"{value}" is not an IPv4 address.} target {"{value}" is not an IPv4 address.} other {"{value}" is not an address with its network size.}}',
  'error.NET_BAD_ADDRESS.meaning':
    '{kind, select, ip {Nothing was changed.} target {The router’s address looks like 192.168.0.1.} other {Rescue Bench needs the address and the prefix length, like 192.168.0.66/24. Nothing was changed.}}',
  'error.NET_BAD_ADDRESS.fix': '{kind, select, ip {Write it like 192.168.0.1.} target {Give the router’s address as four numbers with dots.} other {Write it as ADDRESS/PREFIX, e.g. 192.168.0.66/24.}}',
  'error.NET_BAD_MAC.message': '"{value}" is not a hardware (MAC) address.',
  'error.NET_BAD_MAC.meaning': 'Nothing was changed.',
  'error.NET_BAD_MAC.fix': 'Write it like 00:11:22:33:44:55.',
  // ── the PDF report ────────────────────────────────────────────────────────────
  'error.NO_PDF_BROWSER.message': 'No browser was found on this computer to make the PDF with.',
  'error.NO_PDF_BROWSER.meaning': 'The report itself is fine: only the PDF copy needs Chrome, Edge or Chromium.',
  'error.NO_PDF_BROWSER.fix':
    'Save the report as HTML instead (it opens in any browser and prints from there), or install Chromium (Debian: apt install chromium).',
  // ── raw network frames (Netgear recovery) ─────────────────────────────────────
  'error.NMRP_NO_INTERFACE.message': 'This computer has no network connection called "{iface}".',
  'error.NMRP_NO_INTERFACE.meaning': 'Netgear recovery talks to the router through one wired connection, and this name does not exist (any more).',
  'error.NMRP_NO_INTERFACE.fix':
    'Plug the cable into this computer, then pick the wired connection from the list again (its name can change when an adapter is re-plugged).',
  'error.NMRP_NO_RAW_PRIVILEGE.message':
    '{os, select, win32 {Npcap did not let Rescue Bench send the recovery messages.} darwin {macOS did not let Rescue Bench send the recovery messages.} other {This computer did not let Rescue Bench send the recovery messages.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.meaning':
    '{os, select, win32 {Netgear recovery (NMRP) speaks below the internet protocol, through Npcap, and Npcap was installed for administrators only ("Restrict Npcap driver\'s access to Administrators only").} darwin {Netgear recovery (NMRP) speaks below the internet protocol, through the packet filter devices (/dev/bpf*), which only administrators may open.} other {Netgear recovery (NMRP) speaks below the internet protocol and needs the permission to send raw network frames (CAP_NET_RAW), which normal programs do not have.}}',
  'error.NMRP_NO_RAW_PRIVILEGE.fix':
    '{os, select, win32 {Close Rescue Bench and start it again with a right-click on its icon → "Run as administrator". Or run the Npcap installer again without that option.} darwin {Press "Allow" and enter your password: it gives the admin group access until the next restart (what Wireshark\'s ChmodBPF does at every start — installing Wireshark with ChmodBPF makes it permanent). Or in Terminal: sudo chgrp admin /dev/bpf* && sudo chmod g+rw /dev/bpf*} other {Press "Allow" and enter your password: it gives this program that one permission, once. Or in a terminal: {command} — then start it again.}}',
  'error.NMRP_LINK_DOWN.message': 'The connection "{iface}" is switched off.',
  'error.NMRP_LINK_DOWN.meaning': 'No messages can go to the router through a connection that is down.',
  'error.NMRP_LINK_DOWN.fix': 'Switch the wired connection on (or plug its cable in) and try again.',
  'error.NMRP_RAW_FAILED.message': 'Rescue Bench could not open "{iface}" for the recovery messages.',
  'error.NMRP_RAW_FAILED.meaning': 'Netgear recovery needs to send and receive raw network frames on that connection.',
  'error.NMRP_RAW_FAILED.fix':
    'Check that the connection is a wired Ethernet adapter and try again; if it keeps failing, save the Details and send them to us.',
  'error.NMRP_NPCAP_BROKEN.message': 'Npcap is installed, but Rescue Bench could not use it.',
  'error.NMRP_NPCAP_BROKEN.meaning':
    'Netgear recovery sends its messages to the router through Npcap, and its files could not be loaded (an old or damaged installation).',
  'error.NMRP_NPCAP_BROKEN.fix':
    'Install the current Npcap from npcap.com over the old one (in its installer tick "Install Npcap in WinPcap API-compatible Mode" (other recovery tools such as nmrpflash need it too)), then start Rescue Bench again.',
  'error.NMRP_NPCAP_MISSING.message': 'Npcap is not installed on this computer.',
  'error.NMRP_NPCAP_MISSING.meaning':
    'Netgear recovery talks to the router with raw network messages, and Windows sends those only through Npcap, a free network driver.',
  'error.NMRP_NPCAP_MISSING.fix':
    'Install Npcap from npcap.com: in its installer tick "Install Npcap in WinPcap API-compatible Mode" (other recovery tools such as nmrpflash need it too). Then start Rescue Bench again.',
  'error.NMRP_ADDON_MISSING.message':
    '{os, select, win32 {The Windows raw-frame part of Rescue Bench is missing.} other {The raw-frame part of Rescue Bench is not built on this computer.}}',
  'error.NMRP_ADDON_MISSING.meaning':
    '{os, select, win32 {Netgear recovery (NMRP) needs a small native part that sends raw network frames through Npcap; this copy was built without it.} other {Netgear recovery (NMRP) needs a small native part that sends raw network frames; it is built with a C compiler at install time.}}',
  'error.NMRP_ADDON_MISSING.fix':
    '{os, select, win32 {Install Rescue Bench again from its installer. Building it yourself: npm run build:native in a Visual Studio "Developer Command Prompt".} darwin {Install the Xcode command line tools (xcode-select --install), then run npm run build:native.} other {Install a C compiler (sudo apt install gcc), then run npm run build:native.}}',
} as const satisfies Record<string, string>;
