/**
 * TFTP client upload (WRQ, RFC 1350) for routers whose bootloader is a TFTP server: ASUS rescue mode, Ubiquiti
 * `urescue`, U-Boot-ish recovery servers. octet mode only (firmware is binary).
 *
 * Options: blksize (RFC 2348) is asked for unless it is 512; a server that ignores it answers a plain ACK 0 and we
 * send 512-byte blocks; a server that refuses options outright (ERROR 8) gets the request once more without any.
 * windowsize (RFC 7440) sends W blocks per acknowledgement; an ACK inside the window (the server saw a gap) moves
 * the window to the block after it; a timeout resends the whole unacknowledged window.
 *
 * Rules that keep it safe against real routers:
 * - Lock-step never resends on a duplicate ACK, only on timeout (no "sorcerer's apprentice" doubling).
 * - The server's transfer ID is the port of its first answer; anything from elsewhere gets ERROR 5 and is ignored.
 * - A datagram whose first byte is printable text is not TFTP: it is the router's own error message, surfaced.
 * - Block numbers after 65535 roll over to 0 (or 1, `rollover: 1`), so files over 32 MiB at 512 bytes work.
 * - A file whose size is a multiple of the block size ends with an empty DATA block.
 *
 * Speed (docs/decisions/0015): once the server's port is known the socket is connected to it, so a send needs no
 * address lookup and the kernel hands us only the server's packets; on Linux an unconnected socket on the same
 * port (decision 0012) still answers strangers with ERROR 5. Lock-step waits use the adaptive busy poll of
 * decision 0011 (it measures whether polling helps and polls only then).
 *
 * The file is not read before the request goes out (put-source.ts): its size comes from fstat, the native engine
 * reads it from the descriptor and hashes what it sends, the JavaScript sender reads it in 1 MiB slices as it
 * builds the blocks and hashes each block the first time it is built. Either way the result's sha256 is of the
 * bytes that went out; a file that was written to during the upload (size or times differ from the open) or
 * ended early is TFTP_PUT_FILE_CHANGED, never a silent mix of two versions.
 */
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fsp from 'node:fs/promises';
import net from 'node:net';
import {
  BLKSIZE_MAX,
  BLKSIZE_MIN,
  DEFAULT_BLKSIZE,
  encodeError,
  encodeRequest,
  MAX_NAME_BYTES,
  OP,
  parseError,
  parseOack,
  readBlock,
  readOpcode,
  TFTP_ERR,
  writeDataHeader,
} from '../../../src-shared/capabilities/tftp/codec';
import { RbFault } from '../../../src-shared/errors';
import { udpSharedPortForStrays } from '../../platform';
import * as F from './client-failures';
import { nativeLockstep, type NativeHandle, type NativeLockstepApi, type NativeResult } from './native';
import { LockstepPoll } from './poll';
import { bufferSource, fileSource, SourceChanged, type PutSource } from './put-source';

export interface TftpPutOptions {
  /** IPv4 of the TFTP server (the router in rescue mode). */
  host: string;
  /** Default 69. */
  port?: number;
  source: Buffer | { path: string };
  /** File name sent in the WRQ (netascii-safe, <= 255 bytes; checked). */
  remoteName: string;
  /** Requested blksize, default 1468; 512 = send no blksize option; falls back to 512 when the server ignores it (plain ACK 0). */
  blksize?: number;
  /** RFC 7440, default 1 (no option). */
  windowsize?: number;
  /** Per-packet retransmit timeout, default 1000 ms. */
  timeoutMs?: number;
  /** Resends of one packet before giving up, default 5. */
  retries?: number;
  /** Resends of the WRQ (block 0), default 20 (routers answer late; ARP). */
  firstBlockRetries?: number;
  /** Bind the socket to this source address (policy routing / slot). */
  localAddress?: string;
  /** Block number after 65535, default 0. */
  rollover?: 0 | 1;
  signal?: AbortSignal;
  /** Awaited after the file is opened and before the request goes out (NMRP: the router's static ARP entry, being
   *  added meanwhile). A rejection ends the upload with that error, before anything was sent. */
  readyToSend?: Promise<unknown>;
  onProgress?: (p: { bytes: number; total: number; bytesPerSecond: number }) => void;
  /**
   * Who sends a lock-step upload of a file (windowsize 1, rollover 0): 'auto' (default) = the native lock-step
   * engine when it is built and this system can share the port (Linux), else JavaScript; 'js' = always JavaScript;
   * 'native' = fail without it (benchmarks, tests). Buffers, windows and rollover 1 always use JavaScript (decision 0016).
   */
  engine?: 'auto' | 'js' | 'native';
  /**
   * Lock-step wait budget in µs after each block (0 = off): the native engine's yielding wait before it sleeps
   * (default 0 for uploads, decision 0016), the JavaScript sender's adaptive busy poll (default 100, decision 0011). Both
   * measure whether waiting helps. For benchmarks and slow machines.
   */
  lockstepPollUs?: number;
}

