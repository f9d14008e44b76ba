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
import { fault, type RbErrorShape } from '../../../src-shared/errors';

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
  if (code === 'ENODEV' || code === 'ENXIO') return fault('NMRP_NO_INTERFACE', { iface }, d).toShape();
  if (code === 'EPERM' || code === 'EACCES') return fault('NMRP_NO_RAW_PRIVILEGE', { os: platform, command: `sudo setcap cap_net_raw+ep ${q(binary)}` }, d).toShape();
  if (code === 'ENETDOWN') return fault('NMRP_LINK_DOWN', { iface }, d).toShape();
  return fault('NMRP_RAW_FAILED', { iface }, d).toShape();
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
  if (platform === 'win32' && why === 'no-npcap')
    return fault(npcap?.installed || npcap?.winpcapCompatible ? 'NMRP_NPCAP_BROKEN' : 'NMRP_NPCAP_MISSING', {}, details).toShape();
  return fault('NMRP_ADDON_MISSING', { os: platform }).toShape();
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
