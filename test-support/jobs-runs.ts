/**
 * Real playbook runs for the job-record tests: the real PlaybookService and runner write real journals into a
 * data folder. The playbook itself is a STAND-IN for a recovery flow (no router is involved): its steps journal
 * the same kinds of lines the real flows journal — what the router said (U-Boot's `ethaddr=`, ubus board JSON),
 * an image with its SHA-256 in the upgrade flow's words, a full backup with its manifest.json in the flash
 * backup's format — so the job extractor reads what it reads in the field.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PlaybookService, type StepExecutor } from '../src-main/capabilities/playbook';
import { RunOptionsSchema, type PlaybookDef, type RunSnapshot, type StepDef } from '../src-shared/capabilities/playbook';

const step = (id: string, title: string): StepDef => ({
  id,
  kind: 'action',
  title,
  doNow: title,
  explain: '',
  preconditions: [],
  success: `${title}: done`,
  failure: `${title}: failed`,
  onFailure: { kind: 'abort' },
  run: id,
});

export const JOB_PLAYBOOK: PlaybookDef = {
  id: 'bench-job',
  title: 'Back up and reflash (test stand-in)',
  summary: 'A stand-in flow for the job record tests',
  steps: [step('identify', 'Find out which router it is'), step('image', 'Check the firmware file'), step('backup', 'Back up the whole memory'), step('finish', 'Finish')],
};

export interface RunSpec {
  mac?: string;
  board?: string;
  model?: string;
  serial?: string;
  /** Where the full backup goes (a manifest.json is written there); none: no backup step evidence. */
  backupDir?: string;
  image?: { fileName: string; bytes: Buffer };
  /** Fail at the last step with this three-part error message. */
  fail?: string;
  /** Stop at the last step with a question that is never answered: the job stays running. */
  hold?: boolean;
  practice?: boolean;
}

export function sha256(b: Buffer): string {
  return crypto.createHash('sha256').update(b).digest('hex');
}

function executors(o: RunSpec): Record<string, StepExecutor> {
  return {
    identify: async (ctx) => {
      if (o.mac) ctx.transcript('received', `baudrate=115200\nbootcmd=bootm 0x9f020000\nethaddr=${o.mac.toUpperCase()}\nipaddr=192.168.1.1`);
      if (o.board || o.model) ctx.transcript('received', JSON.stringify({ model: o.model ?? 'unknown', board_name: o.board ?? 'unknown' }, null, 1));
      if (o.serial) ctx.transcript('received', `SN: ${o.serial}`);
      ctx.evidence(`The router is ${o.model ?? 'a router'} (board ${o.board ?? 'unknown'}) running OpenWrt 23.05.5.`);
      return { ok: true };
    },
    image: async (ctx) => {
      if (o.image) ctx.evidence(`${o.image.fileName}: ${(o.image.bytes.length / 1048576).toFixed(1)} MiB, SHA-256 ${sha256(o.image.bytes)}. An OpenWrt sysupgrade image. Its checksums hold.`);
      return { ok: true };
    },
    backup: async (ctx) => {
      if (!o.backupDir) return { ok: true, skipped: true };
      fs.mkdirSync(o.backupDir, { recursive: true });
      const parts = ['u-boot', 'art', 'firmware'].map((name, index) => {
        const data = crypto.createHash('sha512').update(`${o.mac}-${name}`).digest();
        const file = `mtd${index}_${name}.bin`;
        fs.writeFileSync(path.join(o.backupDir!, file), data);
        return { index, name, size: data.length, erasesize: 65536, type: 'nor' as const, file, sha256: sha256(data), bytes: data.length, badBlocks: [] };
      });
      const manifest = { format: 'rescue-bench-backup/1', tool: { name: 'rescue-bench', version: '0.1.0' }, createdAt: new Date().toISOString(), device: { host: '192.168.1.1', method: 'ssh', identity: { boardName: o.board } }, partitions: parts, complete: true };
      fs.writeFileSync(path.join(o.backupDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
      ctx.evidence(`Full backup to ${o.backupDir}…`);
      ctx.evidence(`Full backup complete: ${o.backupDir}.`);
      return { ok: true };
    },
    finish: async (ctx) => {
      if (o.hold) {
        await ctx.ask({ text: 'Is the router back?', choices: [{ id: 'yes', label: 'Yes' }] });
        return { ok: true };
      }
      if (o.fail) return { ok: false, error: { code: 'TEST_FAIL', message: o.fail, meaning: 'The router was not changed.', fix: 'Try again.' } };
      return { ok: true, summary: 'Done. The router runs OpenWrt 23.05.5.' };
    },
  };
}

/** A playbook service over `dataDir` that knows the stand-in playbook, and the snapshots it reported. */
export function jobPlaybookService(dataDir: string, spec: RunSpec, hooks?: { snapshot?: (s: RunSnapshot) => void; now?: () => number }): PlaybookService {
  return new PlaybookService(dataDir, { [JOB_PLAYBOOK.id]: { def: JOB_PLAYBOOK, executors: executors(spec) } }, { snapshot: (s) => hooks?.snapshot?.(s), transcript: () => undefined }, hooks?.now);
}

/** Start the stand-in on `svc` and wait for its end (or, with `hold`, for its unanswered question); the run id. */
export async function runOn(svc: PlaybookService, spec: RunSpec): Promise<string> {
  const snap = svc.start(JOB_PLAYBOOK.id, RunOptionsSchema.parse(spec.practice ? { practice: true } : {}));
  if (spec.hold) {
    for (let i = 0; i < 400 && !svc.status().run?.prompt; i++) await new Promise((r) => setTimeout(r, 5));
    return snap.runId;
  }
  await svc.settled();
  return snap.runId;
}

/** Run the stand-in to its end in its own playbook service and return the run id. */
export async function recordRun(dataDir: string, spec: Omit<RunSpec, 'hold'>): Promise<string> {
  return runOn(jobPlaybookService(dataDir, spec), spec);
}
