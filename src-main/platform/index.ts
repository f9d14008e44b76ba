/**
 * Every operating-system concern lives here: user data folder, network interfaces, what a bind error means
 * and how to fix it, how a socket must be bound to hear broadcasts on one interface. Services ask this module
 * instead of branching on process.platform themselves. Linux behaviour is verified by tests; the Windows and
 * macOS texts are written from their documentation (see docs/decisions/0004-platform-module.md).
 */
import os from 'node:os';
import path from 'node:path';
import fsSync from 'node:fs';
import { RbFault } from '../../src-shared/errors';
import type { HostInterface } from '../../src-shared/capabilities/app/contract';

export type PlatformName = 'linux' | 'darwin' | 'win32';

export function currentPlatform(): PlatformName {
  const p = process.platform;
  return p === 'darwin' || p === 'win32' ? p : 'linux';
}

/** Where journals, logs, backups and settings go. RESCUE_BENCH_DATA_DIR overrides (tests, portable installs). */
export function dataDir(platform: PlatformName = currentPlatform(), env: NodeJS.ProcessEnv = process.env, home = os.homedir()): string {
  if (env.RESCUE_BENCH_DATA_DIR) return env.RESCUE_BENCH_DATA_DIR;
  if (platform === 'win32') return path.win32.join(env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming'), 'Rescue Bench');
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', 'Rescue Bench');
  return path.posix.join(env.XDG_DATA_HOME ?? path.posix.join(home, '.local', 'share'), 'rescue-bench');
}

function maskBits(netmask: string): number {
  return netmask.split('.').reduce((n, part) => n + (Number(part) >>> 0).toString(2).replace(/0/g, '').length, 0);
}

export function ipv4ToInt(a: string): number {
  const p = a.split('.').map(Number);
  return (((p[0]! << 24) >>> 0) + (p[1]! << 16) + (p[2]! << 8) + p[3]!) >>> 0;
}
export function intToIpv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
export function broadcastOf(address: string, netmask: string): string {
  const mask = ipv4ToInt(netmask);
  return intToIpv4((ipv4ToInt(address) & mask) | (~mask >>> 0));
}
export function inSubnet(address: string, network: string, bits: number): boolean {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(address)) return false;
  const mask = bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0;
  return (ipv4ToInt(address) & mask) === (ipv4ToInt(network) & mask);
}

export function listIpv4Interfaces(): HostInterface[] {
  const out: HostInterface[] = [];
  for (const [name, addrs] of Object.entries(os.networkInterfaces())) {
    for (const a of addrs ?? []) {
      if (a.family !== 'IPv4') continue;
      out.push({ name, address: a.address, netmask: a.netmask, cidr: a.cidr ?? `${a.address}/${maskBits(a.netmask)}`, mac: a.mac, internal: a.internal });
    }
  }
  return out;
}

/**
 * Which local addresses a UDP socket must bind so that it hears broadcasts arriving on the interface that
 * owns `address`. Linux and macOS (BSD sockets) deliver a broadcast only to sockets bound to the wildcard
 * or to the broadcast address itself, so we bind both the unicast and the directed-broadcast address.
 * Windows delivers broadcasts to a socket bound to the interface's unicast address and refuses to bind a
 * broadcast address, so one socket is right there.
 */
export function broadcastListenAddresses(address: string, interfaces: HostInterface[], platform: PlatformName = currentPlatform()): string[] {
  if (address === '0.0.0.0') return ['0.0.0.0'];
  if (platform === 'win32') return [address];
  const itf = interfaces.find((i) => i.address === address);
  if (!itf) return [address];
  const bcast = broadcastOf(itf.address, itf.netmask);
  return bcast === address ? [address] : [address, bcast];
}

