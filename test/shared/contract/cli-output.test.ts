/**
 * The command line's --json output is part of the contract (docs/decisions/0043-cli-is-a-transport.md): real
 * output of several commands, run in this process, line by line against the schemas of
 * src-shared/contract/cli.ts and the contract's events. (The suites of the other commands read their output
 * through test-support/cli-lines.ts, which checks every line the same way.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../../src-main/cli/main';
import type { CliIo } from '../../../src-main/cli/types';
import { CliEnvelopeSchema, cliOutput, cliResults, CliResultSchema } from '../../../src-shared/contract/cli';
import { eventNames } from '../../../src-shared/contract';
import { encodeNetmsg } from '../../../src-shared/capabilities/failsafe/netmsg';
import { parseCliOutput, payloads, resultOf, valueOf, type CliLine } from '../../../test-support/cli-lines';
import * as W from '../../../test-support/firmware-images';

let base: string;
const savedDataDir = process.env.RESCUE_BENCH_DATA_DIR;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-cli-output-'));
  process.env.RESCUE_BENCH_DATA_DIR = path.join(base, 'data');
});
afterAll(() => {
  if (savedDataDir === undefined) delete process.env.RESCUE_BENCH_DATA_DIR;
  else process.env.RESCUE_BENCH_DATA_DIR = savedDataDir;
  fs.rmSync(base, { recursive: true, force: true });
});

/** Run one command in this process; `until` says when to "press Ctrl-C" (given the lines so far). */
async function run(argv: string[], until?: (out: string[]) => Promise<void>): Promise<{ code: number; lines: CliLine[]; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  let stop!: () => void;
  const stopped = until ? new Promise<void>((r) => (stop = r)) : Promise.resolve();
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l), stopped };
  const running = runCli(argv, io);
  if (until) {
    await until(out);
    stop();
  }
  const code = await running;
  return { code, lines: parseCliOutput(out), out, err };
}

