import type { Manifest, ManifestPartition, RestorePlan } from './contract';
import type { DeviceIdentity, Partition, DeviceTools } from '../device';
import { fault, type RbErrorShape } from '../../errors';
import { dangerOf, type DangerKind, type DangerReason } from '../device';
import { said as sayWords, type Said } from '../../i18n/said';

/**
 * The restore plan: everything is checked before a single byte is written. Pure, so the UI, the CLI and
 * the dry run all show exactly what the service would do.
 *  - the backup file's hash is re-checked (done by the caller, passed in `files`);
 *  - the router must look like the one the backup came from (board, model, partition table), or the user
 *    explicitly overrides;
 *  - dangerous partitions (bootloader, env, calibration, identity, BBT, the running slot) need the user to
 *    type the partition's name;
 *  - writes use OpenWrt's `mtd write` (NOR and NAND) or `flash_erase` + `nandwrite -p` on NAND — never `dd`
 *    and never an mtdblock device on NAND;
 *  - the image is staged in the router's /tmp and its hash checked there first (sha256sum, else md5sum,
 *    else read back here: never skipped); after writing it is read back and hashed.
 */
export interface FileCheck {
  exists: boolean;
  bytes: number;
  sha256: string | null;
  /** Compared with the manifest's md5 when both are known. */
  md5?: string | null;
}

/**
 * How the router checks the copy staged in its /tmp before anything is erased. Never skipped: with
 * neither sha256sum nor md5sum the staged copy is read back over the link and hashed on this computer.
 */
export type StageCheck = 'sha256' | 'md5' | 'read-back';

export function stageCheckOf(tools: DeviceTools): StageCheck {
  return tools.sha256sum ? 'sha256' : tools.md5sum ? 'md5' : 'read-back';
}

export function stageCheckCommand(check: StageCheck, stagePath: string): string {
  return check === 'read-back' ? `cat ${stagePath}` : `${check}sum ${stagePath}`;
}

export interface PlanInput {
  from: string;
  manifest: Manifest;
  device: { identity: DeviceIdentity; partitions: Partition[]; tools: DeviceTools };
  partitions: string[];
  overrideDanger: string[];
  overrideIdentity: boolean;
  /** Host-side re-check of each backup file, by partition name. */
  files: Record<string, FileCheck>;
}

/**
 * DANGEROUS_PARTITION's meaning as select values (decision 0167): each kind of danger.ts `yes`/`no`, said in
 * danger.ts' order (the order `dangers` has: the device's reasons, which are dangerOf's, then the running slot);
 * `last` drops the space after the last sentence. The running slot's reason is `running: slot` with `slot` and
 * `evidence` (the reading's own words, data) when it came with its id (decision 0182); else as it came (`running`,
 * `none` without it).
 */
export function dangerValues(dangers: readonly DangerReason[]): Record<string, string> {
  const keys: Record<Exclude<DangerKind, 'running'>, string> = { bootloader: 'bootloader', 'bootloader-env': 'bootloaderEnv', 'boot-counter': 'bootCounter', calibration: 'calibration', identity: 'identity', bbt: 'bbt' };
  const values: Record<string, string> = {};
  let last = 'none';
  for (const [kind, key] of Object.entries(keys)) {
    const on = dangers.some((d) => d.kind === kind);
    values[key] = on ? 'yes' : 'no';
    if (on) last = key;
  }
  const running = dangers.find((d) => d.kind === 'running');
  // ours with its slot and evidence (decision 0182): said in the language shown, the evidence as it came; else as it came
  const own = running?.msg?.id === 'device.said.danger.running' ? running.msg.values : undefined;
  values.running = !running ? 'none' : own ? 'slot' : running.reason;
  values.slot = own ? String(own.slot ?? '') : '';
  values.evidence = own ? String(own.evidence ?? '') : '';
  values.last = running ? 'running' : last;
  return values;
}

/** A refusal whose words are in the catalogue (messages/en.ts beside this file), with its values. */
function said(code: string, values: Record<string, string | number>, details?: string): RbErrorShape {
  return fault(code, values, details ? { details } : {}).toShape();
}

export function identityDifferences(backup: Manifest, device: { identity: DeviceIdentity; partitions: Partition[] }): string[] {
  const diffs: string[] = [];
  const a = backup.device.identity;
  const b = device.identity;
  if (a.boardName && b.boardName && a.boardName !== b.boardName) diffs.push(`board: backup "${a.boardName}", router "${b.boardName}"`);
  if (a.model && b.model && a.model !== b.model) diffs.push(`model: backup "${a.model}", router "${b.model}"`);
  const table = (ps: Array<{ index: number; name: string; size: number }>): string => ps.map((p) => `${p.index}:${p.name}:${p.size}`).join(' ');
  if (table(backup.partitions) !== table(device.partitions)) diffs.push(`partition table: backup [${table(backup.partitions)}], router [${table(device.partitions)}]`);
  return diffs;
}

function findPartition<T extends { index: number; name: string }>(list: T[], key: string): T | undefined {
  const m = /^mtd(\d+)$/.exec(key);
  if (m) return list.find((p) => p.index === Number(m[1]));
  const byName = list.filter((p) => p.name === key);
  return byName.length === 1 ? byName[0] : undefined;
}

