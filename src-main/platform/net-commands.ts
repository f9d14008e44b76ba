/**
 * The commands that change this computer's network for a recovery, per OS, and how each is run with the OS's own
 * permission prompt (decision 0070). Pure: they build argv arrays (never a shell string on Linux) from values
 * that passed an allow-list; src-main/platform/bindings/net.ts runs them. Linux is verified in the test
 * namespaces; the macOS (ifconfig/arp through osascript) and Windows (netsh through UAC) forms are written from
 * their documentation and unit-tested as text only.
 */
import { fault } from '../../src-shared/errors';
import { isIpv4, normalMac, parseCidr } from '../../src-shared/capabilities/net';
import type { PlatformName } from './host';
import { safeInterfaceName } from './privilege';

export type Argv = [string, ...string[]];
/** How permission was obtained: already root; polkit's pkexec; sudo without a password (-n); macOS osascript; Windows UAC. */
export type Elevation = 'root' | 'pkexec' | 'sudo' | 'osascript' | 'uac';

/** The interface name, or a three-part fault: a name outside the allow-list never reaches a command. */
export function checkedInterface(platform: PlatformName, name: string): string {
  const ok = safeInterfaceName(platform, name);
  if (ok === undefined)
    throw fault('NET_BAD_INTERFACE_NAME', { name: name.slice(0, 80) });
  return ok;
}

export function checkedCidr(cidr: string): NonNullable<ReturnType<typeof parseCidr>> {
  const c = parseCidr(cidr);
  if (!c)
    throw fault('NET_BAD_ADDRESS', { kind: 'cidr', value: cidr.slice(0, 80) });
  return c;
}

function checkedIp(ip: string): string {
  if (!isIpv4(ip)) throw fault('NET_BAD_ADDRESS', { kind: 'ip', value: ip.slice(0, 80) });
  return ip;
}

function checkedMac(mac: string): string {
  const m = normalMac(mac);
  if (!m) throw fault('NET_BAD_MAC', { value: mac.slice(0, 80) });
  return m;
}

export function addAddressCommand(platform: PlatformName, iface: string, cidr: string): Argv {
  const name = checkedInterface(platform, iface);
  const c = checkedCidr(cidr);
  if (platform === 'darwin') return ['/sbin/ifconfig', name, 'alias', c.ip, c.netmask];
  // store=active: gone at the next restart of Windows, like the other two.
  if (platform === 'win32') return ['netsh', 'interface', 'ipv4', 'add', 'address', name, c.ip, c.netmask, 'store=active'];
  return ['ip', 'addr', 'add', `${c.ip}/${c.prefix}`, 'brd', '+', 'dev', name];
}

export function removeAddressCommand(platform: PlatformName, iface: string, cidr: string): Argv {
  const name = checkedInterface(platform, iface);
  const c = checkedCidr(cidr);
  if (platform === 'darwin') return ['/sbin/ifconfig', name, '-alias', c.ip];
  if (platform === 'win32') return ['netsh', 'interface', 'ipv4', 'delete', 'address', name, c.ip];
  return ['ip', 'addr', 'del', `${c.ip}/${c.prefix}`, 'dev', name];
}

export function addNeighbourCommand(platform: PlatformName, iface: string, ip: string, mac: string): Argv {
  const name = checkedInterface(platform, iface);
  const addr = checkedIp(ip);
  const m = checkedMac(mac);
  if (platform === 'darwin') return ['/usr/sbin/arp', '-s', addr, m, 'ifscope', name];
  if (platform === 'win32') return ['netsh', 'interface', 'ipv4', 'add', 'neighbors', name, addr, m.replace(/:/g, '-'), 'store=active'];
  return ['ip', 'neigh', 'replace', addr, 'lladdr', m, 'dev', name, 'nud', 'permanent'];
}

export function removeNeighbourCommand(platform: PlatformName, iface: string, ip: string): Argv {
  const name = checkedInterface(platform, iface);
  const addr = checkedIp(ip);
  if (platform === 'darwin') return ['/usr/sbin/arp', '-d', addr, 'ifscope', name];
  if (platform === 'win32') return ['netsh', 'interface', 'ipv4', 'delete', 'neighbors', name, addr];
  return ['ip', 'neigh', 'del', addr, 'dev', name];
}

/** NetworkManager (Linux): leave the device alone (false) or look after it again (true). Runtime only, not saved. */
export function nmManagedCommand(iface: string, managed: boolean): Argv {
  return ['nmcli', 'device', 'set', checkedInterface('linux', iface), 'managed', managed ? 'yes' : 'no'];
}

/** What to run: a program, its arguments, and text for its standard input. */
export interface Invocation {
  cmd: string;
  args: string[];
  input?: string;
}