export interface TftpPutResult {
  bytes: number;
  sha256: string;
  blksize: number;
  windowsize: number;
  rolledOver: boolean;
  ms: number;
  /** Which engine sent the data (decision 0016). */
  engine?: 'native' | 'js';
}

export const PUT_DEFAULTS = { port: 69, blksize: 1468, windowsize: 1, timeoutMs: 1000, retries: 5, firstBlockRetries: 20, rollover: 0 as 0 | 1 };
/** Largest window we ask for: far below 65535 so an ACK's 16-bit number always names one block of the window. */
export const WINDOWSIZE_MAX = 1024;
/** Largest file we send (a Buffer source must hold it; router images are far smaller). */
export const PUT_MAX_BYTES = 1024 * 1024 * 1024;
/** Lock-step busy-poll budget after each block (ms), as the server's default (decision 0011). */
const LOCKSTEP_POLL_MS = 0.1;
/**
 * The native engine's yielding wait before it sleeps, µs: off for uploads (decision 0016: on this shared machine
 * the engine without it reached 1.12–1.16x atftp where the server's default of 300 µs gave 0.93–1.19x; a real
 * router's 1–5 ms round trips never engage it anyway).
 */
const NATIVE_SPIN_US = 0;
/** How often progress is reported at most (ms). */
const PROGRESS_EVERY_MS = 100;

/** The block number on the wire for absolute block `n` (n >= 1). */
export function wireBlock(n: number, rollover: 0 | 1): number {
  return rollover === 0 ? n & 0xffff : ((n - 1) % 0xffff) + 1;
}

/** Check the options before anything touches the network; throws a three-part RbFault. */
function checkOptions(o: TftpPutOptions): void {
  if (!net.isIPv4(o.host)) throw new RbFault(F.badOption('host', `"${String(o.host).slice(0, 60)}" is not an IPv4 address`, 'Give the router\'s address as four numbers, for example 192.168.1.1.'));
  const port = o.port ?? PUT_DEFAULTS.port;
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new RbFault(F.badOption('port', `${port} is not a port number`, 'Use 69, the TFTP port, unless the router says otherwise.'));
  const name = o.remoteName;
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_NAME_BYTES || !/^[\x20-\x7e]+$/.test(name))
    throw new RbFault(F.badOption('remote name', `"${String(name).slice(0, 60)}" is empty, longer than ${MAX_NAME_BYTES} characters or has characters other than plain letters, digits and punctuation`, 'Use a plain file name such as "firmware.trx".'));
  const b = o.blksize ?? PUT_DEFAULTS.blksize;
  if (!Number.isInteger(b) || b < BLKSIZE_MIN || b > BLKSIZE_MAX) throw new RbFault(F.badOption('block size', `${b} is outside ${BLKSIZE_MIN}-${BLKSIZE_MAX}`, 'Leave it out (1468 is used), or use 512 for old bootloaders.'));
  const w = o.windowsize ?? PUT_DEFAULTS.windowsize;
  if (!Number.isInteger(w) || w < 1 || w > WINDOWSIZE_MAX) throw new RbFault(F.badOption('window size', `${w} is outside 1-${WINDOWSIZE_MAX}`, 'Leave it out (1: one block per acknowledgement), or try 4 or 8.'));
  for (const [k, v, min] of [['timeout', o.timeoutMs, 1], ['retries', o.retries, 0], ['first-block retries', o.firstBlockRetries, 0]] as const) {
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > 600_000)) throw new RbFault(F.badOption(k, `${v} is not a sensible number`, 'Leave it out to use the default.'));
  }
  if (o.localAddress !== undefined && !net.isIPv4(o.localAddress)) throw new RbFault(F.badOption('local address', `"${o.localAddress.slice(0, 60)}" is not an IPv4 address`, 'Give this computer\'s address on the router\'s network, or leave it out.'));
}

