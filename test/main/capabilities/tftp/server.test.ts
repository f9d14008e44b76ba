/**
 * The TFTP server's state machine (JavaScript engine) on a virtual UDP network (test-support/bindings/udp-mock.ts,
 * decision 0009): RRQ with and without options, ACK handling, retransmission on timeout and giving up, ERRORs for
 * bad opcodes and strangers, block-number rollover, uploads. Port 69 needs no root here, and short timeouts keep
 * it fast. The native engine opens real sockets and is not used on a virtual network; it and real clients (curl,
 * atftp, tftp-hpa, U-Boot) stay in test/integration/tftp/.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTftpServer, type TftpServer, type TftpServerOptions } from '../../../../src-main/capabilities/tftp/server';
import type { TftpTransferEvent } from '../../../../src-shared/capabilities/tftp/contract';
import { encodeAck, encodeError, encodeRequest, OP, parseError, parseOack, readBlock, readOpcode, TFTP_ERR } from '../../../../src-shared/capabilities/tftp/codec';
import type { UdpRemoteInfo, UdpSocket } from '../../../../src-main/platform/bindings/udp';
import { MockUdpNetwork } from '../../../../test-support/bindings/udp-mock';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import type { RbErrorShape } from '../../../../src-shared/errors';

const SERVER = '192.168.1.10';
const ROUTER = '192.168.1.1';
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-mock-'));
const root = path.join(base, 'served');
const uploads = path.join(base, 'uploads');
const FILE = crypto.randomBytes(1300); // blocks of 512, 512, 276
const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');

beforeAll(() => {
  fs.mkdirSync(root);
  fs.mkdirSync(uploads);
  fs.writeFileSync(path.join(root, 'openwrt.bin'), FILE);
  fs.writeFileSync(path.join(root, 'exact.bin'), crypto.randomBytes(1024)); // a multiple of 512: ends with an empty block
});
afterAll(() => fs.rmSync(base, { recursive: true, force: true }));

interface Got {
  msg: Buffer;
  rinfo: UdpRemoteInfo;
}

/** A client that speaks exactly the bytes the test chooses. */
class Client {
  private inbox: Got[] = [];
  private waiting: ((g: Got) => void) | undefined;
  /** Takes each datagram first, synchronously, when set (bulk transfers). */
  tap: ((msg: Buffer) => void) | undefined;
  constructor(readonly sock: UdpSocket) {
    sock.on('message', (msg, rinfo) => {
      if (this.tap) return this.tap(msg);
      const w = this.waiting;
      if (w) {
        this.waiting = undefined;
        w({ msg, rinfo });
      } else this.inbox.push({ msg, rinfo });
    });
    sock.on('error', () => undefined);
  }
  static async open(net: MockUdpNetwork, address = ROUTER): Promise<Client> {
    const sock = net.factory.createSocket({ type: 'udp4' });
    await new Promise<void>((r) => sock.bind({ address, port: 0 }, r));
    return new Client(sock);
  }
  get port(): number {
    return this.sock.address().port;
  }
  send(b: Uint8Array, port: number, address = SERVER): void {
    this.sock.send(b, port, address);
  }
  next(ms = 1000): Promise<Got> {
    const g = this.inbox.shift();
    if (g) return Promise.resolve(g);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        reject(new Error(`nothing arrived within ${ms} ms`));
      }, ms);
      this.waiting = (got) => {
        clearTimeout(timer);
        resolve(got);
      };
    });
  }
  /** True when nothing arrives for `ms`. */
  async quiet(ms: number): Promise<boolean> {
    return this.next(ms).then(
      (g) => {
        this.inbox.unshift(g);
        return false;
      },
      () => true,
    );
  }
  close(): void {
    this.sock.close();
  }
}