export function buildRestorePlan(input: PlanInput): RestorePlan {
  const { manifest, device } = input;
  const diffs = identityDifferences(manifest, device);
  const identityMatches = diffs.length === 0;
  const plan: RestorePlan = {
    from: input.from,
    backupCreatedAt: manifest.createdAt,
    device: device.identity,
    identityMatches,
    identityDifferences: diffs,
    steps: [],
    refusals: [],
    ok: false,
  };
  const refuse = (partition: string, e: RbErrorShape): void => {
    plan.refusals.push({ partition, error: e });
  };
  for (const key of input.partitions) {
    const entry: ManifestPartition | undefined = findPartition(manifest.partitions, key);
    if (!entry) {
      refuse(key, said('NOT_IN_BACKUP', { name: key, names: manifest.partitions.map((p) => p.name).join(', ') }));
      continue;
    }
    if (!identityMatches && !input.overrideIdentity) {
      refuse(entry.name, said('IDENTITY_MISMATCH', {}, diffs.join('\n')));
      continue;
    }
    if (entry.status === 'failed' || !entry.file || !entry.sha256) {
      refuse(entry.name, said('BACKUP_PARTITION_FAILED', { name: entry.name }));
      continue;
    }
    const file = input.files[entry.name];
    if (!file || !file.exists) {
      refuse(entry.name, said('BACKUP_FILE_MISSING', { file: entry.file }));
      continue;
    }
    const sizeDiffers = entry.bytes !== undefined && entry.bytes !== file.bytes;
    const md5Differs = !!entry.md5 && !!file.md5 && entry.md5 !== file.md5;
    if (file.sha256 !== entry.sha256 || sizeDiffers || md5Differs) {
      const details = [`recorded sha256 ${entry.sha256}, file now ${file.sha256 ?? 'unreadable'}`];
      if (sizeDiffers) details.push(`recorded ${entry.bytes} bytes, file now ${file.bytes}`);
      if (md5Differs) details.push(`recorded md5 ${entry.md5}, file now ${file.md5}`);
      refuse(entry.name, said('BACKUP_FILE_CHANGED', { file: entry.file, when: 'planning' }, details.join('\n')));
      continue;
    }
    const target = findPartition(device.partitions, entry.index !== undefined ? `mtd${entry.index}` : entry.name);
    if (!target || target.name !== entry.name) {
      refuse(entry.name, said('NO_SUCH_PARTITION', { name: entry.name, at: String(entry.index) }));
      continue;
    }
    if (file.bytes > target.size) {
      refuse(entry.name, said('IMAGE_TOO_BIG', { what: 'backup', name: entry.name }, `${file.bytes} > ${target.size}`));
      continue;
    }
    const dangers = [...target.danger];
    for (const d of dangerOf(entry.name)) if (!dangers.some((x) => x.kind === d.kind)) dangers.push(d);
    if (target.readOnly) {
      refuse(entry.name, said('PARTITION_READ_ONLY', { name: entry.name }));
      continue;
    }
    if (dangers.length && !input.overrideDanger.includes(entry.name)) {
      refuse(entry.name, said('DANGEROUS_PARTITION', { name: entry.name, ...dangerValues(dangers) }));
      continue;
    }
    const nand = target.type === 'nand';
    const tools = device.tools;
    const stagePath = `/tmp/rb-restore-mtd${target.index}.bin`;
    let writer: 'mtd' | 'nandwrite';
    let writeCommand: string;
    if (tools.mtd) {
      writer = 'mtd';
      writeCommand = `mtd -q write ${stagePath} mtd${target.index}`;
    } else if (nand && tools.nandwrite && tools.flash_erase) {
      writer = 'nandwrite';
      writeCommand = `flash_erase -q /dev/mtd${target.index} 0 0 && nandwrite -q -p /dev/mtd${target.index} ${stagePath}`;
    } else {
      refuse(entry.name, said('NO_SAFE_WRITER', { name: entry.name, nand: nand ? 'yes' : 'no' }));
      continue;
    }
    // the plan's notes, said (decision 0167): English in `warnings`, ids + values beside in `warningsMsg`
    const notes: Said[] = [];
    if (entry.badBlocks.length) notes.push(sayWords('flash.said.note.badBlocks', { count: entry.badBlocks.length }));
    if (dangers.length) notes.push(sayWords('flash.said.note.typed', { name: entry.name }));
    const warnings = notes.map((n) => n.text);
    const warningsMsg = notes.map((n) => n.msg);
    const len = entry.bytes ?? file.bytes;
    const read = nand ? (tools.nanddump ? `nanddump -q --bb=skipbad -l ${len} /dev/mtd${target.index}` : `head -c ${len} /dev/mtd${target.index}`) : `head -c ${len} /dev/mtd${target.index}`;
    const algo: 'sha256' | 'md5' | 'host-sha256' = tools.sha256sum ? 'sha256' : tools.md5sum && entry.md5 ? 'md5' : 'host-sha256';
    const readBackCommand = algo === 'host-sha256' ? null : `${read} | ${algo}sum`;
    const expectedHash = algo === 'md5' ? entry.md5! : entry.sha256;
    const stage = stageCheckOf(tools);
    const stageLine = stage === 'read-back' ? `${stageCheckCommand(stage, stagePath)}   # read back and hashed on this computer` : stageCheckCommand(stage, stagePath);
    const commands = [`# upload ${entry.file} (${len} bytes) to ${stagePath}`, stageLine, writeCommand, readBackCommand ?? `${read}   # hashed on this computer`, `rm -f ${stagePath}`];
    plan.steps.push({ partition: entry.name, index: target.index, file: entry.file, sha256: entry.sha256, commands, writer, bytes: len, stagePath, writeCommand, readBackCommand, readBackAlgorithm: algo, expectedHash, warnings, ...(warningsMsg.length ? { warningsMsg } : {}) });
  }
  plan.ok = plan.refusals.length === 0 && plan.steps.length === input.partitions.length;
  return plan;
}
