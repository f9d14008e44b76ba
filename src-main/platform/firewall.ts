/**
 * Which firewall runs on this computer, and how to let a router's TFTP (UDP port 69 and the reply ports) through
 * it: the recovery flows name the one that is there instead of a list (issue 15). Read without privileges where
 * the OS allows it. Linux: ufw's own config file, firewalld's state over its CLI; other nftables/iptables rules
 * need root to read and are only named. macOS: the application firewall's global state. Windows: netsh's profile
 * state. Linux verified here; the macOS and Windows outputs are parsed as their documentation shows them.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { PlatformName } from './host';

export type FirewallName = 'ufw' | 'firewalld' | 'windows-defender' | 'macos-application-firewall';

export interface FirewallFinding {
  name: FirewallName;
  /** Plain words: "ufw is switched on". */
  what: string;
  /** How to let the router's TFTP through, for a person to do. */
  allow: string;
}

/** ufw's config file says ENABLED=yes. */
export function ufwEnabled(conf: string): boolean {
  return /^\s*ENABLED\s*=\s*yes\s*$/m.test(conf);
}
/** `netsh advfirewall show currentprofile state`: "State  ON". */
export function windowsFirewallOn(out: string): boolean {
  return /^\s*State\s+ON\s*$/im.test(out);
}
/** `socketfilterfw --getglobalstate`: "Firewall is enabled. (State = 1)". */
export function macFirewallOn(out: string): boolean {
  return /enabled/i.test(out) && !/disabled/i.test(out);
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve) => execFile(cmd, args, { timeout: 3000 }, (err, out) => resolve(err ? '' : String(out))));
}

export function firewallAllowWords(name: FirewallName, iface?: string): string {
  switch (name) {
    case 'ufw':
      return `sudo ufw allow${iface ? ` in on ${iface}` : ''} proto udp to any port 69, and for the transfer itself: sudo ufw allow${iface ? ` in on ${iface}` : ''} proto udp from 192.168.0.0/16 (remove both afterwards with sudo ufw status numbered and sudo ufw delete N)`;
    case 'firewalld':
      return 'sudo firewall-cmd --add-service=tftp (until the next restart of firewalld)';
    case 'windows-defender':
      return 'open "Allow an app through Windows Firewall", tick Rescue Bench for Private and Public networks';
    case 'macos-application-firewall':
      return 'open System Settings → Network → Firewall → Options and allow incoming connections for Rescue Bench';
  }
}

/** The firewalls found running (none found is not proof there is none: say so where it matters). */
export async function detectFirewalls(platform: PlatformName, iface?: string): Promise<FirewallFinding[]> {
  const out: FirewallFinding[] = [];
  const add = (name: FirewallName, what: string): void => void out.push({ name, what, allow: firewallAllowWords(name, iface) });
  if (platform === 'linux') {
    try {
      if (ufwEnabled(fs.readFileSync('/etc/ufw/ufw.conf', 'utf8'))) add('ufw', 'ufw (the Uncomplicated Firewall) is switched on');
    } catch {
      /* no ufw */
    }
    if ((await run('firewall-cmd', ['--state'])).trim() === 'running') add('firewalld', 'firewalld is running');
  } else if (platform === 'win32') {
    if (windowsFirewallOn(await run('netsh', ['advfirewall', 'show', 'currentprofile', 'state']))) add('windows-defender', 'Windows Defender Firewall is on');
  } else if (macFirewallOn(await run('/usr/libexec/ApplicationFirewall/socketfilterfw', ['--getglobalstate']))) add('macos-application-firewall', "macOS's firewall is on");
  return out;
}
