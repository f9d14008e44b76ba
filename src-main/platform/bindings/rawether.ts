/**
 * Raw Ethernet frames of one Ethertype on one interface (Netgear NMRP; decisions 0085, 0096, 0097). `osRawEther` opens
 * them through the native addon: native/rawether/rawether.c on Linux (AF_PACKET, tested here) and macOS (BPF,
 * written from bpf(4), syntax-checked only), native/rawether/rawether_win.c on Windows (Npcap's wpcap.dll loaded at
 * run time, written from Npcap's documentation, compiled on Linux with mingw-w64 only). macOS and Windows are
 * UNTESTED on real computers, and a run says so (rawFramesUntested). `makeRawEther` takes the addon loader, so
 * every platform's path through this file is unit-tested with a fake addon (test/main/platform/rawether.test.ts).
 * `test-support/bindings/rawether-mock.ts` is a virtual cable with the same interface, for service tests.
 *
 * Errors are RbFaults in three parts (rawether-access.ts); the errno name stays in `details`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { RbFault } from '../../../src-shared/errors';
import { currentPlatform, type PlatformName } from '../host';
import { findAddon } from './native-addon';
import { npcapState, rawFrameFault, rawFramesUnavailable, type NpcapLoad, type NpcapState } from './rawether-access';

export interface RawEtherSocket {
  readonly interface: string;
  /** This interface's MAC, aa:bb:cc:dd:ee:ff. */
  readonly mac: string;
  /** Send one whole frame (destination, source, type, payload). Throws an RbFault (link down, no privilege). */
  send(frame: Uint8Array): void;
  /**
   * Every frame of the Ethertype arriving on the interface (not the ones this socket sent); `answered` when the
   * armed answer (`answer`) has already been sent to it.
   */
  onFrame(listener: (frame: Uint8Array, answered: boolean) => void): void;
  /**
   * Arm (or, with null, disarm) an answer sent without waiting for JavaScript: a frame to this interface's MAC whose
   * byte at `match.offset` is `match.value` gets `reply`, its destination set to the frame's source, from the
   * addon's reader thread; the first source answered is the only one answered afterwards. False where the addon
   * cannot (Windows' Npcap part): the caller answers itself. Decision 0108.
   */
  answer(match: { offset: number; value: number }, reply: Uint8Array | null): boolean;
  /**
   * Add (mac) or remove (null) a permanent neighbour (ARP) entry for `ip` on this interface, in-process (Linux
   * rtnetlink; needs CAP_NET_ADMIN, which root has). False where this is not available (macOS, Windows); throws an
   * RbFault when refused (EPERM: the caller takes the network assistant's privileged route). Decision 0109.
   */
  neighbour(ip: string, mac: string | null): boolean;
  /** The interface reported a problem (ENETDOWN while the link is down); the socket keeps listening. */
  onTrouble(listener: (errnoName: string) => void): void;
  /** Frames lost because the event loop was too slow to take them (queue full). */
  dropped(): number;
  close(): void;
}

export interface RawEtherFactory {
  /** 'os': this computer's interfaces; 'virtual': an in-memory cable (tests). */
  readonly kind: 'os' | 'virtual';
  /** Open `iface` for frames of `ethertype`. Throws an RbFault (no privilege, no such interface, no addon). */
  open(iface: string, ethertype: number): RawEtherSocket;
}

declare const handleBrand: unique symbol;
type Handle = { readonly [handleBrand]: true };
/** The addon's surface (rawether.c; rawether_win.c adds npcap and adapters). */
export interface RawEtherAddon {
  open(ifname: string, ethertype: number, onFrame: (frame: Buffer | null, err: string | null, answered?: boolean) => void): Handle;
  mac(h: Handle): Buffer;
  send(h: Handle, frame: Buffer): number;
  dropped(h: Handle): number;
  close(h: Handle): void;
  /** Linux and macOS: the reader thread's own answer (rawether.c). */
  answer?(h: Handle, offset: number, value: number, reply: Buffer | null): void;
  /** Linux: a permanent neighbour entry through rtnetlink (rawether.c). */
  neighbour?(ifname: string, ip: string, mac: Buffer | null): void;
  /** Linux SO_BINDTODEVICE / macOS IP_BOUND_IF on a socket's descriptor (station per-card listeners). */
  bindToDevice?(fd: number, ifname: string): void;
  /** Windows: whether wpcap.dll could be loaded (Npcap). */
  npcap?(): NpcapLoad;
  /** Windows: the adapters, friendly name and \Device\NPF_{GUID}. */
  adapters?(): Array<{ name: string; device: string; mac: string; description: string }>;
  abi: number;
}

export const RAWETHER_FILE = 'rb_rawether.node';
export const RAWETHER_ABI = 1;

export type AddonLoad = { ok: true; api: RawEtherAddon } | { ok: false; why: string };