/** What to send: a Buffer as it is, a file opened and fstat'ed (not read: put-source.ts). Closed by tftpPut. */
async function openSource(src: TftpPutOptions['source']): Promise<PutSource> {
  if (Buffer.isBuffer(src)) return bufferSource(src);
  let fh: fsp.FileHandle | undefined;
  try {
    fh = await fsp.open(src.path, 'r');
    const st = await fh.stat({ bigint: true });
    if (!st.isFile()) throw Object.assign(new Error('not a regular file'), { code: 'ENOTFILE' });
    if (st.size > BigInt(PUT_MAX_BYTES)) throw new RbFault(F.fileTooLarge(src.path, Number(st.size), PUT_MAX_BYTES));
    return fileSource(fh, st);
  } catch (err) {
    await fh?.close().catch(() => undefined);
    if (err instanceof RbFault) throw err;
    throw new RbFault(F.fileUnreadable(src.path, err));
  }
}

/**
 * The native engine for this upload, or why not (a reason only matters when it was asked for): `why` in English,
 * `values` for TFTP_PUT_NATIVE_MISSING's words (`put`: upload, notFile, rollover, sharedPort, or engine with the
 * engine's own reason; decision 0170).
 */
function nativeFor(o: TftpPutOptions): { api: NativeLockstepApi } | { why: string; values: Record<string, string> } {
  const not = (put: 'upload' | 'notFile' | 'rollover' | 'sharedPort', why: string) => ({ why, values: { put } });
  if ((o.engine ?? 'auto') === 'js') return not('upload', 'turned off for this upload');
  if (Buffer.isBuffer(o.source)) return not('notFile', 'the data is not a file');
  if ((o.rollover ?? PUT_DEFAULTS.rollover) !== 0) return not('rollover', 'it wraps block numbers to 0 only');
  if (!udpSharedPortForStrays()) return not('sharedPort', "this system cannot share the upload's port between two sockets");
  const n = nativeLockstep();
  return n.ok ? { api: n.api } : { why: n.reason, values: { ...n.values, put: 'engine', reason: n.reason } };
}

/** Upload one file to a TFTP server (WRQ). Rejects with an RbFault whose code starts with TFTP_PUT_. */
export async function tftpPut(opts: TftpPutOptions): Promise<TftpPutResult> {
  checkOptions(opts);
  if (opts.signal?.aborted) throw new RbFault(F.cancelled(opts.host, opts.remoteName, 0, 0));
  const native = nativeFor(opts);
  if (opts.engine === 'native' && 'why' in native) throw new RbFault(F.nativeMissing(native.why, native.values));
  const source = await openSource(opts.source);
  try {
    if (opts.readyToSend) await opts.readyToSend;
    const engine = 'api' in native && source.fd !== undefined ? { api: native.api, fd: source.fd } : undefined;
    const blksize = opts.blksize ?? PUT_DEFAULTS.blksize;
    const windowsize = opts.windowsize ?? PUT_DEFAULTS.windowsize;
    const withOptions = blksize !== DEFAULT_BLKSIZE || windowsize !== 1;
    const started = Date.now();
    // Success only for a file that is still the one that was opened: the bytes sent were read during the upload.
    const unchanged = async (r: TftpPutResult): Promise<TftpPutResult> => {
      const what = await source.changed();
      if (what) throw new RbFault(F.fileChanged(opts.host, opts.remoteName, what));
      return r;
    };
    try {
      return await unchanged(await new PutSession(opts, source, withOptions, started, engine).run());
    } catch (err) {
      if (err instanceof OptionsRefused) {
        // RFC 2347: a server that cannot honour options may refuse with ERROR 8; ask once more the plain RFC 1350 way.
        return await unchanged(await new PutSession(opts, source, false, started, engine).run());
      }
      throw err;
    }
  } finally {
    await source.close().catch(() => undefined);
  }
}

/** The server refused our options with ERROR 8: tftpPut retries once without them. */
class OptionsRefused extends Error {}

type Phase = 'request' | 'data' | 'over';

