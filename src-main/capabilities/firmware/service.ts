/**
 * Firmware image inspection on this computer: read a file once (hashing while reading), run the pure
 * inspector over it, and build the report; plus chunked uploads into the data folder for the browser bench.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fault, type RbFault } from '../../../src-shared/errors';
import { inspectBytes, flattenFormats } from '../../../src-shared/capabilities/firmware/image/inspect';
import { identifyImage } from '../../../src-shared/capabilities/firmware/identify';
import { verdictFor, type DeviceFacts, type Verdict } from '../../../src-shared/capabilities/firmware/verdict';
import { UPLOAD_CHUNK_BYTES, UPLOAD_MAX_BYTES, type InspectionReport } from '../../../src-shared/capabilities/firmware/contract';
import type { ImageIdentity } from '../../../src-shared/capabilities/firmware/identify';
import { nodeDigests } from './digests';
import { OffThreadHash, type CrcCheckpoints } from './hash-worker';
import zlib from 'node:zlib';
import type { Digests } from '../../../src-shared/capabilities/firmware/image/types';

/** Images larger than this are not router firmware (the biggest NAND slots are 128 MiB); refuse instead of reading. */
export const MAX_IMAGE_BYTES = 1024 * 1024 * 1024;
const READ_CHUNK = 4 * 1024 * 1024;

export interface ReadResult {
  bytes: Buffer;
  sha256: string;
  md5: string;
  /** CRC-32 of prefixes, recorded by the hash worker (absent when hashing ran on the main thread). */
  crcCheckpoints?: CrcCheckpoints;
}

/** Read a whole file once, feeding both hashes as the chunks arrive. */
export async function readAndHash(file: string): Promise<ReadResult> {
  let st: fs.Stats;
  try {
    st = await fs.promises.stat(file);
  } catch (err) {
    throw fileFault(file, err as NodeJS.ErrnoException);
  }
  if (!st.isFile())
    throw fault('NOT_A_FILE', { name: path.basename(file) }, { details: file });
  if (st.size > MAX_IMAGE_BYTES)
    throw fault('IMAGE_TOO_BIG', { what: 'file', name: path.basename(file), mib: Math.round(st.size / 1024 / 1024) });
  const fh = await fs.promises.open(file, 'r');
  // The file goes into shared memory once; SHA-256 runs here while MD5 runs on the other core (hash-worker.ts).
  const sab = new SharedArrayBuffer(st.size);
  const bytes = Buffer.from(sab);
  const md5 = await OffThreadHash.begin('md5', sab);
  try {
    const sha = crypto.createHash('sha256');
    let pos = 0;
    while (pos < st.size) {
      const { bytesRead } = await fh.read(bytes, pos, Math.min(READ_CHUNK, st.size - pos), pos);
      if (bytesRead === 0) break;
      md5.update(pos, pos + bytesRead);
      sha.update(bytes.subarray(pos, pos + bytesRead));
      pos += bytesRead;
    }
    // A file that shrank while we read it: inspect only what we got.
    const got = pos < st.size ? bytes.subarray(0, pos) : bytes;
    const m = await md5.digest();
    return { bytes: got, sha256: sha.digest('hex'), md5: m.hex, ...(m.checkpoints ? { crcCheckpoints: m.checkpoints } : {}) };
  } catch (err) {
    await md5.digest().catch(() => undefined);
    throw err;
  } finally {
    await fh.close();
  }
}

function fileFault(file: string, err: NodeJS.ErrnoException): RbFault {
  if (err.code === 'ENOENT')
    return fault('FILE_NOT_FOUND', { file }, { details: err.message });
  if (err.code === 'EACCES' || err.code === 'EPERM')
    return fault('FILE_NOT_READABLE', { file }, { details: err.message });
  return fault('FILE_READ_FAILED', { file }, { details: `${err.code ?? ''} ${err.message}` });
}

/** Inspect bytes already in memory (the CLI and service both end here). */
export function reportFor(bytes: Uint8Array, info: { fileName: string; path: string; sha256: string; md5: string; startedAt: number; crcCheckpoints?: CrcCheckpoints }): InspectionReport {
  const ins = inspectBytes(bytes, info.crcCheckpoints ? withPrefixCrc(bytes, info.crcCheckpoints) : nodeDigests);
  const identity = identifyImage(ins, info.sha256);
  return {
    fileName: info.fileName,
    path: info.path,
    size: ins.size,
    sha256: info.sha256,
    md5: info.md5,
    formats: flattenFormats(ins.structures) as InspectionReport['formats'],
    tree: ins.structures as InspectionReport['tree'],
    metadata: ins.metadata as InspectionReport['metadata'],
    warnings: ins.warnings,
    warningsMsg: ins.warningsMsg,
    layout: ins.layout,
    identity,
    elapsedMs: Math.round((performance.now() - info.startedAt) * 10) / 10,
  };
}