/** Wait until a printed line says `event` (and matches). */
async function printed(out: string[], event: string, match: (payload: any) => boolean = () => true, ms = 10_000): Promise<any> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = out.map((l) => JSON.parse(l)).find((l) => l.event === event && match(l.payload));
    if (hit) return hit.payload;
    if (Date.now() > until) throw new Error(`no ${event} line in ${out.join('\n').slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe('the CLI output schemas', () => {
  it('name every CLI command, and their own line names never clash with a contract event', async () => {
    const cliCommands = await (await import('../../../src-main/cli/registry')).loadCliCommands();
    expect(Object.keys(cliResults).sort()).toEqual(cliCommands.map((c) => c.words.join(' ')).sort());
    for (const name of Object.keys(cliOutput)) {
      expect(name).toMatch(/^cli\./);
      expect(eventNames).not.toContain(name);
    }
    // the envelope is strict: nothing beside event, at and payload
    expect(CliEnvelopeSchema.safeParse({ event: 'cli.result', at: 1, payload: {}, extra: 1 }).success).toBe(false);
    expect(CliResultSchema.safeParse({ command: 'inspect', ok: false, error: { code: 'X', message: 'm' } }).success).toBe(true);
    expect(CliResultSchema.safeParse({ command: 'inspect', ok: true, value: {} }).success).toBe(false);
  });
});

describe('real output, line by line against the schemas', () => {
  it('inspect: one cli.result line with firmware.inspect\'s and firmware.verdict\'s replies; a failure and a usage mistake too', async () => {
    const file = path.join(base, 'FW_WRT32X_1.0.180404.58.img');
    fs.writeFileSync(file, W.linksysStockLike());
    const ok = await run(['inspect', file, '--device', 'linksys,wrt32x', '--json']);
    expect(ok.code).toBe(0);
    expect(ok.lines).toHaveLength(1);
    const v = valueOf(ok.lines, 'inspect');
    expect(v.inspection.fileName).toBe(path.basename(file));
    expect(v.verdict?.verdict).toBe('needs-factory');

    const missing = await run(['inspect', path.join(base, 'none.bin'), '--json']);
    expect(missing.code).toBe(1);
    expect(resultOf(missing.lines)).toMatchObject({ command: 'inspect', ok: false, error: { code: 'FILE_NOT_FOUND' } });

    const usage = await run(['inspect', file, '--device', 'x'.repeat(200), '--json']);
    expect(usage.code).toBe(2);
    expect(resultOf(usage.lines)).toMatchObject({ command: 'inspect', ok: false, error: { code: 'USAGE', message: expect.stringContaining('--device must be a board name') } });
  });

  it('tftp serve: the server\'s states and a transfer as contract events, then tftp.server.stop\'s reply', async () => {
    const root = path.join(base, 'tftp');
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'small.bin'), Buffer.from('hello, bootloader\n'));
    const r = await run(['tftp', 'serve', '--root', root, '--bind', '127.0.0.1', '--port', '0', '--json'], async (out) => {
      const { port } = await printed(out, 'tftp.server.state', (s) => s.state === 'listening');
      // a one-block read, the way a bootloader asks: RRQ, DATA 1 (short: the end), ACK 1
      const c = dgram.createSocket('udp4');
      await new Promise<void>((res) => c.bind(0, '127.0.0.1', () => res()));
      const data = new Promise<Buffer>((res) => c.once('message', (m, rinfo) => (c.send(Buffer.from([0, 4, 0, 1]), rinfo.port, rinfo.address), res(m))));
      c.send(Buffer.concat([Buffer.from([0, 1]), Buffer.from('small.bin\0octet\0')]), port, '127.0.0.1');
      expect((await data).subarray(4).toString()).toBe('hello, bootloader\n');
      await printed(out, 'tftp.transfer', (e) => e.kind === 'done');
      c.close();
    });
    expect(r.code, r.err.join('\n')).toBe(0);
    expect(payloads(r.lines, 'tftp.server.state').map((s) => s.state)).toEqual(['starting', 'listening', 'stopped']);
    expect(payloads(r.lines, 'tftp.transfer').map((e) => e.kind)).toEqual(['start', 'done']);
    expect(payloads(r.lines, 'tftp.transfer')[1]!.transfer).toMatchObject({ file: 'small.bin', bytes: 18 });
    expect(valueOf(r.lines, 'tftp serve')).toMatchObject({ state: 'stopped' });
  });

  it('failsafe watch: the monitor\'s states and each datagram, then failsafe.monitor.stop\'s reply', async () => {
    const port = await freeUdpPort();
    const r = await run(['failsafe', 'watch', '--bind', '127.0.0.1', '--port', String(port), '--json'], async (out) => {
      await printed(out, 'failsafe.monitor.state', (s) => s.state === 'listening');
      const s = dgram.createSocket('udp4');
      s.send(encodeNetmsg('Please press button now to enter failsafe'), port, '127.0.0.1');
      await printed(out, 'failsafe.datagram');
      s.close();
    });
    expect(r.code).toBe(0);
    expect(payloads(r.lines, 'failsafe.datagram')).toEqual([expect.objectContaining({ kind: 'failsafe-prompt', from: '127.0.0.1' })]);
    expect(valueOf(r.lines, 'failsafe watch')).toMatchObject({ state: 'stopped', received: 1 });
  });

  it('serve: cli.listening, then its result when stopped', async () => {
    const renderer = path.join(base, 'renderer');
    fs.mkdirSync(renderer);
    fs.writeFileSync(path.join(renderer, 'index.html'), '<!doctype html><title>probe</title>');
    const r = await run(['serve', '--port', '0', '--renderer', renderer, '--json'], (out) => printed(out, 'cli.listening'));
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.event)).toEqual(['cli.listening', 'cli.result']);
    expect(valueOf(r.lines, 'serve')).toEqual(r.lines[0]!.payload);
  });

  it('serial ports: serial.ports\' reply', async () => {
    const r = await run(['serial', 'ports', '--json']);
    expect(r.code).toBe(0);
    expect(valueOf(r.lines, 'serial ports').ports).toEqual(expect.any(Array));
  });

  it('failures carry what was done: a backup that cannot connect (the backup\'s result), a restore of a missing folder, a port that is not there', async () => {
    const backup = await run(['backup', '--host', '127.0.0.1', '--port', '1', '--ssh', '--session-only-key', '--key', path.join(base, 'no-key'), '--out', path.join(base, 'bk'), '--json']);
    expect(backup.code).toBe(1);
    const phases = payloads(backup.lines, 'flash.backup.progress').map((p) => p.phase);
    expect(phases[0]).toBe('connecting');
    expect(phases.at(-1)).toBe('failed');
    const done = payloads(backup.lines, 'flash.backup.done');
    expect(done).toHaveLength(1);
    expect(resultOf(backup.lines)).toMatchObject({ command: 'backup', ok: false, error: done[0]!.error, value: { ok: false, backupId: done[0]!.backupId } });

    const restore = await run(['restore', '--host', '127.0.0.1', '--from', path.join(base, 'no-backup'), '--partition', 'firmware', '--json']);
    expect(restore.code).toBe(1);
    expect(restore.lines).toHaveLength(1);
    expect(resultOf(restore.lines)).toMatchObject({ command: 'restore', ok: false, error: { code: expect.any(String), message: expect.any(String) } });

    for (const argv of [['serial', 'watch', '--port', path.join(base, 'ttyNONE')], ['uboot', '--port', path.join(base, 'ttyNONE'), '--file', path.join(base, 'none.itb')]]) {
      const r = await run([...argv, '--json']);
      expect(r.code, argv.join(' ')).toBe(1);
      const res = resultOf(r.lines);
      expect(res.ok).toBe(false);
      expect(res.command).toBe(argv[0] === 'uboot' ? 'uboot' : 'serial watch');
    }
  });
});
