/**
 * The upgrade capability's namespace tests share this: the CLI run inside the station namespace, the stand-in
 * routers' partition maps (a single-firmware board and the Linksys WRT32X) and environments, the result reader,
 * and the cable pulled while the router writes.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nodeTsArgs, type RescueLan } from './netns';
import { type StandinPartition } from './router-standin';
import { collectCliRun, resultOf, type CliLine, type CliRun } from './cli-lines';

const CLI = path.join(__dirname, '../src-main/cli/main.ts');

export function cli(lan: RescueLan, dataDir: string, args: string[], opts: { onLine?: (l: CliLine) => void; env?: Record<string, string>; killAfterMs?: number } = {}): Promise<CliRun> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, ...(opts.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
  return collectCliRun(p, { ...(opts.onLine ? { onLine: opts.onLine } : {}), killAfterMs: opts.killAfterMs ?? 150_000 });
}

/** The same CLI without --json: the plain words a person reads (stdout and stderr as text), e.g. with `--lang de`. */
export function plainCli(lan: RescueLan, dataDir: string, args: string[], opts: { env?: Record<string, string>; killAfterMs?: number } = {}): Promise<{ code: number; out: string; err: string }> {
  const [cmd, cargs] = nodeTsArgs(CLI, args);
  const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...cargs], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, ...(opts.env ?? {}) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  p.stdout.on('data', (d: Buffer) => (out += d.toString()));
  p.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const kill = setTimeout(() => p.kill('SIGKILL'), opts.killAfterMs ?? 150_000);
  return new Promise((resolve) => p.on('close', (code) => (clearTimeout(kill), resolve({ code: code ?? -1, out, err }))));
}

export type Outcome = NonNullable<ReturnType<typeof resultOf<'firmware flash'>>['value']>;
export const outcomeOf = (r: CliRun) => resultOf<'firmware flash'>(r.lines);

export const GENERIC: StandinPartition[] = [
  { name: 'u-boot', size: 0x40000, readOnly: true },
  { name: 'u-boot-env', size: 0x10000 },
  { name: 'firmware', size: 0x2000000, sparse: true },
];

/**
 * The WRT32X map (openwrt-recovery-facts §4.1), test-sized where it can be: the firmware slots are sparse files of
 * their real size. `env: false` leaves out the U-Boot environment partition (a router fw_printenv cannot read).
 */
export function wrt32x(rootfsSize: number, o: { env?: boolean } = {}): StandinPartition[] {
  return [
    { name: 'u-boot', size: 0x200000, readOnly: true, type: 'nand', erasesize: 0x20000 },
    ...(o.env === false ? [] : [{ name: 'u_env', size: 0x20000, type: 'nand' as const, erasesize: 0x20000 }]),
    { name: 's_env', size: 0x40000, type: 'nand', erasesize: 0x20000 },
    { name: 'devinfo', size: 0x40000, readOnly: true, type: 'nand', erasesize: 0x20000 },
    { name: 'kernel1', size: 0x7b00000, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'rootfs1', size: rootfsSize, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'kernel2', size: 0x7b00000, type: 'nand', erasesize: 0x20000, sparse: true },
    { name: 'rootfs2', size: rootfsSize, type: 'nand', erasesize: 0x20000, sparse: true },
  ];
}
export const WRT_ENV = ['boot_part=1', 'boot_part_ready=3', 'bootcmd=run nandboot', 'auto_recovery=yes', 'priKernSize=0x0600000', 'altKernSize=0x0600000'];
/** The 3 MB kernel layout's environment (19.07 and the factory firmware): priKernSize 0x0300000, rootfs 0x7800000. */
export const WRT_ENV_3M = ['boot_part=1', 'bootcmd=run nandboot', 'auto_recovery=yes', 'priKernSize=0x0300000'];
export const ROOTFS_3M = 0x7800000;

/**
 * Pull the cable once the router started writing (the wait step began): this computer's side of the link goes
 * down. For cli()'s onLine.
 */
export function pullCableWhileWriting(lan: RescueLan): { onLine: (l: CliLine) => void; pulled: () => boolean; plugBack: () => void } {
  let pulled = false;
  return {
    onLine: (l) => {
      if (pulled || l.event !== 'playbook.run') return;
      const wait = (l.payload as { steps: Array<{ id: string; state: string }> }).steps.find((st) => st.id === 'wait');
      if (wait?.state === 'active') {
        pulled = true;
        lan.station.exec('ip', ['link', 'set', lan.stationIf, 'down']);
      }
    },
    pulled: () => pulled,
    plugBack: () => void lan.station.exec('ip', ['link', 'set', lan.stationIf, 'up']),
  };
}
export const VENDOR_FILE = 'FW_WRT32X_1.0.180404.58.img';

/** A temporary folder holding the vendor image as VENDOR_FILE and its `VENDOR_FILE.sha256` beside it. */
export function stageVendorFiles(prefix: string, vendor: Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rb-${prefix}-files-`));
  fs.writeFileSync(path.join(dir, VENDOR_FILE), vendor);
  fs.writeFileSync(path.join(dir, `${VENDOR_FILE}.sha256`), `${crypto.createHash('sha256').update(vendor).digest('hex')}  ${VENDOR_FILE}\n`);
  return dir;
}
