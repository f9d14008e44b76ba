/**
 * The words of the shared session code (src-main/session/), in English, the source (decision 0100): mostly its faults,
 * `error.<CODE>.message|meaning|fix`. ../en.ts merges them; de.ts and es.ts beside this file hold every key.
 */
export const en = {
  'error.CONNECT_REFUSED.message': 'The router at {host} refused a {method, select, ssh {SSH} other {telnet}} connection on port {port}.',
  'error.CONNECT_REFUSED.meaning':
    '{method, select, ssh {The router is there, but no SSH server is listening. Old OpenWrt releases use telnet in rescue mode instead.} other {The router is there, but no telnet server is listening on that port.}}',
  'error.CONNECT_REFUSED.fix':
    '{method, select, ssh {Try again with telnet (choose "Automatic" to try both). If the router is still starting, wait 30 seconds.} other {Check the port, or try SSH. If the router is still starting, wait 30 seconds.}}',
  'error.CONNECT_TIMEOUT.message': 'The router at {host} did not answer.',
  'error.CONNECT_TIMEOUT.meaning': 'Either the router is not at that address, it is still starting, or the cable is in the wrong port.',
  'error.CONNECT_TIMEOUT.fix':
    'Check that the cable goes from this computer to a LAN port (not WAN) and that this computer has an address like 192.168.1.10. Then try again.',
  'error.HOST_UNREACHABLE.message': 'This computer has no way to reach {host}.',
  'error.HOST_UNREACHABLE.meaning': 'No network connection of this computer is on the same network as the router.',
  'error.HOST_UNREACHABLE.fix':
    "Plug the cable in and give this computer a fixed address in the router's network, for example 192.168.1.10 with mask 255.255.255.0.",
  'error.AUTH_FAILED.message': 'The router at {host} did not accept the login.',
  'error.AUTH_FAILED.meaning': '{method, select, ssh {The user name, password or key is not the one the router expects.} other {The user name or password is not the one the router expects.}}',
  'error.AUTH_FAILED.fix':
    '{method, select, ssh {Check the password. In rescue mode (failsafe) the user is root with no password. If you set a password and forgot it, start the router in rescue mode.} other {Check the password. In rescue mode the user is root with no password.}}',
  'error.CONNECT_FAILED.message': 'Could not open a {method, select, ssh {SSH} other {telnet}} session to {host}.',
  'error.CONNECT_FAILED.meaning': 'Nothing was changed on the router.',
  'error.CONNECT_FAILED.fix': 'Check the cable and the address, then try again.',
  'error.SESSION_LOST.message':
    '{what, select, closed {The connection to the router is closed.} other {The connection to the router at {host} dropped while {what, select, login {logging in} prepare {preparing the shell} run {running a command} start {starting a command} send {sending data} idle {copying data (no data for {seconds} s)} exit {waiting for the router to confirm the end of a copy} other {copying data}}.}}',
  'error.SESSION_LOST.meaning':
    '{what, select, closed {Nothing can be fixed without it.} other {The step did not finish. Anything it was copying is incomplete and is not kept as good.}}',
  'error.SESSION_LOST.fix': '{what, select, closed {Connect again.} other {Check the cable and that the router still has power, then try again.}}',
  'error.COMMAND_TIMEOUT.message': 'The router did not finish a command within {seconds} seconds.',
  'error.COMMAND_TIMEOUT.meaning': 'It may be very busy or stuck. The command was stopped.',
  'error.COMMAND_TIMEOUT.fix': 'Try again. If it happens again, restart the router and reconnect.',
  'error.ROUTER_HAS_NO_NC.message': 'The router at {host} has no "nc" command, which copying data over telnet needs.',
  'error.ROUTER_HAS_NO_NC.meaning':
    'Telnet itself mangles binary data, so the bytes travel on a separate connection that the router opens with `nc`. Without it nothing can be copied over telnet; nothing was copied or kept.',
  'error.ROUTER_HAS_NO_NC.fix':
    'Use SSH if the router has it (OpenWrt 15.05 and later in rescue mode), or start an OpenWrt initramfs image that includes nc, then try again.',
  'error.LOGIN_NO_PROMPT.message': 'The router at {host} accepted the telnet connection but never showed a prompt.',
  'error.LOGIN_NO_PROMPT.meaning': 'It may be busy starting, or this port is not a router shell.',
  'error.LOGIN_NO_PROMPT.fix': 'Wait half a minute and try again. If it keeps happening, restart the router in rescue mode.',
  'error.SHELL_NOT_READY.message': 'The router at {host} did not answer commands after login.',
  'error.SHELL_NOT_READY.meaning': 'The telnet login worked, but what answered is not a shell Rescue Bench can drive.',
  'error.SHELL_NOT_READY.fix': 'Restart the router and try again. If you see a menu instead of a shell, choose the shell option first.',
  'error.ABORTED.message': 'The copy was stopped.',
  'error.CALLBACK_NOT_CONNECTED.message':
    '{port, select, none {The router at {host} could not send data back to this computer.} other {The router did not connect back to this computer ({host}, TCP port {port}).}}',
  'error.CALLBACK_NOT_CONNECTED.meaning':
    "{port, select, none {Over telnet, bulk data travels on a separate connection from the router to this computer, made with the router's `nc` command.} other {Over telnet, bulk data travels on a separate connection from the router to this computer. Something blocked it, or the router has no `nc` command.}}",
  'error.CALLBACK_NOT_CONNECTED.fix':
    "{port, select, none {Allow incoming connections for Rescue Bench in this computer's firewall for this network, then try again.} other {Allow incoming connections for Rescue Bench in this computer's firewall for this network, then try again. If the router has SSH, use SSH instead.}}",
  'error.CALLBACK_LISTEN_FAILED.message': 'This computer could not open a port on {address} for the router to send data to.',
  'error.CALLBACK_LISTEN_FAILED.meaning': 'Over telnet, the router sends bulk data on a separate connection back to this computer.',
  'error.CALLBACK_LISTEN_FAILED.fix': 'Check that the address still belongs to this computer (cable plugged in), then try again.',
  'error.HOST_KEY_CHANGED.message': 'The router at {host}{mac, select, none {} other { (hardware address {mac})}} identified itself with a different key than last time.',
  'error.HOST_KEY_CHANGED.meaning':
    'Either this is a different router at the same address, the router was reset or reflashed, or something between this computer and the router is pretending to be it. Rescue Bench did not log in and sent nothing.',
  'error.HOST_KEY_CHANGED.fix':
    'If you reflashed or swapped the router, choose "Forget the old key" for this router and connect again. If it is the same router and nothing changed, check the cable goes straight to it.',
  'error.KNOWN_HOSTS_UNWRITABLE.message': "Rescue Bench could not save the router's key in {file}.",
  'error.KNOWN_HOSTS_UNWRITABLE.meaning': 'Without it Rescue Bench could not notice later if something pretends to be this router, so it did not log in.',
  'error.KNOWN_HOSTS_UNWRITABLE.fix': 'Check that the data folder is writable and the disk has free space, then connect again.',
  'error.KNOWN_HOSTS_UNREADABLE.message': 'Rescue Bench could not read its list of remembered router keys in {file}.',
  'error.KNOWN_HOSTS_UNREADABLE.meaning':
    'That list is how Rescue Bench notices when something pretends to be a router it knows. Reading it as empty would trust any key again, so Rescue Bench did not connect, and it left the file as it is.',
  'error.KNOWN_HOSTS_UNREADABLE.fix':
    'Move the file aside (for example rename it to {name}.bad) to start a new list, or put back a good copy of it, then connect again. Routers connected before will then be remembered anew at their next connection.',
  // ── text refused before it is sent over telnet (decision 0153): the character is a key, never the text ──
  'error.TEXT_NOT_SENDABLE.message':
    "{kind, select, command {Rescue Bench refused to send a command to the router at {host}: it holds {char, select, lf {a line break} cr {a line break (carriage return)} tab {a Tab} esc {Escape} ctrlc {Ctrl-C} del {Delete} nel {a line break (NEL)} lsep {a line separator} psep {a paragraph separator} surrogate {a character that has no UTF-8 form (an unpaired surrogate)} other {the control character {code}}} at position {position}.} user {The user name holds {char, select, lf {a line break} cr {a line break (carriage return)} tab {a Tab} esc {Escape} ctrlc {Ctrl-C} del {Delete} nel {a line break (NEL)} lsep {a line separator} psep {a paragraph separator} surrogate {a character that has no UTF-8 form (an unpaired surrogate)} other {the control character {code}}} at position {position}, which cannot be typed into the router's login.} other {The password holds {char, select, lf {a line break} cr {a line break (carriage return)} tab {a Tab} esc {Escape} ctrlc {Ctrl-C} del {Delete} nel {a line break (NEL)} lsep {a line separator} psep {a paragraph separator} surrogate {a character that has no UTF-8 form (an unpaired surrogate)} other {the control character {code}}} at position {position}, which cannot be typed into the router's login.}}",
  'error.TEXT_NOT_SENDABLE.meaning':
    "{kind, select, command {The router's terminal would act on that character instead of passing it on (a line break would start a different command). Nothing was sent.} user {Over telnet the user name is typed into the router's terminal: a line break or control character would end it early or run the rest as a command. Nothing was sent.} other {Over telnet the password is typed into the router's terminal: a line break or control character would end it early or run the rest as a command. Nothing was sent.}}",
  'error.TEXT_NOT_SENDABLE.fix':
    '{kind, select, command {This is a mistake in Rescue Bench. Please report it, with what you were doing.} user {Type the user name again on one line, without Tab or other special keys.} other {Type the password again on one line, without Tab or other special keys.}}',
  // the connection's own notes (decision 0186); fingerprints, addresses, MACs and fault codes are values, as they came
  'session.note.sessionOnlyKey':
    "Accepted the router's key {fingerprint} for this session only: in rescue mode a router makes a new key every time it starts, so it is not remembered.",
  'session.note.firstKey': 'First connection to {host}{mac, select, none {} other { ({mac})}}: remembered its key {fingerprint}.',
  'session.note.telnetFallback': 'SSH did not answer ({code}); connected with telnet instead.',
  'session.note.telnetPlain': 'Telnet sends everything unencrypted; fine on a cable straight to the router, never over the internet.',
} as const satisfies Record<string, string>;
