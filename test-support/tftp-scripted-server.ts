/**
 * A scripted TFTP write receiver on loopback for the client's unit tests (test/main/capabilities/tftp/client.test.ts).
 * It is the test's own peer, not a stand-in for a real server (the real-peer tests use tftpd-hpa and atftpd):
 * it speaks RFC 1350 / 2347 / 7440 from the receiving side, and every step can be scripted — what answers the
 * request, which DATA packets are "lost", which ACKs are lost, doubled or replaced, garbage in between — and it
 * records every packet it saw so a test can count resends.
 */
import dgram from 'node:dgram';
import { encodeAck, encodeError, encodeOack, OP, parseRequest, readBlock, readOpcode, type TftpRequest } from '../src-shared/capabilities/tftp/codec';

export type RequestAnswer =
  | { kind: 'ack0' }
  | { kind: 'oack'; options: Array<[string, string]> }
  | { kind: 'error'; code: number; message: string }
  | { kind: 'raw'; bytes: Uint8Array }
  | { kind: 'silent' };

export interface Script {
  /** Answer to the n-th request (0-based); default: OACK of what was asked (blksize, windowsize) or ACK 0. */
  answer?(req: TftpRequest, n: number): RequestAnswer;
  /** Answer from the listening port itself instead of a new one (some bootloaders do). */
  samePort?: boolean;
  /** Drop an arriving DATA packet before the receiver sees it (simulated loss). `seen` counts arrivals of that wire number. */
  dropData?(wire: number, seen: number, abs: number): boolean;
  /** What to send instead of the ACK `wire` (default: [ack]); [] = ACK lost. */
  acks?(wire: number, ack: Uint8Array, abs: number): Uint8Array[];
  /** Stop answering anything once this many DATA blocks have been accepted. */
  silentAfter?: number;
  /** Block number after 65535 the receiver expects (default 0). */
  rollover?: 0 | 1;
}

export interface Received {
  requests: Array<{ req: TftpRequest; bytes: Buffer; port: number }>;
  /** Every DATA packet that arrived (wire block number, length), including dropped and duplicate ones. */
  data: Array<{ wire: number; len: number }>;
  errors: Array<{ code: number; message: string }>;
  /** The file as assembled from in-order blocks. */
  file(): Buffer;
  done: boolean;
  /** Resolves when the last block was acknowledged, or the client sent ERROR. */
  finished: Promise<void>;
}

export interface ScriptedServer {
  port: number;
  received: Received;
  /** The transfer socket's port (the TID), once a request came. */
  tid(): number;
  /** Send raw bytes to the client from the transfer socket (garbage, late packets). */
  inject(bytes: Uint8Array, fromOtherPort?: boolean): Promise<Buffer | undefined>;
  close(): void;
}