/** One attempt: one socket (one transfer ID), one WRQ, the data. */
class PutSession {
  private readonly host: string;
  private readonly port: number;
  private readonly name: string;
  private readonly rollover: 0 | 1;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly firstRetries: number;
  private readonly wantB: number;
  private readonly wantW: number;
  private readonly wrq: Uint8Array;
  private socket!: dgram.Socket;
  /** Linux: the unconnected socket sharing our port once the main one is connected: answers strangers (decision 0012). */
  private stray: dgram.Socket | undefined;
  private connected = false;
  private readonly shared = udpSharedPortForStrays();
  private poll = new LockstepPoll(0);
  /** The native engine's transfer, once it sends. */
  private native: { api: NativeLockstepApi; h: NativeHandle; progress: NodeJS.Timeout } | undefined;
  private phase: Phase = 'request';
  /** The server's transfer ID (port), fixed by its first answer. */
  private tid = -1;
  private B = DEFAULT_BLKSIZE;
  private W = 1;
  /** Number of DATA blocks (the last one is shorter than B, maybe empty). */
  private last = 0;
  /** Highest block the server acknowledged (absolute). */
  private base = 0;
  /** Highest block sent (absolute). */
  private top = 0;
  /** One ready-made DATA packet per window slot (block n lives in slot (n-1) % W until n+W is built). */
  private slots: Buffer[] = [];
  private slotBlock: number[] = [];
  private tries = 0;
  private progress = 0;
  private seenProgress = 0;
  private timer: NodeJS.Timeout | undefined;
  private lastProgressAt = 0;
  private lastSendError: string | undefined;
  private bound = false;
  private ignored = 0;
  private resent = 0;
  private settle!: { resolve: (r: TftpPutResult) => void; reject: (e: unknown) => void };
  private readonly onAbort = (): void => this.abort();
  /** What the native engine says it sent (its own sha256 of the bytes that went out). */
  private sentSha256: string | undefined;
  /** The JavaScript sender's hash of the bytes sent, each block added the first time it is built, in order. */
  private readonly hash = crypto.createHash('sha256');
  private hashed = 0;
  private readonly size: number;

  constructor(
    private readonly o: TftpPutOptions,
    private readonly source: PutSource,
    private readonly withOptions: boolean,
    private readonly started: number,
    /** The native lock-step engine and the file's descriptor, when it may send this upload. */
    private readonly engine?: { api: NativeLockstepApi; fd: number },
  ) {
    this.host = o.host;
    this.size = source.size;
    this.port = o.port ?? PUT_DEFAULTS.port;
    this.name = o.remoteName;
    this.rollover = o.rollover ?? PUT_DEFAULTS.rollover;
    this.timeoutMs = o.timeoutMs ?? PUT_DEFAULTS.timeoutMs;
    this.retries = o.retries ?? PUT_DEFAULTS.retries;
    this.firstRetries = o.firstBlockRetries ?? PUT_DEFAULTS.firstBlockRetries;
    this.wantB = o.blksize ?? PUT_DEFAULTS.blksize;
    this.wantW = o.windowsize ?? PUT_DEFAULTS.windowsize;
    const options: Record<string, string> = {};
    if (withOptions) {
      if (this.wantB !== DEFAULT_BLKSIZE) options.blksize = String(this.wantB);
      if (this.wantW !== 1) options.windowsize = String(this.wantW);
    }
    this.wrq = encodeRequest('wrq', this.name, 'octet', options);
  }

  run(): Promise<TftpPutResult> {
    return new Promise<TftpPutResult>((resolve, reject) => {
      this.settle = { resolve, reject };
      const s = dgram.createSocket({ type: 'udp4', reuseAddr: this.shared });
      this.socket = s;
      s.on('message', (msg, rinfo) => this.onPacket(msg, rinfo.address, rinfo.port));
      s.on('error', (err) => {
        const code = (err as NodeJS.ErrnoException).code;
        if (!this.bound) this.end(new RbFault(F.bindFailed(this.o.localAddress, err)));
        else if (this.connected && code === 'ECONNREFUSED' && this.phase === 'data') {
          // ICMP "port unreachable" on the connected socket: the server's transfer is gone (it restarted or gave up).
          this.end(new RbFault(F.serverGone(this.host, this.name, this.base + 1, this.last, `${code} ${err.message}`)));
        } else this.lastSendError = `${code ?? ''} ${err.message}`.trim();
      });
      this.o.signal?.addEventListener('abort', this.onAbort, { once: true });
      const address = this.o.localAddress ?? '0.0.0.0';
      void (this.shared ? freePort(address) : Promise.resolve(0)).then(
        (port) => {
          if (this.phase === 'over') return;
          s.bind({ address, port }, () => {
            this.bound = true;
            if (this.phase === 'over') return;
            this.sendWrq();
            this.armTimer();
          });
        },
        (err: unknown) => this.end(new RbFault(F.bindFailed(this.o.localAddress, err))),
      );
    });
  }

