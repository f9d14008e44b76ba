import crypto from 'node:crypto';
import type { Manifest, RestorePlan, RestoreRequest, RestoreResult } from '../../../src-shared/capabilities/flash/contract';
import type { DeviceInfo } from '../../../src-shared/capabilities/device';

type RestoreStep = RestorePlan['steps'][number];
import { buildRestorePlan, stageCheckCommand, stageCheckOf, type FileCheck, type StageCheck } from '../../../src-shared/capabilities/flash/plan';
import { RbFault, fault, toErrorShape, type RbErrorShape } from '../../../src-shared/errors';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { faultMessageSaid } from '../../../src-shared/i18n/errors';
import type { Session } from '../../session';
import { readManifest } from './backup';
import { inspectDevice } from '../device';
import { digestOf, hashBackupFile, readBackupFile } from './files';

export interface RestoreProgress {
  partition: string;
  phase: 'checking' | 'uploading' | 'writing' | 'reading-back' | 'done' | 'failed';
  done: number;
  size: number;
  message?: string;
  /** The message's catalogue id + values (decision 0167): the screen and the CLI say it in the language shown. */
  msg?: SaidMessage;
}

/** What restore knows about the backup folder before it connects to the router. */
export interface CheckedBackup {
  from: string;
  manifest: Manifest;
  /** By partition name: the files to be written, measured here. */
  files: Record<string, FileCheck>;
}

/**
 * Check the backup folder BEFORE connecting to the router: manifest.json parses and names only files that
 * backup writes (readManifest), and each file to be written is a plain file of the folder (never a link)
 * whose size, sha256 and md5 are measured here for the plan to compare with the manifest. A folder that
 * cannot be trusted as a whole throws; a missing or changed file becomes a refusal in the plan.
 */
export async function checkBackupFolder(req: Pick<RestoreRequest, 'from' | 'partitions'>): Promise<CheckedBackup> {
  const manifest = readManifest(req.from);
  const files: Record<string, FileCheck> = {};
  for (const p of manifest.partitions) {
    if (!p.file) continue;
    const wanted = req.partitions.some((k) => k === p.name || k === `mtd${p.index}`);
    if (!wanted) continue;
    try {
      const h = await hashBackupFile(req.from, p.file);
      files[p.name] = { exists: true, bytes: h.bytes, sha256: h.sha256, md5: h.md5 };
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        files[p.name] = { exists: false, bytes: 0, sha256: null };
        continue;
      }
      if (code === 'ENOTREG')
        throw fault('BACKUP_FILE_NOT_PLAIN', { dir: req.from, file: p.file }, { details: (err as Error).message });
      throw fault('BACKUP_FILE_UNREADABLE', { dir: req.from, file: p.file }, { details: (err as Error).message });
    }
  }
  return { from: req.from, manifest, files };
}

async function planWith(session: Session, req: RestoreRequest, checked: CheckedBackup): Promise<{ plan: RestorePlan; device: DeviceInfo }> {
  const device = await inspectDevice(session);
  const plan = buildRestorePlan({ from: req.from, manifest: checked.manifest, device, partitions: req.partitions, overrideDanger: req.overrideDanger, overrideIdentity: req.overrideIdentity, files: checked.files });
  return { plan, device };
}

/** Build the plan (nothing is written). `checked`: checkBackupFolder's answer, got before connecting. */
export async function planRestore(session: Session, req: RestoreRequest, checked: CheckedBackup): Promise<RestorePlan> {
  return (await planWith(session, req, checked)).plan;
}

/** The hash a router printed (`<hex>  <file>`), of exactly the algorithm's length. */
export function hashIn(out: Buffer, algorithm: 'sha256' | 'md5'): string | undefined {
  const m = /^([0-9a-f]+)(?:\s|$)/.exec(out.toString('utf8').trim());
  return m && m[1]!.length === (algorithm === 'sha256' ? 64 : 32) ? m[1] : undefined;
}

/**
 * The staged copy's hash, by the router (sha256sum/md5sum) or here from reading it back; undefined: no answer.
 * Also used by the upgrade capability for the image it stages in /tmp.
 */
export async function stagedHash(session: Session, step: Pick<RestoreStep, 'stagePath' | 'bytes'>, check: StageCheck): Promise<{ value: string | undefined; details: string }> {
  const cmd = stageCheckCommand(check, step.stagePath);
  if (check !== 'read-back') {
    const r = await session.exec(cmd, { timeoutMs: 120_000 + Math.round(step.bytes / 100) });
    const out = r.stdout.toString('utf8').trim();
    return { value: r.code === 0 ? hashIn(r.stdout, check) : undefined, details: `${cmd}: exit ${r.code} ${out.slice(0, 300)} ${r.stderr.slice(0, 300)}`.trim() };
  }
  const pull = await session.pull(cmd);
  const h = crypto.createHash('sha256');
  let bytes = 0;
  for await (const c of pull.stream) {
    h.update(c as Buffer);
    bytes += (c as Buffer).length;
  }
  const end = await pull.done;
  return { value: end.code === 0 ? h.digest('hex') : undefined, details: `${cmd}: exit ${end.code}, ${bytes} bytes read back ${end.stderr.slice(0, 300)}`.trim() };
}

