/**
 * The native lock-step engine (native/lockstep, docs/decisions/0013-native-lockstep-engine.md): loaded once,
 * optional. Without it (no compiler at install, Windows, a failed load) every transfer uses the JavaScript
 * engine and `nativeLockstep().reason` says why, in plain words.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findAddon } from '../../platform/bindings/native-addon';

export type NativeOutcome = 'done' | 'timeout' | 'client-error' | 'protocol' | 'gone' | 'read-failed' | 'short-file' | 'cancelled' | 'socket-error';

export interface NativeResult {
  outcome: NativeOutcome;
  acked: number;
  retransmits: number;
  /** Blocks whose wait yielded before sleeping; probe rounds that chose the yielding wait, and that chose not to (decision 0013). */
  spunBlocks: number;
  choseSpin: number;
  choseSleep: number;
  sha256?: string;
  errno?: string;
  errnoText?: string;
  errorPacket?: Buffer;
  opcode?: number;
  length?: number;
}

declare const handleBrand: unique symbol;
export type NativeHandle = { readonly [handleBrand]: true };

/** The addon's surface (native/lockstep/lockstep.c). */
export interface NativeLockstepApi {
  /** `port`: bind to this port (0 or absent: any free one); ABI 4. */
  open(address: string, reuseAddr: boolean, port?: number): NativeHandle;
  port(h: NativeHandle): number;
  start(h: NativeHandle, peer: string, peerPort: number, fd: number, size: number, blksize: number, timeoutMs: number, retries: number, spinUs: number, oack: Buffer | null, done: (r: NativeResult) => void): void;
  progress(h: NativeHandle): [acked: number, retransmits: number];
  cancel(h: NativeHandle, tftpCode: number, text: string): void;
  dispose(h: NativeHandle): void;
  sha256(b: Buffer): string;
  /** The yielding wait's decision rule, for tests: 1 = wait, 0 = do not, -1 = probe on (lockstep.c, PROBE_BLOCKS). */
  probeVerdict(sleepRoundTrips: number[], spinBlocks: number, spinRoundTrips: number[]): 1 | 0 | -1;
  /** True when the CPU's SHA instructions hash what is sent (x86-64 SHA extensions). */
  shaAccelerated: boolean;
  abi: number;
}

export const NATIVE_FILE = 'rb_lockstep.node';
/** native/lockstep/lockstep.c's RB_LOCKSTEP_ABI: the API this file speaks. */
export const NATIVE_ABI = 4;

export type NativeStatus = { ok: true; api: NativeLockstepApi; path: string } | { ok: false; reason: string };

let cached: NativeStatus | undefined;

/** Load the engine once. RB_NATIVE=off turns it off (the CLI's `--engine js` does so per server). */
export function nativeLockstep(): NativeStatus {
  if (cached) return cached;
  if (process.env.RB_NATIVE === 'off') return (cached = { ok: false, reason: 'turned off (RB_NATIVE=off)' });
  if (process.platform !== 'linux' && process.platform !== 'darwin') return (cached = { ok: false, reason: `not available on ${process.platform === 'win32' ? 'Windows' : process.platform} yet` });
  const file = findAddon(NATIVE_FILE);
  if (!file) return (cached = { ok: false, reason: 'not built (npm run build:native needs a C compiler)' });
  try {
    const api = createRequire(file)(file) as NativeLockstepApi;
    if (api.abi !== NATIVE_ABI) return (cached = { ok: false, reason: `${file} is from another version (abi ${String(api.abi)})` });
    return (cached = { ok: true, api, path: file });
  } catch (err) {
    return (cached = { ok: false, reason: `could not be loaded: ${err instanceof Error ? err.message : String(err)}` });
  }
}
