/**
 * Firmware image inspection on this computer: read a file once (hashing while reading), run the pure
 * inspector over it, and build the report; plus chunked uploads into the data folder for the browser bench.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RbFault } from '../../../src-shared/errors';
import { inspectBytes, flattenFormats } from '../../../src-shared/parsers/image/inspect';
import { identifyImage } from '../../../src-shared/firmware/identify';
import { verdictFor, type DeviceFacts, type Verdict } from '../../../src-shared/firmware/verdict';
import { UPLOAD_CHUNK_BYTES, UPLOAD_MAX_BYTES, type InspectionReport } from '../../../src-shared/contract/firmware';
import type { ImageIdentity } from '../../../src-shared/firmware/identify';
import { nodeDigests } from './digests';
import { OffThreadHash, type CrcCheckpoints } from './hash-worker';
import zlib from 'node:zlib';
import type { Digests } from '../../../src-shared/parsers/image/types';

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
    throw new RbFault({ code: 'NOT_A_FILE', message: `${path.basename(file)} is not a file.`, meaning: 'It is a folder or a device, not a firmware image.', fix: 'Choose the image file itself (usually .bin, .img, .itb or .trx).', details: file });
  if (st.size > MAX_IMAGE_BYTES)
    throw new RbFault({
      code: 'IMAGE_TOO_BIG',
      message: `${path.basename(file)} is ${(st.size / 1024 / 1024).toFixed(0)} MiB: too big to be router firmware.`,
      meaning: 'Router firmware images are at most a few hundred MiB. This is probably a disk image or an archive of several files.',
      fix: 'Unpack it and choose the firmware image inside.',
    });
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
    return new RbFault({ code: 'FILE_NOT_FOUND', message: `There is no file at ${file}.`, meaning: 'It may have been moved, renamed or not downloaded yet.', fix: 'Check the name and folder, or drop the file onto this window.', details: err.message });
  if (err.code === 'EACCES' || err.code === 'EPERM')
    return new RbFault({ code: 'FILE_NOT_READABLE', message: `Rescue Bench may not read ${file}.`, meaning: 'The file belongs to another user or is protected.', fix: 'Copy the file into your own folder (for example Downloads) and choose the copy.', details: err.message });
  return new RbFault({ code: 'FILE_READ_FAILED', message: `Could not read ${file}.`, meaning: 'The disk or the file system reported an error.', fix: 'Copy the file somewhere else and try again.', details: `${err.code ?? ''} ${err.message}` });
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

export async function inspectFile(file: string): Promise<InspectionReport> {
  const startedAt = performance.now();
  const abs = path.resolve(file);
  const r = await readAndHash(abs);
  return reportFor(r.bytes, { fileName: path.basename(abs), path: abs, sha256: r.sha256, md5: r.md5, startedAt, ...(r.crcCheckpoints ? { crcCheckpoints: r.crcCheckpoints } : {}) });
}

interface Upload {
  id: string;
  fileName: string;
  file: string;
  size: number;
  received: number;
  fh: fs.promises.FileHandle;
  touched: number;
}

/** The firmware capability's service: inspection, verdicts, and uploads into <dataDir>/uploads. */
export class FirmwareService {
  private uploads = new Map<string, Upload>();
  constructor(private readonly dataDir: string) {}

  inspect(file: string): Promise<InspectionReport> {
    return inspectFile(file);
  }

  verdict(inspection: { fileName: string; identity: ImageIdentity; metadata: Record<string, unknown> | null }, device: DeviceFacts): Verdict {
    return verdictFor(inspection.identity, inspection.metadata, device, inspection.fileName);
  }

  get uploadDir(): string {
    return path.join(this.dataDir, 'uploads');
  }

  async beginUpload(fileName: string, size: number): Promise<{ uploadId: string; chunkBytes: number }> {
    if (size > UPLOAD_MAX_BYTES) throw tooBigUpload(size);
    await this.expireStale();
    const id = crypto.randomBytes(8).toString('hex');
    const safe = path.basename(fileName).replace(/[^\w.+-]/g, '_').slice(0, 120) || 'image.bin';
    await fs.promises.mkdir(path.join(this.uploadDir, id), { recursive: true });
    const file = path.join(this.uploadDir, id, safe);
    const fh = await fs.promises.open(file, 'w');
    this.uploads.set(id, { id, fileName: safe, file, size, received: 0, fh, touched: Date.now() });
    return { uploadId: id, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  async chunk(uploadId: string, offset: number, data: string): Promise<{ received: number }> {
    const u = this.get(uploadId);
    if (offset !== u.received)
      throw new RbFault({ code: 'UPLOAD_OUT_OF_ORDER', message: 'A piece of the file arrived out of order.', meaning: 'The connection to the workstation dropped or the page was reloaded during the upload.', fix: 'Drop the file again.', details: `expected offset ${u.received}, got ${offset}` });
    const bytes = Buffer.from(data, 'base64');
    if (u.received + bytes.length > u.size) {
      await this.cancel(uploadId);
      throw tooBigUpload(u.received + bytes.length);
    }
    await u.fh.write(bytes, 0, bytes.length, offset);
    u.received += bytes.length;
    u.touched = Date.now();
    return { received: u.received };
  }

  async finish(uploadId: string): Promise<InspectionReport> {
    const u = this.get(uploadId);
    await u.fh.close();
    this.uploads.delete(uploadId);
    if (u.received !== u.size)
      throw new RbFault({ code: 'UPLOAD_INCOMPLETE', message: 'The file did not arrive completely.', meaning: `Only ${u.received} of ${u.size} bytes arrived.`, fix: 'Drop the file again.' });
    const report = await inspectFile(u.file);
    return { ...report, fileName: u.fileName };
  }

  async cancel(uploadId: string): Promise<{ ok: true }> {
    const u = this.uploads.get(uploadId);
    if (u) {
      this.uploads.delete(uploadId);
      await u.fh.close().catch(() => undefined);
      await fs.promises.rm(path.dirname(u.file), { recursive: true, force: true });
    }
    return { ok: true };
  }

  async dispose(): Promise<void> {
    for (const id of [...this.uploads.keys()]) await this.cancel(id);
  }

  private get(id: string): Upload {
    const u = this.uploads.get(id);
    if (!u) throw new RbFault({ code: 'UPLOAD_UNKNOWN', message: 'The workstation does not know this upload.', meaning: 'It was finished, cancelled, or the workstation restarted.', fix: 'Drop the file again.' });
    return u;
  }

  /** Uploads idle for 10 minutes are abandoned (a closed browser tab). */
  private async expireStale(): Promise<void> {
    const now = Date.now();
    for (const u of [...this.uploads.values()]) if (now - u.touched > 10 * 60_000) await this.cancel(u.id);
  }
}

function tooBigUpload(size: number): RbFault {
  return new RbFault({
    code: 'UPLOAD_TOO_BIG',
    message: `This file is ${(size / 1024 / 1024).toFixed(0)} MiB; uploads are limited to ${UPLOAD_MAX_BYTES / 1024 / 1024} MiB.`,
    meaning: 'Router firmware is much smaller; this is probably not a firmware image.',
    fix: 'Choose the firmware image itself, or give its path on the workstation instead of uploading.',
  });
}