  // ---- sending ------------------------------------------------------------------------------------------

  private send(b: Uint8Array, port = this.tid): void {
    if (this.phase === 'over') return;
    if (this.connected) {
      this.socket.send(b); // errors arrive as 'error' events
      return;
    }
    this.socket.send(b, port, this.host, (err) => {
      if (!err || this.phase === 'over') return;
      const code = (err as NodeJS.ErrnoException).code;
      this.lastSendError = `${code ?? ''} ${err.message}`.trim();
      // No route at all: retrying cannot help (the computer has no address on the router's network).
      if (code === 'ENETUNREACH' || code === 'EADDRNOTAVAIL' || code === 'EINVAL') this.end(new RbFault(F.noRoute(this.host, this.o.localAddress, err)));
    });
  }

  private sendWrq(): void {
    this.send(this.wrq, this.port);
  }

  /** The DATA packet of absolute block n (built when first sent, then reused for resends). */
  private packet(n: number): Buffer {
    const i = (n - 1) % this.W;
    const slot = this.slots[i]!;
    const len = n < this.last ? this.B : this.size - (this.last - 1) * this.B;
    if (this.slotBlock[i] !== n) {
      const at = (n - 1) * this.B;
      writeDataHeader(slot, 0, wireBlock(n, this.rollover));
      this.slotBlock[i] = 0; // until its bytes are in
      this.source.read(slot, 4, at, len);
      this.slotBlock[i] = n;
      if (at > this.hashed) this.hashGap(at); // never in practice: new blocks are built in order
      if (at === this.hashed) {
        this.hash.update(slot.subarray(4, 4 + len));
        this.hashed += len;
      }
    }
    return len === this.B ? slot : slot.subarray(0, 4 + len);
  }

  /** Hash the bytes before `to` that no block has carried yet, read again from the source. */
  private hashGap(to: number): void {
    const tmp = Buffer.allocUnsafe(Math.min(1 << 20, to - this.hashed));
    while (this.hashed < to) {
      const n = Math.min(tmp.length, to - this.hashed);
      this.source.read(tmp, 0, this.hashed, n);
      this.hash.update(tmp.subarray(0, n));
      this.hashed += n;
    }
  }

  /** Send blocks from..to (absolute, inclusive). */
  private sendBlocks(from: number, to: number): void {
    for (let n = from; n <= to; n++) {
      let p: Buffer;
      try {
        p = this.packet(n);
      } catch (err) {
        // the file ended early (cut short on disk) or could not be read: the router must not keep a partial file
        const what = err instanceof SourceChanged ? err.message : `reading it failed: ${err instanceof Error ? err.message : String(err)}`;
        this.end(new RbFault(F.fileChanged(this.host, this.name, what)), encodeError(TFTP_ERR.NOT_DEFINED, 'Read error on client'));
        return;
      }
      this.send(p);
    }
    if (to > this.top) this.top = to;
    this.poll.sent();
  }

  /** Fill the window after the last acknowledged block. */
  private sendWindow(): void {
    const to = Math.min(this.base + this.W, this.last);
    this.sendBlocks(this.base + 1, to);
  }

  /** The server's port is known: connect to it (and on Linux keep answering strangers on a shared port), then send. */
  private begin(port: number, B: number, W: number): void {
    this.tid = port;
    this.phase = 'data'; // from here on, only the server's transfer port is listened to
    this.touch();
    if (this.engine && W === 1 && this.startNative(this.engine.api, this.engine.fd, port, B)) return;
    this.socket.connect(port, this.host, () => {
      if (this.isOver()) return;
      this.connected = true;
      if (this.shared) this.openStray();
      this.startData(B, W);
    });
  }