/** What makeRawEther needs from this computer; tests pass their own. */
export interface RawEtherHost {
  platform(): PlatformName;
  /** Load the addon (called once, on the first open). */
  load(): AddonLoad;
  /** Windows: Npcap's files (System32\Npcap\wpcap.dll, System32\wpcap.dll). */
  npcapFiles(): NpcapState;
  /** The program that would need the permission (named in the fault). */
  binary(): string;
}

/** The addon from dist/native (or beside the app), checked for its ABI. */
export function loadRawEtherAddon(): AddonLoad {
  const file = findAddon(RAWETHER_FILE);
  if (!file) return { ok: false, why: 'not built (npm run build:native needs a C compiler)' };
  try {
    const api = createRequire(file)(file) as RawEtherAddon;
    return api.abi === RAWETHER_ABI ? { ok: true, api } : { ok: false, why: `${file} is from another version (abi ${String(api.abi)})` };
  } catch (err) {
    return { ok: false, why: `could not be loaded: ${err instanceof Error ? err.message : String(err)}` };
  }
}

/** The program that needs the raw-frame permission: the app's binary, or node for the command line. */
export function rawFrameBinary(): string {
  try {
    return fs.realpathSync(process.execPath);
  } catch {
    return process.execPath;
  }
}

function macText(b: Buffer): string {
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join(':');
}

function macBytes(mac: string): Buffer {
  const parts = mac.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{2}$/.test(p))) throw new RangeError(`not a MAC address: ${mac}`);
  return Buffer.from(parts.map((p) => parseInt(p, 16)));
}

function toBuffer(frame: Uint8Array): Buffer {
  return Buffer.isBuffer(frame) ? frame : Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
}

/** Raw frames through an addon `host.load()` gives: the same steps on every OS, Npcap checked first on Windows. */
export function makeRawEther(host: RawEtherHost): RawEtherFactory {
  let loaded: AddonLoad | undefined;
  const addon = (platform: PlatformName): RawEtherAddon => {
    loaded ??= host.load();
    if (!loaded.ok) throw new RbFault({ ...rawFramesUnavailable(platform, 'not-built'), details: loaded.why });
    if (platform === 'win32') {
      const npcap = loaded.api.npcap?.() ?? { loaded: false, error: 'this addon has no Npcap part (built for another system?)' };
      if (!npcap.loaded) throw new RbFault(rawFramesUnavailable('win32', 'no-npcap', host.npcapFiles(), npcap));
    }
    return loaded.api;
  };
  /** Windows: the adapters' names for a "no such adapter" fault (friendly names are what users see). */
  const known = (api: RawEtherAddon): string => {
    try {
      const list = api.adapters?.() ?? [];
      return list.length ? ` Adapters: ${list.map((a) => `"${a.name}" (${a.description}, ${a.mac})`).join('; ')}.` : '';
    } catch {
      return '';
    }
  };
  return {
    kind: 'os',
    open(iface, ethertype) {
      const platform = host.platform();
      const api = addon(platform);
      const frames: ((f: Uint8Array, answered: boolean) => void)[] = [];
      const troubles: ((e: string) => void)[] = [];
      const fault = (err: unknown): RbFault => {
        const e = err as { code?: string; message?: string };
        const code = e.code ?? 'EIO';
        const extra = platform === 'win32' && (code === 'ENODEV' || code === 'EINVAL') ? known(api) : '';
        return new RbFault(rawFrameFault(platform, code, iface, host.binary(), `${e.message ?? code}${extra}`));
      };
      let h: Handle;
      try {
        h = api.open(iface, ethertype, (frame, err, answered) => {
          if (frame) for (const l of frames) l(frame, answered === true);
          else if (err) for (const l of troubles) l(err);
        });
      } catch (err) {
        throw fault(err);
      }
      let closed = false;
      return {
        interface: iface,
        mac: macText(api.mac(h)),
        send(frame) {
          try {
            api.send(h, toBuffer(frame));
          } catch (err) {
            throw fault(err);
          }
        },
        answer(match, reply) {
          if (!api.answer || closed) return false;
          api.answer(h, match.offset, match.value, reply ? toBuffer(reply) : null);
          return true;
        },
        neighbour(ip, mac) {
          if (!api.neighbour) return false;
          const bytes = mac === null ? null : macBytes(mac);
          try {
            api.neighbour(iface, ip, bytes);
          } catch (err) {
            throw fault(err);
          }
          return true;
        },
        onFrame: (l) => void frames.push(l),
        onTrouble: (l) => void troubles.push(l),
        dropped: () => api.dropped(h),
        close() {
          if (closed) return;
          closed = true;
          api.close(h);
        },
      };
    },
  };
}

/** This computer's raw frames through the native addon. */
export const osRawEther: RawEtherFactory = makeRawEther({
  platform: currentPlatform,
  load: loadRawEtherAddon,
  npcapFiles: () => npcapState(process.env.SystemRoot ?? 'C:\\Windows', (p) => fs.existsSync(p)),
  binary: rawFrameBinary,
});