let server: TftpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function harness(extra: Partial<TftpServerOptions> = {}, netOpts: ConstructorParameters<typeof MockUdpNetwork>[0] = {}) {
  const net = new MockUdpNetwork(netOpts);
  server = await startTftpServer({ root, bind: SERVER, port: 69, dataDir: path.join(base, 'data'), udp: net.factory, timeoutMs: 25, retries: 2, ...extra });
  const events: TftpTransferEvent[] = [];
  server.on('transfer', (e) => events.push(e));
  const client = await Client.open(net);
  const ended = (): Promise<TftpTransferEvent> =>
    new Promise((resolve) => {
      const check = (e: TftpTransferEvent): void => {
        if (e.kind === 'done' || e.kind === 'error') {
          server!.off('transfer', check);
          resolve(e);
        }
      };
      server!.on('transfer', check);
    });
  return { net, server, client, events, ended };
}

const op = (g: Got): number => readOpcode(g.msg);
const blk = (g: Got): number => readBlock(g.msg);

describe('TFTP server (JavaScript engine) on a virtual network', () => {
  it('runs the JavaScript engine there, and says why not the native one', async () => {
    const h = await harness();
    expect(h.server.lockstep).toEqual({ engine: 'js', why: 'not usable on a virtual network (it opens real sockets)', whyMsg: { id: 'tftp.engine.why', values: { why: 'virtual' } } });
    const missing = await startTftpServer({ root, port: 0, udp: h.net.factory, engine: 'native', dataDir: path.join(base, 'data') }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'TFTP_NATIVE_MISSING', meaning: 'It was asked for explicitly, so the server did not start. The engine is not usable on a virtual network (it opens real sockets).' });
    // the reason travels as values: the fault is said in German (decision 0170)
    const de = localizeError(missing as RbErrorShape, translator('de', await loadCatalog('de')));
    expect(de.meaning).toBe('Sie wurde ausdrücklich verlangt, deshalb wurde der Server nicht gestartet. Die Engine ist in einem virtuellen Netz nicht nutzbar (sie öffnet echte Sockets).');
  });

  it('RRQ (RFC 1350): DATA from a port of its own, one block per ACK, a short last block ends it; the hash is the file', async () => {
    const h = await harness();
    const end = h.ended();
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const got: Buffer[] = [];
    let tid = 0;
    for (let n = 1; ; n++) {
      const d = await h.client.next();
      expect([op(d), blk(d)]).toEqual([OP.DATA, n]);
      if (n === 1) tid = d.rinfo.port;
      expect(d.rinfo).toMatchObject({ address: SERVER, port: tid });
      got.push(d.msg.subarray(4));
      h.client.send(encodeAck(n), tid);
      if (d.msg.length < 4 + 512) break;
    }
    expect(tid).not.toBe(69);
    expect(Buffer.concat(got).equals(FILE)).toBe(true);
    const e = await end;
    expect(e).toMatchObject({ kind: 'done', transfer: { state: 'done', bytes: FILE.length, sha256: sha(FILE), retransmits: 0, engine: 'js', peer: ROUTER } });
    expect(h.events.map((x) => x.kind)).toEqual(['start', 'done']);
  });

  it('a file that is a multiple of the block size ends with an empty block', async () => {
    const h = await harness();
    h.client.send(encodeRequest('rrq', 'exact.bin', 'octet'), 69);
    const d1 = await h.client.next();
    h.client.send(encodeAck(1), d1.rinfo.port);
    const d2 = await h.client.next();
    h.client.send(encodeAck(2), d1.rinfo.port);
    const d3 = await h.client.next();
    expect([blk(d2), d2.msg.length, blk(d3), d3.msg.length]).toEqual([2, 516, 3, 4]);
  });

  it('options (RFC 2347/2348/2349): OACK with the agreed blksize and the size; ACK 0 starts the data', async () => {
    const h = await harness({ maxBlksize: 1024 });
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet', { blksize: '1468', tsize: '0' }), 69);
    const o = await h.client.next();
    expect(op(o)).toBe(OP.OACK);
    expect(parseOack(o.msg)).toEqual({ blksize: '1024', tsize: String(FILE.length) });
    h.client.send(encodeAck(0), o.rinfo.port);
    const d1 = await h.client.next();
    expect([op(d1), blk(d1), d1.msg.length]).toEqual([OP.DATA, 1, 4 + 1024]);
  });

  it('retransmits on timeout, ignores duplicate ACKs (no Sorcerer\'s Apprentice), and gives up on a silent client', async () => {
    const h = await harness();
    const end = h.ended();
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const d1 = await h.client.next();
    const tid = d1.rinfo.port;
    // no ACK: the same block again after the timeout (25 ms)
    const again = await h.client.next();
    expect([op(again), blk(again)]).toEqual([OP.DATA, 1]);
    h.client.send(encodeAck(1), tid);
    const d2 = await h.client.next();
    expect(blk(d2)).toBe(2);
    // a duplicate ACK 1 must not bring a second DATA 2 before the timeout would
    h.client.send(encodeAck(1), tid);
    expect(await h.client.quiet(15)).toBe(true);
    // now silent: two more tries (retries: 2), then the transfer ends with a three-part error
    const e = await end;
    expect(e.transfer).toMatchObject({ state: 'error', error: { code: 'TFTP_TIMEOUT', message: expect.any(String), meaning: expect.any(String), fix: expect.any(String) } });
    expect(e.transfer.retransmits).toBeGreaterThanOrEqual(3);
    const resent = h.net.log.filter((d) => d.from.port === tid && readOpcode(d.data) === OP.DATA && readBlock(d.data) === 2);
    expect(resent).toHaveLength(3); // sent once, retried twice: never once per duplicate ACK
  });

  it('bad opcodes on the request port: ERROR 4; DATA/ACK there: ERROR 5; an ERROR is never answered', async () => {
    const h = await harness();
    h.client.send(Buffer.from([0, 9, 1, 2, 3]), 69);
    const e4 = await h.client.next();
    expect(parseError(e4.msg)).toMatchObject({ code: TFTP_ERR.ILLEGAL_OPERATION });
    h.client.send(encodeAck(1), 69);
    expect(parseError((await h.client.next()).msg)).toMatchObject({ code: TFTP_ERR.UNKNOWN_TID });
    h.client.send(encodeError(0, 'go away'), 69);
    expect(await h.client.quiet(30)).toBe(true);
    expect(h.server.malformed).toBe(3);
  });

  it('a wrong opcode inside a transfer ends it with ERROR 4 and a protocol error', async () => {
    const h = await harness();
    const end = h.ended();
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const d1 = await h.client.next();
    h.client.send(encodeRequest('wrq', 'x', 'octet'), d1.rinfo.port);
    let g = await h.client.next();
    while (op(g) === OP.DATA) g = await h.client.next(); // a retransmission may cross our packet
    expect(parseError(g.msg)).toMatchObject({ code: TFTP_ERR.ILLEGAL_OPERATION });
    expect((await end).transfer.error).toMatchObject({ code: 'TFTP_PROTOCOL' });
  });

  it('a stranger writing to a transfer\'s port gets ERROR 5 from that port; the transfer goes on (decision 0012)', async () => {
    const h = await harness({ timeoutMs: 1000 });
    const stranger = await Client.open(h.net, '192.168.1.66');
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const d1 = await h.client.next();
    stranger.send(encodeAck(1), d1.rinfo.port);
    const e5 = await stranger.next();
    expect(e5.rinfo.port).toBe(d1.rinfo.port);
    expect(parseError(e5.msg)).toMatchObject({ code: TFTP_ERR.UNKNOWN_TID });
    expect(h.server.strays).toBe(1);
    expect(await h.client.quiet(30)).toBe(true); // the stranger's ACK did not move the transfer
    h.client.send(encodeAck(1), d1.rinfo.port);
    expect(blk(await h.client.next())).toBe(2);
    stranger.close();
  });

  it('where ports cannot be shared, no stray socket is opened (the kernel would answer with ICMP)', async () => {
    const h = await harness({ timeoutMs: 1000 }, { sharedPortForStrays: false });
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const d1 = await h.client.next();
    expect(h.net.sockets().filter((s) => s.local?.port === d1.rinfo.port)).toHaveLength(1);
  });

  it('a client that goes away mid-transfer (port unreachable) ends the transfer', async () => {
    const h = await harness({ timeoutMs: 1000 });
    const end = h.ended();
    h.client.send(encodeRequest('rrq', 'openwrt.bin', 'octet'), 69);
    const d1 = await h.client.next();
    h.client.send(encodeAck(1), d1.rinfo.port);
    h.client.close(); // DATA 2 now hits a closed port
    expect((await end).transfer.error).toMatchObject({ code: 'TFTP_CLIENT_GONE' });
  });

  it('block numbers roll over from 65535 to 0 (windowsize 64, blksize 8) and the data stays right', async () => {
    const blocks = 65540;
    const big = crypto.randomBytes(blocks * 8 - 3);
    fs.writeFileSync(path.join(root, 'rollover.bin'), big);
    const h = await harness({ timeoutMs: 1000 }, { record: false });
    const end = h.ended();
    h.client.send(encodeRequest('rrq', 'rollover.bin', 'octet', { blksize: '8', windowsize: '64' }), 69);
    const o = await h.client.next();
    const tid = o.rinfo.port;
    const out = Buffer.alloc(big.length);
    let n = 0; // blocks received, counted past 65535
    const wrong: string[] = [];
    let sawZero = false;
    h.client.tap = (msg) => {
      if (readOpcode(msg) !== OP.DATA || readBlock(msg) !== ((n + 1) & 0xffff)) wrong.push(`${readOpcode(msg)}/${readBlock(msg)} after ${n}`);
      if (readBlock(msg) === 0) sawZero = true;
      msg.copy(out, n * 8, 4);
      n++;
      if (n % 64 === 0 || n === blocks) h.client.send(encodeAck(n & 0xffff), tid);
    };
    h.client.send(encodeAck(0), tid);
    const e = await end;
    expect(wrong).toEqual([]);
    expect(n).toBe(blocks);
    expect(sawZero).toBe(true);
    expect(out.equals(big)).toBe(true);
    expect(e.transfer).toMatchObject({ state: 'done', sha256: sha(big), retransmits: 0 });
  });

  it('WRQ: ACK 0, one ACK per block, the file saved whole; read-only servers refuse with ERROR 2', async () => {
    const ro = await harness();
    ro.client.send(encodeRequest('wrq', 'backup.bin', 'octet'), 69);
    expect(parseError((await ro.client.next()).msg)).toMatchObject({ code: TFTP_ERR.ACCESS_VIOLATION });
    await server!.close();

    const h = await harness({ allowWrite: uploads });
    const end = h.ended();
    const body = crypto.randomBytes(700);
    h.client.send(encodeRequest('wrq', 'backup.bin', 'octet'), 69);
    const a0 = await h.client.next();
    expect([op(a0), blk(a0)]).toEqual([OP.ACK, 0]);
    const tid = a0.rinfo.port;
    const data = (n: number, b: Buffer): Buffer => Buffer.concat([Buffer.from([0, OP.DATA, n >> 8, n & 0xff]), b]);
    h.client.send(data(1, body.subarray(0, 512)), tid);
    expect(blk(await h.client.next())).toBe(1);
    h.client.send(data(1, body.subarray(0, 512)), tid); // our ACK was "lost": the duplicate gets it again
    expect(blk(await h.client.next())).toBe(1);
    h.client.send(data(2, body.subarray(512)), tid);
    expect(blk(await h.client.next())).toBe(2);
    expect((await end).transfer).toMatchObject({ state: 'done', direction: 'write', bytes: 700, sha256: sha(body) });
    expect(fs.readFileSync(path.join(uploads, 'backup.bin')).equals(body)).toBe(true);
  });
});