/** Node digests plus prefix CRCs finished from the worker's nearest checkpoint (≤ one read chunk of work). */
export function withPrefixCrc(bytes: Uint8Array, checkpoints: CrcCheckpoints): Digests {
  return {
    ...nodeDigests,
    crc32Prefix(end) {
      let best: [number, number] | undefined;
      for (const c of checkpoints) if (c[0] <= end && (!best || c[0] > best[0])) best = c;
      if (!best || end > bytes.length) return undefined;
      return zlib.crc32(bytes.subarray(best[0], end), best[1]) >>> 0;
    },
  };
}

/**
 * A counting semaphore with a bounded queue: `limit` jobs run, up to `queue` wait in order, one more is
 * refused at once with `busy()` (a screen that asks again and again cannot pile up work).
 */
export class Slots {
  active = 0;
  /** Most jobs seen running at once (for tests and the journal). */
  highWater = 0;
  private waiters: (() => void)[] = [];
  constructor(
    readonly limit: number,
    readonly queue: number,
    private readonly busy: () => Error,
  ) {}
  get waiting(): number {
    return this.waiters.length;
  }
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) {
      if (this.waiters.length >= this.queue) throw this.busy();
      await new Promise<void>((r) => this.waiters.push(r));
    } else {
      this.active++;
    }
    this.highWater = Math.max(this.highWater, this.active);
    try {
      return await job();
    } finally {
      const next = this.waiters.shift();
      if (next) next(); // the slot passes straight to the next job: active stays the same
      else this.active--;
    }
  }
}

/** Inspections running at once: each may hold a whole image (up to MAX_IMAGE_BYTES) in memory. */
export const INSPECT_CONCURRENCY = 2;
/** Inspections that may wait for a slot; one more is refused with INSPECT_BUSY. */
export const INSPECT_QUEUE = 8;

/** Shared by every inspection in this process: firmware.inspect, finished uploads and the CLI. */
export const inspectSlots = new Slots(
  INSPECT_CONCURRENCY,
  INSPECT_QUEUE,
  () =>
    fault('INSPECT_BUSY', { total: INSPECT_CONCURRENCY + INSPECT_QUEUE, gib: MAX_IMAGE_BYTES / 1024 / 1024 / 1024, running: INSPECT_CONCURRENCY, queued: INSPECT_QUEUE }),
);

export function inspectFile(file: string): Promise<InspectionReport> {
  return inspectSlots.run(async () => {
    const startedAt = performance.now();
    const abs = path.resolve(file);
    const r = await readAndHash(abs);
    return reportFor(r.bytes, { fileName: path.basename(abs), path: abs, sha256: r.sha256, md5: r.md5, startedAt, ...(r.crcCheckpoints ? { crcCheckpoints: r.crcCheckpoints } : {}) });
  });
}

interface Upload {
  id: string;
  fileName: string;
  /** The finished file's path; bytes are written to `${file}.part` until finish() renames it. */
  file: string;
  size: number;
  received: number;
  fh: fs.promises.FileHandle;
  touched: number;
}

/** Uploads in progress at once (each up to UPLOAD_MAX_BYTES on disk); one more is refused with UPLOAD_BUSY. */
export const MAX_ACTIVE_UPLOADS = 3;
/** Finished uploads kept (newest first) so their path stays usable; older ones are deleted. */
export const KEEP_FINISHED_UPLOADS = 3;
/** An upload without a chunk for this long is abandoned (a closed browser tab) and its partial file deleted. */
export const UPLOAD_IDLE_MS = 10 * 60_000;
const PART = '.part';

export interface FirmwareServiceOptions {
  /** Tests: shorter idle limit and sweep interval. */
  idleMs?: number;
  sweepMs?: number;
}

/** Upload folders of the FirmwareService instances alive in this process (tests run several in one process). */
const liveFolders = new Set<string>();

