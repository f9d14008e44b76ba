/**
 * The native lock-step engine (native/lockstep, decision 0013) on loopback: it is built where a compiler is, its
 * SHA-256 equals node:crypto's (with and without the CPU's SHA instructions), its handle API refuses bad
 * arguments with exceptions instead of crashing, its yielding wait is decided by the probe rule (given round trips)
 * and probed on schedule in a real transfer, a stopped server stops its transfers at once, threads and file
 * handles are released, and — for both engines — a file that shrinks mid-transfer ends with a clear error and a
 * flood of stale ACKs from the client itself changes nothing.
 */
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeLockstep, type NativeLockstepApi } from '../../../src-main/capabilities/tftp/native';
import { startTftpServer, type TftpTransferEvent } from '../../../src-main/capabilities/tftp/server';
import { TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import { makeTree, MiB, RawClient, run, sha256, tftpEngines, type Tree } from '../../../test-support/tftp';

const status = nativeLockstep();
const compiler = ['cc', 'gcc', 'clang'].find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);

let tree: Tree;
beforeAll(() => {
  tree = makeTree({ big: false });
  fs.writeFileSync(path.join(tree.root, 'two.bin'), crypto.randomBytes(2 * MiB));
  tree.files['two.bin'] = sha256(path.join(tree.root, 'two.bin'));
});
afterAll(() => tree?.cleanup());

function tasks(): number {
  return fs.readdirSync('/proc/self/task').length;
}
function fds(): number {
  return fs.readdirSync('/proc/self/fd').length;
}

describe('the native engine is there', () => {
  it.skipIf(!compiler || (process.platform !== 'linux' && process.platform !== 'darwin'))('is built and loads wherever a C compiler is (CI cannot quietly test only the JavaScript engine)', () => {
    expect(status.ok, status.ok ? '' : `native engine: ${status.reason}`).toBe(true);
  });
});