/**
 * Whether a connected UDP socket and an unconnected one may share a local port (both with reuseAddr) such that
 * the connected one still gets every datagram from its peer and the unconnected one gets the rest. The TFTP
 * server uses that to answer a stray packet to a transfer's port with ERROR 5 (decision 0012). Linux scores the
 * connected socket higher for its peer (verified by test/integration/tftp-hostile.test.ts). On Windows,
 * SO_REUSEADDR lets either socket receive a datagram (documented as non-deterministic), which would break the
 * transfer; macOS maps reuseAddr to SO_REUSEPORT and is not verified here. Both keep one socket per transfer.
 */
export function udpSharedPortForStrays(platform: PlatformName = currentPlatform()): boolean {
  return platform === 'linux';
}

export interface BindErrorContext {
  protocol: 'udp' | 'tcp';
  address: string;
  port: number;
  /** What the socket is for, in plain words: "listen for the router's rescue-mode broadcasts". */
  purpose: string;
  /** For low ports: how the peer could use a high port instead (e.g. U-Boot's `tftpdstp`); replaces the generic hint. */
  highPortHint?: string;
}

/** Explain a failed bind in the product's voice, with fixes for this OS. */
export function explainBindError(err: unknown, ctx: BindErrorContext, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const code = e?.code ?? 'UNKNOWN';
  const where = `${ctx.protocol.toUpperCase()} port ${ctx.port} on ${ctx.address === '0.0.0.0' ? 'all network connections' : ctx.address}`;
  const details = `${code}: ${e?.message ?? String(err)}`;
  if (code === 'EADDRINUSE') {
    const finder =
      platform === 'win32'
        ? `In a Command Prompt, run: netstat -ano -p ${ctx.protocol} | findstr :${ctx.port}  (the last number is the program's process ID; Task Manager shows it under Details).`
        : platform === 'darwin'
          ? `In Terminal, run: sudo lsof -nP -i ${ctx.protocol.toUpperCase()}:${ctx.port}`
          : `In a terminal, run: sudo ss -${ctx.protocol === 'udp' ? 'u' : 't'}lpn 'sport = :${ctx.port}'`;
    return new RbFault({
      code: 'PORT_IN_USE',
      message: `Another program is already using ${where}.`,
      meaning: `Rescue Bench needs that port to ${ctx.purpose}. Two programs cannot both own it.`,
      fix: `Close the other program (often another TFTP server, Wireshark helper or a second Rescue Bench), then try again. ${finder}`,
      details,
    });
  }
  if (code === 'EACCES' || code === 'EPERM') {
    const low = ctx.port < 1024;
    const fix =
      platform === 'linux'
        ? low
          ? `Ports below 1024 need extra rights on Linux. Either allow low ports for everyone once: sudo sysctl -w net.ipv4.ip_unprivileged_port_start=${ctx.port}  (add it to /etc/sysctl.d/ to keep it), or give the program the right: sudo setcap cap_net_bind_service=+ep "$(readlink -f '${process.execPath}')". ${ctx.highPortHint ?? "Where the router's bootloader allows it, use a high port such as 6969 instead."}`
          : 'Check that no firewall or security module (AppArmor, SELinux) blocks Rescue Bench from opening network ports.'
        : platform === 'darwin'
          ? low
            ? `macOS before 10.14 needs administrator rights for ports below 1024. Update macOS, or use a high port. ${ctx.highPortHint ?? 'Use a port such as 6969 where the bootloader allows it.'}`
            : 'Open System Settings → Network → Firewall → Options and allow incoming connections for Rescue Bench.'
          : 'Windows Defender Firewall may be blocking Rescue Bench. Open "Allow an app through Windows Firewall" and tick Rescue Bench for Private networks, then try again.';
    return new RbFault({
      code: 'PORT_NOT_PERMITTED',
      message: `This computer did not allow Rescue Bench to open ${where}.`,
      meaning: `Without it Rescue Bench cannot ${ctx.purpose}.`,
      fix,
      details,
    });
  }
  if (code === 'EADDRNOTAVAIL') {
    return new RbFault({
      code: 'ADDRESS_NOT_HERE',
      message: `This computer does not have the address ${ctx.address}.`,
      meaning: 'The network connection with that address is unplugged, switched off, or has a different address now.',
      fix: 'Plug in the cable to the router, check the computer\'s address for that connection, then choose it again from the list.',
      details,
    });
  }
  return new RbFault({
    code: 'BIND_FAILED',
    message: `Rescue Bench could not open ${where}.`,
    meaning: `It cannot ${ctx.purpose} until this works.`,
    fix: 'Try again. If it keeps failing, restart the computer\'s network connection.',
    details,
  });
}

