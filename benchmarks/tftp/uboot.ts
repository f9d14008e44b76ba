/**
 * TFTP to a real U-Boot (issue 4): Debian's u-boot-qemu qemu_arm under QEMU on a tap NIC inside a throw-away
 * network namespace. 16 MiB at tftpblocksize 1468 (BLKSIZE=512 to change). Both servers run at the same time inside the namespace, each
 * bound to its own address on port 69: ours (the real CLI) on 192.168.1.10, tftpd-hpa (`in.tftpd -L`, in the
 * foreground) on 192.168.1.11; U-Boot picks one with `setenv serverip` (this U-Boot build has no `tftpdstp`).
 * A third server is ours with the JavaScript engine for every transfer (`--engine js`; the shipped server sends
 * lock-step reads with the native engine, decision 0013) on 192.168.1.12. THIRD="--poll-us 0" (any `tftp serve`
 * options) gives the third server other options instead, e.g. the native engine without its yielding wait.
 * Fetches alternate ours / tftpd-hpa back to back (the other servers after them), so both see the same load
 * (this 2-core machine is shared), and the ratio is taken per pair, then the median of the pairs.
 *  - lock-step (tftpwindowsize 1): goal >= 1.0x tftpd-hpa
 *  - tftpwindowsize 16 (RFC 7440): tftpd-hpa ignores the option and stays lock-step; goal >= 2x tftpd-hpa
 * Every fetch is checked with U-Boot's crc32. The rate is U-Boot's own printed figure.
 * With FLOOR=1 the "Node floor" (benchmarks/tftp/node-floor.ts: a bare Node lock-step loop, nothing of ours) runs at
 * 192.168.1.13 too and joins every lock-step pair: what Node itself reaches against this U-Boot.
 * With LOAD=N, N busy loops (`sh -c 'while :; do :; done'`) run beside it for the whole run: a bench machine
 * that is doing something else (decision 0013: the native engine's yielding wait must not collapse then).
 * Usage: npm run bench:tftp:uboot   (needs root for the namespace; PAIRS=5 by default)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crc32 } from '../../src-shared/capabilities/uboot';
import { nodeTsArgs } from '../../test-support/netns';
import { SECOND_IP, SERVER_IP, startHpaInNs, startOursInNs, UbootOnRig, ubootRigSupport } from '../../test-support/uboot-tftp-driver';

const PAIRS = Number(process.env.PAIRS ?? 5);
const JS_IP = '192.168.1.12';
const FLOOR_IP = '192.168.1.13';
const FLOOR = process.env.FLOOR === '1';
const SIZE = 16 * 1024 * 1024;
const LOAD = Number(process.env.LOAD ?? 0);
const BLKSIZE = Number(process.env.BLKSIZE ?? 1468);
const THIRD = process.env.THIRD?.split(/\s+/).filter(Boolean) ?? ['--engine', 'js'];
const third = THIRD.join(' ') === '--engine js' ? 'ours, JavaScript engine' : `ours with ${THIRD.join(' ')}`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const sup = ubootRigSupport();
  if (!sup.ok) {
    console.error(`cannot run: ${sup.reason}`);
    process.exit(2);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-ubench-'));
  fs.chmodSync(dir, 0o755);
  const data = crypto.randomBytes(SIZE);
  fs.writeFileSync(path.join(dir, 'bench.bin'), data, { mode: 0o644 });
  const want = crc32(data).toString(16).padStart(8, '0');
  const uboot = await UbootOnRig.start('tftpbench');
  const hpa = await startHpaInNs(uboot.rig, dir, SECOND_IP);
  const ours = await startOursInNs(uboot.rig, dir, SERVER_IP);
  const engine = ours.lines!.of('tftp.server.state').find((s) => s.state === 'listening')?.lockstep;
  process.stderr.write(`ours: lock-step engine ${engine?.engine ?? '?'}${engine?.why ? ` (${engine.why})` : ''}\n`);
  uboot.rig.ns.exec('ip', ['addr', 'add', `${JS_IP}/24`, 'dev', uboot.rig.tap]);
  const oursJs = await startOursInNs(uboot.rig, dir, JS_IP, THIRD);
  let floor: ReturnType<typeof uboot.rig.ns.spawn> | undefined;
  if (FLOOR) {
    uboot.rig.ns.exec('ip', ['addr', 'add', `${FLOOR_IP}/24`, 'dev', uboot.rig.tap]);
    const [cmd, args] = nodeTsArgs('benchmarks/tftp/node-floor.ts', [dir, FLOOR_IP, '69']);
    floor = uboot.rig.ns.spawn(cmd, args, { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((r) => floor!.stdout!.once('data', () => r()));
  }
  const floorRates: number[] = [];
  const floorRatios: number[] = [];
  const modes: Array<[string, number]> = [
    ['lock-step (tftpwindowsize 1)', 1],
    ['tftpwindowsize 16', 16],
  ];
  const res: Record<string, { ours: number[]; hpa: number[]; ratio: number[]; js: number[]; jsRatio: number[] }> = {};
  const fetch = async (server: string, windowsize: number): Promise<number> => {
    const t = await uboot.tftpboot('bench.bin', { blksize: BLKSIZE, windowsize, server });
    const crc = await uboot.crc32();
    if (t.bytes !== SIZE || crc !== want) throw new Error(`${server} window ${windowsize}: got ${t.bytes} bytes crc ${crc}, want ${SIZE} ${want}`);
    return t.ubootMiBs ?? SIZE / 1048576 / (t.ms / 1000);
  };
  const busy = Array.from({ length: LOAD }, () => spawn('sh', ['-c', 'while :; do :; done'], { stdio: 'ignore' }));
  try {
    const before = ours.lines!.lines.length;
    await fetch(SERVER_IP, 1); // warm-up: ARP, JIT
    await fetch(SECOND_IP, 1);
    await fetch(JS_IP, 1);
    if (FLOOR) await fetch(FLOOR_IP, 1);
    // make sure the right server answered each address
    if (ours.lines!.of('tftp.transfer').filter((e) => e.kind === 'done').length !== 1 || ours.lines!.lines.length - before < 2) throw new Error('our server did not serve exactly the warm-up fetch');
    for (let p = 0; p < PAIRS; p++) {
      for (const [mode, w] of modes) {
        const first = p % 2 === 0;
        // ours and tftpd-hpa back to back, in alternating order; the JavaScript engine after both
        const a = first ? await fetch(SERVER_IP, w) : 0;
        const h = await fetch(SECOND_IP, w);
        const o = first ? a : await fetch(SERVER_IP, w);
        const n = await fetch(JS_IP, w);
        const slot = (res[mode] ??= { ours: [], hpa: [], ratio: [], js: [], jsRatio: [] });
        slot.ours.push(o);
        slot.hpa.push(h);
        slot.ratio.push(o / h);
        slot.js.push(n);
        slot.jsRatio.push(n / h);
        if (FLOOR && w === 1) {
          const f = await fetch(FLOOR_IP, w);
          floorRates.push(f);
          floorRatios.push(f / h);
        }
        process.stderr.write(`pair ${p + 1} ${mode}: ours ${o.toFixed(1)} MiB/s, ${third} ${n.toFixed(1)}, tftpd-hpa ${h.toFixed(1)} MiB/s\n`);
      }
    }
  } finally {
    await ours.stop();
    await oursJs.stop();
    floor?.kill();
    for (const b of busy) b.kill();
    await hpa.stop();
    await uboot.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const load = os.loadavg()[0]!.toFixed(1);
  const lines = [
    `TFTP to U-Boot 2023.01 (u-boot-qemu qemu_arm, QEMU virt, virtio-net on a tap), 16 MiB, blksize ${BLKSIZE}, ${PAIRS} back-to-back pairs, crc32 checked each time; ${LOAD ? `${LOAD} busy loop${LOAD > 1 ? 's' : ''} beside it, ` : ''}load average ${load} on ${os.cpus().length} cores; ours sends lock-step with the ${engine?.engine ?? '?'} engine`,
    '',
    `| U-Boot setting | ours MiB/s (median, min–max) | ${third} | tftpd-hpa MiB/s (median, min–max) | ours / tftpd-hpa (median of pairs) | ${third} / tftpd-hpa |`,
    '|---|---|---|---|---|---|',
  ];
  const mm = (xs: number[]): string => `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})`;
  for (const [mode] of modes) {
    const r = res[mode]!;
    lines.push(`| ${mode} | ${mm(r.ours)} | ${mm(r.js)} | ${mm(r.hpa)} | ${median(r.ratio).toFixed(2)}× | ${median(r.jsRatio).toFixed(2)}× |`);
  }
  if (FLOOR) lines.push('', `Node floor (lock-step only): ${mm(floorRates)} MiB/s, ${median(floorRatios).toFixed(2)}× of tftpd-hpa (median of pairs).`);
  lines.push('', `Reproduce: ${FLOOR ? 'FLOOR=1 ' : ''}${LOAD ? `LOAD=${LOAD} ` : ''}${process.env.THIRD ? `THIRD="${process.env.THIRD}" ` : ''}${BLKSIZE !== 1468 ? `BLKSIZE=${BLKSIZE} ` : ''}npm run bench:tftp:uboot`);
  console.log(lines.join('\n'));
  process.exit(0);
}

void main();