describe.skipIf(!status.ok)('native engine', () => {
  const api = (status.ok ? status.api : undefined) as NativeLockstepApi;

  it("hashes exactly like node:crypto, with the CPU's SHA instructions and without", () => {
    const lengths = [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 1468, 65464, 65536 + 3, 1 * MiB + 7];
    const inputs = lengths.map((n) => crypto.randomBytes(n));
    for (const b of inputs) expect(api.sha256(b)).toBe(crypto.createHash('sha256').update(b).digest('hex'));
    // The portable code, in a child process (the choice is made once per process).
    const dir = fs.mkdtempSync(path.join(tree.base, 'sha-'));
    inputs.forEach((b, i) => fs.writeFileSync(path.join(dir, String(i)), b));
    const script = `const n=require(${JSON.stringify(status.ok ? status.path : '')});const fs=require('fs');const out=[];for(let i=0;i<${inputs.length};i++)out.push(n.sha256(fs.readFileSync(${JSON.stringify(dir)}+'/'+i)));console.log(JSON.stringify({acc:n.shaAccelerated,out}))`;
    const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, RB_SHA_PORTABLE: '1' }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const child = JSON.parse(r.stdout) as { acc: boolean; out: string[] };
    expect(child.acc).toBe(false);
    expect(child.out).toEqual(inputs.map((b) => crypto.createHash('sha256').update(b).digest('hex')));
    console.log(`native engine: SHA instructions ${api.shaAccelerated ? 'used' : 'not available on this CPU'}`);
  });

  it('refuses bad arguments with exceptions, never a crash', () => {
    const done = (): void => undefined;
    expect(() => api.open('not an address', false)).toThrow(/IPv4/);
    expect(() => api.open('203.0.113.1', false)).toThrow(/binding/); // not ours: EADDRNOTAVAIL, nothing sent
    expect(() => api.port({} as never)).toThrow(/handle/);
    const h = api.open('127.0.0.1', false);
    expect(api.port(h)).toBeGreaterThan(0);
    const fd = fs.openSync(path.join(tree.root, 'one.bin'), 'r');
    try {
      const good = ['127.0.0.1', 9, fd, 100, 512, 1000, 1, 0, null, done] as const;
      const bad: Array<[number, unknown]> = [
        [1, 'nowhere'],
        [2, 0],
        [2, 65536],
        [3, -1],
        [4, -1],
        [4, Number.NaN],
        [5, 7],
        [5, 65465],
        [6, 0],
        [8, 100001],
        [9, 'not a buffer'],
        [9, Buffer.alloc(0)],
        [10, 'not a function'],
      ];
      for (const [i, v] of bad) {
        const args: unknown[] = [h, ...good];
        args[i] = v;
        expect(() => (api.start as (...a: unknown[]) => void)(...args), `argument ${i} = ${String(v)}`).toThrow();
      }
      expect(() => (api.start as (...a: unknown[]) => void)(h, '127.0.0.1', 9)).toThrow(/11 arguments/);
      expect(api.progress(h)).toEqual([0, 0]);
      api.cancel(h, -1, ''); // before start: only marks it
      api.dispose(h);
      api.dispose(h); // twice is harmless
    } finally {
      fs.closeSync(fd);
    }
  });

  it('decides on its yielding wait by median round trips, and gives up early a wait twice as slow', () => {
    const v = api.probeVerdict.bind(api);
    const rt = (us: number, n = 64): number[] => Array<number>(n).fill(us);
    // 64 blocks without the wait at 100 us each; with it 80 us: wait. With it 120 us: do not. Not done yet: -1.
    expect(v(rt(100), 64, rt(80))).toBe(1);
    expect(v(rt(100), 64, rt(120))).toBe(0);
    expect(v(rt(100), 63, rt(80, 63))).toBe(-1);
    // medians, not sums: a 50 ms hiccup (a start-up cost, a page fault storm) in either probe does not decide
    expect(v([...rt(100, 63), 50_000], 64, rt(80))).toBe(1);
    expect(v(rt(100), 64, [50_000, ...rt(80, 63)])).toBe(1);
    expect(v(rt(100), 4, [50_000, 80, 80, 80])).toBe(-1);
    // another task takes the core on each yield (3 ms slices): given up after 4 blocks, not 64
    expect(v(rt(100), 3, rt(3000, 3))).toBe(-1);
    expect(v(rt(100), 4, rt(3000, 4))).toBe(0);
    // nothing to compare with (every block of the first probe resent): do not wait
    expect(v([], 64, rt(80))).toBe(0);
    expect(v(rt(100), 64, [])).toBe(0);
    expect(() => (v as (...a: unknown[]) => number)([], 1)).toThrow(/expected/);
    expect(() => v(rt(1, 65), 1, [])).toThrow(/at most 64/);
  });

  it('probes its yielding wait once per 4096 blocks in a real transfer, and only yields where it chose to', async () => {
    // 5 MiB at blksize 512 = 10241 blocks: probe rounds start at blocks 0 and ~4200 and ~8400 (64 + <= 64 + 4096 each)
    const file = path.join(tree.root, 'five.bin');
    fs.writeFileSync(file, crypto.randomBytes(5 * MiB));
    const c = await RawClient.open();
    try {
      const script = `const n=require(${JSON.stringify(status.ok ? status.path : '')});const fs=require('fs');
        const h=n.open('127.0.0.1',false);const fd=fs.openSync(${JSON.stringify(file)},'r');
        n.start(h,'127.0.0.1',Number(process.argv[1]),fd,${5 * MiB},512,5000,3,300,null,(r)=>{console.log(JSON.stringify(r));fs.closeSync(fd)});`;
      const child = spawn(process.execPath, ['-e', script, String(c.sock.address().port)], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      const exited = new Promise((r) => child.once('exit', r));
      const parts: Buffer[] = [];
      for (let block = 1; ; block++) {
        const d = await c.next(10_000);
        expect(d, `DATA ${block}: ${out}`).toMatchObject({ type: 'data', block });
        if (d?.type !== 'data') throw new Error('unreachable');
        parts.push(d.data);
        c.ack(d.from, block);
        if (d.len < 512) break;
      }
      await exited;
      const r = JSON.parse(out) as { outcome: string; acked: number; spunBlocks: number; choseSpin: number; choseSleep: number; sha256: string };
      expect(r).toMatchObject({ outcome: 'done', acked: 10241, sha256: crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') });
      expect(sha256(Buffer.concat(parts))).toBe(r.sha256);
      expect(r.choseSpin + r.choseSleep, JSON.stringify(r)).toBe(3);
      // it yields in the probes (at most 64 blocks each) and in the runs it chose the wait for (4096 blocks each)
      expect(r.spunBlocks, JSON.stringify(r)).toBeLessThanOrEqual(3 * 64 + r.choseSpin * 4096);
      console.log(`native engine, wait probes on loopback: ${JSON.stringify({ choseSpin: r.choseSpin, choseSleep: r.choseSleep, spunBlocks: r.spunBlocks })}`);
    } finally {
      c.close();
      fs.rmSync(file);
    }
  });

  it('a stopped server stops its native transfers at once: the client gets ERROR "Server shutting down", threads and files are released', async () => {
    const server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 2000, engine: 'native' });
    const events: TftpTransferEvent[] = [];
    server.on('transfer', (e) => events.push(e));
    // warm up libuv's thread pool and the server once, so the baseline counts include them
    const w = await run('curl', ['-s', '-o', path.join(tree.base, 'warm'), `tftp://127.0.0.1:${server.port}/one.bin`]);
    expect(w.code).toBe(0);
    // curl exits on the last DATA; the warm-up's thread ends only once the server has seen the last ACK. Under
    // load that can be after this line, so wait for the transfer to settle and the thread count to stop moving.
    expect((await server.settled('one.bin', 2000))?.state).toBe('done');
    let baseTasks = tasks();
    for (let i = 0; i < 40; i++) {
      await new Promise((r) => setTimeout(r, 25));
      const now = tasks();
      if (now === baseTasks) break;
      baseTasks = now;
    }
    const baseFds = fds();
    const clients = await Promise.all([0, 1, 2].map(() => RawClient.open()));
    try {
      for (const c of clients) c.request(server.port, 'rrq', 'two.bin', { blksize: '512' });
      for (const c of clients) {
        const d = await c.next();
        expect(d).toMatchObject({ type: 'oack' });
        c.ack(d!.from, 0);
        expect(await c.next()).toMatchObject({ type: 'data', block: 1 });
      }
      expect(tasks()).toBe(baseTasks + 3); // one thread per running transfer
      const t0 = Date.now();
      await server.close();
      for (const c of clients) {
        const e = await c.next(1000);
        expect(e).toMatchObject({ type: 'error', code: TFTP_ERR.NOT_DEFINED, message: 'Server shutting down' });
      }
      expect(Date.now() - t0).toBeLessThan(1000); // the engine looks at the cancel flag at least every 100 ms
      await expect.poll(() => tasks(), { timeout: 2000 }).toBe(baseTasks);
      for (const c of clients) c.close();
      clients.length = 0;
      // the engines' sockets, the stray sockets and the three files are closed
      await expect.poll(() => fds(), { timeout: 2000 }).toBeLessThanOrEqual(baseFds);
      expect(events.filter((e) => e.kind === 'error' && e.transfer.error?.code === 'TFTP_SERVER_STOPPED')).toHaveLength(3);
      expect(events.filter((e) => e.kind === 'start').every((e) => e.transfer.engine === 'native')).toBe(true);
    } finally {
      for (const c of clients) c.close();
      await server.close();
    }
  });

  it('eight clients at once, twice over: every file arrives whole and every thread ends', async () => {
    const server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, engine: 'native' });
    try {
      const base = tasks();
      for (let round = 0; round < 2; round++) {
        const outs = [...Array(8).keys()].map((i) => path.join(tree.base, `par-${round}-${i}`));
        const res = await Promise.all(outs.map((o) => run('curl', ['-s', '--tftp-blksize', '1468', '-o', o, `tftp://127.0.0.1:${server.port}/two.bin`])));
        expect(res.map((r) => r.code)).toEqual(Array(8).fill(0));
        for (const o of outs) expect(sha256(o)).toBe(tree.files['two.bin']);
      }
      await expect.poll(() => tasks(), { timeout: 2000 }).toBeLessThanOrEqual(base);
    } finally {
      await server.close();
    }
  });
});

