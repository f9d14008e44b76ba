/**
 * Who may send raw Ethernet frames (Netgear NMRP, Ethertype 0x0912), per OS, and what to tell a user who may not
 * (decision 0085). Pure functions with their inputs passed in, so every OS's texts are unit-tested here.
 *
 *   Linux    AF_PACKET needs CAP_NET_RAW. Grant it once to the app's binary: `setcap cap_net_raw+ep BINARY`,
 *            run through pkexec (the network assistant's privilege route). Built and tested here.
 *   macOS    BPF devices /dev/bpf*, which only root may open unless the admin group has been given read/write
 *            access — Wireshark's ChmodBPF launch daemon does that at every start; the same two commands run
 *            once through osascript "with administrator privileges" last until restart. UNTESTED (no Mac here).
 *   Windows  Npcap (npcap.com): the addon's Windows part (native/rawether/rawether_win.c, decision 0096) loads its
 *            wpcap.dll at run time, from System32\Npcap (any install) or System32 ("WinPcap API-compatible
 *            Mode", which we ask users to tick because other recovery tools such as nmrpflash need it). No
 *            permission step: Npcap's installer decides (its "administrators only" option needs the app run as
 *            administrator). UNTESTED on Windows: built from Npcap's documentation, compiled on Linux only.
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
    if (platform === 'win32')
      return {
        code: 'NMRP_NO_RAW_PRIVILEGE',
        message: 'Npcap did not let Rescue Bench send the recovery messages.',
        meaning: 'Netgear recovery (NMRP) speaks below the internet protocol, through Npcap, and Npcap was installed for administrators only ("Restrict Npcap driver\'s access to Administrators only").',
        fix: 'Close Rescue Bench and start it again with a right-click on its icon → "Run as administrator". Or run the Npcap installer again without that option.',
        ...d,
      };
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

/** Npcap as the addon found it: whether wpcap.dll loaded, and why not. */
export interface NpcapLoad {
  loaded: boolean;
  version?: string;
  error?: string;
}

/**
 * Why raw frames cannot work on this computer at all, before trying: the addon is not built, or (Windows) Npcap
 * is missing or could not be loaded (`npcap`: what its files say; `load`: what the addon said).
 */
export function rawFramesUnavailable(platform: PlatformName, why: 'not-built' | 'no-npcap', npcap?: NpcapState, load?: NpcapLoad): RbErrorShape {
  const details = load?.error !== undefined ? { details: load.error } : {};
  if (platform === 'win32' && why === 'no-npcap') {
    const tick = 'in its installer tick "Install Npcap in WinPcap API-compatible Mode" (other recovery tools such as nmrpflash need it too)';
    if (npcap?.installed || npcap?.winpcapCompatible)
      return {
        code: 'NMRP_NPCAP_BROKEN',
        message: 'Npcap is installed, but Rescue Bench could not use it.',
        meaning: 'Netgear recovery sends its messages to the router through Npcap, and its files could not be loaded (an old or damaged installation).',
        fix: `Install the current Npcap from npcap.com over the old one (${tick}), then start Rescue Bench again.`,
        ...details,
      };
    return {
      code: 'NMRP_NPCAP_MISSING',
      message: 'Npcap is not installed on this computer.',
      meaning: 'Netgear recovery talks to the router with raw network messages, and Windows sends those only through Npcap, a free network driver.',
      fix: `Install Npcap from npcap.com: ${tick}. Then start Rescue Bench again.`,
      ...details,
    };
  }
  if (platform === 'win32')
    return {
      code: 'NMRP_ADDON_MISSING',
      message: 'The Windows raw-frame part of Rescue Bench is missing.',
      meaning: 'Netgear recovery (NMRP) needs a small native part that sends raw network frames through Npcap; this copy was built without it.',
      fix: 'Install Rescue Bench again from its installer. Building it yourself: npm run build:native in a Visual Studio "Developer Command Prompt".',
    };
  return {
    code: 'NMRP_ADDON_MISSING',
    message: 'The raw-frame part of Rescue Bench is not built on this computer.',
    meaning: 'Netgear recovery (NMRP) needs a small native part that sends raw network frames; it is built with a C compiler at install time.',
    fix: platform === 'darwin' ? 'Install the Xcode command line tools (xcode-select --install), then run npm run build:native.' : 'Install a C compiler (sudo apt install gcc), then run npm run build:native.',
  };
}

/**
 * Where raw frames have not been tried on a real computer of this kind: said beside the first stage of a run.
 * Linux is built and tested here; macOS and Windows are built from their documentation (decisions 0085, 0096, 0097).
 */
export function rawFramesUntested(platform: PlatformName): string | undefined {
  if (platform === 'win32') return 'Netgear recovery on Windows (through Npcap) has not been tried on a real Windows computer yet. If it stops with an error, save the Details and send them to us; nmrpflash does the same job on Windows.';
  if (platform === 'darwin') return 'Netgear recovery on a Mac has not been tried on a real Mac yet. If it stops with an error, save the Details and send them to us; nmrpflash does the same job on macOS.';
  return undefined;
}