/** A process id that is no longer running (or never was): its upload folders are leftovers. */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The firmware capability's service: inspection, verdicts, and uploads into <dataDir>/uploads.
 * Uploads (decision 0006): each in its own folder `<pid>-<id>` (so two workstations sharing a data folder
 * leave each other's alone), written as `<name>.part` and renamed when complete; at most MAX_ACTIVE_UPLOADS
 * at once, idle ones reaped; the last KEEP_FINISHED_UPLOADS finished files are kept (their report's path
 * stays valid, e.g. for the TFTP server), older ones, this process's files on dispose and dead processes'
 * leftovers at start-up are deleted.
 */
export class FirmwareService {
  private uploads = new Map<string, Upload>();
  /** Folders of finished uploads, oldest first. */
  private finished: string[] = [];
  private readonly idleMs: number;
  private readonly sweep: NodeJS.Timeout;
  private readonly leftovers: Promise<void>;
  constructor(
    private readonly dataDir: string,
    opts: FirmwareServiceOptions = {},
  ) {
    this.idleMs = opts.idleMs ?? UPLOAD_IDLE_MS;
    this.sweep = setInterval(() => void this.expireStale().catch(() => undefined), opts.sweepMs ?? 60_000);
    this.sweep.unref();
    this.leftovers = this.removeLeftovers().catch(() => undefined);
  }

  inspect(file: string): Promise<InspectionReport> {
    return inspectFile(file);
  }

  verdict(inspection: { fileName: string; identity: ImageIdentity; metadata: Record<string, unknown> | null }, device: DeviceFacts): Verdict {
    return verdictFor(inspection.identity, inspection.metadata, device, inspection.fileName);
  }

  get uploadDir(): string {
    return path.join(this.dataDir, 'uploads');
  }

  /** Resolves once the start-up sweep of earlier processes' upload folders is done. */
  ready(): Promise<void> {
    return this.leftovers;
  }

  async beginUpload(fileName: string, size: number): Promise<{ uploadId: string; chunkBytes: number }> {
    if (size > UPLOAD_MAX_BYTES) throw tooBigUpload(size);
    await this.leftovers;
    await this.expireStale();
    if (this.uploads.size >= MAX_ACTIVE_UPLOADS)
      throw fault('UPLOAD_BUSY', { count: this.uploads.size, max: MAX_ACTIVE_UPLOADS, minutes: Math.round(this.idleMs / 60_000) });
    const id = crypto.randomBytes(8).toString('hex');
    const safe = path.basename(fileName).replace(/[^\w.+-]/g, '_').slice(0, 120) || 'image.bin';
    const folder = path.join(this.uploadDir, `${process.pid}-${id}`);
    await fs.promises.mkdir(folder, { recursive: true });
    liveFolders.add(folder);
    const file = path.join(folder, safe);
    const fh = await fs.promises.open(file + PART, 'w');
    this.uploads.set(id, { id, fileName: safe, file, size, received: 0, fh, touched: Date.now() });
    return { uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  async chunk(uploadId: string, offset: number, data: string): Promise<{ received: number }> {
    const u = this.get(uploadId);
    if (offset !== u.received)
      throw fault('UPLOAD_OUT_OF_ORDER', {}, { details: `expected offset ${u.received}, got ${offset}` });
    const bytes = Buffer.from(data, 'base64');
    if (u.received + bytes.length > u.size) {
      await this.cancel(uploadId);
      throw tooBigUpload(u.received + bytes.length);
    }
    u.touched = Date.now();
    await u.fh.write(bytes, 0, bytes.length, offset);
    u.received += bytes.length;
    u.touched = Date.now();
    return { received: u.received };
  }

  async finish(uploadId: string): Promise<InspectionReport> {
    const u = this.get(uploadId);
    this.uploads.delete(uploadId);
    await u.fh.close().catch(() => undefined);
    if (u.received !== u.size) {
      await removeFolder(path.dirname(u.file));
      throw fault('UPLOAD_INCOMPLETE', { received: u.received, size: u.size });
    }
    await fs.promises.rename(u.file + PART, u.file);
    this.finished.push(path.dirname(u.file));
    while (this.finished.length > KEEP_FINISHED_UPLOADS) await removeFolder(this.finished.shift()!);
    const report = await inspectFile(u.file);
    return { ...report, fileName: u.fileName };
  }

  async cancel(uploadId: string): Promise<{ ok: true }> {
    const u = this.uploads.get(uploadId);
    if (u) {
      this.uploads.delete(uploadId);
      await u.fh.close().catch(() => undefined);
      await removeFolder(path.dirname(u.file));
    }
    return { ok: true };
  }

  /** Stop: uploads in progress and the finished files this process kept are deleted. */
  async dispose(): Promise<void> {
    clearInterval(this.sweep);
    await this.leftovers;
    for (const id of [...this.uploads.keys()]) await this.cancel(id);
    for (const folder of this.finished.splice(0)) await removeFolder(folder);
  }

  private get(id: string): Upload {
    const u = this.uploads.get(id);
    if (!u) throw fault('UPLOAD_UNKNOWN');
    return u;
  }

  /** Uploads idle for idleMs are abandoned (a closed browser tab); runs before each new upload and every minute. */
  private async expireStale(): Promise<void> {
    const now = Date.now();
    for (const u of [...this.uploads.values()]) if (now - u.touched > this.idleMs) await this.cancel(u.id);
  }

  /**
   * Upload folders of processes that no longer run (a crash, a power cut, an older version's `<id>`
   * folders) are deleted at start-up. A folder named with this process's id is a leftover too (a
   * container restarts with the same pid), unless another instance in this process is using it.
   */
  private async removeLeftovers(): Promise<void> {
    let names: string[];
    try {
      names = await fs.promises.readdir(this.uploadDir);
    } catch {
      return;
    }
    for (const name of names) {
      const m = /^(\d+)-[0-9a-f]{16}$/.exec(name);
      const pid = m ? Number(m[1]) : undefined;
      const full = path.join(this.uploadDir, name);
      const leftover = pid === undefined || (pid === process.pid ? !liveFolders.has(full) : processGone(pid));
      if (leftover) await fs.promises.rm(full, { recursive: true, force: true });
    }
  }
}

async function removeFolder(folder: string): Promise<void> {
  liveFolders.delete(folder);
  await fs.promises.rm(folder, { recursive: true, force: true });
}

function tooBigUpload(size: number): RbFault {
  return fault('UPLOAD_TOO_BIG', { mib: Math.round(size / 1024 / 1024), limit: UPLOAD_MAX_BYTES / 1024 / 1024 });
}