  /**
   * Lock-step on the native engine (decision 0016): its socket takes over our port (SO_REUSEADDR, as the server's
   * transfers share theirs with the stray socket, decision 0012) and connects to the server's, so the kernel hands
   * it the server's packets; ours stays unconnected on the same port and answers strangers with ERROR 5. The engine
   * reads the file from the descriptor, sends DATA 1..N and waits for each ACK on its own thread. False when it
   * cannot start (then JavaScript sends).
   */
  private startNative(api: NativeLockstepApi, fd: number, port: number, B: number): boolean {
    let h: NativeHandle | undefined;
    try {
      h = api.open(this.o.localAddress ?? '0.0.0.0', true, this.socket.address().port);
      this.B = B;
      this.W = 1;
      this.last = Math.floor(this.size / B) + 1;
      api.start(h, this.host, port, fd, this.size, B, this.timeoutMs, this.retries, Math.min(5000, this.o.lockstepPollUs ?? NATIVE_SPIN_US), null, (r) => this.onNative(r));
    } catch (err) {
      if (h) api.dispose(h);
      this.lastSendError = `native engine: ${err instanceof Error ? err.message : String(err)}`;
      return false;
    }
    const progress = setInterval(() => {
      if (!this.native) return;
      const acked = api.progress(this.native.h)[0];
      if (acked > this.base) {
        this.base = acked;
        this.touch();
        this.reportProgress(false);
      }
    }, PROGRESS_EVERY_MS);
    this.native = { api, h, progress };
    if (this.timer) clearTimeout(this.timer); // the engine keeps its own retransmission timer
    this.timer = undefined;
    return true;
  }

  private onNative(r: NativeResult): void {
    if (this.native) clearInterval(this.native.progress);
    if (this.phase === 'over') return;
    this.base = r.acked;
    const blocks = (n: number): [number, number] => [Math.min(n + 1, this.last), this.last];
    switch (r.outcome) {
      case 'done':
        this.sentSha256 = r.sha256;
        this.reportProgress(true);
        this.end(undefined);
        return;
      case 'timeout':
        this.end(new RbFault(F.stoppedAnswering(this.host, this.name, ...blocks(r.acked), this.retries, this.timeoutMs, this.lastSendError)));
        return;
      case 'client-error': {
        const e = parseError(r.errorPacket ?? Buffer.alloc(0)) ?? { code: -1, message: '' };
        this.end(new RbFault(F.serverError(this.host, this.name, e.code, e.message, r.acked, this.last, this.B)));
        return;
      }
      case 'gone':
      case 'socket-error':
        this.end(new RbFault(F.serverGone(this.host, this.name, ...blocks(r.acked), `${r.outcome} ${r.errno ?? ''} ${r.errnoText ?? ''}`.trim())));
        return;
      case 'protocol':
        this.end(new RbFault(F.notTftp(this.host, this.name, r.acked, this.last, `opcode ${r.opcode ?? -1}, ${r.length ?? 0} bytes`)));
        return;
      case 'read-failed':
      case 'short-file':
        this.end(new RbFault(F.fileChanged(this.host, this.name, `${r.outcome} ${r.errno ?? ''}`.trim())));
        return;
      case 'cancelled':
        return; // abort() has ended the upload already
    }
  }

  private isOver(): boolean {
    return this.phase === 'over';
  }

  private openStray(): void {
    const st = dgram.createSocket({ type: 'udp4', reuseAddr: true });
    this.stray = st;
    st.on('error', () => undefined);
    st.on('message', (msg, rinfo) => {
      this.ignored++;
      if (readOpcode(msg) === OP.ERROR) return; // never answer an ERROR with an ERROR
      st.send(encodeError(TFTP_ERR.UNKNOWN_TID, 'Unknown transfer ID'), rinfo.port, rinfo.address, () => undefined);
    });
    st.bind({ address: this.o.localAddress ?? '0.0.0.0', port: this.socket.address().port });
  }

  private startData(B: number, W: number): void {
    this.B = B;
    this.W = W;
    this.poll = new LockstepPoll(W === 1 ? Math.min(5, (this.o.lockstepPollUs ?? LOCKSTEP_POLL_MS * 1000) / 1000) : 0);
    this.last = Math.floor(this.size / B) + 1;
    this.slots = [];
    this.slotBlock = [];
    const n = Math.min(W, this.last);
    const mem = Buffer.allocUnsafe(n * (B + 4));
    for (let i = 0; i < n; i++) {
      this.slots.push(mem.subarray(i * (B + 4), (i + 1) * (B + 4)));
      this.slotBlock.push(0);
    }
    this.sendWindow();
  }

  // ---- receiving ----------------------------------------------------------------------------------------

