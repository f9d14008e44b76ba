/**
 * Raw Ethernet frames of one Ethertype on one interface (Netgear NMRP; decision 0085). `osRawEther` opens them
 * through the native addon native/rawether (Linux AF_PACKET, tested here; macOS BPF, written from bpf(4) and
 * untested; Windows: not built, the fault names Npcap and its WinPcap-compatible option).
 * `test-support/bindings/rawether-mock.ts` is a virtual cable with the same interface, for service tests.
 *
 * Errors are RbFaults in three parts (rawether-access.ts); the errno name stays in `details`.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { RbFault } from '../../../src-shared/errors';
import { currentPlatform, type PlatformName } from '../host';
import { findAddon } from './native-addon';
import { npcapState, rawFrameFault, rawFramesUnavailable } from './rawether-access';

export interface RawEtherSocket {
  readonly interface: string;
  /** This interface's MAC, aa:bb:cc:dd:ee:ff. */
  readonly mac: string;
  /** Send one whole frame (destination, source, type, payload). Throws an RbFault (link down, no privilege). */
  send(frame: Uint8Array): void;
  /** Every frame of the Ethertype arriving on the interface (not the ones this socket sent). */
  onFrame(listener: (frame: Uint8Array) => void): void;
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
interface RawEtherAddon {
  open(ifname: string, ethertype: number, onFrame: (frame: Buffer | null, err: string | null) => void): Handle;
  mac(h: Handle): Buffer;
  send(h: Handle, frame: Buffer): number;
  dropped(h: Handle): number;
  close(h: Handle): void;
  abi: number;
}

export const RAWETHER_FILE = 'rb_rawether.node';
export const RAWETHER_ABI = 1;

let loaded: { ok: true; api: RawEtherAddon } | { ok: false; why: string } | undefined;

function addon(platform: PlatformName): RawEtherAddon {
  if (platform === 'win32') {
    const sys = process.env.SystemRoot ?? 'C:\\Windows';
    throw new RbFault(rawFramesUnavailable('win32', 'windows', npcapState(sys, (p) => fs.existsSync(p))));
  }
  if (!loaded) {
    const file = findAddon(RAWETHER_FILE);
    if (!file) loaded = { ok: false, why: 'not built (npm run build:native needs a C compiler)' };
    else
      try {
        const api = createRequire(file)(file) as RawEtherAddon;
        loaded = api.abi === RAWETHER_ABI ? { ok: true, api } : { ok: false, why: `${file} is from another version (abi ${String(api.abi)})` };
      } catch (err) {
        loaded = { ok: false, why: `could not be loaded: ${err instanceof Error ? err.message : String(err)}` };
      }
  }
  if (!loaded.ok) throw new RbFault({ ...rawFramesUnavailable(platform, 'not-built'), details: loaded.why });
  return loaded.api;
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

/** This computer's raw frames through the native addon. */
export const osRawEther: RawEtherFactory = {
  kind: 'os',
  open(iface, ethertype) {
    const platform = currentPlatform();
    const api = addon(platform);
    const frames: ((f: Uint8Array) => void)[] = [];
    const troubles: ((e: string) => void)[] = [];
    let h: Handle;
    try {
      h = api.open(iface, ethertype, (frame, err) => {
        if (frame) for (const l of frames) l(frame);
        else if (err) for (const l of troubles) l(err);
      });
    } catch (err) {
      const e = err as { code?: string; message?: string };
      throw new RbFault(rawFrameFault(platform, e.code ?? 'EIO', iface, rawFrameBinary(), e.message));
    }
    let closed = false;
    return {
      interface: iface,
      mac: macText(api.mac(h)),
      send(frame) {
        try {
          api.send(h, Buffer.isBuffer(frame) ? frame : Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength));
        } catch (err) {
          const e = err as { code?: string; message?: string };
          throw new RbFault(rawFrameFault(platform, e.code ?? 'EIO', iface, rawFrameBinary(), e.message));
        }
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