describe.each(tftpEngines())('%s engine: hostile conditions during a transfer', (engine) => {
  it('a file that shrinks mid-transfer ends with ERROR 0 "Read error on server" and a plain read error, nothing hangs', async () => {
    const file = path.join(tree.root, `shrink-${engine}.bin`);
    fs.writeFileSync(file, crypto.randomBytes(2 * MiB));
    const server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 1000, engine });
    const events: TftpTransferEvent[] = [];
    server.on('transfer', (e) => events.push(e));
    const c = await RawClient.open();
    try {
      c.request(server.port, 'rrq', path.basename(file), { blksize: '512' });
      const o = await c.next();
      expect(o).toMatchObject({ type: 'oack' });
      const tid = o!.from;
      c.ack(tid, 0);
      let last: Awaited<ReturnType<RawClient['next']>> = null;
      for (let block = 1; block < 4100; block++) {
        last = await c.next();
        if (last?.type !== 'data') break;
        if (block === 2) fs.truncateSync(file, 1000);
        c.ack(tid, last.block);
      }
      expect(last).toMatchObject({ type: 'error', code: TFTP_ERR.NOT_DEFINED, message: 'Read error on server' });
      await expect.poll(() => events.find((e) => e.kind === 'error')?.transfer.error?.code).toBe('TFTP_READ_FAILED');
    } finally {
      c.close();
      await server.close();
    }
  });

  it('20 000 stale and future ACKs from the client itself are ignored: no block is sent twice, the file arrives whole', async () => {
    const server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 5000, engine });
    const c = await RawClient.open();
    try {
      c.request(server.port, 'rrq', 'one.bin', { blksize: '1468' });
      const o = await c.next();
      const tid = o!.from;
      c.ack(tid, 0);
      const parts: Buffer[] = [];
      for (let block = 1; ; block++) {
        const d = await c.next();
        expect(d, `DATA ${block}`).toMatchObject({ type: 'data', block });
        if (d?.type !== 'data') throw new Error('unreachable');
        parts.push(d.data);
        if (block === 10 || block === 300) {
          // everything but the block in flight: old ones (duplicates) and ones not sent yet
          for (let i = 0; i < 10_000; i++) {
            let n = crypto.randomInt(0, 65536);
            if (n === block) n = block - 1;
            c.ack(tid, n);
            if (i % 200 === 199) await new Promise((r) => setTimeout(r, 1)); // let the server drain its socket
          }
          await new Promise((r) => setTimeout(r, 50)); // so the real ACK below is not dropped from a full buffer
        }
        c.ack(tid, block);
        if (d.len < 1468) break;
      }
      expect(sha256(Buffer.concat(parts))).toBe(tree.files['one.bin']);
      expect(new Set(c.dataSeen).size).toBe(c.dataSeen.length);
      expect(await c.next(300)).toBeNull();
    } finally {
      c.close();
      await server.close();
    }
  });
});