/**
 * How to give this computer a fixed address for the router's rescue network (failsafe answers only
 * 192.168.1.x), per OS, in plain steps plus the one command that does it. Linux verified in the test
 * namespaces; the Windows (netsh) and macOS (networksetup/ifconfig) forms are written from their docs.
 */
export function rescueAddressHowTo(platform: PlatformName, ifName: string | undefined, address = '192.168.1.10'): { steps: string; command: string } {
  // A name we would not type ourselves is not put into a command for the user to paste either.
  const itf = ifName === undefined ? (platform === 'win32' ? 'Ethernet' : platform === 'darwin' ? 'en0' : 'eth0') : (safeInterfaceName(platform, ifName) ?? '<name of the wired connection>');
  if (platform === 'win32')
    return {
      steps: `Open Settings → Network & internet → Ethernet → IP assignment → Edit → Manual, switch IPv4 on, IP address ${address}, subnet mask 255.255.255.0, leave the gateway empty, Save. Or, in a Command Prompt run as administrator:`,
      command: `netsh interface ipv4 add address "${itf}" ${address} 255.255.255.0`,
    };
  if (platform === 'darwin')
    return {
      steps: `Open System Settings → Network → the wired connection (${itf}) → Details → TCP/IP, Configure IPv4: Manually, IP address ${address}, subnet mask 255.255.255.0, router empty, OK. Or, in Terminal (adds the address next to the current one until restart):`,
      command: `sudo ifconfig ${itf} alias ${address} 255.255.255.0`,
    };
  return {
    steps: `Add the address next to the current one on the wired connection (${itf}); it lasts until the next restart of the computer or the connection. In a terminal:`,
    command: `sudo ip addr add ${address}/24 dev ${itf}`,
  };
}

/**
 * IPv4 addresses configured on this computer's interfaces, including interfaces without a link (cable in, router
 * still switched off). Node's os.networkInterfaces() leaves those out, but the rescue address is set before the
 * router is powered on. Linux: iproute2's JSON output. Elsewhere: only what os.networkInterfaces() reports
 * (Windows and macOS hide addresses of disconnected adapters in the same way; the check is repeated later).
 */
export async function configuredIpv4(platform: PlatformName = currentPlatform()): Promise<HostInterface[]> {
  const up = listIpv4Interfaces();
  if (platform !== 'linux') return up;
  const { execFile } = await import('node:child_process');
  const text = await new Promise<string>((resolve) => execFile('ip', ['-j', '-4', 'addr', 'show'], { timeout: 3000 }, (err, out) => resolve(err ? '' : String(out))));
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return up;
  }
  if (!Array.isArray(parsed)) return up;
  const out = [...up];
  for (const link of parsed as { ifname?: string; address?: string; flags?: string[]; addr_info?: { local?: string; prefixlen?: number; family?: string }[] }[]) {
    for (const a of link.addr_info ?? []) {
      if (a.family !== 'inet' || !a.local || !link.ifname || out.some((i) => i.name === link.ifname && i.address === a.local)) continue;
      const bits = a.prefixlen ?? 32;
      const netmask = intToIpv4(bits === 0 ? 0 : (~0 << (32 - bits)) >>> 0);
      out.push({ name: link.ifname, address: a.local, netmask, cidr: `${a.local}/${bits}`, mac: link.address ?? '', internal: (link.flags ?? []).includes('LOOPBACK') });
    }
  }
  return out;
}

