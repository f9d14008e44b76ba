/**
 * Firmware inspection benchmark (issue 7). Builds a 33 MiB sysupgrade-style image once (tar: CONTROL, a
 * uImage kernel, an xz squashfs root; fwtool metadata appended) and measures, in the same run:
 *  - the whole inspection in-process (read + sha256 + md5 + structure, as the app does it),
 *  - its parts: Node's sha256 and md5 alone (the anchor the issue quotes),
 *  - the bundled CLI as a whole process (`node dist/cli/cli.mjs inspect FILE --json`) against `binwalk FILE`,
 *    and what each finds.
 * Usage: npm run bench:inspect   (needs `npm run build:node` first for the CLI part)
 */
import { execFileSync, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inspectFile } from '../../src-main/capabilities/firmware';
import * as W from '../../test-support/firmware-images';
import { parseCliOutput, valueOf } from '../../test-support/cli-lines';

const MiB = 1024 * 1024;
const ROUNDS = Number(process.env.ROUNDS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}
function timeIt(fn: () => unknown, rounds = ROUNDS): number {
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}
async function timeAsync(fn: () => Promise<unknown>, rounds = ROUNDS): Promise<number> {
  const t: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

function buildImage(): string {
  const cache = path.join(os.tmpdir(), 'rb-bench-inspect-v2');
  const out = path.join(cache, 'openwrt-bench-sysupgrade.bin');
  if (fs.existsSync(out)) return out;
  fs.mkdirSync(cache, { recursive: true });
  const rootDir = path.join(cache, 'root');
  fs.mkdirSync(path.join(rootDir, 'usr', 'lib'), { recursive: true });
  // incompressible content, so the squashfs really is ~28 MiB like a full router root
  for (let i = 0; i < 116; i++) fs.writeFileSync(path.join(rootDir, 'usr', 'lib', `lib${i}.so`), W.noise(256 * 1024, i + 1));
  const sq = W.mksquashfs(cache, 'xz', 'root.sqfs', rootDir);
  const zimg = path.join(cache, 'zImage');
  fs.writeFileSync(zimg, W.armZImage(W.noise(4 * MiB, 99)));
  const uimg = W.mkimageLegacy(cache, zimg);
  const tar = W.sysupgradeTar(cache, 'linksys_wrt32x', uimg, sq, 'bench.tar');
  fs.writeFileSync(out, W.appendFwtool(fs.readFileSync(tar), W.openwrtMeta({ devices: ['linksys,wrt32x', 'linksys,venom'], compat: '2.0' })));
  return out;
}

async function main(): Promise<void> {
  const file = buildImage();
  const size = fs.statSync(file).size;
  const buf = fs.readFileSync(file);
  console.log(`image: ${file} (${(size / MiB).toFixed(1)} MiB)`);

  // warm-up (JIT, page cache)
  await inspectFile(file);
  const inProc = await timeAsync(() => inspectFile(file));
  const shaOnly = timeIt(() => crypto.createHash('sha256').update(buf).digest());
  const md5Only = timeIt(() => crypto.createHash('md5').update(buf).digest());
  const report = await inspectFile(file);
  console.log(`in-process inspection (read + sha256 + md5 + structure): ${inProc.toFixed(1)} ms  [goal ≤ 150 ms]`);
  console.log(`  anchor: sha256 alone ${shaOnly.toFixed(1)} ms, md5 alone ${md5Only.toFixed(1)} ms`);
  console.log(`  found: ${report.formats.map((f) => `${f.type}@${f.offset}`).join(', ')}`);

  // Processes: the CLI (hashes on the main thread), the CLI forced to use the MD5 worker, and binwalk, interleaved round by round so
  // that load from other jobs on this shared machine hits all three alike.
  const cli = 'dist/cli/cli.mjs';
  const haveCli = fs.existsSync(cli);
  if (!haveCli) console.log('  (dist/cli/cli.mjs missing: run `npm run build:node` for the CLI comparison)');
  const haveBw = W.haveTool('binwalk');
  let cliFound: string[] = [];
  let bwFound: string[] = [];
  const runCli = (env: NodeJS.ProcessEnv) => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cli, 'inspect', file, '--json'], { encoding: 'utf8', env: { ...process.env, ...env } });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(r.stderr);
    // the one cli.result line: firmware.inspect's reply (decision 0043)
    cliFound = valueOf(parseCliOutput(r.stdout), 'inspect').inspection.formats.map((f) => `${f.type}@${f.offset}`);
    return ms;
  };
  const tCli: number[] = [];
  const tCli1: number[] = [];
  const tBw: number[] = [];
  for (let i = 0; i < 9; i++) {
    if (haveCli) tCli.push(runCli({}));
    if (haveCli) tCli1.push(runCli({ RB_HASH_WORKER: '1' }));
    if (haveBw) {
      const t0 = performance.now();
      bwFound = W.binwalk(file).map((h) => `${h.description.split(',')[0]}@${h.offset}`);
      tBw.push(performance.now() - t0);
    }
  }
  const cliMs = haveCli ? median(tCli) : undefined;
  const cli1Ms = haveCli ? median(tCli1) : undefined;
  const bwMs = haveBw ? median(tBw) : undefined;
  const binwalkVersion = W.haveTool('binwalk') ? execFileSync('binwalk', ['--help']).toString().match(/Binwalk v([\d.]+)/)?.[1] : undefined;
  if (cliMs !== undefined) console.log(`CLI process (node ${cli} inspect --json): ${cliMs.toFixed(0)} ms (forced to use the MD5 worker: ${cli1Ms!.toFixed(0)} ms), found ${cliFound.length}: ${cliFound.join(', ')}`);
  if (bwMs !== undefined) console.log(`binwalk ${binwalkVersion} process: ${bwMs.toFixed(0)} ms, found ${bwFound.length}: ${bwFound.join(', ')}`);
  if (cliMs !== undefined && bwMs !== undefined) console.log(`ratio CLI / binwalk: ${(cliMs / bwMs).toFixed(2)}`);
  console.log(
    JSON.stringify({ sizeMiB: +(size / MiB).toFixed(1), inProcessMs: +inProc.toFixed(1), sha256Ms: +shaOnly.toFixed(1), md5Ms: +md5Only.toFixed(1), cliMs, cliWithWorkerMs: cli1Ms, binwalkMs: bwMs, load: os.loadavg()[0], cliFound: cliFound.length, binwalkFound: bwFound.length, cpus: os.cpus().length }),
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
