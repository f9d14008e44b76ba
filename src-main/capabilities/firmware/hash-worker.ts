/**
 * MD5 on the second core. Reading a 33 MiB image costs ~15 ms, SHA-256 ~25 ms, the structure pass ~30 ms and
 * MD5 ~70 ms; MD5 alone would blow the 150 ms budget, so it runs in a worker thread over the same
 * SharedArrayBuffer the file is read into, chunk by chunk as the read proceeds (no copies).
 * See docs/decisions/0040-firmware-inspector-read-once.md.
 */
import { Worker } from 'node:worker_threads';

// Besides the hash, the worker keeps a running zlib CRC-32 and records it at every chunk end ("checkpoints"),
// so the main thread can get the CRC of any prefix (the fwtool trailer's CRC covers all but the last bytes)
// by finishing from the nearest checkpoint instead of crossing the whole file again.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const crypto = require('node:crypto');
const zlib = require('node:zlib');
let view = null, hash = null, crc = 0, checkpoints = null;
parentPort.on('message', (m) => {
  if (m.op === 'begin') { view = new Uint8Array(m.sab); hash = crypto.createHash(m.algo); crc = 0; checkpoints = [[0, 0]]; }
  else if (m.op === 'update') {
    const part = view.subarray(m.start, m.end);
    hash.update(part);
    crc = zlib.crc32(part, crc) >>> 0;
    checkpoints.push([m.end, crc]);
  }
  else if (m.op === 'end') { parentPort.postMessage({ id: m.id, hex: hash.digest('hex'), checkpoints }); view = null; hash = null; checkpoints = null; }
});
`;

/** zlib CRC-32 values of the file's prefixes [0, offset), ascending by offset, starting with [0, 0]. */
export type CrcCheckpoints = [offset: number, crc: number][];

let shared: Worker | undefined;
/** RB_HASH_WORKER=0 keeps every hash on the main thread, =1 uses the worker even in the CLI (the benchmark compares both). */
let failed = process.env.RB_HASH_WORKER === '0';

/** One long-lived, unref'd worker per process (start-up costs ~30 ms, paid once). */
function worker(): Worker | undefined {
  if (failed) return undefined;
  if (!shared) {
    try {
      shared = new Worker(WORKER_SOURCE, { eval: true });
      shared.unref();
      shared.on('error', () => {
        failed = true;
        shared = undefined;
      });
    } catch {
      failed = true;
      return undefined;
    }
  }
  return shared;
}

/**
 * Keep hashing on the main thread. A one-shot process (the CLI) pays the worker's start-up (a second Node
 * environment, ~50-150 ms of CPU) once for one file, which costs more than MD5 on the other core saves
 * (benchmarks/inspect measures both, interleaved; see docs/benchmarks.md).
 */
export function hashOnMainThread(): void {
  if (process.env.RB_HASH_WORKER !== '1') failed = true;
}

let nextId = 1;
let busy: Promise<unknown> = Promise.resolve();

/**
 * A hash computed off the main thread over a SharedArrayBuffer. Falls back to the main thread when worker
 * threads are unavailable. Calls are serialised (one image at a time per worker).
 */
export class OffThreadHash {
  private w: Worker | undefined;
  private local: import('node:crypto').Hash | undefined;
  private id = nextId++;
  private done!: Promise<{ hex: string; checkpoints?: CrcCheckpoints }>;
  private release!: () => void;

  private constructor(private readonly view: Uint8Array) {}

  static async begin(algo: 'md5' | 'sha256', sab: SharedArrayBuffer): Promise<OffThreadHash> {
    const h = new OffThreadHash(new Uint8Array(sab));
    const prev = busy;
    busy = new Promise<void>((r) => (h.release = r));
    await prev;
    h.w = worker();
    if (h.w) {
      const w = h.w;
      h.done = new Promise((resolve, reject) => {
        const onMsg = (m: { id: number; hex: string; checkpoints: CrcCheckpoints }) => {
          if (m.id !== h.id) return;
          w.off('message', onMsg);
          w.off('error', reject);
          w.unref();
          resolve({ hex: m.hex, checkpoints: m.checkpoints });
        };
        w.on('message', onMsg);
        w.once('error', reject);
      });
      w.ref();
      w.postMessage({ op: 'begin', sab, algo });
    } else {
      const crypto = await import('node:crypto');
      h.local = crypto.createHash(algo);
    }
    return h;
  }

  update(start: number, end: number): void {
    if (this.w) this.w.postMessage({ op: 'update', start, end });
    else this.local!.update(this.view.subarray(start, end));
  }

  /** The hash; with the worker also the CRC checkpoints it recorded (none on the main-thread path). */
  async digest(): Promise<{ hex: string; checkpoints?: CrcCheckpoints }> {
    try {
      if (this.w) {
        this.w.postMessage({ op: 'end', id: this.id });
        return await this.done;
      }
      return { hex: this.local!.digest('hex') };
    } finally {
      this.release();
    }
  }
}