// ---- Serial ports (issue 5) ----------------------------------------------------------------------------

/** A serial port as the list shows it: plain words first, then the name the system uses. */
export function describePortForList(p: { path: string; manufacturer?: string | undefined; serialNumber?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }): {
  path: string;
  label: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
} {
  const chips: Record<string, string> = { '0403': 'FTDI', '10c4': 'Silicon Labs CP210x', '067b': 'Prolific PL2303', '1a86': 'WCH CH340', '0483': 'STMicroelectronics' };
  const chip = p.vendorId ? chips[p.vendorId.toLowerCase()] : undefined;
  const what = p.vendorId ? `USB serial adapter${chip ? ` (${chip})` : p.manufacturer ? ` (${p.manufacturer})` : ''}` : /ttyS\d+$/.test(p.path) ? 'Built-in serial port' : 'Serial port';
  const out: ReturnType<typeof describePortForList> = { path: p.path, label: `${what} — ${p.path}` };
  if (p.manufacturer) out.manufacturer = p.manufacturer;
  if (p.serialNumber) out.serialNumber = p.serialNumber;
  if (p.vendorId) out.vendorId = p.vendorId;
  if (p.productId) out.productId = p.productId;
  return out;
}

/** Explain a failure to open or use a serial port, with the fix for this OS. */
export function explainSerialError(err: unknown, portPath: string, platform: PlatformName = currentPlatform()): RbFault {
  const e = err as NodeJS.ErrnoException;
  const text = `${e?.code ?? ''} ${e?.message ?? String(err)}`;
  const details = text.trim();
  if (/ENOENT|No such file|cannot find the file|File not found/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_NOT_FOUND',
      message: `There is no serial port called ${portPath}.`,
      meaning: 'The adapter is not plugged in, or it has a different name on this computer.',
      fix: platform === 'win32' ? 'Plug the adapter in, then pick it from the list (Device Manager → Ports shows its COM number).' : platform === 'darwin' ? 'Plug the adapter in, then pick it from the list (on a Mac its name starts with /dev/cu.).' : 'Plug the adapter in, then pick it from the list (USB adapters are usually /dev/ttyUSB0 or /dev/ttyACM0).',
      details,
    });
  }
  if (/EACCES|EPERM|Permission denied|Access denied/i.test(text)) {
    return new RbFault({
      code: platform === 'win32' ? 'SERIAL_BUSY' : 'SERIAL_NOT_PERMITTED',
      message: platform === 'win32' ? `${portPath} is in use by another program.` : `This computer did not let Rescue Bench open ${portPath}.`,
      meaning: 'The console cannot talk to the router until this is fixed.',
      fix:
        platform === 'win32'
          ? 'Close PuTTY, a second Rescue Bench or any other serial program, then try again.'
          : platform === 'darwin'
            ? 'Close any other serial program (screen, CoolTerm), then try again.'
            : 'Add yourself to the group that owns serial ports, then log out and in again: sudo usermod -aG dialout "$USER"  (on Arch and Fedora the group is uucp or dialout).',
      details,
    });
  }
  if (/EBUSY|Resource busy|Cannot lock port/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_BUSY',
      message: `${portPath} is in use by another program.`,
      meaning: 'Two programs cannot read the same serial port.',
      fix: platform === 'linux' ? 'Close screen, minicom or picocom. If ModemManager grabs the adapter, stop it: sudo systemctl stop ModemManager' : 'Close the other serial program, then try again.',
      details,
    });
  }
  if (/EIO|Input\/output error|disconnected|device not configured|ENXIO/i.test(text)) {
    return new RbFault({
      code: 'SERIAL_UNPLUGGED',
      message: `The serial adapter (${portPath}) stopped answering.`,
      meaning: 'It was probably unplugged or lost power.',
      fix: 'Plug it back in; the console reconnects by itself.',
      details,
    });
  }
  return new RbFault({
    code: 'SERIAL_FAILED',
    message: `Rescue Bench could not use ${portPath}.`,
    meaning: 'The console is not connected.',
    fix: 'Unplug the adapter, plug it in again and reopen the port.',
    details,
  });
}

