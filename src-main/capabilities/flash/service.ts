import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BackupProgress, BackupResult, ManifestPartition, RestorePlan, RestoreRequest, RestoreResult } from '../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo, SessionTarget } from '../../../src-shared/capabilities/device';
import { RbFault, fault } from '../../../src-shared/errors';
import type { Session } from '../../session';
import { readManifest, runBackup } from './backup';
import { checkBackupFolder, planRestore, runRestore, type RestoreProgress } from './restore';
import { openTarget } from '../device';

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

/**
 * Flash backup and restore for the app, the bench server and the CLI. One backup at a time; every command
 * opens its own session and closes it again. Backups go to <dataDir>/backups unless a folder is given.
 */
export class FlashService {
  private active: { id: string; dir: string; abort: AbortController; last?: BackupProgress; finished: Promise<BackupResult> } | undefined;
  private lastResult: BackupResult | undefined;
  private restoring = false;

  constructor(
    private readonly dataDir: string,
    private readonly events: FlashEvents,
    /** Tests and the CLI may supply their own way to open sessions. */
    private readonly open: (t: SessionTarget) => Promise<Session> = (t) => openTarget(t, dataDir),
  ) {}

  get backupsDir(): string {
    return path.join(this.dataDir, 'backups');
  }

  startBackup(req: { target: SessionTarget; outDir?: string; partitions?: string[]; retryFailed: boolean; routerHash?: boolean }): { backupId: string; dir: string; finished: Promise<BackupResult> } {
    if (this.active)
      throw fault('BACKUP_RUNNING', { during: 'backup' });
    if (this.restoring) throw fault('RESTORE_RUNNING', { during: 'backup' });
    if (req.retryFailed && !req.outDir) throw fault('RETRY_NEEDS_FOLDER');
    const id = crypto.randomBytes(6).toString('hex');
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
    const dir = req.outDir ? path.resolve(req.outDir) : path.join(this.backupsDir, `${req.target.host.replace(/[^A-Za-z0-9.-]/g, '_')}-${stamp}`);
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
      },
      emitPartition: (p) => this.events.partition(id, p),
      signal: abort.signal,
    }).then((r) => {
      this.lastResult = r;
      this.active = undefined;
      this.events.done(r);
      return r;
    });
    this.active = job;
    return { backupId: id, dir, finished: job.finished };
  }

  cancelBackup(id: string): { ok: true } {
    if (this.active && this.active.id === id) this.active.abort.abort();
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
    if (this.active) throw fault('BACKUP_RUNNING', { during: 'restore' });
    if (this.restoring) throw fault('RESTORE_RUNNING', { during: 'restore' });
    this.restoring = true;
    try {
      const checked = await checkBackupFolder(req); // before connecting: a bad folder never reaches the router
      const s = await this.open(req.target);
      try {
        return await runRestore(s, req, (p) => this.events.restoreProgress(p), checked);
      } finally {
        await s.close();
      }
    } finally {
      this.restoring = false;
    }
  }

  async dispose(): Promise<void> {
    if (this.active) {
      this.active.abort.abort();
      await this.active.finished.catch(() => undefined);
    }
  }
}
