import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { RestorePlan, RestoreRequest, RestoreResult } from '../../../src-shared/contract/flash';
import { buildRestorePlan, type FileCheck } from '../../../src-shared/flash/plan';
import { RbFault, toErrorShape } from '../../../src-shared/errors';
import type { Session } from '../session';
import { readManifest } from './backup';
import { inspectDevice } from './discover';
import { hashFile } from './files';

export interface RestoreProgress {
  partition: string;
  phase: 'checking' | 'uploading' | 'writing' | 'reading-back' | 'done' | 'failed';
  done: number;
  size: number;
  message?: string;
}

/** Check the backup files and the router, and build the plan (nothing is written). */
export async function planRestore(session: Session, req: RestoreRequest): Promise<RestorePlan> {
  const manifest = readManifest(req.from);
  const device = await inspectDevice(session);
  const files: Record<string, FileCheck> = {};
  for (const p of manifest.partitions) {
    if (!p.file) continue;
    const wanted = req.partitions.some((k) => k === p.name || k === `mtd${p.index}`);
    if (!wanted) continue;
    const f = path.join(req.from, p.file);
    if (!fs.existsSync(f)) {
      files[p.name] = { exists: false, bytes: 0, sha256: null };
      continue;
    }
    const h = await hashFile(f);
    files[p.name] = { exists: true, bytes: h.bytes, sha256: h.sha256 };
  }
  return buildRestorePlan({ from: req.from, manifest, device, partitions: req.partitions, overrideDanger: req.overrideDanger, overrideIdentity: req.overrideIdentity, files });
}

function hashOf(out: Buffer): string | undefined {
  return /^([0-9a-f]{32,64})\b/.exec(out.toString('utf8').trim())?.[1];
}

/**
 * Run a plan: for each step, upload to the router's /tmp, check the hash there, write with mtd/nandwrite,
 * read back and compare. Refuses to run at all when the plan has any refusal. dryRun stops after planning.
 */
export async function runRestore(session: Session, req: RestoreRequest, progress: (p: RestoreProgress) => void): Promise<RestoreResult> {
  const plan = await planRestore(session, req);
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
      progress({ partition: step.partition, phase: 'failed', done: 0, size: step.bytes, message: e.message });
      result.results.push({ partition: step.partition, status, readBackSha256: null, error: e });
    };
    try {
      progress({ partition: step.partition, phase: 'uploading', done: 0, size: step.bytes });
      const data = fs.readFileSync(path.join(req.from, step.file));
      const up = await session.push(`cat > ${step.stagePath}`, data, { timeoutMs: 120_000 + Math.round(step.bytes / 50) });
      if (up.code !== 0)
        throw new RbFault({
          code: 'UPLOAD_FAILED',
          message: `The image for "${step.partition}" could not be copied to the router's memory.`,
          meaning: 'Nothing was written to the flash.',
          fix: 'The router may be short of memory. Restart it in rescue mode (which uses less memory) and try again.',
          details: up.stdout.toString() + up.stderr,
        });
      const algo = step.readBackAlgorithm === 'md5' ? 'md5' : 'sha256';
      const staged = hashOf((await session.exec(`${algo}sum ${step.stagePath}`, { timeoutMs: 120_000 })).stdout);
      const expectStage = algo === 'md5' ? step.expectedHash : step.sha256;
      if (staged !== undefined && staged !== expectStage) {
        await session.exec(`rm -f ${step.stagePath}`).catch(() => undefined);
        throw new RbFault({
          code: 'UPLOAD_CORRUPTED',
          message: `The copy of "${step.partition}" in the router's memory is damaged.`,
          meaning: 'Nothing was written to the flash.',
          fix: 'Check the cable and try again.',
          details: `router ${algo} ${staged}, expected ${expectStage}`,
        });
      }
      progress({ partition: step.partition, phase: 'writing', done: 0, size: step.bytes });
      const w = await session.exec(step.writeCommand, { timeoutMs: 600_000 + Math.round(step.bytes / 20) });
      await session.exec(`rm -f ${step.stagePath}`).catch(() => undefined);
      if (w.code !== 0)
        throw new RbFault({
          code: 'WRITE_FAILED',
          message: `Writing "${step.partition}" failed on the router.`,
          meaning: 'The partition may now be partly written. Do not restart the router yet if this is a partition it needs to start.',
          fix: 'Try the restore of this partition again now. If it keeps failing, keep the router powered and ask for help with the Details.',
          details: `${step.writeCommand}\nexit ${w.code}\n${w.stdout.toString()}${w.stderr}`,
        });
      progress({ partition: step.partition, phase: 'reading-back', done: 0, size: step.bytes });
      let readBack: string | undefined;
      if (step.readBackCommand) readBack = hashOf((await session.exec(step.readBackCommand, { timeoutMs: 600_000 })).stdout);
      else {
        const pull = await session.pull(`head -c ${step.bytes} /dev/mtd${step.index}`);
        const h = crypto.createHash('sha256');
        for await (const c of pull.stream) h.update(c as Buffer);
        await pull.done;
        readBack = h.digest('hex');
      }
      if (readBack !== step.expectedHash) {
        const e = new RbFault({
          code: 'VERIFY_FAILED',
          message: `"${step.partition}" reads back different from the backup after writing.`,
          meaning: 'The flash does not hold what was written. The router may not start from it.',
          fix: 'Do not restart the router. Write the partition again now; if it fails again, the flash may be worn out.',
          details: `expected ${step.expectedHash}, read back ${readBack ?? 'nothing'}`,
        });
        progress({ partition: step.partition, phase: 'failed', done: step.bytes, size: step.bytes, message: e.message });
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