/** POSIX shell single quotes (macOS: the text osascript hands to /bin/sh). */
function shq(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The reason as an AppleScript string literal: no control characters, quotes and backslashes escaped, at most 300
 * characters (cut between characters, never inside one). Any other character (ä, ñ, „ “, « », ¿) is itself in
 * AppleScript's string and osascript reads its argument as UTF-8, so a reason in any language stays intact.
 */
export function appleScriptString(s: string): string {
  const plain = Array.from(s.replace(/[\u0000-\u001f\u007f]/g, ' ')).slice(0, 300).join('');
  return `"${plain.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A PowerShell single-quoted literal (a ' inside is doubled). */
function psq(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Linux: `ip -batch -` (its lines on standard input), then one other program, in one shell run as
 * `sh -c SCRIPT sh IP PROGRAM ARGS…`. IP_THEN stops at the first failure; IP_THEN_KEEP_GOING runs both (ip with
 * -force goes on past a failing line) and exits with the first non-zero status.
 */
export const IP_THEN = 'ip=$1; shift; "$ip" -batch - && "$@"';
export const IP_THEN_KEEP_GOING = 'ip=$1; shift; rc=0; "$ip" -force -batch - || rc=$?; "$@" || { r=$?; [ "$rc" -ne 0 ] || rc=$r; }; exit $rc';

/**
 * Run `cmds` with permission obtained by `how`. Several commands become one prompt where the OS allows:
 * Linux runs several `ip` commands as one `ip -batch -` (read from standard input; `-force` goes on past a
 * failing line when `keepGoing`), and ip commands followed by one other program as one `sh -c` (IP_THEN); macOS joins them in one `do shell script` (`&&`, or `;` when `keepGoing`);
 * Windows runs them in one elevated PowerShell (-EncodedCommand, so no quoting crosses the UAC boundary).
 * `resolve` turns a program name into its absolute path (pkexec and sudo run nothing found on the user's PATH).
 */
export function elevate(platform: PlatformName, how: Elevation, cmds: Argv[], reason: string, opts: { keepGoing?: boolean; resolve?: (program: string) => string | undefined } = {}): Invocation {
  if (cmds.length === 0) throw new Error('elevate: no command');
  const resolve = opts.resolve ?? ((p: string) => p);
  if (platform === 'linux') {
    let one: Invocation;
    const ipLines = cmds.slice(0, -1);
    const last = cmds[cmds.length - 1]!;
    if (cmds.length === 1) one = { cmd: cmds[0]![0], args: cmds[0]!.slice(1) };
    else if (cmds.every((c) => c[0] === 'ip')) {
      // Each value passed an allow-list without blanks or line breaks, so one command per line is exact.
      one = { cmd: 'ip', args: [...(opts.keepGoing ? ['-force'] : []), '-batch', '-'], input: cmds.map((c) => c.slice(1).join(' ')).join('\n') + '\n' };
    } else {
      // ip commands and then one other program (a station slot's sysctls; decision 0120): one shell, so one
      // permission prompt. The script is fixed text; every value goes in as an argument ("$@"), never into it.
      if (!ipLines.every((c) => c[0] === 'ip') || last[0] === 'ip') throw new Error('elevate: on Linux, several commands at once are ip commands, optionally followed by one other');
      const script = opts.keepGoing ? IP_THEN_KEEP_GOING : IP_THEN;
      const ip = how === 'root' ? 'ip' : (resolve('ip') ?? 'ip');
      const prog = how === 'root' ? last[0] : (resolve(last[0]) ?? last[0]);
      one = { cmd: 'sh', args: ['-c', script, 'sh', ip, prog, ...last.slice(1)], input: ipLines.map((c) => c.slice(1).join(' ')).join('\n') + '\n' };
      if (how === 'root') return one;
      const sh = resolve('sh') ?? '/bin/sh';
      if (how === 'pkexec') return { ...one, cmd: 'pkexec', args: [sh, ...one.args] };
      if (how === 'sudo') return { ...one, cmd: 'sudo', args: ['-n', '--', sh, ...one.args] };
      throw new Error(`elevate: ${how} is not a Linux way`);
    }
    if (how === 'root') return one;
    const abs = resolve(one.cmd) ?? one.cmd;
    if (how === 'pkexec') return { ...one, cmd: 'pkexec', args: [abs, ...one.args] };
    if (how === 'sudo') return { ...one, cmd: 'sudo', args: ['-n', '--', abs, ...one.args] };
    throw new Error(`elevate: ${how} is not a Linux way`);
  }
  if (platform === 'darwin') {
    const script = cmds.map((c) => c.map(shq).join(' ')).join(opts.keepGoing ? ' ; ' : ' && ');
    if (how === 'root') return { cmd: '/bin/sh', args: ['-c', script] };
    if (how !== 'osascript') throw new Error(`elevate: ${how} is not a macOS way`);
    return { cmd: '/usr/bin/osascript', args: ['-e', `do shell script ${appleScriptString(script)} with prompt ${appleScriptString(reason)} with administrator privileges`] };
  }
  // Windows: the inner script runs elevated; it stops at the first failing command unless keepGoing.
  const inner = cmds.map((c) => `& ${c.map(psq).join(' ')}${opts.keepGoing ? '' : '; if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }'}`).join('; ') + '; exit $LASTEXITCODE';
  const encoded = Buffer.from(inner, 'utf16le').toString('base64');
  if (how === 'root') return { cmd: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-EncodedCommand', encoded] };
  if (how !== 'uac') throw new Error(`elevate: ${how} is not a Windows way`);
  const outer = `$p = Start-Process -FilePath 'powershell.exe' -Verb RunAs -Wait -PassThru -WindowStyle Hidden -ArgumentList '-NoProfile','-NonInteractive','-EncodedCommand','${encoded}'; exit $p.ExitCode`;
  return { cmd: 'powershell.exe', args: ['-NoProfile', '-NonInteractive', '-Command', outer] };
}

/** The ways to try, in order, for this OS and user (decision 0070). */
export function elevationOrder(platform: PlatformName, isRoot: boolean, has: (program: string) => boolean): Elevation[] {
  if (platform === 'linux') return isRoot ? ['root'] : [...(has('pkexec') ? (['pkexec'] as const) : []), ...(has('sudo') ? (['sudo'] as const) : [])];
  if (platform === 'darwin') return isRoot ? ['root'] : ['osascript'];
  return ['uac'];
}

export type ElevationOutcome = 'ok' | 'cancelled' | 'refused' | 'unavailable' | 'failed';

/**
 * What a privileged run's exit means. pkexec: 126 = the user dismissed the dialog, 127 = not authorised or no
 * authentication agent (then sudo -n is tried). sudo -n: 1 with "a password is required". osascript: "User
 * canceled. (-128)". Windows: Start-Process fails with "canceled by the user". Anything else non-zero is the
 * command's own failure (e.g. ip's "File exists").
 */
export function elevationOutcome(how: Elevation, code: number | null, stderr: string): ElevationOutcome {
  if (code === 0) return 'ok';
  if (how === 'pkexec') {
    if (code === 126) return 'cancelled';
    if (code === 127) return /no authentication agent|not authorized|authorization/i.test(stderr) || stderr === '' ? 'unavailable' : 'failed';
  }
  if (how === 'sudo' && /password is required|a terminal is required|not in the sudoers|may not run sudo/i.test(stderr)) return 'unavailable';
  if (how === 'osascript' && /-128|user cancel+ed/i.test(stderr)) return 'cancelled';
  if (how === 'uac' && /cancel+ed by the user/i.test(stderr)) return 'cancelled';
  return 'failed';
}

/**
 * One echo request with a one-second wait. The system's ping, not our own socket: Node has no ICMP sockets, and
 * Linux's ping (iputils) itself uses an unprivileged ICMP datagram socket where net.ipv4.ping_group_range allows
 * it (file capabilities or setuid elsewhere) — so no root is needed on any OS. `iface` binds it on Linux (-I).
 * `source` (a bench slot's own address on its card, decision 0110): the echo leaves from that address, so the slot's
 * policy rule sends it through the slot's card — Linux `-I ADDR` (an address, not a card, sets the source), macOS
 * and Windows `-S ADDR`. With a source the card name is not passed as well: Linux takes one -I.
 */
export function pingCommand(platform: PlatformName, ip: string, iface?: string, source?: string): Argv {
  const addr = checkedIp(ip);
  const src = source !== undefined ? checkedIp(source) : undefined;
  if (platform === 'win32') return ['ping', '-n', '1', '-w', '1000', ...(src ? ['-S', src] : []), addr];
  if (platform === 'darwin') return ['ping', '-n', '-c', '1', '-t', '1', ...(src ? ['-S', src] : iface ? ['-b', checkedInterface(platform, iface)] : []), addr];
  return ['ping', '-n', '-c', '1', '-W', '1', ...(src ? ['-I', src] : iface ? ['-I', checkedInterface(platform, iface)] : []), addr];
}

/** Whether a ping run got an echo reply: exit 0, and on Windows a "TTL=" line (its ping exits 0 for "Destination host unreachable" too). */
export function pingAnswered(platform: PlatformName, code: number | null, stdout: string): boolean {
  if (code !== 0) return false;
  return platform !== 'win32' || /TTL=/i.test(stdout);
}

/** The OS's neighbour (ARP) table entry for one address; `ages`: with when it was last confirmed (Linux `-s`). */
export function neighbourQueryCommand(platform: PlatformName, ip: string, iface?: string, ages = false): Argv {
  const addr = checkedIp(ip);
  if (platform === 'win32') return ['arp', '-a', addr];
  if (platform === 'darwin') return ['/usr/sbin/arp', '-n', addr];
  return ['ip', ...(ages ? ['-s'] : []), '-j', 'neigh', 'show', 'to', addr, ...(iface ? ['dev', checkedInterface(platform, iface)] : [])];
}