/** DTR/RTS/break on a port without modem lines (a pty, a 3-wire adapter): say so, do not crash. */
export function explainSignalsUnsupported(err: unknown, portPath: string): RbFault {
  return new RbFault({
    code: 'SERIAL_SIGNALS_UNSUPPORTED',
    message: `${portPath} does not support DTR, RTS or break.`,
    meaning: 'This port has no such lines (a virtual port, or an adapter wired with only TX, RX and ground). The console itself keeps working.',
    fix: 'Nothing to do unless your router needs DTR/RTS to reset: then use an adapter that has those pins wired.',
    details: (err as Error)?.message ?? String(err),
  });
}

/**
 * The command that adds the rescue address with the OS's own privilege prompt, or undefined where there is
 * none we can rely on. Linux: pkexec (polkit asks for the password); macOS: osascript "with administrator
 * privileges"; Windows: an elevated netsh through Start-Process -Verb RunAs (the UAC prompt).
 */
export function privilegedAddressCommand(platform: PlatformName, ifName: string, address = '192.168.1.10', hasProgram: (p: string) => boolean = programOnPath): [string, string[]] | undefined {
  const name = safeInterfaceName(platform, ifName);
  if (name === undefined || !/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address)) return undefined;
  if (platform === 'linux') return hasProgram('pkexec') ? ['pkexec', ['ip', 'addr', 'add', `${address}/24`, 'dev', name]] : undefined;
  if (platform === 'darwin') return ['osascript', ['-e', `do shell script "/sbin/ifconfig ${name} alias ${address} 255.255.255.0" with administrator privileges`]];
  // The name sits in a PowerShell single-quoted string, inside netsh's double quotes: the allow-list has no quote of either kind.
  return ['powershell.exe', ['-NoProfile', '-Command', `Start-Process netsh -Verb RunAs -Wait -ArgumentList 'interface ipv4 add address "${name}" ${address} 255.255.255.0'`]];
}

/**
 * An interface name that may go into a command line we build, or undefined. Checked by allow-list, never
 * "cleaned" (a cleaned name would address a different adapter). Linux and macOS: letters, digits and . : @ - _.
 * Windows adapter names are free text ("vEthernet (Default Switch)", "Подключение по локальной сети"): letters
 * and digits of any script, spaces and - _ . ( ) # * + , only. Nothing that PowerShell or netsh reads as a quote
 * (' " ` and the typographic U+2018–U+201E, which PowerShell also takes as quotes), a variable ($), an escape
 * (^ %), a separator (; & |) or a redirection (< >).
 */
export function safeInterfaceName(platform: PlatformName, ifName: string): string | undefined {
  if (platform === 'win32') return /^[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N} ._()#*+,-]{0,255}$/u.test(ifName) ? ifName : undefined;
  return /^[\w.:@-]{1,64}$/.test(ifName) ? ifName : undefined;
}

function programOnPath(name: string): boolean {
  const dirs = (process.env.PATH ?? '').split(path.delimiter);
  return dirs.some((d) => {
    try {
      return fsSync.statSync(path.join(d, name)).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * Is a serial port there right now? On Linux and macOS a port is a device node (a USB adapter's disappears when
 * it is unplugged; a symlink such as /dev/serial/by-id/… too). Windows COM ports are not files: ask the port list.
 */
export async function serialPortPresent(portPath: string, list: () => Promise<{ path: string }[]>, platform: PlatformName = currentPlatform()): Promise<boolean> {
  if (platform === 'win32') {
    try {
      return (await list()).some((p) => p.path.toUpperCase() === portPath.toUpperCase());
    } catch {
      return true; // cannot tell: do not call a working port unplugged
    }
  }
  return fsSync.existsSync(portPath);
}
