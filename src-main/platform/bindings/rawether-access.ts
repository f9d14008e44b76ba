/**
 * Who may send raw Ethernet frames (Netgear NMRP, Ethertype 0x0912), per OS, and what to tell a user who may not
 * (decision 0085). Pure functions with their inputs passed in, so every OS's texts are unit-tested here.
 *
 *   Linux    AF_PACKET needs CAP_NET_RAW. Grant it once to the app's binary: `setcap cap_net_raw+ep BINARY`,
 *            run through pkexec (the network assistant's privilege route). Built and tested here.
 *   macOS    BPF devices /dev/bpf*, which only root may open unless the admin group has been given read/write
 *            access — Wireshark's ChmodBPF launch daemon does that at every start; the same two commands run
 *            once through osascript "with administrator privileges" last until restart. UNTESTED (no Mac here).
 *   Windows  Npcap (npcap.com), installed with "Install Npcap in WinPcap API-compatible Mode". Detected from its
 *            DLLs; the raw-frame addon itself is not built for Windows yet, and the fault says so. UNTESTED.
 */
import type { PlatformName } from '../host';
import type { RbErrorShape } from '../../../src-shared/errors';

/** CAP_NET_RAW is bit 13 of the capability sets in /proc/self/status (capability.h). */
const CAP_NET_RAW = 13n;

/** Whether the effective capabilities in a /proc/<pid>/status text include CAP_NET_RAW (root has them all). */
export function hasCapNetRaw(procStatus: string): boolean {
  const m = /^CapEff:\s*([0-9a-f]+)\s*$/im.exec(procStatus);
  if (!m) return false;
  return ((BigInt(`0x${m[1]}`) >> CAP_NET_RAW) & 1n) === 1n;
}

export interface NpcapState {
  installed: boolean;
  /** wpcap.dll in System32 itself: "WinPcap API-compatible Mode" was chosen at install. */
  winpcapCompatible: boolean;
}

/** Npcap from its files (npcap.com guide, "Installation"): System32\Npcap\wpcap.dll, and System32\wpcap.dll in compatible mode. */
export function npcapState(systemRoot: string, exists: (p: string) => boolean): NpcapState {
  const root = systemRoot.replace(/[\\/]+$/, '');
  return { installed: exists(`${root}\\System32\\Npcap\\wpcap.dll`), winpcapCompatible: exists(`${root}\\System32\\wpcap.dll`) };
}

/** The command that grants raw frames with the OS's own prompt, or undefined where none applies. */
export function grantRawFramesCommand(platform: PlatformName, binary: string, hasProgram: (p: string) => boolean): [string, string[]] | undefined {
  if (platform === 'linux') {
    if (!hasProgram('pkexec') || !hasProgram('setcap') || !binary.startsWith('/')) return undefined;
    return ['pkexec', ['setcap', 'cap_net_raw+ep', binary]];
  }
  if (platform === 'darwin') return ['osascript', ['-e', 'do shell script "/usr/bin/chgrp admin /dev/bpf* && /bin/chmod g+rw /dev/bpf*" with administrator privileges']];
  return undefined;
}

function q(s: string): string {
  return /^[\w./@:+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * The fault for a raw-frame open that failed with `code` (an errno name from the addon). `binary` is the program
 * that would need the permission (the app, or node for the command line).
 */
export function rawFrameFault(platform: PlatformName, code: string, iface: string, binary: string, details?: string): RbErrorShape {
  const d = details !== undefined ? { details } : {};
  if (code === 'ENODEV' || code === 'ENXIO')
    return {
      code: 'NMRP_NO_INTERFACE',
      message: `This computer has no network connection called "${iface}".`,
      meaning: 'Netgear recovery talks to the router through one wired connection, and this name does not exist (any more).',
      fix: 'Plug the cable into this computer, then pick the wired connection from the list again (its name can change when an adapter is re-plugged).',
      ...d,
    };
  if (code === 'EPERM' || code === 'EACCES') {
    if (platform === 'darwin')
      return {
        code: 'NMRP_NO_RAW_PRIVILEGE',
        message: 'macOS did not let Rescue Bench send the recovery messages.',
        meaning: 'Netgear recovery (NMRP) speaks below the internet protocol, through the packet filter devices (/dev/bpf*), which only administrators may open.',
        fix: 'Press "Allow" and enter your password: it gives the admin group access until the next restart (what Wireshark\'s ChmodBPF does at every start — installing Wireshark with ChmodBPF makes it permanent). Or in Terminal: sudo chgrp admin /dev/bpf* && sudo chmod g+rw /dev/bpf*',
        ...d,
      };
    return {
      code: 'NMRP_NO_RAW_PRIVILEGE',
      message: 'This computer did not let Rescue Bench send the recovery messages.',
      meaning: 'Netgear recovery (NMRP) speaks below the internet protocol and needs the permission to send raw network frames (CAP_NET_RAW), which normal programs do not have.',
      fix: `Press "Allow" and enter your password: it gives this program that one permission, once. Or in a terminal: sudo setcap cap_net_raw+ep ${q(binary)} — then start it again.`,
      ...d,
    };
  }
  if (code === 'ENETDOWN')
    return {
      code: 'NMRP_LINK_DOWN',
      message: `The connection "${iface}" is switched off.`,
      meaning: 'No messages can go to the router through a connection that is down.',
      fix: 'Switch the wired connection on (or plug its cable in) and try again.',
      ...d,
    };
  return {
    code: 'NMRP_RAW_FAILED',
    message: `Rescue Bench could not open "${iface}" for the recovery messages.`,
    meaning: 'Netgear recovery needs to send and receive raw network frames on that connection.',
    fix: 'Check that the connection is a wired Ethernet adapter and try again; if it keeps failing, save the Details and send them to us.',
    ...d,
  };
}

/** Why raw frames cannot work on this computer at all, before trying (no addon, Windows without Npcap). */
export function rawFramesUnavailable(platform: PlatformName, why: 'not-built' | 'windows', npcap?: NpcapState): RbErrorShape {
  if (platform === 'win32') {
    const install = !npcap?.installed
      ? 'Install Npcap from npcap.com and, in its installer, tick "Install Npcap in WinPcap API-compatible Mode".'
      : !npcap.winpcapCompatible
        ? 'Npcap is installed without "WinPcap API-compatible Mode": run its installer again and tick that option.'
        : 'Npcap is installed correctly.';
    return {
      code: 'NMRP_NOT_ON_WINDOWS',
      message: 'Netgear recovery does not run on Windows in this version.',
      meaning: `It needs raw network frames through Npcap, and this version of Rescue Bench does not have that part for Windows yet. ${install}`,
      fix: 'Use Rescue Bench on a Linux computer for this router, or nmrpflash on Windows (it needs the same Npcap).',
    };
  }
  return {
    code: 'NMRP_ADDON_MISSING',
    message: 'The raw-frame part of Rescue Bench is not built on this computer.',
    meaning: 'Netgear recovery (NMRP) needs a small native part that sends raw network frames; it is built with a C compiler at install time.',
    fix: platform === 'darwin' ? 'Install the Xcode command line tools (xcode-select --install), then run npm run build:native.' : 'Install a C compiler (sudo apt install gcc), then run npm run build:native.',
  };
}