/**
 * Run a plan: for each step, read the backup file once and hash those bytes (they must still match the
 * manifest), upload exactly them to the router's /tmp, check the staged copy (sha256sum, else md5sum,
 * else read it back: a copy nobody checked is never written), write with mtd/nandwrite, read back and
 * compare. Refuses to run at all when the plan has any refusal. dryRun stops after planning.
 */
/** A failed step's progress words: the fault's English message and, where the catalogue has it, its id + values (decision 0167). */
function failedWords(e: RbErrorShape): Pick<RestoreProgress, 'message' | 'msg'> {
  const msg = faultMessageSaid(e);
  return msg ? { message: e.message, msg } : { message: e.message };
}

export async function runRestore(session: Session, req: RestoreRequest, progress: (p: RestoreProgress) => void, checked: CheckedBackup): Promise<RestoreResult> {
  const { plan, device } = await planWith(session, req, checked);
  const stageCheck = stageCheckOf(device.tools);
  const result: RestoreResult = { plan, dryRun: req.dryRun, results: [], ok: false };
  if (req.dryRun) {
    result.ok = plan.ok;
    return result;
  }
  if (!plan.ok) {
    for (const r of plan.refusals) result.results.push({ partition: r.partition, status: 'skipped', readBackSha256: null, error: r.error });
    return result;
  }
  for (const step of plan.steps) {
    const fail = (err: unknown, status: 'failed' | 'verify-failed' = 'failed'): void => {
      const e = toErrorShape(err, 'RESTORE_FAILED');
      progress({ partition: step.partition, phase: 'failed', done: 0, size: step.bytes, ...failedWords(e) });
      result.results.push({ partition: step.partition, status, readBackSha256: null, error: e });
    };
    try {
      progress({ partition: step.partition, phase: 'uploading', done: 0, size: step.bytes });
      // What is hashed is what is sent: one read, no second look at the file after the check.
      const data = readBackupFile(req.from, step.file);
      const sent = digestOf(data);
      if (sent.sha256 !== step.sha256 || sent.bytes !== step.bytes)
        throw fault('BACKUP_FILE_CHANGED', { file: step.file, when: 'sending' }, { details: `recorded sha256 ${step.sha256} (${step.bytes} bytes), read now ${sent.sha256} (${sent.bytes} bytes)` });
      const up = await session.push(`cat > ${step.stagePath}`, data, { timeoutMs: 120_000 + Math.round(step.bytes / 50) });
      if (up.code !== 0)
        throw fault('UPLOAD_FAILED', { partition: step.partition }, { details: up.stdout.toString() + up.stderr });
      // The staged copy is checked before anything is erased; no answer is a failure, never a pass.
      const staged = await stagedHash(session, step, stageCheck);
      const expectStage = stageCheck === 'md5' ? sent.md5 : sent.sha256;
      if (staged.value === undefined) {
        await session.exec(`rm -f ${step.stagePath}`).catch(() => undefined);
        throw fault('STAGED_COPY_UNCHECKED', { what: 'partition', partition: step.partition }, { details: staged.details });
      }
      if (staged.value !== expectStage) {
        await session.exec(`rm -f ${step.stagePath}`).catch(() => undefined);
        throw fault('UPLOAD_CORRUPTED', { what: 'partition', partition: step.partition }, {
          details: `${stageCheck === 'read-back' ? 'read back, sha256' : `router ${stageCheck}`} ${staged.value}, sent ${expectStage}`,
        });
      }
      progress({ partition: step.partition, phase: 'writing', done: 0, size: step.bytes });
      const w = await session.exec(step.writeCommand, { timeoutMs: 600_000 + Math.round(step.bytes / 20) });
      await session.exec(`rm -f ${step.stagePath}`).catch(() => undefined);
      if (w.code !== 0)
        throw fault('WRITE_FAILED', { partition: step.partition }, { details: `${step.writeCommand}\nexit ${w.code}\n${w.stdout.toString()}${w.stderr}` });
      progress({ partition: step.partition, phase: 'reading-back', done: 0, size: step.bytes });
      let readBack: string | undefined;
      if (step.readBackCommand) readBack = hashIn((await session.exec(step.readBackCommand, { timeoutMs: 600_000 })).stdout, step.readBackAlgorithm === 'md5' ? 'md5' : 'sha256');
      else {
        const pull = await session.pull(`head -c ${step.bytes} /dev/mtd${step.index}`);
        const h = crypto.createHash('sha256');
        for await (const c of pull.stream) h.update(c as Buffer);
        await pull.done;
        readBack = h.digest('hex');
      }
      if (readBack !== step.expectedHash) {
        const e = fault('VERIFY_FAILED', { partition: step.partition }, { details: `expected ${step.expectedHash}, read back ${readBack ?? 'nothing'}` });
        progress({ partition: step.partition, phase: 'failed', done: step.bytes, size: step.bytes, ...failedWords(e.toShape()) });
        result.results.push({ partition: step.partition, status: 'verify-failed', readBackSha256: readBack ?? null, error: e.toShape() });
        continue;
      }
      progress({ partition: step.partition, phase: 'done', done: step.bytes, size: step.bytes });
      result.results.push({ partition: step.partition, status: 'written', readBackSha256: readBack });
    } catch (err) {
      fail(err);
    }
  }
  result.ok = result.results.length === plan.steps.length && result.results.every((r) => r.status === 'written');
  return result;
}