describe.skipIf(!status.ok)('the engine is found where the app is laid out', () => {
  it('from a CommonJS bundle in dist/main (the Electron main process) and an ESM bundle in dist/cli, whatever the working folder', async () => {
    const { build } = await import('esbuild');
    const app = fs.mkdtempSync(path.join(tree.base, 'app-'));
    fs.mkdirSync(path.join(app, 'dist', 'native'), { recursive: true });
    fs.copyFileSync(status.ok ? status.path : '', path.join(app, 'dist', 'native', 'rb_lockstep.node'));
    const entry = path.join(app, 'probe.ts');
    fs.writeFileSync(entry, `import { nativeLockstep } from ${JSON.stringify(path.resolve('src-main/capabilities/tftp/native.ts'))};\nconst s = nativeLockstep();\nconsole.log(JSON.stringify(s.ok ? { path: s.path } : { reason: s.reason }));\n`);
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: path.join(app, 'dist', 'main', 'main.cjs'), logLevel: 'silent' });
    await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'esm', outfile: path.join(app, 'dist', 'cli', 'cli.mjs'), logLevel: 'silent' });
    for (const bundle of ['dist/main/main.cjs', 'dist/cli/cli.mjs']) {
      const r = spawnSync(process.execPath, [path.join(app, bundle)], { cwd: '/', encoding: 'utf8', env: { ...process.env, RB_NATIVE_DIR: '' } });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout), bundle).toEqual({ path: path.join(app, 'dist', 'native', 'rb_lockstep.node') });
    }
  });
});
