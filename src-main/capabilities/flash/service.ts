import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupProgress, BackupResult, ManifestPartition, RestorePlan, RestoreRequest, RestoreResult } from '../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo, SessionTarget } from '../../../src-shared/capabilities/device';
import { RbFault, fault } from '../../../src-shared/errors';
import type { Session } from '../../session';
import { readManifest, runBackup, type BackupJobOptions } from './backup';
import { pullOffThread } from './pull-pool';
import { checkBackupFolder, planRestore, runRestore, type RestoreProgress } from './restore';
import { openTarget, targetSessionOptions } from '../device';

export interface FlashEvents {
  progress(p: BackupProgress): void;
  partition(backupId: string, p: ManifestPartition): void;
  done(r: BackupResult): void;
  restoreProgress(p: RestoreProgress): void;
}

export interface BackupSummary {
  dir: string;
  createdAt: string;
  identity: DeviceInfo['identity'];
  partitions: number;
  failed: number;
  bytes: number;
}

type BackupJob = { id: string; dir: string; abort: AbortController; last?: BackupProgress; finished: Promise<BackupResult> };

/** Which router a target is on a station: its slot's source address ('' = the one router of a single-router workstation). */
function slotOf(t: SessionTarget): string {
  return t.localAddress ?? '';
}

/**
 * Flash backup and restore for the app, the bench server and the CLI. One backup or restore at a time per router:
 * on a station (issue 17) each slot's router, told apart by the target's localAddress, has its own; every command
 * opens its own session and closes it again. Backups go to <dataDir>/backups unless a folder is given.
 */
export class FlashService {
  private readonly jobs = new Map<string, BackupJob>();
  private lastResult: BackupResult | undefined;
  private readonly restoring = new Set<string>();

  /** The oldest running backup (status() of a single-router workstation). */
  private get active(): BackupJob | undefined {
    return this.jobs.values().next().value;
  }

  constructor(
    private readonly dataDir: string,
    private readonly events: FlashEvents,
    /** Tests and the CLI may supply their own way to open sessions (then every copy stays on the main thread). */
    open?: (t: SessionTarget) => Promise<Session>,
  ) {
    this.open = open ?? ((t) => openTarget(t, dataDir));
    this.ownSessions = !open;
  }

  private readonly open: (t: SessionTarget) => Promise<Session>;
  private readonly ownSessions: boolean;

  /**
   * Copy partitions on worker threads (pull-pool.ts, decision 0125) only when asked: RB_PULL_WORKER=1, and only
   * while more than one backup runs in this process (a station). Measured on the two-core test machine it saved
   * no CPU and no time against the main thread, and its threads doubled the memory growth of eight backups (314
   * vs 154 MB, goal < 300); the benchmark compares both (BENCH_COMPARE=1) for machines with more cores.
   */
  private offThread(target: SessionTarget): BackupJobOptions['pullOffThread'] {
    if (!this.ownSessions) return undefined;
    return async (req) => {
      if (process.env.RB_PULL_WORKER !== '1' || this.jobs.size < 2) return null;
      const options = { ...(await targetSessionOptions(target, this.dataDir)), expectHostKey: req.expectHostKey, ...(req.routerMac ? { routerMac: req.routerMac } : {}) };
      return pullOffThread({ options, cmd: req.cmd, file: req.file, algorithms: req.algorithms, idleTimeoutMs: req.idleTimeoutMs, onBytes: req.onBytes, signal: req.signal });
    };
  }

  get backupsDir(): string {
    return path.join(this.dataDir, 'backups');
  }