export async function scriptedServer(script: Script = {}): Promise<ScriptedServer> {
  const listen = dgram.createSocket('udp4');
  await new Promise<void>((r) => listen.bind({ address: '127.0.0.1', port: 0 }, r));
  const sockets: dgram.Socket[] = [listen];
  const chunks: Buffer[] = [];
  let finish!: () => void;
  const received: Received = {
    requests: [],
    data: [],
    errors: [],
    file: () => Buffer.concat(chunks),
    done: false,
    finished: new Promise<void>((r) => (finish = r)),
  };
  let transfer: dgram.Socket | undefined;
  let client: { port: number; address: string } | undefined;

  listen.on('message', (msg, rinfo) => {
    const op = readOpcode(msg);
    if (op !== OP.WRQ) {
      if (script.samePort && transfer === listen) return onTransfer(msg, rinfo);
      return;
    }
    const parsed = parseRequest(msg);
    if (!parsed.ok) return;
    const n = received.requests.length;
    received.requests.push({ req: parsed.value, bytes: Buffer.from(msg), port: rinfo.port });
    const a = script.answer?.(parsed.value, n) ?? defaultAnswer(parsed.value);
    let s: dgram.Socket;
    if (script.samePort) s = listen;
    else {
      s = dgram.createSocket('udp4');
      sockets.push(s);
      s.bind({ address: '127.0.0.1', port: 0 });
      s.on('message', (m, ri) => onTransfer(m, ri));
    }
    transfer = s;
    client = { port: rinfo.port, address: rinfo.address };
    chunks.length = 0;
    B = 512;
    W = 1;
    expected = 1;
    if (a.kind === 'oack') {
      for (const [k, v] of a.options) {
        if (k === 'blksize') B = Number(v);
        if (k === 'windowsize') W = Number(v);
      }
    }
    const reply = (b: Uint8Array): void => {
      const go = (): void => s.send(b, rinfo.port, rinfo.address);
      if (script.samePort) go();
      else s.once('listening', go);
    };
    if (a.kind === 'ack0') reply(encodeAck(0));
    else if (a.kind === 'oack') reply(encodeOack(a.options));
    else if (a.kind === 'error') reply(encodeError(a.code, a.message));
    else if (a.kind === 'raw') reply(a.bytes);
  });

  let B = 512;
  let W = 1;
  /** Absolute number of the next block expected. */
  let expected = 1;
  let inWindow = 0;
  let gapAcked = -1;
  const seenCount = new Map<number, number>();
  const wireOf = (abs: number): number => ((script.rollover ?? 0) === 0 ? abs & 0xffff : ((abs - 1) % 0xffff) + 1);

  function sendAck(abs: number): void {
    const wire = abs === 0 ? 0 : wireOf(abs);
    const ack = encodeAck(wire);
    const out = script.acks ? script.acks(wire, ack, abs) : [ack];
    for (const b of out) transfer!.send(b, client!.port, client!.address);
  }

  function onTransfer(msg: Buffer, rinfo: dgram.RemoteInfo): void {
    if (!client || rinfo.port !== client.port) return;
    const op = readOpcode(msg);
    if (op === OP.ERROR) {
      received.errors.push({ code: readBlock(msg), message: msg.subarray(4, msg.indexOf(0, 4) >= 0 ? msg.indexOf(0, 4) : msg.length).toString('latin1') });
      finish();
      return;
    }
    if (op !== OP.DATA || received.done) {
      if (op === OP.DATA && received.done) sendAck(expected - 1); // dally: the final ACK again
      return;
    }
    const wire = readBlock(msg);
    const len = msg.length - 4;
    received.data.push({ wire, len });
    const seen = (seenCount.get(wire) ?? 0) + 1;
    seenCount.set(wire, seen);
    if (script.dropData?.(wire, seen, expected)) return;
    if (script.silentAfter !== undefined && expected > script.silentAfter) return;
    if (wire === wireOf(expected)) {
      chunks.push(Buffer.from(msg.subarray(4)));
      const abs = expected++;
      inWindow++;
      gapAcked = -1;
      if (len < B) {
        received.done = true;
        sendAck(abs);
        finish();
      } else if (inWindow >= W) {
        inWindow = 0;
        sendAck(abs);
      }
    } else if (W > 1 && wire !== wireOf(expected - 1) && gapAcked !== expected - 1) {
      // RFC 7440: a gap: acknowledge the last block in order, once, so the sender restarts after it.
      gapAcked = expected - 1;
      inWindow = 0;
      sendAck(expected - 1);
    } else if (W === 1 && wire === wireOf(expected - 1)) {
      sendAck(expected - 1); // a resent block we already have: our ACK was lost
    }
  }

  return {
    port: listen.address().port,
    received,
    tid: () => (transfer ? transfer.address().port : -1),
    async inject(bytes, fromOtherPort = false) {
      if (!client) throw new Error('no client yet');
      const s = fromOtherPort ? dgram.createSocket('udp4') : transfer!;
      if (fromOtherPort) await new Promise<void>((r) => s.bind({ address: '127.0.0.1', port: 0 }, r));
      const answer = fromOtherPort
        ? new Promise<Buffer | undefined>((r) => {
            const t = setTimeout(() => r(undefined), 1000);
            s.once('message', (m) => {
              clearTimeout(t);
              r(m);
            });
          })
        : Promise.resolve(undefined);
      s.send(bytes, client.port, client.address);
      const got = await answer;
      if (fromOtherPort) s.close();
      return got;
    },
    close() {
      for (const s of sockets) {
        try {
          s.close();
        } catch {
          /* closed */
        }
      }
    },
  };
}

function defaultAnswer(req: TftpRequest): RequestAnswer {
  const opts: Array<[string, string]> = [];
  if (req.options.blksize) opts.push(['blksize', req.options.blksize]);
  if (req.options.windowsize) opts.push(['windowsize', req.options.windowsize]);
  return opts.length ? { kind: 'oack', options: opts } : { kind: 'ack0' };
}