  private onPacket(msg: Buffer, address: string, port: number): void {
    if (this.phase === 'over') return;
    if (address !== this.host || (this.tid !== -1 && port !== this.tid)) {
      // Not our server's transfer: RFC 1350 says answer ERROR 5 and carry on.
      this.ignored++;
      try {
        this.socket.send(encodeError(TFTP_ERR.UNKNOWN_TID, 'Unknown transfer ID'), port, address);
      } catch {
        /* closed */
      }
      return;
    }
    if (msg.length >= 1 && msg[0]! >= 0x20 && msg[0]! < 0x7f) {
      // Not TFTP at all: some bootloaders answer a request they dislike with a line of text.
      this.end(new RbFault(F.routerText(this.host, this.name, textOf(msg), this.base, this.last)));
      return;
    }
    if (this.native) return; // the engine's socket gets the server's packets; a straggler here changes nothing
    const op = readOpcode(msg);
    if (op === OP.ERROR) {
      const e = parseError(msg) ?? { code: -1, message: '' };
      if (e.code === TFTP_ERR.OPTION_REFUSED && this.phase === 'request' && this.withOptions) {
        this.end(new OptionsRefused());
        return;
      }
      this.end(new RbFault(F.serverError(this.host, this.name, e.code, e.message, this.base, this.last, this.B)));
      return;
    }
    if (this.phase === 'request') {
      if (op === OP.OACK) this.onOack(msg, port);
      else if (op === OP.ACK && msg.length >= 4 && readBlock(msg) === 0) {
        // A plain ACK 0: the server ignored our options (or we sent none): RFC 1350 defaults.
        this.begin(port, DEFAULT_BLKSIZE, 1);
      } else this.ignored++;
      return;
    }
    if (op === OP.ACK && msg.length >= 4 && this.connected) this.onAck(readBlock(msg));
    else this.ignored++; // a repeated OACK, a stray DATA, garbage: the timer decides
  }

  private onOack(msg: Buffer, port: number): void {
    const opts = parseOack(msg);
    const refuse = (why: string): void => {
      this.tid = port;
      this.end(new RbFault(F.badOack(this.host, why)), encodeError(TFTP_ERR.OPTION_REFUSED, why.slice(0, 100)));
    };
    if (!opts || !this.withOptions) return refuse(opts ? 'OACK without a request for options' : 'malformed OACK');
    let B = DEFAULT_BLKSIZE;
    let W = 1;
    for (const [k, v] of Object.entries(opts)) {
      const n = /^[0-9]{1,6}$/.test(v) ? Number(v) : NaN;
      if (k === 'blksize' && this.wantB !== DEFAULT_BLKSIZE) {
        if (!(n >= BLKSIZE_MIN && n <= this.wantB)) return refuse(`blksize ${v.slice(0, 12)} is not between ${BLKSIZE_MIN} and ${this.wantB}`);
        B = n;
      } else if (k === 'windowsize' && this.wantW !== 1) {
        if (!(n >= 1 && n <= this.wantW)) return refuse(`windowsize ${v.slice(0, 12)} is not between 1 and ${this.wantW}`);
        W = n;
      } else return refuse(`option ${k.slice(0, 20)} was not requested`);
    }
    this.begin(port, B, W);
  }

  private onAck(k: number): void {
    // Which absolute block in [base, top] carries wire number k? (W <= 1024, so at most one.)
    let a = -1;
    for (let n = this.top; n >= this.base; n--) {
      if ((n === 0 ? 0 : wireBlock(n, this.rollover)) === k) {
        a = n;
        break;
      }
    }
    if (a === -1) {
      this.ignored++; // an old duplicate from before the window, or nonsense
      return;
    }
    if (a === this.base) return; // duplicate: never resend on it (sorcerer's apprentice); the timer does
    this.base = a;
    this.touch();
    this.poll.acked();
    this.reportProgress(false);
    if (a === this.last) {
      this.reportProgress(true);
      this.end(undefined);
      return;
    }
    // In lock-step and at a window's end this sends the next window; an ACK inside the window (the server saw a
    // gap, RFC 7440) restarts the window right after it.
    this.sendWindow();
  }

  // ---- timer, progress, end -----------------------------------------------------------------------------

  private touch(): void {
    this.progress++;
    this.tries = 0;
  }

  /** One timer: progress does not re-arm it (that costs per packet); a timer that fires after progress re-arms. */
  private armTimer(): void {
    this.seenProgress = this.progress;
    this.timer = setTimeout(() => this.onTimer(), this.timeoutMs);
  }

