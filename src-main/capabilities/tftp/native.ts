/**
 * The native lock-step engine (native/lockstep, docs/decisions/0013-native-lockstep-engine.md): loaded once,
 * optional. Without it (no compiler at install, Windows, a failed load) every transfer uses the JavaScript
 * engine and `nativeLockstep().reason` says why, in plain words.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findAddon } from '../../platform/bindings/native-addon';
import { english } from '../../../src-shared/i18n';

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

/** Why not: `reason` in English (logs, --json) and `values` for the catalogue's `tftp.engine.why` (decision 0170). */
export type NativeStatus = { ok: true; api: NativeLockstepApi; path: string } | { ok: false; reason: string; values: NativeWhyValues };
export type NativeWhyValues = { why: 'off' | 'server' | 'platform' | 'notBuilt' | 'otherVersion' | 'loadFailed' | 'virtual' } & Record<string, string>;

/** The engine is not there, and why, as the catalogue says it. */
export function notNative(why: NativeWhyValues['why'], values: Record<string, string> = {}): NativeStatus & { ok: false } {
  const v: NativeWhyValues = { ...values, why };
  return { ok: false, reason: english('tftp.engine.why', v), values: v };
}

let cached: NativeStatus | undefined;

/** Load the engine once. RB_NATIVE=off turns it off (the CLI's `--engine js` does so per server). */
export function nativeLockstep(): NativeStatus {
  if (cached) return cached;
  if (process.env.RB_NATIVE === 'off') return (cached = notNative('off'));
  if (process.platform !== 'linux' && process.platform !== 'darwin') return (cached = notNative('platform', { platform: process.platform === 'win32' ? 'Windows' : process.platform }));
  const file = findAddon(NATIVE_FILE);
  if (!file) return (cached = notNative('notBuilt'));
  try {
    const api = createRequire(file)(file) as NativeLockstepApi;
    if (api.abi !== NATIVE_ABI) return (cached = notNative('otherVersion', { file, abi: String(api.abi) }));
    return (cached = { ok: true, api, path: file });
  } catch (err) {
    return (cached = notNative('loadFailed', { error: err instanceof Error ? err.message : String(err) }));
  }
}
