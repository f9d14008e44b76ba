/**
 * Shared pieces of the TFTP real-peer suites: a served tree with an outside "secret", real client runs, and a
 * raw UDP client for the hostile and protocol tests (it speaks exactly the bytes the test chooses).
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { nativeLockstep } from '../src-main/capabilities/tftp/native';
import { encodeRequest, OP, parseError, parseOack, readBlock, readOpcode } from '../src-shared/capabilities/tftp/codec';

export const MiB = 1024 * 1024;

/**
 * The engines the TFTP suites run with: both when the native lock-step engine is built, else JavaScript only
 * (with the reason printed). test/integration/tftp/native.test.ts fails if a C compiler is there but the
 * engine is not, so CI cannot quietly test only one.
 */
export function tftpEngines(): Array<'native' | 'js'> {
  const n = nativeLockstep();
  if (n.ok) return ['native', 'js'];
  console.log(`TFTP suites run with the JavaScript engine only: the native lock-step engine is ${n.reason}`);
  return ['js'];
}

export interface Tree {
  base: string;
  root: string;
  uploads: string;
  outside: string;
  secret: string;
  files: Record<string, string>; // name -> sha256
  cleanup(): void;
}

export function sha256(p: string | Buffer): string {
  return crypto.createHash('sha256').update(typeof p === 'string' ? fs.readFileSync(p) : p).digest('hex');
}

/** root/ with one.bin (1 MiB), big.bin (33 MiB: 69632 blocks of 512, past the 65535 rollover), empty.bin, a sub-folder and links. */
export function makeTree(opts: { big?: boolean } = {}): Tree {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-'));
  fs.chmodSync(base, 0o755);
  const root = path.join(base, 'root');
  const uploads = path.join(base, 'uploads');
  const outside = path.join(base, 'outside');
  for (const d of [root, uploads, outside, path.join(root, 'sub')]) fs.mkdirSync(d, { mode: 0o755 });
  const secret = path.join(outside, 'secret.txt');
  fs.writeFileSync(secret, 'outside the served folder\n');
  const files: Record<string, string> = {};
  const put = (name: string, data: Buffer): void => {
    fs.writeFileSync(path.join(root, name), data, { mode: 0o644 });
    files[name] = sha256(data);
  };
  put('one.bin', crypto.randomBytes(MiB));
  if (opts.big !== false) put('big.bin', crypto.randomBytes(33 * MiB));
  put('empty.bin', Buffer.alloc(0));
  put('sub/nested.txt', Buffer.from('nested\nfile\r\n'));
  fs.symlinkSync(secret, path.join(root, 'escape.txt')); // points outside: must be refused
  fs.symlinkSync(outside, path.join(root, 'outdir')); // a folder link leading outside
  fs.symlinkSync('one.bin', path.join(root, 'alias.bin')); // stays inside: allowed
  return { base, root, uploads, outside, secret, files, cleanup: () => fs.rmSync(base, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(cmd: string, args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(cmd, args, { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    p.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

export type Reply = { type: 'data'; block: number; len: number; data: Buffer; from: number } | { type: 'oack'; options: Record<string, string>; from: number } | { type: 'error'; code: number; message: string; from: number } | { type: 'other'; op: number; block: number; from: number };

/** A TFTP client made of raw datagrams, for tests that must control every packet. */
export class RawClient {
  readonly sock = dgram.createSocket('udp4');
  private queue: Reply[] = [];
  private waiters: Array<(r: Reply) => void> = [];
  /** Every DATA packet seen, by block number (to catch duplicate sends). */
  readonly dataSeen: number[] = [];

  static async open(): Promise<RawClient> {
    const c = new RawClient();
    await new Promise<void>((r) => c.sock.bind(0, '127.0.0.1', () => r()));
    c.sock.on('message', (m, rinfo) => c.onMessage(m, rinfo.port));
    return c;
  }

  private onMessage(m: Buffer, from: number): void {
    const op = readOpcode(m);
    let r: Reply;
    if (op === OP.DATA) {
      r = { type: 'data', block: readBlock(m), len: m.length - 4, data: Buffer.from(m.subarray(4)), from };
      this.dataSeen.push(r.block);
    } else if (op === OP.OACK) r = { type: 'oack', options: parseOack(m) ?? {}, from };
    else if (op === OP.ERROR) {
      const e = parseError(m)!;
      r = { type: 'error', code: e.code, message: e.message, from };
    } else r = { type: 'other', op, block: readBlock(m), from };
    const w = this.waiters.shift();
    if (w) w(r);
    else this.queue.push(r);
  }

  send(b: Uint8Array, port: number): void {
    this.sock.send(b, port, '127.0.0.1');
  }
  request(port: number, op: 'rrq' | 'wrq', name: string, options: Record<string, string> = {}, mode: 'octet' | 'netascii' = 'octet'): void {
    this.send(encodeRequest(op, name, mode, options), port);
  }
  ack(port: number, block: number): void {
    this.send(Uint8Array.of(0, OP.ACK, (block >> 8) & 255, block & 255), port);
  }

  /** The next reply, or null after `ms`. */
  next(ms = 3000): Promise<Reply | null> {
    const q = this.queue.shift();
    if (q) return Promise.resolve(q);
    return new Promise((resolve) => {
      const w = (r: Reply): void => {
        clearTimeout(t);
        resolve(r);
      };
      const t = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        resolve(null);
      }, ms);
      this.waiters.push(w);
    });
  }

  /** Drain replies until none arrives for `quietMs`. */
  async drain(quietMs = 300): Promise<Reply[]> {
    const out: Reply[] = [];
    for (;;) {
      const r = await this.next(quietMs);
      if (!r) return out;
      out.push(r);
    }
  }

  close(): void {
    this.sock.close();
  }
}
