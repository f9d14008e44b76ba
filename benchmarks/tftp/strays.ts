/**
 * What answering strays costs (decision 0012): each transfer gets a second, unconnected socket on its port so
 * that a datagram from a third port gets ERROR 5 instead of the kernel's ICMP. The connected socket, and so the
 * per-packet path, is unchanged; the cost is one more socket per transfer. Measured in the same run, our server
 * with and without it: (1) many small transfers back to back (setup cost: a raw client fetches a 1 KiB file,
 * request to last ACK), (2) curl --tftp-blksize 1468 lock-step fetches of 16 MiB (per-packet cost).
 * Usage: npx tsx benchmarks/tftp/strays.ts   (SMALL=2000 ROUNDS=7 to change)
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTftpServer, type TftpServer } from '../../src-main/capabilities/tftp';
import { encodeRequest, OP, readBlock, readOpcode } from '../../src-shared/capabilities/tftp';

const MiB = 1024 * 1024;
const SMALL = Number(process.env.SMALL ?? 2000);
const ROUNDS = Number(process.env.ROUNDS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Fetch a one-block file with a raw client from a fresh port (as a bootloader does); time from request to the last ACK (ms). */
async function fetchSmall(port: number): Promise<number> {
  const c = dgram.createSocket('udp4');
  await new Promise<void>((r) => c.bind(0, '127.0.0.1', () => r()));
  try {
    return await fetchOn(c, port);
  } finally {
    c.close();
  }
}

function fetchOn(c: dgram.Socket, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const timer = setTimeout(() => reject(new Error('small fetch timed out')), 5000);
    c.once('message', (m, rinfo) => {
      clearTimeout(timer);
      if (readOpcode(m) !== OP.DATA || readBlock(m) !== 1) return reject(new Error('expected DATA 1'));
      c.send(Uint8Array.of(0, OP.ACK, 0, 1), rinfo.port, '127.0.0.1', () => resolve(performance.now() - t0));
    });
    c.send(encodeRequest('rrq', 'small.bin', 'octet', {}), port, '127.0.0.1');
  });
}

function curl(port: number): Promise<number> {
  return new Promise((resolve) => {
    const t0 = performance.now();
    spawn('curl', ['-s', '--tftp-blksize', '1468', '-o', '/dev/null', `tftp://127.0.0.1:${port}/big.bin`], { stdio: 'ignore' }).on('exit', () => resolve(performance.now() - t0));
  });
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-strays-'));
  fs.writeFileSync(path.join(dir, 'small.bin'), crypto.randomBytes(1024));
  fs.writeFileSync(path.join(dir, 'big.bin'), crypto.randomBytes(16 * MiB));
  const servers: Array<[string, TftpServer]> = [
    ['with stray socket', await startTftpServer({ root: dir, bind: '127.0.0.1', port: 0, answerStrays: true })],
    ['without', await startTftpServer({ root: dir, bind: '127.0.0.1', port: 0, answerStrays: false })],
  ];
  const small: Record<string, number[]> = {};
  const big: Record<string, number[]> = {};
  for (const [, s] of servers) for (let i = 0; i < 50; i++) await fetchSmall(s.port); // warm-up
  for (let r = 0; r < ROUNDS; r++) {
    for (const [name, s] of r % 2 ? [...servers].reverse() : servers) {
      const t0 = performance.now();
      for (let i = 0; i < SMALL / ROUNDS; i++) await fetchSmall(s.port);
      (small[name] ??= []).push(((performance.now() - t0) * 1000) / Math.floor(SMALL / ROUNDS));
      (big[name] ??= []).push(16 / ((await curl(s.port)) / 1000));
    }
  }
  for (const [, s] of servers) await s.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const lines = [
    `TFTP stray socket cost, loopback, median of ${ROUNDS} rounds; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
    '',
    '| server | 1 KiB fetch, request to last ACK (µs) | curl blksize 1468, 16 MiB (MiB/s) |',
    '|---|---|---|',
    ...servers.map(([n]) => `| ${n} | ${median(small[n]!).toFixed(0)} | ${median(big[n]!).toFixed(1)} |`),
    '',
    'Reproduce: npx tsx benchmarks/tftp/strays.ts',
  ];
  console.log(lines.join('\n'));
  process.exit(0);
}

void main();
