/**
 * Giving this computer the router's rescue address (192.168.1.x): the steps and the command a person types, and the
 * command run with the OS's own privilege prompt. Interface names go into those commands only through an allow-list.
 */
import fsSync from 'node:fs';
import path from 'node:path';
import type { PlatformName } from './host';
import { english } from '../../src-shared/i18n';

/**
 * How to give this computer a fixed address for the router's rescue network (failsafe answers only
 * 192.168.1.x), per OS, in plain steps plus the one command that does it. Linux verified in the test
 * namespaces; the Windows (netsh) and macOS (networksetup/ifconfig) forms are written from their docs.
 * The steps are the catalogue's `platform.rescueAddress.steps` (decision 0169): `values` (os, address, the
 * interface, the command) let the screen and the CLI say them in the person's language; `steps` is the English.
 */
export function rescueAddressHowTo(
  platform: PlatformName,
  ifName: string | undefined,
  address = '192.168.1.10',
): { steps: string; command: string; values: { os: string; named: 'yes' | 'no'; itf: string; address: string; command: string } } {
  // A name we would not type ourselves is not put into a command for the user to paste either.
  const safe = ifName === undefined ? (platform === 'win32' ? 'Ethernet' : platform === 'darwin' ? 'en0' : 'eth0') : safeInterfaceName(platform, ifName);
  const itf = safe ?? '<name of the wired connection>';
  const command =
    platform === 'win32'
      ? `netsh interface ipv4 add address "${itf}" ${address} 255.255.255.0`
      : platform === 'darwin'
        ? `sudo ifconfig ${itf} alias ${address} 255.255.255.0`
        : `sudo ip addr add ${address}/24 dev ${itf}`;
  const values = { os: platform === 'win32' || platform === 'darwin' ? platform : 'linux', named: safe === undefined ? ('no' as const) : ('yes' as const), itf: safe ?? '', address, command };
  return { steps: english('platform.rescueAddress.steps', values), command, values };
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
