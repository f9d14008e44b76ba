/**
 * One TFTP transfer on its own connected UDP socket (its transfer ID). ReadTransfer serves a file (RRQ);
 * WriteTransfer receives an upload (WRQ). Both are driven by packets and one retransmission timer.
 *
 * Hot path (ReadTransfer): the file is read in large chunks with one readv() per chunk straight into a
 * preallocated "arena" laid out as ready-made DATA packets [hdr|block][hdr|block]...; two arenas alternate so
 * the next chunk loads while the current one is being sent. Sending a block is one socket.send() of a
 * preallocated view: no per-packet allocation, no copy.
 */
import crypto from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { encodeAck, encodeError, encodeOack, NetasciiDecoder, OP, readBlock, readOpcode, TFTP_ERR, writeDataHeader, type TftpMode } from '../../../src-shared/capabilities/tftp/codec';
import type { TftpOptions, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { clientCancelled, clientGone, protocolViolation, readFailed, timedOut } from './failures';
import { LockstepPoll } from './poll';
import type { UdpRemoteInfo, UdpSocket } from '../../platform/bindings/udp';

/** What the server needs of a running transfer, whichever engine runs it (this file's or native-transfer.ts). */
export interface ServedTransfer {
  readonly id: number;
  /** The transfer's own port (its TID). */
  readonly localPort: number;
  readonly file: string;
  readonly peer: string;
  readonly peerPort: number;
  readonly state: 'running' | 'done' | 'error';
  readonly bytes: number;
  /** True once the peer has acknowledged or sent anything beyond the request. */
  readonly progressed: boolean;
  info(): TftpTransferInfo;
  begin(): void;
  fail(err: RbErrorShape, notifyClient: boolean, tftpCode?: number, wire?: string): void;
}

export interface TransferHooks {
  finished(t: ServedTransfer): void;
  /** A datagram on the stray socket (from anyone but the client); the server answers ERROR 5. */
  stray(socket: UdpSocket, msg: Buffer, rinfo: UdpRemoteInfo): void;
}

/** A transfer's state as the contract reports it (both engines): the rate so far, optional fields only when set. */
export function transferInfo(t: {
  id: number;
  direction: 'read' | 'write';
  file: string;
  peer: string;
  peerPort: number;
  mode: TftpMode;
  options: TftpOptions;
  state: 'running' | 'done' | 'error';
  bytes: number;
  size: number | undefined;
  startedAt: number;
  endedAt: number | undefined;
  retransmits: number;
  sha256: string | undefined;
  error: RbErrorShape | undefined;
  engine: 'native' | 'js';
  served?: string | undefined;
  servedBy?: 'name' | 'alias' | 'answer-any' | undefined;
}): TftpTransferInfo {
  const end = t.endedAt ?? Date.now();
  const i: TftpTransferInfo = {
    id: t.id,
    direction: t.direction,
    file: t.file.slice(0, 300),
    requested: t.file.slice(0, 300),
    peer: t.peer,
    peerPort: t.peerPort,
    mode: t.mode,
    options: t.options,
    state: t.state,
    bytes: t.bytes,
    startedAt: t.startedAt,
    rate: t.bytes / Math.max(0.001, (end - t.startedAt) / 1000),
    sampledAt: end,
    retransmits: t.retransmits,
    engine: t.engine,
  };
  if (t.served !== undefined) i.served = t.served.slice(0, 300);
  if (t.servedBy !== undefined) i.servedBy = t.servedBy;
  if (t.size !== undefined) i.size = t.size;
  if (t.endedAt !== undefined) i.endedAt = t.endedAt;
  if (t.sha256 !== undefined) i.sha256 = t.sha256;
  if (t.error !== undefined) i.error = t.error;
  return i;
}

/** What every transfer starts from, whichever engine runs it. */
export interface TransferBase {
  id: number;
  /** Unconnected socket on the same port: gets what is not from the client (decision 0012). */
  stray?: UdpSocket | undefined;
  file: string;
  /** Reads: the file sent (relative to the served folder) and how it was chosen (name, alias, answer-any). */
  served?: string;
  servedBy?: 'name' | 'alias' | 'answer-any';
  peer: string;
  peerPort: number;
  mode: TftpMode;
  options: TftpOptions;
  retries: number;
  hooks: TransferHooks;
}

export interface TransferInit extends TransferBase {
  socket: UdpSocket;
  oack: Array<[string, string]>;
  /** Busy-poll budget after each block in lock-step (ms; 0 = off; decision 0011). */
  pollMs?: number;
  /** Poll on every block instead of measuring whether it helps (benchmark only). */
  pollAlways?: boolean;
}

/** Size of one chunk read from disk (rounded to whole blocks). */
const CHUNK_BYTES = 256 * 1024;
/** readv() takes at most IOV_MAX (1024 on Linux) buffers. */
const MAX_SLOTS = 1024;

export abstract class Transfer implements ServedTransfer {
  readonly id: number;
  readonly socket: UdpSocket;
  readonly stray: UdpSocket | undefined;
  /** The transfer's own port (its TID). */
  readonly localPort: number;
  readonly file: string;
  readonly served: string | undefined;
  readonly servedBy: 'name' | 'alias' | 'answer-any' | undefined;
  readonly peer: string;
  readonly peerPort: number;
  readonly mode: TftpMode;
  readonly options: TftpOptions;
  readonly startedAt = Date.now();
  state: 'running' | 'done' | 'error' = 'running';
  endedAt: number | undefined;
  sha256: string | undefined;
  error: RbErrorShape | undefined;
  retransmits = 0;
  protected readonly hash = crypto.createHash('sha256');
  /** Agreed block size and window (RFC 2348, RFC 7440). */
  protected readonly B: number;
  protected readonly W: number;
  protected readonly oack: Array<[string, string]>;
  protected readonly maxRetries: number;
  protected tries = 0;
  private progress = 0;
  private seenProgress = 0;
  protected timer: NodeJS.Timeout | undefined;
  protected readonly hooks: TransferHooks;
  private closed = false;

  constructor(init: TransferInit) {
    this.id = init.id;
    this.socket = init.socket;
    this.stray = init.stray;
    this.localPort = init.socket.address().port;
    this.file = init.file;
    this.served = init.served;
    this.servedBy = init.servedBy;
    this.peer = init.peer;
    this.peerPort = init.peerPort;
    this.mode = init.mode;
    this.options = init.options;
    this.B = init.options.blksize;
    this.W = init.options.windowsize;
    this.oack = init.oack;
    this.maxRetries = init.retries;
    this.hooks = init.hooks;
    this.socket.on('message', (msg) => this.onPacket(msg));
    const stray = this.stray;
    if (stray) {
      stray.on('message', (msg, rinfo) => this.hooks.stray(stray, msg, rinfo));
      stray.on('error', () => undefined);
    }
    this.socket.on('error', (err) => {
      // On a connected UDP socket an ICMP "port unreachable" surfaces here: the client has gone.
      const code = (err as NodeJS.ErrnoException).code;
      this.fail(clientGone(this.peer, this.file, `${code ?? ''} ${err.message}`.trim()),
        false,
      );
    });
  }

  abstract get direction(): 'read' | 'write';
  abstract get bytes(): number;
  abstract get size(): number | undefined;
  abstract begin(): void;
  protected abstract onPacket(msg: Buffer): void;
  protected abstract onTimeout(): void;

  info(): TftpTransferInfo {
    const { id, file, served, servedBy, peer, peerPort, mode, options, state, startedAt, endedAt, retransmits, sha256, error } = this;
    return transferInfo({ id, direction: this.direction, file, served, servedBy, peer, peerPort, mode, options, state, bytes: this.bytes, size: this.size, startedAt, endedAt, retransmits, sha256, error, engine: 'js' });
  }

  /**
   * Start the retransmission timer (once). Progress does not re-arm it (Timeout.refresh() costs a native call
   * per packet): `touch()` bumps a counter, and a timer that fires after progress just re-arms itself. So a
   * retransmission comes between one and two timeouts after the last progress.
   */
  protected armTimer(): void {
    if (this.closed || this.timer) return;
    this.seenProgress = this.progress;
    this.timer = setTimeout(() => this.handleTimeout(), this.options.timeoutMs);
  }

  /** True once the peer has acknowledged or sent anything beyond the request. */
  get progressed(): boolean {
    return this.progress > 0;
  }

  /** The peer moved the transfer forward: reset the retry count and postpone the timeout. */
  protected touch(): void {
    this.progress++;
    this.tries = 0;
  }

  private handleTimeout(): void {
    if (this.closed) return;
    if (this.progress !== this.seenProgress) {
      this.seenProgress = this.progress;
      this.timer = setTimeout(() => this.handleTimeout(), this.options.timeoutMs);
      return;
    }
    this.tries++;
    if (this.tries > this.maxRetries) {
      this.fail(timedOut(this.peer, this.file, this.maxRetries, this.options.timeoutMs, this.bytes), false);
      return;
    }
    this.timer = setTimeout(() => this.handleTimeout(), this.options.timeoutMs);
    this.onTimeout();
  }

  protected sendRaw(b: Uint8Array): void {
    if (this.closed) return;
    this.socket.send(b);
  }

  protected sendError(code: number, text: string): void {
    if (this.closed) return;
    try {
      this.socket.send(encodeError(code, text));
    } catch {
      /* socket already gone */
    }
  }

  /** A client ERROR packet ends the transfer. */
  protected clientError(msg: Buffer): void {
    this.fail(clientCancelled(this.peer, this.file, msg), false);
  }

  fail(err: RbErrorShape, notifyClient: boolean, tftpCode: number = TFTP_ERR.NOT_DEFINED, wire = 'Transfer aborted'): void {
    if (this.closed) return;
    if (notifyClient) this.sendError(tftpCode, wire);
    this.state = 'error';
    this.error = err;
    this.finish();
  }

  protected succeed(): void {
    if (this.closed) return;
    this.state = 'done';
    this.sha256 = this.hash.digest('hex');
    this.finish();
  }

  /** Release everything; `linger` keeps the socket open a little for a last duplicate (write dally). */
  protected finish(lingerMs = 0): void {
    if (this.closed) return;
    this.closed = true;
    this.endedAt = Date.now();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    void this.release().catch(() => undefined);
    const close = (): void => {
      for (const s of [this.socket, this.stray]) {
        try {
          s?.close();
        } catch {
          /* already closed */
        }
      }
    };
    if (lingerMs > 0) setTimeout(close, lingerMs).unref();
    else close();
    this.hooks.finished(this);
  }

  protected get isClosed(): boolean {
    return this.closed;
  }

  /** Close files, remove temporary files. */
  protected abstract release(): Promise<void>;
}

/** Where the bytes of a read come from: a file handle (octet) or an in-memory netascii rendering. */
export interface ReadSource {
  size: number;
  /** Fill `views` in order from `position`; returns bytes read. */
  read(views: Buffer[], position: number): Promise<number>;
  /** The file's bytes behind a chunk of the source, for the hash (netascii hashes the file, not the wire form). */
  hashChunk?(position: number, length: number, hash: crypto.Hash): void;
  close(): Promise<void>;
}

export function fileSource(fh: fsp.FileHandle, size: number): ReadSource {
  return {
    size,
    read: async (views, position) => (await fh.readv(views, position)).bytesRead,
    close: () => fh.close(),
  };
}

/** netascii: the whole file converted in memory (netascii is for small text files). */
export function memorySource(wire: Uint8Array, original: Uint8Array, close: () => Promise<void>): ReadSource {
  let hashed = false;
  return {
    size: wire.length,
    async read(views, position) {
      let p = position;
      for (const v of views) {
        if (p >= wire.length) break;
        const n = Math.min(v.length, wire.length - p);
        v.set(wire.subarray(p, p + n));
        p += n;
      }
      return p - position;
    },
    hashChunk(_position, _length, hash) {
      if (!hashed) hash.update(original);
      hashed = true;
    },
    close,
  };
}

interface Arena {
  chunk: number;
  loading: Promise<void> | undefined;
  packets: Buffer[];
  views: Buffer[];
}

export class ReadTransfer extends Transfer {
  private readonly slots: number;
  private readonly lastBlock: number;
  private readonly lastChunk: number;
  private readonly arenas: [Arena, Arena];
  private acked = 0;
  private next = 1;
  private maxSent = 0;
  private waitingOack: boolean;
  private pumping = false;
  private loadedUpTo = -1;
  private readonly poll: LockstepPoll;

  constructor(
    init: TransferInit,
    private readonly source: ReadSource,
  ) {
    super(init);
    this.lastBlock = Math.floor(source.size / this.B) + 1;
    this.slots = Math.min(MAX_SLOTS, this.lastBlock, Math.max(this.W, Math.ceil(CHUNK_BYTES / this.B)));
    this.lastChunk = Math.floor((this.lastBlock - 1) / this.slots);
    const mk = (): Arena => {
      const stride = this.B + 4;
      const mem = Buffer.allocUnsafe(this.slots * stride);
      const packets: Buffer[] = [];
      const views: Buffer[] = [];
      for (let i = 0; i < this.slots; i++) {
        packets.push(mem.subarray(i * stride, (i + 1) * stride));
        views.push(mem.subarray(i * stride + 4, (i + 1) * stride));
      }
      return { chunk: -1, loading: undefined, packets, views };
    };
    this.arenas = [mk(), this.lastChunk > 0 ? mk() : { chunk: -1, loading: undefined, packets: [], views: [] }];
    this.waitingOack = this.oack.length > 0;
    // Only lock-step waits on every block; a window keeps the client busy without it.
    this.poll = new LockstepPoll(this.W === 1 ? (init.pollMs ?? 0) : 0, init.pollAlways);
  }

  get direction(): 'read' {
    return 'read';
  }
  private arenaOf(c: number): Arena {
    return (c & 1) === 0 ? this.arenas[0] : this.arenas[1];
  }
  get size(): number {
    return this.source.size;
  }
  get bytes(): number {
    return Math.min(this.acked * this.B, this.source.size);
  }

  begin(): void {
    this.load(0);
    if (this.lastChunk >= 1) this.load(1);
    if (this.waitingOack) {
      this.sendRaw(encodeOack(this.oack));
      this.poll.sent();
    } else this.pump();
    this.armTimer();
  }

  private blockLen(n: number): number {
    return n < this.lastBlock ? this.B : this.source.size - (this.lastBlock - 1) * this.B;
  }

  private load(c: number): Promise<void> {
    const a = this.arenaOf(c);
    if (a.chunk === c && a.loading) return a.loading;
    if (a.chunk === c) return Promise.resolve();
    a.chunk = c;
    const firstBlock = c * this.slots + 1;
    const count = Math.min(this.slots, this.lastBlock - firstBlock + 1);
    const position = (firstBlock - 1) * this.B;
    const want = Math.min(count * this.B, this.source.size - position);
    const p = (async () => {
      const got = want === 0 ? 0 : await this.source.read(count === this.slots ? a.views : a.views.slice(0, count), position);
      if (got < want) throw new Error(`the file became shorter while it was being sent (${position + got} of ${this.source.size} bytes)`);
      for (let i = 0; i < count; i++) writeDataHeader(a.packets[i]!, 0, (firstBlock + i) & 0xffff);
      // Chunks load strictly in order (c is loaded only after c-1 began, and awaits it), so the hash is in order.
      if (c > 0) {
        const prev = this.arenaOf(c - 1);
        if (prev.chunk === c - 1 && prev.loading) await prev.loading;
      }
      if (this.source.hashChunk) this.source.hashChunk(position, want, this.hash);
      else {
        for (let i = 0; i < count; i++) {
          const len = this.blockLen(firstBlock + i);
          this.hash.update(len === this.B ? a.views[i]! : a.views[i]!.subarray(0, len));
        }
      }
      this.loadedUpTo = c;
    })();
    a.loading = p;
    p.then(
      () => {
        if (a.loading === p) a.loading = undefined;
      },
      (err: unknown) => {
        this.fail(
          readFailed(this.file, err instanceof Error ? err.message : String(err)),
          true,
          TFTP_ERR.NOT_DEFINED,
          'Read error on server',
        );
      },
    );
    return p;
  }

  /** Send blocks next..acked+W, loading chunks as needed. */
  private pump(): void {
    if (this.pumping || this.isClosed) return;
    const end = Math.min(this.acked + this.W, this.lastBlock);
    while (this.next <= end) {
      const n = this.next;
      const c = Math.floor((n - 1) / this.slots);
      const a = this.arenaOf(c);
      if (a.chunk !== c || a.loading || this.loadedUpTo < c) {
        this.pumping = true;
        this.load(c).then(
          () => {
            this.pumping = false;
            this.pump();
          },
          () => {
            this.pumping = false;
          },
        );
        return;
      }
      const i = (n - 1) - c * this.slots;
      const len = this.blockLen(n);
      const pkt = a.packets[i]!;
      this.sendRaw(len === this.B ? pkt : pkt.subarray(0, 4 + len));
      this.next = n + 1;
      if (n > this.maxSent) this.maxSent = n;
      this.poll.sent();
    }
  }

  protected onTimeout(): void {
    this.retransmits++;
    if (this.waitingOack) {
      this.sendRaw(encodeOack(this.oack));
      return;
    }
    this.next = this.acked + 1;
    this.pump();
  }

  protected onPacket(msg: Buffer): void {
    const op = readOpcode(msg);
    if (op === OP.ACK && msg.length >= 4) {
      const n16 = readBlock(msg);
      if (this.waitingOack) {
        if (n16 !== 0) return;
        this.waitingOack = false;
        this.poll.acked();
        this.touch();
        this.pump();
        return;
      }
      const L = this.acked + ((n16 - (this.acked & 0xffff)) & 0xffff);
      if (L <= this.acked || L > this.maxSent) return; // duplicate or stale ACK: never retransmit on it (Sorcerer's Apprentice)
      this.acked = L;
      this.poll.acked();
      this.touch();
      if (L === this.lastBlock) {
        this.succeed();
        return;
      }
      // RFC 7440: an ACK short of what was sent means the client saw a gap: resend from the block after it.
      if (L < this.next - 1) {
        this.retransmits += this.next - 1 - L;
        this.next = L + 1;
      }
      // The chunk before the one now in flight is fully acknowledged: its arena is free for the chunk after.
      const c = Math.floor(L / this.slots);
      if (c + 1 <= this.lastChunk && this.arenaOf(c + 1).chunk !== c + 1) void this.load(c + 1).catch(() => undefined);
      this.pump();
      return;
    }
    if (op === OP.ERROR) {
      this.clientError(msg);
      return;
    }
    // Anything else from this peer on this transfer is a protocol error; tell it and stop.
    this.fail(
      protocolViolation(this.peer, this.file, op, msg.length),
      true,
      TFTP_ERR.ILLEGAL_OPERATION,
      'Illegal TFTP operation',
    );
  }

  protected release(): Promise<void> {
    this.poll.end();
    return this.source.close();
  }
}

/** Write buffering: flush to disk once this much is queued. */
const FLUSH_BYTES = 512 * 1024;

export interface WriteInit {
  dirReal: string;
  target: string;
  overwrite: boolean;
  maxBytes: number;
}

export class WriteTransfer extends Transfer {
  private expected = 1;
  private received = 0;
  private sinceAck = 0;
  private lastAck: Uint8Array;
  private queue: Buffer[] = [];
  private queued = 0;
  private writeChain: Promise<void> = Promise.resolve();
  private fh: fsp.FileHandle | undefined;
  private tmp: string;
  private finishing = false;
  private readonly decoder: NetasciiDecoder | undefined;
  private published = false;
  /** The `expected` value for which a gap was already acknowledged (window mode). */
  private gapAckedFor = 0;
  /** The temporary file is being renamed or linked into place: release() must not delete it. */
  private publishing = false;
  private position = 0;

  constructor(
    init: TransferInit,
    private readonly w: WriteInit,
  ) {
    super(init);
    this.tmp = path.join(w.dirReal, `.${path.basename(w.target)}.rb-upload-${crypto.randomBytes(4).toString('hex')}`);
    this.lastAck = this.oack.length > 0 ? encodeOack(this.oack) : encodeAck(0);
    this.decoder = init.mode === 'netascii' ? new NetasciiDecoder() : undefined;
  }

  get direction(): 'write' {
    return 'write';
  }
  get size(): number | undefined {
    return this.options.tsize;
  }
  get bytes(): number {
    return this.received;
  }

  /** Create the temporary file, then answer the WRQ (OACK or ACK 0). */
  async open(): Promise<void> {
    this.fh = await fsp.open(this.tmp, 'wx', 0o644);
  }

  begin(): void {
    this.sendRaw(this.lastAck);
    this.armTimer();
  }

  protected onTimeout(): void {
    this.retransmits++;
    // RFC 7440: on timeout the receiver acknowledges the last block it has in order (mid-window too).
    if (this.expected > 1 && this.sinceAck > 0) this.ack(this.expected - 1);
    else this.sendRaw(this.lastAck);
  }

  private ack(block: number): void {
    this.lastAck = encodeAck(block & 0xffff);
    this.sinceAck = 0;
    this.sendRaw(this.lastAck);
  }

  private enqueue(data: Buffer): void {
    const bytes = this.decoder ? Buffer.from(this.decoder.push(data)) : data;
    this.hash.update(bytes);
    if (bytes.length === 0) return;
    this.queue.push(bytes);
    this.queued += bytes.length;
    if (this.queued >= FLUSH_BYTES) this.flush();
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const bufs = this.queue;
    const pos = this.position;
    this.position += this.queued;
    this.queue = [];
    this.queued = 0;
    const fh = this.fh!;
    this.writeChain = this.writeChain.then(async () => {
      let at = pos;
      for (let off = 0; off < bufs.length; off += 1024) {
        const part = bufs.slice(off, off + 1024);
        let n = 0;
        for (const b of part) n += b.length;
        const { bytesWritten } = await fh.writev(part, at);
        if (bytesWritten !== n) throw new Error(`short write: ${bytesWritten} of ${n} bytes`);
        at += n;
      }
    });
    this.writeChain.catch((err: unknown) => {
      this.fail(
        fault('TFTP_WRITE_FAILED', { file: this.file }, { details: err instanceof Error ? err.message : String(err) }).toShape(),
        true,
        TFTP_ERR.DISK_FULL,
        'Could not save file',
      );
    });
  }

  protected onPacket(msg: Buffer): void {
    const op = readOpcode(msg);
    if (op === OP.ERROR) {
      this.clientError(msg);
      return;
    }
    if (op !== OP.DATA || msg.length < 4) {
      this.fail(
        fault('TFTP_PROTOCOL', { how: 'upload', peer: this.peer, file: this.file }, { details: `opcode ${op}, ${msg.length} bytes` }).toShape(),
        true,
        TFTP_ERR.ILLEGAL_OPERATION,
        'Illegal TFTP operation',
      );
      return;
    }
    if (this.finishing) return; // saving the file; the final ACK follows
    const n16 = readBlock(msg);
    if (n16 !== (this.expected & 0xffff)) {
      if (this.W === 1) {
        // RFC 1350: a duplicate means our ACK was lost; repeat it.
        this.sendRaw(this.lastAck);
      } else if (this.gapAckedFor !== this.expected) {
        // RFC 7440: a gap or a repeated window; acknowledge the last block we have in order, once per gap, so
        // a window of duplicates does not make the sender restart once per packet.
        this.gapAckedFor = this.expected;
        if (this.expected > 1) this.ack(this.expected - 1);
        else this.sendRaw(this.lastAck);
      }
      return;
    }
    const len = msg.length - 4;
    if (len > this.B) {
      this.fail(
        fault('TFTP_PROTOCOL', { how: 'block', peer: this.peer, file: this.file }, { details: `${len} > blksize ${this.B}` }).toShape(),
        true,
        TFTP_ERR.ILLEGAL_OPERATION,
        'Block larger than blksize',
      );
      return;
    }
    if (this.received + len > this.w.maxBytes) {
      this.fail(
        fault('TFTP_UPLOAD_TOO_LARGE', { file: this.file, max: this.w.maxBytes }).toShape(),
        true,
        TFTP_ERR.DISK_FULL,
        'Upload too large',
      );
      return;
    }
    this.received += len;
    this.touch();
    this.enqueue(msg.subarray(4));
    const block = this.expected;
    this.expected++;
    this.sinceAck++;
    if (len < this.B) {
      this.finishing = true;
      void this.complete(block);
    } else if (this.sinceAck >= this.W) this.ack(block);
  }

  private async complete(lastBlock: number): Promise<void> {
    try {
      if (this.decoder) {
        const tail = this.decoder.end();
        if (tail.length) {
          this.hash.update(tail);
          this.queue.push(Buffer.from(tail));
          this.queued += tail.length;
        }
      }
      this.flush();
      await this.writeChain;
      const fh = this.fh!;
      this.fh = undefined;
      await fh.sync();
      await fh.close();
      if (this.isClosed) {
        // ended meanwhile (client ERROR, server stopped): keep nothing
        await fsp.unlink(this.tmp).catch(() => undefined);
        return;
      }
      this.publishing = true;
      if (this.w.overwrite) await fsp.rename(this.tmp, this.w.target);
      else {
        await fsp.link(this.tmp, this.w.target); // fails with EEXIST: never replaces a file that appeared meanwhile
        await fsp.unlink(this.tmp);
      }
      this.published = true;
    } catch (err) {
      const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
      this.fail(
        {
          code: exists ? 'TFTP_UPLOAD_EXISTS' : 'TFTP_WRITE_FAILED',
          message: exists ? `"${this.file}" appeared in the upload folder during the upload; it was not replaced.` : `Rescue Bench could not save the upload "${this.file}".`,
          meaning: 'The received file was not kept.',
          fix: exists ? 'Rename or remove the existing file, or turn on overwriting, then upload again.' : 'Check that the upload folder exists, is writable and has free space, then upload again.',
          details: err instanceof Error ? err.message : String(err),
        },
        true,
        exists ? TFTP_ERR.FILE_EXISTS : TFTP_ERR.DISK_FULL,
        exists ? 'File already exists' : 'Could not save file',
      );
      return;
    }
    this.ack(lastBlock);
    this.state = 'done';
    this.sha256 = this.hash.digest('hex');
    // Dally: keep the socket a moment to re-ACK a retransmitted last block if our final ACK is lost.
    this.finishing = false;
    this.finishDallying();
  }

  private finishDallying(): void {
    const lastAck = this.lastAck;
    const finalBlock = (this.expected - 1) & 0xffff;
    this.socket.removeAllListeners('message');
    this.socket.on('message', (m: Buffer) => {
      if (readOpcode(m) === OP.DATA && readBlock(m) === finalBlock) {
        try {
          this.socket.send(lastAck);
        } catch {
          /* closed */
        }
      }
    });
    this.finish(Math.min(this.options.timeoutMs * 2, 3000));
  }

  protected async release(): Promise<void> {
    if (this.fh) {
      const fh = this.fh;
      this.fh = undefined;
      await this.writeChain.catch(() => undefined);
      await fh.close().catch(() => undefined);
    }
    if (!this.published && !this.publishing) await fsp.unlink(this.tmp).catch(() => undefined);
  }
}
