/**
 * The backup's off-thread copy (decision 0125). On a station, eight backups at once used to do all their SSH
 * decryption, packet parsing, hashing and file writing on the one main thread, which the scheduler gives one
 * share of the CPU against eight busy SSH servers (and every other program); OpenSSH has a process per dump.
 * Here a small pool of worker threads (one per core, at most four) copies partitions: each job opens its own SSH
 * connection from the same address, accepts only the key the job's main session already checked, runs the read
 * command and hashes + writes the bytes into the `.partial` file. Everything else of the backup (discovery, the
 * router's own hash, the byte count, fsync, rename, manifest, faults) stays in backup.ts, the same for both paths.
 *
 * Falls back (null: the caller copies on the main thread) when there is no worker entry file, the worker cannot
 * start, or ssh2's native crypto did not load in it (its pure-JavaScript ciphers would be slower than the main
 * thread's native ones). A worker that dies fails its jobs with COPY_HELPER_FAILED at once, never a hang.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RbFault, fault } from '../../../src-shared/errors';
import type { SessionOptions } from '../../session';
import type { PullJobMessage } from './pull-worker';
import type { SinkAlgorithm } from './sink';

export interface OffThreadPullRequest {
  options: SessionOptions;
  cmd: string;
  file: string;
  algorithms: SinkAlgorithm[];
  idleTimeoutMs: number;
  onBytes?: (n: number) => void;
  signal?: AbortSignal;
}

export interface OffThreadPullResult {
  bytes: number;
  digests: Partial<Record<SinkAlgorithm, string>>;
  code: number;
  stderr: string;
}

interface Pending {
  resolve(r: OffThreadPullResult): void;
  reject(e: Error): void;
  onBytes?: (n: number) => void;
}

interface Slot {
  worker: Worker;
  ready: Promise<boolean>;
  jobs: Map<number, Pending>;
}

type Reply =
  | { type: 'ready'; nativeCrypto: boolean }
  | { type: 'bytes'; id: number; n: number }
  | ({ type: 'done'; id: number } & OffThreadPullResult)
  | { type: 'fail'; id: number; error?: ConstructorParameters<typeof RbFault>[0]; errno?: string; message: string };

const MAX_WORKERS = Math.max(1, Math.min(os.availableParallelism?.() ?? os.cpus().length, 4));
const workers: Slot[] = [];
let disabled = false;
let nextId = 1;

/**
 * How to start the worker: the bundle's pull-worker.cjs / .mjs beside the code (scripts/build-node.mjs), else,
 * from the TypeScript sources (development, tests, the benchmarks), pull-worker.ts through tsx's require hook
 * (tsx's ESM loader does not reach worker threads on Node 20).
 */
export function pullWorkerEntry(): { file: string; eval?: string } | undefined {
  let here: string | undefined;
  try {
    here = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    here = typeof __dirname === 'string' ? __dirname : undefined;
  }
  const given = process.env.RB_PULL_WORKER_ENTRY; // a built pull-worker.mjs/.cjs (the benchmark runs sources with the bundle's worker)
  if (given && fs.existsSync(given)) return { file: given };
  if (!here) return undefined;
  for (const f of [path.join(here, 'pull-worker.cjs'), path.join(here, 'pull-worker.mjs'), path.join(here, '..', 'pull-worker.mjs')]) if (fs.existsSync(f)) return { file: f };
  const ts = path.join(here, 'pull-worker.ts');
  if (!fs.existsSync(ts)) return undefined;
  try {
    const tsx = createRequire(ts).resolve('tsx/cjs');
    return { file: ts, eval: `require(${JSON.stringify(tsx)}); require(${JSON.stringify(ts)});` };
  } catch {
    return undefined;
  }
}

function failAll(slot: Slot, details: string): void {
  const i = workers.indexOf(slot);
  if (i >= 0) workers.splice(i, 1);
  for (const p of slot.jobs.values()) p.reject(fault('COPY_HELPER_FAILED', {}, { details }));
  slot.jobs.clear();
}

function start(): Slot | undefined {
  const entry = pullWorkerEntry();
  if (!entry) return undefined;
  let worker: Worker;
  try {
    worker = entry.eval ? new Worker(entry.eval, { eval: true }) : new Worker(entry.file);
  } catch {
    return undefined;
  }
  worker.unref();
  let readyFn!: (ok: boolean) => void;
  const slot: Slot = { worker, jobs: new Map(), ready: new Promise((r) => (readyFn = r)) };
  worker.on('message', (m: Reply) => {
    if (m.type === 'ready') return readyFn(m.nativeCrypto);
    const p = slot.jobs.get(m.id);
    if (!p) return;
    if (m.type === 'bytes') return p.onBytes?.(m.n);
    slot.jobs.delete(m.id);
    if (!slot.jobs.size) worker.unref();
    if (m.type === 'done') p.resolve({ bytes: m.bytes, digests: m.digests, code: m.code, stderr: m.stderr });
    else if (m.error) p.reject(new RbFault(m.error));
    else p.reject(Object.assign(new Error(m.message), m.errno ? { code: m.errno } : {}));
  });
  worker.on('error', (err) => {
    readyFn(false);
    failAll(slot, `the copy thread failed: ${err.message}`);
  });
  worker.on('exit', (code) => {
    readyFn(false);
    failAll(slot, `the copy thread ended (exit code ${code})`);
  });
  workers.push(slot);
  return slot;
}

/** The least busy worker, a new one while there are fewer than MAX_WORKERS and all are busy. */
function pick(): Slot | undefined {
  const idle = workers.find((w) => w.jobs.size === 0);
  if (idle) return idle;
  if (workers.length < MAX_WORKERS) return start();
  return workers.reduce<Slot | undefined>((a, b) => (!a || b.jobs.size < a.jobs.size ? b : a), undefined);
}

/**
 * Copy one partition off the main thread. Resolves like drainToFile + Pull.done together; rejects with the
 * same faults as the main-thread path (SESSION_LOST, a file system error with its `code`, CANCELLED...), or
 * COPY_HELPER_FAILED when the worker died. null: no worker here, copy on the main thread instead.
 */
export async function pullOffThread(req: OffThreadPullRequest): Promise<OffThreadPullResult | null> {
  if (disabled) return null;
  const slot = pick();
  if (!slot) {
    disabled = true;
    return null;
  }
  if (!(await slot.ready)) {
    // ssh2 without its native crypto in a worker: the main thread is quicker; say no once and for all
    disabled = true;
    if (workers.includes(slot)) void slot.worker.terminate();
    failAll(slot, 'no native crypto in the copy thread');
    return null;
  }
  const id = nextId++;
  const msg: PullJobMessage = { type: 'pull', id, options: req.options, cmd: req.cmd, file: req.file, algorithms: req.algorithms, idleTimeoutMs: req.idleTimeoutMs };
  return new Promise<OffThreadPullResult>((resolve, reject) => {
    const onAbort = (): void => slot.worker.postMessage({ type: 'abort', id });
    const done = (): void => req.signal?.removeEventListener('abort', onAbort);
    slot.jobs.set(id, {
      resolve: (r) => {
        done();
        resolve(r);
      },
      reject: (e) => {
        done();
        reject(e);
      },
      ...(req.onBytes ? { onBytes: req.onBytes } : {}),
    });
    slot.worker.ref();
    slot.worker.postMessage(msg);
    if (req.signal?.aborted) onAbort();
    else req.signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Tests: the running copy threads (to end one mid-copy), and a fresh start. */
export const pullPoolForTests = {
  workers: (): Worker[] => workers.map((w) => w.worker),
  reset(): void {
    disabled = false;
  },
};