  private onTimer(): void {
    this.timer = undefined;
    if (this.phase === 'over') return;
    if (this.progress !== this.seenProgress) {
      this.armTimer();
      return;
    }
    this.tries++;
    const limit = this.phase === 'request' ? this.firstRetries : this.retries;
    if (this.tries > limit) {
      if (this.phase === 'request') this.end(new RbFault(F.noAnswer(this.host, this.port, this.name, this.firstRetries, this.timeoutMs, this.lastSendError)));
      else {
        this.end(new RbFault(F.stoppedAnswering(this.host, this.name, this.base + 1, this.last, this.retries, this.timeoutMs, this.lastSendError)), encodeError(TFTP_ERR.NOT_DEFINED, 'Timed out'));
      }
      return;
    }
    this.resent++;
    if (this.phase === 'request') this.sendWrq();
    else if (this.connected) this.sendBlocks(this.base + 1, this.top); // the whole unacknowledged window
    this.armTimer();
  }

  private reportProgress(final: boolean): void {
    const cb = this.o.onProgress;
    if (!cb) return;
    const now = Date.now();
    if (!final && now - this.lastProgressAt < PROGRESS_EVERY_MS) return;
    this.lastProgressAt = now;
    const bytes = Math.min(this.base * this.B, this.size);
    try {
      cb({ bytes, total: this.size, bytesPerSecond: bytes / Math.max(0.001, (now - this.started) / 1000) });
    } catch {
      /* a progress listener's problem is not the transfer's */
    }
  }

  private abort(): void {
    if (this.phase === 'over') return;
    if (this.native) {
      // the engine sends the ERROR from the server's known port and stops within one receive slice
      this.native.api.cancel(this.native.h, TFTP_ERR.NOT_DEFINED, 'Transfer cancelled');
      clearInterval(this.native.progress);
      this.end(new RbFault(F.cancelled(this.host, this.name, Math.min(this.base * this.B, this.size), this.size)));
      return;
    }
    this.end(new RbFault(F.cancelled(this.host, this.name, Math.min(this.base * this.B, this.size), this.size)), this.tid !== -1 ? encodeError(TFTP_ERR.NOT_DEFINED, 'Transfer cancelled') : undefined);
  }

  /** Finish the attempt; `lastWords` (an ERROR for the server) goes out before the socket closes. */
  private end(err: unknown, lastWords?: Uint8Array): void {
    if (this.phase === 'over') return;
    this.phase = 'over';
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.o.signal?.removeEventListener('abort', this.onAbort);
    this.poll.end();
    const close = (): void => {
      for (const s of [this.socket, this.stray]) {
        try {
          s?.close();
        } catch {
          /* already closed */
        }
      }
    };
    // dgram resolves the address of an unconnected send on the next tick: close only after it went out.
    if (lastWords && this.tid !== -1) {
      if (this.connected) this.socket.send(lastWords, close);
      else this.socket.send(lastWords, this.tid, this.host, close);
    } else close();
    if (err !== undefined) {
      this.settle.reject(err);
      return;
    }
    this.settle.resolve({
      bytes: this.size,
      sha256: this.native ? (this.sentSha256 ?? '') : this.hash.digest('hex'),
      blksize: this.B,
      windowsize: this.W,
      rolledOver: this.last > 0xffff,
      ms: Date.now() - this.started,
      engine: this.native ? 'native' : 'js',
    });
  }

  /** For the tests: packets ignored and windows resent. */
  get stats(): { ignored: number; resent: number } {
    return { ignored: this.ignored, resent: this.resent };
  }
}

/** A text reply, cut to one readable line. */
function textOf(msg: Buffer): string {
  let s = '';
  for (let i = 0; i < msg.length && i < 300; i++) {
    const c = msg[i]!;
    if (c === 0) break;
    s += c >= 0x20 && c < 0x7f ? String.fromCharCode(c) : c === 10 || c === 13 ? ' ' : '?';
  }
  return s.trim().replace(/\s+/g, ' ');
}

/**
 * A port nobody holds on `address`, found with an exclusive bind. Our socket binds it with SO_REUSEADDR (so the
 * stray socket or the native engine can share it later); binding port 0 with SO_REUSEADDR could be handed a port
 * another reusing socket holds (a server transfer's, decision 0012), and then both would get the same datagrams.
 */
function freePort(address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = dgram.createSocket({ type: 'udp4' });
    probe.once('error', (err) => {
      probe.close();
      reject(err);
    });
    probe.bind({ address, port: 0, exclusive: true }, () => {
      const port = probe.address().port;
      probe.close(() => resolve(port));
    });
  });
}