  /**
   * `onProgress`: this backup's own progress besides the service's events (a guide's step passes it on to its
   * timeline and the bench station's card: bytes done of the total).
   */
  startBackup(req: { target: SessionTarget; outDir?: string; partitions?: string[]; retryFailed: boolean; routerHash?: boolean; onProgress?: (p: BackupProgress) => void }): { backupId: string; dir: string; finished: Promise<BackupResult> } {
    const slot = slotOf(req.target);
    if (this.jobs.has(slot)) throw fault('BACKUP_RUNNING', { during: 'backup' });
    if (this.restoring.has(slot)) throw fault('RESTORE_RUNNING', { during: 'backup' });
    if (req.retryFailed && !req.outDir) throw fault('RETRY_NEEDS_FOLDER');
    const id = crypto.randomBytes(6).toString('hex');
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    // Routers on a station share their address: the slot's address keeps their folders apart.
    const who = [req.target.host, ...(slot ? [`via-${slot}`] : [])].join('-');
    const dir = req.outDir ? path.resolve(req.outDir) : path.join(this.backupsDir, `${who.replace(/[^A-Za-z0-9.-]/g, '_')}-${stamp}`);
    const abort = new AbortController();
    const job = {
      id,
      dir,
      abort,
      last: undefined as BackupProgress | undefined,
      finished: Promise.resolve() as unknown as Promise<BackupResult>,
    };
    job.finished = runBackup({
      backupId: id,
      dir,
      ...(req.partitions ? { only: req.partitions } : {}),
      retryFailed: req.retryFailed,
      routerHash: req.routerHash !== false,
      host: req.target.host,
      open: () => this.open(req.target),
      emitProgress: (p) => {
        job.last = p;
        this.events.progress(p);
        req.onProgress?.(p);
      },
      emitPartition: (p) => this.events.partition(id, p),
      signal: abort.signal,
      pullOffThread: this.offThread(req.target),
    }).then((r) => {
      this.lastResult = r;
      this.jobs.delete(slot);
      this.events.done(r);
      return r;
    });
    this.jobs.set(slot, job);
    return { backupId: id, dir, finished: job.finished };
  }

  cancelBackup(id: string): { ok: true } {
    for (const j of this.jobs.values()) if (j.id === id) j.abort.abort();
    return { ok: true };
  }

  status(): { active?: BackupProgress; last?: BackupResult } {
    const out: { active?: BackupProgress; last?: BackupResult } = {};
    if (this.active?.last) out.active = this.active.last;
    if (this.lastResult) out.last = this.lastResult;
    return out;
  }

  listBackups(): BackupSummary[] {
    let dirs: string[] = [];
    try {
      dirs = fs.readdirSync(this.backupsDir).map((d) => path.join(this.backupsDir, d));
    } catch {
      return [];
    }
    const out: BackupSummary[] = [];
    for (const dir of dirs) {
      try {
        const m = readManifest(dir);
        out.push({ dir, createdAt: m.createdAt, identity: m.device.identity, partitions: m.partitions.length, failed: m.partitions.filter((p) => p.status !== 'ok').length, bytes: m.partitions.reduce((s, p) => s + (p.bytes ?? 0), 0) });
      } catch {
        /* not a backup folder */
      }
    }
    return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  /** The backup folder is checked before connecting (names, plain files, sizes and hashes measured). */
  async plan(req: RestoreRequest): Promise<RestorePlan> {
    const checked = await checkBackupFolder(req);
    const s = await this.open(req.target);
    try {
      return await planRestore(s, req, checked);
    } finally {
      await s.close();
    }
  }

  async restore(req: RestoreRequest): Promise<RestoreResult> {
    const slot = slotOf(req.target);
    if (this.jobs.has(slot)) throw fault('BACKUP_RUNNING', { during: 'restore' });
    if (this.restoring.has(slot)) throw fault('RESTORE_RUNNING', { during: 'restore' });
    this.restoring.add(slot);
    try {
      const checked = await checkBackupFolder(req); // before connecting: a bad folder never reaches the router
      const s = await this.open(req.target);
      try {
        return await runRestore(s, req, (p) => this.events.restoreProgress(p), checked);
      } finally {
        await s.close();
      }
    } finally {
      this.restoring.delete(slot);
    }
  }

  async dispose(): Promise<void> {
    const jobs = [...this.jobs.values()];
    for (const j of jobs) j.abort.abort();
    await Promise.all(jobs.map((j) => j.finished.catch(() => undefined)));
  }
}
