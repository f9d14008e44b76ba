import fs from 'node:fs';
import path from 'node:path';
import type { BackupProgress, BackupResult, Manifest, ManifestPartition } from '../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo, Partition } from '../../../src-shared/capabilities/device';
import { ManifestSchema } from '../../../src-shared/capabilities/flash/contract';
import { RbFault, fault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import { APP_NAME, APP_VERSION } from '../../version';
import type { Session } from '../../session';
import { routerHasNoNcFault } from '../../session/faults';
import { inspectDevice } from '../device';
import { MANIFEST_FILE, manifestNameProblems } from '../../../src-shared/capabilities/flash/backup-files';
import { BACKUP_DIR_MODE, BACKUP_FILE_MODE, partitionFileName, syncDir, writeFileAtomic } from './files';
import { drainToFile, type SinkAlgorithm } from './sink';
import type { OffThreadPullResult } from './pull-pool';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { said, type Said } from '../../../src-shared/i18n/said';

/**
 * One backup job: every partition (or the failed ones of an earlier run) streamed straight to disk.
 *  - NOR: the mtd char device. NAND: `nanddump --bb=skipbad` (bad blocks skipped and listed) when the router
 *    has it, else the char device with a warning (bad blocks are neither skipped nor marked).
 *  - sha256 + md5 computed here as bytes arrive; the router's own sha256sum (or md5sum) of the same read
 *    is compared when it has one.
 *  - Each file goes to `<name>.partial`, is fsynced and renamed only when complete and verified; a failed
 *    partition's partial file is deleted, so nothing incomplete ever looks like a good backup.
 *  - A dropped link or a full disk fails that partition; the job reconnects and continues with the rest.
 *  - manifest.json is rewritten atomically after every partition.
 */
export interface BackupJobOptions {
  backupId: string;
  dir: string;
  /** Names or mtdN; empty = all. */
  only?: string[];
  retryFailed?: boolean;
  /** Let the router hash each partition itself (a second read on the router) and compare. Default true. */
  routerHash?: boolean;
  host: string;
  open: () => Promise<Session>;
  emitProgress: (p: BackupProgress) => void;
  emitPartition: (p: ManifestPartition) => void;
  signal: AbortSignal;
  /** Milliseconds between progress events (default 250). */
  progressEveryMs?: number;
  /**
   * Copy a partition off the main thread (pull-pool.ts, decision 0125): given the read command, the `.partial`
   * file and the key the main session checked; null = not available now, copy on the main thread.
   */
  pullOffThread?: (req: { cmd: string; file: string; algorithms: SinkAlgorithm[]; expectHostKey: string; routerMac?: string; idleTimeoutMs: number; onBytes: (n: number) => void; signal: AbortSignal }) => Promise<OffThreadPullResult | null>;
}

/**
 * The router's own hash of a partition, stoppable: the pipeline runs in the background and the shell waits
 * for it, so a cancel (SIGTERM from SSH, SIGINT from the telnet terminal's Ctrl-C) reaches the trap, which
 * kills the hasher; the reader then dies of SIGPIPE. Without this a cancelled backup left the router
 * reading and hashing the whole partition (over SSH only the shell gets the signal).
 */
export function routerHashCommand(readCmd: string, algorithm: 'sha256' | 'md5'): string {
  return `trap 'kill $p 2>/dev/null' INT TERM HUP; ${readCmd} 2>/dev/null | ${algorithm}sum & p=$!; wait $p`;
}

export function readManifest(dir: string): Manifest {
  const file = path.join(dir, MANIFEST_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw fault('NO_MANIFEST', { dir }, { details: (err as Error).message });
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success)
    throw fault('BAD_MANIFEST', { dir, why: 'damaged' }, { details: parsed.error.message.slice(0, 2000) });
  const names = manifestNameProblems(parsed.data);
  if (names.length)
    throw fault('BAD_MANIFEST', { dir, why: 'names' }, { details: names.slice(0, 20).join('\n') });
  return parsed.data;
}

function select(parts: Partition[], only: string[] | undefined): Partition[] {
  if (!only || !only.length) return parts;
  const out: Partition[] = [];
  for (const key of only) {
    const m = /^mtd(\d+)$/.exec(key);
    const p = m ? parts.find((x) => x.index === Number(m[1])) : parts.find((x) => x.name === key);
    if (!p)
      throw fault('NO_SUCH_PARTITION', { name: key, at: 'none', names: parts.map((x) => x.name).join(', ') });
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

class RateMeter {
  private samples: Array<[number, number]> = [];
  add(t: number, work: number): void {
    this.samples.push([t, work]);
    while (this.samples.length > 2 && t - this.samples[0]![0] > 3000) this.samples.shift();
  }
  rate(): number {
    if (this.samples.length < 2) return 0;
    const [t0, w0] = this.samples[0]!;
    const [t1, w1] = this.samples[this.samples.length - 1]!;
    return t1 > t0 ? ((w1 - w0) * 1000) / (t1 - t0) : 0;
  }
}

export async function runBackup(o: BackupJobOptions): Promise<BackupResult> {
  const started = Date.now();
  const every = o.progressEveryMs ?? 250;
  let session: Session | undefined;
  let info: DeviceInfo | undefined;
  let totalSize = 0;
  let totalDone = 0;
  let workDone = 0;
  let workTotal = 0;
  const meter = new RateMeter();
  let lastEmit = 0;
  const progress = (phase: BackupProgress['phase'], extra: Partial<BackupProgress> = {}, force = false): void => {
    const now = Date.now();
    if (!force && now - lastEmit < every) return;
    lastEmit = now;
    meter.add(now, workDone);
    const rate = meter.rate();
    const workLeft = Math.max(0, workTotal - workDone);
    // Report the copy rate (what the user cares about), estimate time from all work left (router hashing too).
    const copyShare = workTotal > 0 ? totalSize / workTotal : 1;
    o.emitProgress({ backupId: o.backupId, dir: o.dir, phase, totalDone, totalSize, rate: rate * copyShare, etaMs: rate > 0 ? Math.round((workLeft / rate) * 1000) : null, ...extra });
  };

  let manifest: Manifest | undefined;
  const failedNames: string[] = [];
  try {
    progress('connecting', {}, true);
    session = await o.open();
    progress('discovering', {}, true);
    info = await inspectDevice(session);
    // Over telnet every byte travels through the router's nc: without it, say so once, before any file exists.
    if (session.method === 'telnet' && !info.tools.nc) throw routerHasNoNcFault(o.host, 'the router has neither `nc` nor `busybox nc`');

    let previous: Manifest | undefined;
    if (o.retryFailed) previous = readManifest(o.dir);
    else if (fs.existsSync(o.dir) && fs.readdirSync(o.dir).length)
      throw fault('BACKUP_DIR_NOT_EMPTY', { dir: o.dir });
    // Flash dumps hold Wi-Fi keys and password hashes: the folder is the owner's only (an existing one too).
    fs.mkdirSync(o.dir, { recursive: true, mode: BACKUP_DIR_MODE });
    fs.chmodSync(o.dir, BACKUP_DIR_MODE);

    let todo: Partition[];
    if (previous) {
      const bad = new Set(previous.partitions.filter((p) => p.status !== 'ok' || !p.file || !fs.existsSync(path.join(o.dir, p.file))).map((p) => p.index));
      todo = info.partitions.filter((p) => bad.has(p.index));
    } else todo = select(info.partitions, o.only);

    const now = new Date().toISOString();
    manifest = previous
      ? { ...previous, updatedAt: now }
      : {
          format: 'rescue-bench-backup/1',
          tool: { name: APP_NAME, version: APP_VERSION },
          createdAt: now,
          device: { host: o.host, method: session.method, identity: info.identity, ...(info.env ? { env: info.env } : {}) },
          partitions: [],
          complete: false,
        };
    const m = manifest;
    const save = (): void => {
      m.partitions.sort((a, b) => a.index - b.index);
      m.complete = m.partitions.length > 0 && m.partitions.every((p) => p.status === 'ok');
      writeFileAtomic(path.join(o.dir, MANIFEST_FILE), JSON.stringify(m, null, 2) + '\n');
    };
    const record = (entry: ManifestPartition): void => {
      const i = m.partitions.findIndex((p) => p.index === entry.index);
      if (i >= 0) m.partitions[i] = entry;
      else m.partitions.push(entry);
      save();
      o.emitPartition(entry);
    };

    const hashOnRouter = o.routerHash === false ? null : info.tools.sha256sum ? 'sha256' : info.tools.md5sum ? 'md5' : null;
    totalSize = todo.reduce((s, p) => s + p.size, 0);
    workTotal = totalSize * (hashOnRouter ? 2 : 1);
    let sessionBroken = false;

    for (let k = 0; k < todo.length; k++) {
      const part = todo[k]!;
      const base: ManifestPartition = { index: part.index, name: part.name, size: part.size, erasesize: part.erasesize, type: part.type, offset: part.offset, readOnly: part.readOnly, file: null, sha256: null, md5: null, badBlocks: [], status: 'failed' };
      const position = { position: k + 1, count: todo.length };
      const pinfo = (done: number) => ({ partition: { index: part.index, name: part.name, done, size: part.size }, ...position });
      if (o.signal.aborted) {
        record({ ...base, error: fault('CANCELLED', { what: 'backupBefore' }).toShape() });
        failedNames.push(part.name);
        continue;
      }
      if (sessionBroken) {
        try {
          session = await o.open();
          sessionBroken = false;
        } catch (err) {
          record({ ...base, error: toErrorShape(err) });
          failedNames.push(part.name);
          continue;
        }
      }
      const s = session!;
      // English in the manifest as before; the ids + values beside, for the screen and the CLI (decision 0182)
      const warnings: string[] = [];
      const warningsMsg: SaidMessage[] = [];
      const warn = (w: Said): void => {
        warnings.push(w.text);
        warningsMsg.push(w.msg);
      };
      let readCmd: string;
      let readWith: string;
      const nand = part.type === 'nand';
      if (nand && info.tools.nanddump) {
        readCmd = `nanddump --bb=skipbad /dev/mtd${part.index}`;
        readWith = 'nanddump --bb=skipbad';
      } else {
        readCmd = `cat /dev/mtd${part.index}`;
        readWith = 'mtd char device';
        if (nand) warn(said('flash.said.backupNote.noNanddump'));
      }
      const final = partitionFileName(part.index, part.name);
      const partial = path.join(o.dir, `${final}.partial`);
      const workAtStart = workDone;
      const doneAtStart = totalDone;
      let pullRef: { abort(): void } | undefined;
      try {
        // 1. The router's own hash of the same read (first, so both see the same flash state).
        let deviceHash: { algorithm: 'sha256' | 'md5'; value: string } | undefined;
        if (hashOnRouter) {
          progress('hashing-on-router', pinfo(0), true);
          const r = await s.exec(routerHashCommand(readCmd, hashOnRouter), { timeoutMs: 120_000 + Math.round(part.size / 100), signal: o.signal });
          const hv = /^([0-9a-f]{32,64})\b/.exec(r.stdout.toString('utf8').trim());
          if (hv) deviceHash = { algorithm: hashOnRouter, value: hv[1]! };
          else warn(said('flash.said.backupNote.noRouterHash', { algorithm: hashOnRouter }));
          workDone += part.size;
        }
        if (o.signal.aborted) throw fault('CANCELLED', { what: 'backup' });
        // 2. Stream to disk, hashing as bytes arrive.
        progress('copying', pinfo(0), true);
        // md5 only when the router can check nothing better (it costs as much CPU as the sha256 itself).
        const wantMd5 = hashOnRouter === 'md5';
        const algorithms: SinkAlgorithm[] = wantMd5 ? ['sha256', 'md5'] : ['sha256'];
        let digests: Partial<Record<'sha256' | 'md5', string>> = {};
        let bytes = 0;
        let onAbort: (() => void) | undefined;
        const fd = fs.openSync(partial, 'w', BACKUP_FILE_MODE);
        try {
          fs.fchmodSync(fd, BACKUP_FILE_MODE); // whatever the umask, and a leftover .partial's old mode
          const onBytes = (n: number): void => {
            bytes = n;
            totalDone = doneAtStart + n;
            workDone = workAtStart + (hashOnRouter ? part.size : 0) + n;
            progress('copying', pinfo(n));
          };
          let ended: { code: number; stderr: string };
          // On a station: the copy on a worker thread over its own connection (pull-pool.ts, decision 0125),
          // which settles only once none of its writes is on its way; same bytes, hashes and faults.
          const off =
            s.method === 'ssh' && s.hostKey && o.pullOffThread
              ? await o.pullOffThread({ cmd: readCmd, file: partial, algorithms, expectHostKey: s.hostKey.fingerprint, ...(s.hostKey.mac ? { routerMac: s.hostKey.mac } : {}), idleTimeoutMs: 30_000, onBytes, signal: o.signal })
              : null;
          if (off) {
            onBytes(off.bytes);
            digests = off.digests;
            ended = { code: off.code, stderr: off.stderr };
          } else {
            const pull = await s.pull(readCmd, { idleTimeoutMs: 30_000 });
            pullRef = pull;
            onAbort = (): void => pull.abort();
            o.signal.addEventListener('abort', onAbort, { once: true });
            // Hash as bytes arrive, write in ~1 MiB blocks off the main thread, flush as we go (sink.ts).
            const drain = drainToFile(pull.stream, fd, { algorithms, onBytes });
            try {
              const [drained, finished] = await Promise.all([drain, pull.done]);
              digests = drained.digests;
              ended = finished;
            } catch (err) {
              // The file is closed next: wait until no write is on its way (a dropped link destroys the
              // stream, so the drain settles too). The router's side is stopped in the catch below.
              await drain.catch(() => undefined);
              throw err;
            }
          }
          await new Promise<void>((res, rej) => fs.fsync(fd, (e) => (e ? rej(e) : res())));
          if (ended.code !== 0)
            throw fault('READ_FAILED', { partition: part.name }, { details: `exit ${ended.code}: ${ended.stderr.slice(-1500)}` });
          for (const mm of ended.stderr.matchAll(/bad block at (?:0x)?([0-9a-f]+)/gi)) base.badBlocks.push(parseInt(mm[1]!, 16));
        } finally {
          if (onAbort) o.signal.removeEventListener('abort', onAbort);
          try {
            fs.closeSync(fd);
          } catch {
            /* the stream already closed it after a write error; that error is the one we report */
          }
        }
        progress('verifying', pinfo(bytes), true);
        const expected = nand && info.tools.nanddump ? part.size - base.badBlocks.length * part.erasesize : part.size;
        if (bytes !== expected)
          throw fault('SHORT_READ', { partition: part.name, got: String(bytes), size: String(expected) });
        const sha256 = digests.sha256!;
        const md5hex = digests.md5 ?? null;
        let deviceMatch: ManifestPartition['deviceHash'] = null;
        if (deviceHash) {
          const ours = deviceHash.algorithm === 'sha256' ? sha256 : md5hex;
          deviceMatch = { ...deviceHash, matches: ours === deviceHash.value };
          if (!deviceMatch.matches)
            throw fault('HASH_MISMATCH', { partition: part.name }, { details: `router ${deviceHash.algorithm} ${deviceHash.value}, received ${ours}` });
        }
        fs.renameSync(partial, path.join(o.dir, final));
        syncDir(o.dir);
        record({ ...base, file: final, sha256, md5: md5hex, bytes, readWith, status: 'ok', deviceHash: deviceMatch, ...(warnings.length ? { warnings, warningsMsg } : {}) });
      } catch (err) {
        pullRef?.abort();
        fs.rmSync(partial, { force: true });
        totalDone = doneAtStart + part.size; // count it as handled for the ETA of the rest
        workDone = workAtStart + part.size * (hashOnRouter ? 2 : 1);
        let error: RbErrorShape = toErrorShape(err, 'BACKUP_FAILED');
        const code = (err as NodeJS.ErrnoException)?.code;
        if (code === 'ENOSPC' || code === 'EDQUOT')
          error = fault('DISK_FULL', { partition: part.name }, { details: (err as Error).message }).toShape();
        if (o.signal.aborted) error = fault('CANCELLED', { what: 'backupDuring' }).toShape();
        if (error.code === 'SESSION_LOST' || s.closed) {
          sessionBroken = true;
          await s.close().catch(() => undefined);
        }
        record({ ...base, readWith, error, ...(warnings.length ? { warnings, warningsMsg } : {}) });
        failedNames.push(part.name);
      }
    }
    await session?.close().catch(() => undefined);
    const ok = failedNames.length === 0 && m.partitions.every((p) => p.status === 'ok');
    progress(ok ? 'done' : 'failed', {}, true);
    return { backupId: o.backupId, dir: o.dir, ok, manifest: m, failed: m.partitions.filter((p) => p.status !== 'ok').map((p) => p.name), elapsedMs: Date.now() - started };
  } catch (err) {
    await session?.close().catch(() => undefined);
    progress('failed', {}, true);
    const fallback: Manifest = manifest ?? {
      format: 'rescue-bench-backup/1',
      tool: { name: APP_NAME, version: APP_VERSION },
      createdAt: new Date(started).toISOString(),
      device: { host: o.host, method: session?.method ?? 'ssh', identity: info?.identity ?? {} },
      partitions: [],
      complete: false,
    };
    return { backupId: o.backupId, dir: o.dir, ok: false, manifest: fallback, failed: failedNames, elapsedMs: Date.now() - started, error: toErrorShape(err, 'BACKUP_FAILED') };
  }
}
