/**
 * Hostile and protocol-edge requests against our TFTP server, with a raw UDP client that controls every byte:
 * traversal, symlink escape, WRQ while read-only, 100k malformed datagrams, absurd options, a client that stops
 * ACKing, duplicate ACKs (Sorcerer's Apprentice), RFC 7440 gap recovery, and block-number rollover by hand.
 * Afterwards: nothing outside the root was read or written, and the server still serves a real client.
 */
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTftpServer, type TftpServer, type TftpTransferEvent } from '../../../src-main/capabilities/tftp/server';
import { OP, TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import { makeTree, tftpEngines, RawClient, run, sha256, type Tree } from '../../../test-support/tftp';

// Every test runs once per engine: the native lock-step engine (decision 0013) and the JavaScript one.
describe.each(tftpEngines())('%s engine', (engine) => {
  let tree: Tree;
  let server: TftpServer;
  let writable: TftpServer;
  const events: TftpTransferEvent[] = [];
  let secretAtime: number;

  beforeAll(async () => {
    tree = makeTree({ big: false });
    // a file whose block count crosses 65535 even at the smallest sensible raw-test block size
    fs.writeFileSync(path.join(tree.root, 'roll.bin'), crypto.randomBytes(65600 * 16));
    tree.files['roll.bin'] = sha256(path.join(tree.root, 'roll.bin'));
    // make atime observable: set it far in the past, so any read of the secret would move it
    fs.utimesSync(tree.secret, new Date(2000, 0, 1), new Date(2000, 0, 1));
    secretAtime = fs.statSync(tree.secret).atimeMs;
    server = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 300, retries: 3, engine });
    writable = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, allowWrite: tree.uploads, timeoutMs: 300, retries: 3 });
    server.on('transfer', (e) => events.push(e));
  });
  afterAll(async () => {
    await server?.close();
    await writable?.close();
    tree?.cleanup();
  });

  async function expectError(c: RawClient, codes: number[]): Promise<{ code: number; message: string }> {
    const r = await c.next(3000);
    expect(r, 'an ERROR reply, not silence').not.toBeNull();
    expect(r!.type).toBe('error');
    if (r!.type !== 'error') throw new Error('unreachable');
    expect(codes).toContain(r!.code);
    return r!;
  }

  describe('names that try to leave the served folder are refused with an ERROR', () => {
    const cases: Array<[string, number[]]> = [
      ['../outside/secret.txt', [TFTP_ERR.ACCESS_VIOLATION]],
      ['sub/../../outside/secret.txt', [TFTP_ERR.ACCESS_VIOLATION]],
      ['/etc/passwd', [TFTP_ERR.ACCESS_VIOLATION]],
      ['..\\outside\\secret.txt', [TFTP_ERR.ACCESS_VIOLATION]],
      ['sub\\..\\..\\outside\\secret.txt', [TFTP_ERR.ACCESS_VIOLATION]],
      ['C:\\Windows\\win.ini', [TFTP_ERR.ACCESS_VIOLATION]],
      ['escape.txt', [TFTP_ERR.ACCESS_VIOLATION]], // symlink to a file outside
      ['outdir/secret.txt', [TFTP_ERR.ACCESS_VIOLATION]], // through a folder symlink that leads outside
      ['..%2Foutside%2Fsecret.txt', [TFTP_ERR.ACCESS_VIOLATION]], // one name starting with a dot: hidden names are refused (decision 0007)
      ['sub%2F..%2F..%2Foutside%2Fsecret.txt', [TFTP_ERR.FILE_NOT_FOUND]], // taken literally: no such file
      ['a'.repeat(255), [TFTP_ERR.FILE_NOT_FOUND, TFTP_ERR.ACCESS_VIOLATION]],
      ['sub', [TFTP_ERR.FILE_NOT_FOUND]], // a folder is not a file
      ['missing.bin', [TFTP_ERR.FILE_NOT_FOUND]],
    ];
    for (const [name, codes] of cases) {
      it(JSON.stringify(name), async () => {
        const c = await RawClient.open();
        try {
          c.request(server.port, 'rrq', name);
          await expectError(c, codes);
        } finally {
          c.close();
        }
      });
    }

    it('an over-long name, a name with a NUL inside, and raw control bytes get ERRORs too', async () => {
      const c = await RawClient.open();
      try {
        c.send(Buffer.concat([Buffer.from([0, 1]), Buffer.alloc(400, 0x61), Buffer.from([0]), Buffer.from('octet\0')]), server.port);
        await expectError(c, [TFTP_ERR.ILLEGAL_OPERATION, TFTP_ERR.ACCESS_VIOLATION]);
        c.send(Buffer.from('\0\x01one.bin\0../../outside/secret.txt\0octet\0'), server.port); // NUL splits: mode is garbage
        await expectError(c, [TFTP_ERR.ILLEGAL_OPERATION]);
        c.send(Buffer.from('\0\x01a\x01b\0octet\0'), server.port);
        await expectError(c, [TFTP_ERR.ACCESS_VIOLATION, TFTP_ERR.ILLEGAL_OPERATION]);
      } finally {
        c.close();
      }
    });

    it('refusals are reported to the UI in plain words', () => {
      const e = events.find((x) => x.kind === 'error' && x.transfer.file === 'escape.txt');
      expect(e?.transfer.error?.code).toBe('TFTP_REFUSED');
      expect(e?.transfer.error?.message).toContain('escape.txt');
      const nf = events.find((x) => x.kind === 'error' && x.transfer.file === 'missing.bin');
      expect(nf?.transfer.error?.fix).toMatch(/name it exactly "missing.bin"/);
    });
  });

  describe('writes', () => {
    it('WRQ while read-only: ERROR 2, nothing created', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'wrq', 'new.bin');
        await expectError(c, [TFTP_ERR.ACCESS_VIOLATION]);
        expect(fs.existsSync(path.join(tree.root, 'new.bin'))).toBe(false);
      } finally {
        c.close();
      }
    });

    it('WRQ with uploads on: traversal, absolute and symlink-folder names are refused; nothing written outside', async () => {
      fs.symlinkSync(tree.outside, path.join(tree.uploads, 'link-out'));
      const c = await RawClient.open();
      try {
        for (const name of ['../outside/dropped.bin', '/tmp/dropped.bin', 'link-out/dropped.bin', '..\\dropped.bin', '.ssh/authorized_keys', '.profile']) {
          c.request(writable.port, 'wrq', name);
          await expectError(c, [TFTP_ERR.ACCESS_VIOLATION]);
        }
        expect(fs.readdirSync(tree.outside)).toEqual(['secret.txt']);
        expect(fs.existsSync('/tmp/dropped.bin')).toBe(false);
      } finally {
        c.close();
        fs.unlinkSync(path.join(tree.uploads, 'link-out'));
      }
    });

    it('RFC 7440 upload: a lost block mid-window is acknowledged once, the window resent, the file exact', async () => {
      const c = await RawClient.open();
      const blocks = Array.from({ length: 9 }, (_, i) => crypto.randomBytes(i === 8 ? 100 : 512)); // 8 full + a short last
      const data = (n: number): Buffer => Buffer.concat([Buffer.from([0, 3, n >> 8, n & 255]), blocks[n - 1]!]);
      try {
        c.request(writable.port, 'wrq', 'windowed.bin', { windowsize: '4' });
        const o = await c.next();
        expect(o).toMatchObject({ type: 'oack', options: { windowsize: '4' } });
        const tid = o!.from;
        for (const n of [1, 2, 4, 5]) c.send(data(n), tid); // block 3 lost; 4 and 5 arrive out of order
        expect(await c.next()).toMatchObject({ type: 'other', op: OP.ACK, block: 2 });
        expect(await c.next(300)).toBeNull(); // one ACK for the gap, not one per stray packet
        for (const n of [3, 4, 5, 6]) c.send(data(n), tid);
        expect(await c.next()).toMatchObject({ type: 'other', op: OP.ACK, block: 6 });
        for (const n of [7, 8, 9]) c.send(data(n), tid);
        expect(await c.next()).toMatchObject({ type: 'other', op: OP.ACK, block: 9 });
        await expect.poll(() => fs.existsSync(path.join(tree.uploads, 'windowed.bin'))).toBe(true);
        expect(sha256(path.join(tree.uploads, 'windowed.bin'))).toBe(sha256(Buffer.concat(blocks)));
      } finally {
        c.close();
        fs.rmSync(path.join(tree.uploads, 'windowed.bin'), { force: true });
      }
    });

    it('an upload that stops half-way leaves no file and no temporary file', async () => {
      const c = await RawClient.open();
      try {
        c.request(writable.port, 'wrq', 'partial.bin');
        const a0 = await c.next();
        expect(a0).toMatchObject({ type: 'other', op: OP.ACK });
        const tid = a0!.from;
        c.send(Buffer.concat([Buffer.from([0, 3, 0, 1]), Buffer.alloc(512, 7)]), tid);
        expect(await c.next()).toMatchObject({ type: 'other', op: OP.ACK });
        // now silence: the server retries its ACK, then gives up and cleans up
        await new Promise((r) => setTimeout(r, 300 * 6));
        expect(fs.readdirSync(tree.uploads)).toEqual([]);
      } finally {
        c.close();
      }
    });
  });

  describe('options with absurd values', () => {
    const bad: Array<Record<string, string>> = [{ blksize: '0' }, { blksize: '7' }, { blksize: 'lots' }, { timeout: '0' }, { timeout: '100000' }, { windowsize: '0' }, { windowsize: '-4' }, { tsize: 'x' }];
    for (const o of bad) {
      it(`${JSON.stringify(o)} → ERROR 8`, async () => {
        const c = await RawClient.open();
        try {
          c.request(server.port, 'rrq', 'one.bin', o);
          await expectError(c, [TFTP_ERR.OPTION_REFUSED]);
        } finally {
          c.close();
        }
      });
    }
    it('an oversized blksize and window are answered with our maximum in the OACK', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'one.bin', { blksize: '9999999', windowsize: '65535', tsize: '0' });
        const r = await c.next();
        expect(r).toMatchObject({ type: 'oack', options: { blksize: '65464', windowsize: '64', tsize: String(1024 * 1024) } });
        c.send(Buffer.from([0, 5, 0, 8, 0x6e, 0x6f, 0]), r!.from); // client refuses: ERROR 8, transfer ends quietly
        expect(await c.next(500)).toBeNull();
      } finally {
        c.close();
      }
    });
  });

  describe('protocol behaviour', () => {
    it('a client that stops ACKing: retransmits, then gives up; the server keeps serving others', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'one.bin');
        // acknowledge the first 20 blocks, then fall silent mid-file
        for (let b = 1; b <= 20; b++) {
          const d = await c.next();
          expect(d).toMatchObject({ type: 'data', block: b, len: 512 });
          c.ack(d!.from, b);
        }
        const first = await c.next();
        expect(first).toMatchObject({ type: 'data', block: 21 });
        // never ACK again. Meanwhile a real client fetches fine.
        const local = path.join(tree.base, 'during');
        const r = await run('curl', ['-s', '-o', local, `tftp://127.0.0.1:${server.port}/one.bin`]);
        expect(r.code).toBe(0);
        expect(sha256(local)).toBe(tree.files['one.bin']);
        await expect.poll(() => events.find((e) => e.kind === 'error' && e.transfer.peerPort === c.sock.address().port)?.transfer.error?.code, { timeout: 5000 }).toBe('TFTP_TIMEOUT');
        const resent = c.dataSeen.filter((b) => b === 21).length;
        expect(resent).toBeGreaterThanOrEqual(2); // first send + retransmissions
        expect(resent).toBeLessThanOrEqual(1 + 3); // bounded by the retry count
        expect(server.transfers().filter((t) => t.state === 'running')).toEqual([]);
      } finally {
        c.close();
      }
    });

    it("duplicate ACKs never cause duplicate DATA (no Sorcerer's Apprentice)", async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'one.bin');
        let block = 0;
        let tid = 0;
        for (;;) {
          const r = await c.next();
          if (!r || r.type !== 'data') throw new Error(`expected DATA, got ${JSON.stringify(r)}`);
          tid = r.from;
          block = r.block;
          c.ack(tid, block);
          c.ack(tid, block); // every ACK twice, as a delayed network would deliver it
          if (r.len < 512) break;
        }
        await c.drain(400);
        expect(block).toBe(2049); // 1 MiB / 512 = 2048 full blocks + the empty last one
        const counts = new Map<number, number>();
        for (const b of c.dataSeen) counts.set(b, (counts.get(b) ?? 0) + 1);
        expect([...counts.values()].every((n) => n === 1)).toBe(true);
      } finally {
        c.close();
      }
    });

    it('RFC 7440: with windowsize 4, an ACK short of the window makes the server resend from the gap', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'one.bin', { windowsize: '4', blksize: '512' });
        const o = await c.next();
        expect(o).toMatchObject({ type: 'oack', options: { windowsize: '4' } });
        c.ack(o!.from, 0);
        const w1 = [await c.next(), await c.next(), await c.next(), await c.next()];
        expect(w1.map((r) => (r?.type === 'data' ? r.block : -1))).toEqual([1, 2, 3, 4]);
        c.ack(o!.from, 2); // "I lost block 3": resend 3.. as a new window
        const w2 = [await c.next(), await c.next(), await c.next(), await c.next()];
        expect(w2.map((r) => (r?.type === 'data' ? r.block : -1))).toEqual([3, 4, 5, 6]);
        c.send(Buffer.from([0, 5, 0, 0, 0]), o!.from);
      } finally {
        c.close();
      }
    });

    it('block numbers roll over from 65535 to 0 (blksize 16, 65601 blocks) and the data stays right', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'roll.bin', { blksize: '16', windowsize: '64' });
        const o = await c.next();
        expect(o?.type).toBe('oack');
        const tid = o!.from;
        c.ack(tid, 0);
        const parts: Buffer[] = [];
        let logical = 0;
        let lastLen = 16;
        let sinceAck = 0;
        while (lastLen === 16) {
          const r = await c.next();
          if (!r || r.type !== 'data') throw new Error(`stalled after block ${logical}: ${JSON.stringify(r)}`);
          if (r.block !== ((logical + 1) & 0xffff)) continue;
          logical++;
          parts.push(r.data);
          lastLen = r.len;
          if (++sinceAck === 64 || lastLen < 16) {
            c.ack(tid, logical & 0xffff);
            sinceAck = 0;
          }
        }
        expect(logical).toBe(65601);
        expect(sha256(Buffer.concat(parts))).toBe(tree.files['roll.bin']);
      } finally {
        c.close();
      }
    });

    it('a client that restarts from the same port gets a fresh transfer; a repeated request before any progress is ignored', async () => {
      const c = await RawClient.open();
      try {
        c.request(server.port, 'rrq', 'one.bin');
        c.request(server.port, 'rrq', 'one.bin'); // retransmitted request: no second transfer
        const d1 = await c.next();
        expect(d1).toMatchObject({ type: 'data', block: 1 });
        expect(await c.next(150)).toBeNull();
        c.ack(d1!.from, 1);
        expect(await c.next()).toMatchObject({ type: 'data', block: 2, from: d1!.from });
        c.request(server.port, 'rrq', 'one.bin'); // the bootloader restarted
        const again = await c.next();
        expect(again).toMatchObject({ type: 'data', block: 1 });
        expect(again!.from).not.toBe(d1!.from);
        await expect.poll(() => events.find((e) => e.kind === 'error' && e.transfer.error?.code === 'TFTP_CLIENT_RESTARTED')).toBeTruthy();
        c.send(Buffer.from([0, 5, 0, 0, 0]), again!.from);
      } finally {
        c.close();
      }
    });

    it('DATA or ACK sent to the request port gets ERROR 5 (unknown transfer ID)', async () => {
      const c = await RawClient.open();
      try {
        c.ack(server.port, 1);
        await expectError(c, [TFTP_ERR.UNKNOWN_TID]);
      } finally {
        c.close();
      }
    });

    it.skipIf(process.platform !== 'linux')('a stray from a third port to a running transfer gets ERROR 5 from that port; the transfer completes, sha256 equal', async () => {
      // Its own server with a long timeout: the stray exchange below waits longer than the suite's 300 ms, and a
      // retransmission caused by that wait must not be mistaken for one caused by the strays.
      const patient = await startTftpServer({ root: tree.root, bind: '127.0.0.1', port: 0, timeoutMs: 5000, retries: 3, engine });
      const seen: TftpTransferEvent[] = [];
      patient.on('transfer', (e) => seen.push(e));
      const client = await RawClient.open();
      const stray = await RawClient.open();
      try {
        client.request(patient.port, 'rrq', 'one.bin', { blksize: '1024' });
        const oack = await client.next();
        expect(oack).toMatchObject({ type: 'oack', options: { blksize: '1024' } });
        const tid = oack!.from;
        client.ack(tid, 0);
        const parts: Buffer[] = [];
        let strayReplies = 0;
        for (let block = 1; ; block++) {
          const d = await client.next();
          expect(d, `DATA ${block}`).toMatchObject({ type: 'data', block: block & 0xffff, from: tid });
          if (d!.type !== 'data') throw new Error('unreachable');
          parts.push(d!.data);
          if (block % 256 === 1) {
            // Mid-transfer, from another port: an ACK (the block the client is at), a DATA, and an ERROR.
            stray.ack(tid, block);
            const e = await stray.next(2000);
            expect(e, 'ERROR 5 to the stray, not silence (the kernel would send ICMP)').toMatchObject({ type: 'error', code: TFTP_ERR.UNKNOWN_TID, from: tid });
            stray.send(Buffer.from([0, OP.DATA, 0, 1, 1, 2, 3]), tid);
            expect(await stray.next(2000)).toMatchObject({ type: 'error', code: TFTP_ERR.UNKNOWN_TID, from: tid });
            stray.send(Buffer.from([0, OP.ERROR, 0, 0, 0]), tid);
            expect(await stray.next(300), 'an ERROR is never answered with an ERROR').toBeNull();
            strayReplies += 2;
          }
          client.ack(tid, block);
          if (d!.len < 1024) break;
        }
        expect(strayReplies).toBeGreaterThanOrEqual(4);
        expect(sha256(Buffer.concat(parts))).toBe(tree.files['one.bin']);
        // The client saw each block exactly once (the strays caused no retransmission) and nothing after the end.
        expect(new Set(client.dataSeen).size).toBe(client.dataSeen.length);
        expect(await client.next(300)).toBeNull();
        expect(patient.strays).toBe(strayReplies + strayReplies / 2);
        await expect.poll(() => seen.find((e) => e.kind === 'done' && e.transfer.peerPort === client.sock.address().port)).toBeTruthy();
        expect(seen.some((e) => e.kind === 'error' && e.transfer.peerPort === client.sock.address().port)).toBe(false);
      } finally {
        client.close();
        stray.close();
        await patient.close();
      }
    });
  });

  describe('a flood of malformed datagrams', () => {
    it('100k random datagrams: no crash, nothing outside touched, a real client is served afterwards', async () => {
      const s = dgram.createSocket('udp4');
      await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
      const rnd = crypto.randomBytes(4_000_000);
      let off = 0;
      const N = 100_000;
      for (let i = 0; i < N; i++) {
        const len = rnd[off++ % rnd.length]! % 80;
        const b = Buffer.from(rnd.subarray(off % (rnd.length - 100), (off % (rnd.length - 100)) + len));
        off += len;
        // a third look like requests (opcode 1/2), the rest any opcode at all
        if (b.length >= 2 && i % 3 === 0) {
          b[0] = 0;
          b[1] = 1 + (i % 2);
        }
        s.send(b, server.port, '127.0.0.1');
        if (i % 500 === 0) await new Promise((r) => setImmediate(r)); // let the server breathe like a real network would
      }
      await new Promise((r) => setTimeout(r, 1500));
      s.close();
      expect(server.malformed).toBeGreaterThan(0);
      const local = path.join(tree.base, 'after-flood');
      const r = await run('curl', ['-s', '--tftp-blksize', '1468', '-o', local, `tftp://127.0.0.1:${server.port}/one.bin`]);
      expect(r.code, r.stderr).toBe(0);
      expect(sha256(local)).toBe(tree.files['one.bin']);
    }, 120_000);

    it('outside the root: the secret was never read and the outside folder is unchanged', () => {
      expect(fs.statSync(tree.secret).atimeMs).toBe(secretAtime);
      expect(fs.readdirSync(tree.outside)).toEqual(['secret.txt']);
    });
  });
});
