/**
 * A focused TFTP server (RFC 1350, 2347, 2348, 2349, 7440) for router bootloaders. See
 * docs/decisions/0010-own-tftp-server.md for why it is ours and not the npm `tftp` package.
 *
 * One listening socket takes requests; every transfer gets its own socket connected to the client (its
 * transfer ID), so the kernel filters stray packets and sends need no address lookup. Read-only unless an
 * upload folder is given; every name is resolved by real path inside the served folder (jail.ts).
 */
import { EventEmitter } from 'node:events';
import { RbFault } from '../../../src-shared/errors';
import type { TftpOptions, TftpTransferEvent, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import type { SaidMessage } from '../../../src-shared/contract/common';
import {
  BLKSIZE_MAX,
  DEFAULT_BLKSIZE,
  encodeError,
  encodeOack,
  negotiate,
  netasciiEncode,
  OP,
  parseRequest,
  readOpcode,
  TFTP_ERR,
  type TftpRequest,
} from '../../../src-shared/capabilities/tftp/codec';
import { explainBindError } from '../../platform';
import { osUdp, type UdpRemoteInfo, type UdpSocket, type UdpSocketFactory } from '../../platform/bindings/udp';
import { TokenBucket } from '../../core/rate-limit';
import {
  clientRestarted,
  nativeEngineMissing,
  netasciiTooLarge,
  optionsRefused,
  readOnlyServer,
  requestRefused,
  serverBusy,
  serverError,
  SERVER_STOPPED_WIRE,
  serverStopped,
  TftpRefusal,
  servedFileRefused,
  uploadNotCreated,
} from './failures';
import { aliasNameProblem, openInside, servableFolders, servedFileName, uploadTarget } from './jail';
import { nativeLockstep, notNative, type NativeLockstepApi } from './native';
import { NativeReadTransfer } from './native-transfer';
import { fileSource, memorySource, ReadTransfer, type ReadSource, type ServedTransfer, type TransferBase, WriteTransfer } from './transfer';

export type { TftpTransferEvent, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';

export interface TftpServerOptions {
  /** The folder served. Only files inside it (by real path) are ever read. */
  root: string;
  /** The one local address to serve on; default '0.0.0.0' (all). */
  bind?: string;
  /** Default 69; 0 = any free port (the real one is in `server.port`). */
  port?: number;
  /** Upload folder; absent = read-only (every WRQ is refused). */
  allowWrite?: string;
  /** Let an upload replace an existing file (default false: ERROR 6). */
  overwrite?: boolean;
  /**
   * Requested name → file inside the served folder (relative, or absolute inside it) sent for that name. For
   * bootloaders that ask for a name of their own (TP-Link "ArcherC7v2_tp_recovery.bin"). Checked at start by the
   * folder's rules (jail.ts servedFileName); the transfer events carry `requested` and `served`.
   */
  aliases?: Record<string, string>;
  /** File inside the served folder sent for any read whose name is not found (never for refused names). */
  answerAny?: string;
  /**
   * Rescue Bench's data folder (default: this computer's, platform dataDir()): it and the folders holding it are
   * never served; folders inside it are, even where it lies in a hidden folder (~/.local/share). jail.ts.
   */
  dataDir?: string;
  /** Retransmission timeout when the client does not set one (ms, default 1000). */
  timeoutMs?: number;
  /** Retransmissions before a silent client is given up (default 5). */
  retries?: number;
  /** Largest block size agreed (default 65464). */
  maxBlksize?: number;
  /** Largest RFC 7440 window agreed (default 64). */
  maxWindowsize?: number;
  /** Concurrent transfers before new requests get "server busy" (default 64). */
  maxTransfers?: number;
  /** Largest upload accepted in bytes (default 4 GiB). */
  maxUploadBytes?: number;
  /** Progress event interval in ms (default 250). */
  progressMs?: number;
  /** Finished transfers remembered for transfers() (default 50). */
  keepRecent?: number;
  /**
   * Lock-step busy-poll budget after each block, in µs (0 = off). JavaScript engine (default 100): each transfer
   * measures whether polling makes it faster and polls only then (decision 0011). Native engine (default 300):
   * it waits this long yielding the CPU before it sleeps, while the client's round trips fit in it (decision 0013).
   */
  lockstepPollUs?: number;
  /** Poll on every lock-step block without measuring (benchmark only, to show why it measures). */
  lockstepPollAlways?: boolean;
  /**
   * Answer datagrams from strangers to a transfer's port with ERROR 5 (default true; Linux only, elsewhere the
   * kernel answers with ICMP; decision 0012). Off only to measure what it costs.
   */
  answerStrays?: boolean;
  /**
   * Who sends lock-step octet reads (windowsize 1, the bootloader default): 'auto' (default) = the native
   * engine when it is built and loads, else JavaScript; 'js' = always JavaScript; 'native' = refuse to start
   * without it (benchmarks, tests). Windowed reads, netascii and uploads always run in JavaScript (decision 0013).
   */
  engine?: 'auto' | 'js' | 'native';
  /**
   * Where sockets come from (default: this computer's, node:dgram). Tests pass a virtual network
   * (test-support/bindings/udp-mock.ts); there only the JavaScript engine runs (decision 0009).
   */
  udp?: UdpSocketFactory;
}

export interface TftpServer {
  readonly address: string;
  readonly port: number;
  readonly root: string;
  readonly allowWrite: string | undefined;
  readonly overwrite: boolean;
  /** Requested name → file (relative to root) sent for it. */
  readonly aliases: Readonly<Record<string, string>>;
  /** File (relative to root) sent for any name not found. */
  readonly answerAny: string | undefined;
  on(ev: 'transfer', l: (e: TftpTransferEvent) => void): void;
  off(ev: 'transfer', l: (e: TftpTransferEvent) => void): void;
  /** Active transfers first, then recent finished ones, newest first. */
  transfers(): TftpTransferInfo[];
  /**
   * The newest transfer of `file` once it has ended, waiting up to `timeoutMs` while it is still running (a client
   * such as U-Boot reports its download complete before its last ACK reaches us). After the wait, the transfer as it
   * stands; undefined if the file was never requested.
   */
  settled(file: string, timeoutMs: number): Promise<TftpTransferInfo | undefined>;
  /** Requests that could not even be parsed (malformed packets), counted, never logged one by one. */
  readonly malformed: number;
  /** Datagrams to a transfer's port from someone other than its client (answered with ERROR 5 on Linux). */
  readonly strays: number;
  /** Which engine sends lock-step reads, and why not the native one (shown in the UI, printed by the CLI). */
  readonly lockstep: { engine: 'native' | 'js'; why?: string; whyMsg?: SaidMessage };
  close(): Promise<void>;
}

/** netascii is converted in memory; bigger files must be fetched in octet mode. */
const NETASCII_MAX = 64 * 1024 * 1024;

class Server implements TftpServer {
  address: string;
  port: number;
  malformed = 0;
  strays = 0;
  /** Local ports of running transfers (their TIDs). */
  private readonly tidPorts = new Set<number>();
  private readonly emitter = new EventEmitter();
  private readonly active = new Map<number, ServedTransfer>();
  /** peer "addr:port" -> transfer id, to ignore a client's retransmitted request. */
  private readonly byPeer = new Map<string, number>();
  private readonly pending = new Set<string>();
  private recent: TftpTransferInfo[] = [];
  private nextId = 1;
  private readonly lastProgress = new Map<number, number>();
  private readonly progressTimer: NodeJS.Timeout;
  /** ERROR replies to malformed requests and strangers: at most 2000 a second, so a flood cannot make us one. */
  private readonly budget = new TokenBucket(2000, 2000);
  private closing = false;
  /** The native lock-step engine, when this server uses it. */
  private readonly native: NativeLockstepApi | undefined;
  /** For the UI: which engine sends lock-step reads, and why not the native one. */
  readonly lockstep: { engine: 'native' | 'js'; why?: string; whyMsg?: SaidMessage };

  constructor(
    private readonly socket: UdpSocket,
    readonly root: string,
    readonly allowWrite: string | undefined,
    readonly overwrite: boolean,
    private readonly opts: Required<Omit<TftpServerOptions, 'allowWrite' | 'root' | 'dataDir' | 'aliases' | 'answerAny'>> & { nativeSpinUs: number },
    readonly aliases: Readonly<Record<string, string>> = {},
    readonly answerAny: string | undefined = undefined,
  ) {
    const a = socket.address();
    const n = opts.engine === 'js' ? notNative('server') : nativeFor(opts.udp);
    this.native = n.ok ? n.api : undefined;
    this.lockstep = n.ok ? { engine: 'native' } : { engine: 'js', why: n.reason, whyMsg: { id: 'tftp.engine.why', values: n.values } };
    this.address = a.address;
    this.port = a.port;
    this.emitter.setMaxListeners(50);
    socket.on('message', (msg, rinfo) => this.onRequest(msg, rinfo));
    socket.on('error', () => undefined); // ICMP noise on the listening socket must never stop the server
    this.progressTimer = setInterval(() => this.emitProgress(), opts.progressMs);
    this.progressTimer.unref();
  }

  on(ev: 'transfer', l: (e: TftpTransferEvent) => void): void {
    this.emitter.on(ev, l);
  }
  off(ev: 'transfer', l: (e: TftpTransferEvent) => void): void {
    this.emitter.off(ev, l);
  }

  transfers(): TftpTransferInfo[] {
    const live = [...this.active.values()].map((t) => t.info()).reverse();
    return [...live, ...this.recent];
  }

  settled(file: string, timeoutMs: number): Promise<TftpTransferInfo | undefined> {
    const name = file.replace(/^\/+/, '');
    const now = this.transfers().find((t) => t.file.replace(/^\/+/, '') === name);
    if (!now || now.state !== 'running') return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = (info: TftpTransferInfo | undefined): void => {
        clearTimeout(timer);
        this.emitter.off('transfer', onEvent);
        resolve(info);
      };
      const onEvent = (e: TftpTransferEvent): void => {
        if (e.transfer.id === now.id && e.transfer.state !== 'running') done(e.transfer);
      };
      const timer = setTimeout(() => done(this.transfers().find((t) => t.id === now.id)), timeoutMs);
      this.emitter.on('transfer', onEvent);
    });
  }

  private emit(kind: TftpTransferEvent['kind'], transfer: TftpTransferInfo): void {
    const e: TftpTransferEvent = { kind, transfer };
    for (const l of this.emitter.listeners('transfer') as Array<(e: TftpTransferEvent) => void>) {
      try {
        l(e);
      } catch {
        /* a broken listener must not break the server */
      }
    }
  }

  private remember(info: TftpTransferInfo): void {
    this.recent.unshift(info);
    if (this.recent.length > this.opts.keepRecent) this.recent.length = this.opts.keepRecent;
  }

  private emitProgress(): void {
    for (const t of this.active.values()) {
      const b = t.bytes;
      if (this.lastProgress.get(t.id) === b) continue;
      this.lastProgress.set(t.id, b);
      this.emit('progress', t.info());
    }
  }

  private replyError(rinfo: UdpRemoteInfo, code: number, text: string): void {
    if (!this.budget.take()) return;
    this.socket.send(encodeError(code, text), rinfo.port, rinfo.address, () => undefined);
  }

  /** A request refused before a transfer began: the client gets an ERROR, the UI gets an error event. */
  private refuse(rinfo: UdpRemoteInfo, req: TftpRequest | undefined, r: TftpRefusal): void {
    this.replyError(rinfo, r.tftpCode, r.wire);
    if (!req) return;
    const now = Date.now();
    const info: TftpTransferInfo = {
      id: this.nextId++,
      direction: req.op === 'rrq' ? 'read' : 'write',
      file: req.filename.slice(0, 300),
      requested: req.filename.slice(0, 300),
      peer: rinfo.address,
      peerPort: rinfo.port,
      mode: req.mode,
      options: { blksize: DEFAULT_BLKSIZE, windowsize: 1, timeoutMs: this.opts.timeoutMs, oack: false },
      state: 'error',
      bytes: 0,
      startedAt: now,
      endedAt: now,
      rate: 0,
      retransmits: 0,
      error: requestRefused(req, rinfo.address, r),
    };
    this.remember(info);
    this.emit('error', info);
  }

  private onRequest(msg: Buffer, rinfo: UdpRemoteInfo): void {
    if (this.closing) return;
    const op = readOpcode(msg);
    if (op !== OP.RRQ && op !== OP.WRQ) {
      this.malformed++;
      if (op === OP.ERROR || msg.length < 2) return; // never answer an ERROR with an ERROR
      if (op === OP.DATA || op === OP.ACK) this.replyError(rinfo, TFTP_ERR.UNKNOWN_TID, 'Unknown transfer ID');
      else this.replyError(rinfo, TFTP_ERR.ILLEGAL_OPERATION, 'Illegal TFTP operation');
      return;
    }
    const parsed = parseRequest(msg);
    if (!parsed.ok) {
      this.malformed++;
      this.replyError(rinfo, parsed.code, parsed.reason);
      return;
    }
    const key = `${rinfo.address}:${rinfo.port}`;
    if (this.pending.has(key)) return; // a retransmitted request: the transfer is being set up
    const previous = this.byPeer.get(key);
    if (previous !== undefined) {
      const t = this.active.get(previous);
      // Before any progress, a repeated request is a retransmission (our own timer resends). After progress,
      // the client has started over from the same port (a bootloader that restarted): end the old transfer.
      if (!t || !t.progressed) return;
      t.fail(clientRestarted(t.peer, t.file), false);
    }
    if (this.active.size + this.pending.size >= this.opts.maxTransfers) {
      this.refuse(rinfo, parsed.value, serverBusy(this.active.size, this.opts.maxTransfers));
      return;
    }
    this.pending.add(key);
    this.startTransfer(parsed.value, rinfo)
      .catch((err: unknown) => {
        this.refuse(rinfo, parsed.value, err instanceof TftpRefusal ? err : serverError(err));
      })
      .finally(() => this.pending.delete(key));
  }

  /**
   * The transfer's own socket (its TID), connected to the client. On Linux a second, unconnected socket shares
   * its port and answers ERROR 5 to datagrams from anyone else (RFC 1350); the kernel still hands every datagram
   * from the client to the connected socket, so the hot path is unchanged (decision 0012).
   */
  private async transferSocket(rinfo: UdpRemoteInfo): Promise<{ socket: UdpSocket; stray: UdpSocket | undefined }> {
    const share = this.opts.answerStrays && this.opts.udp.sharedPortForStrays();
    for (let attempt = 0; ; attempt++) {
      const s = this.opts.udp.createSocket({ type: 'udp4', reuseAddr: share });
      let stray: UdpSocket | undefined;
      try {
        await bindUdp(s, this.address, 0);
        const port = s.address().port;
        // With reuseAddr the kernel may hand out a port that another of our transfers holds (also reuseAddr).
        if (share && this.tidPorts.has(port)) {
          s.close();
          if (attempt < 16) continue;
          throw new Error('no free transfer port');
        }
        if (share) {
          stray = this.opts.udp.createSocket({ type: 'udp4', reuseAddr: true });
          try {
            await bindUdp(stray, this.address, port);
          } catch {
            stray.close(); // without it the transfer works as before: strays get the kernel's ICMP
            stray = undefined;
          }
        }
        await new Promise<void>((resolve, reject) => s.connect(rinfo.port, rinfo.address, (err?: Error) => (err ? reject(err) : resolve())));
      } catch (err) {
        s.close();
        stray?.close();
        throw err;
      }
      return { socket: s, stray };
    }
  }

  /** The same for the native engine: its socket is created (and later connected) by the engine. */
  private async nativeTransferSocket(api: NativeLockstepApi): Promise<{ handle: ReturnType<NativeLockstepApi['open']>; stray: UdpSocket | undefined }> {
    const share = this.opts.answerStrays && this.opts.udp.sharedPortForStrays();
    for (let attempt = 0; ; attempt++) {
      const handle = api.open(this.address, share);
      const port = api.port(handle);
      if (share && this.tidPorts.has(port)) {
        api.dispose(handle);
        if (attempt < 16) continue;
        throw new Error('no free transfer port');
      }
      let stray: UdpSocket | undefined;
      if (share) {
        stray = this.opts.udp.createSocket({ type: 'udp4', reuseAddr: true });
        try {
          await bindUdp(stray, this.address, port);
        } catch {
          stray.close();
          stray = undefined;
        }
      }
      return { handle, stray };
    }
  }

  /** A datagram to a transfer's port from someone other than its client: ERROR 5 to the sender, transfer undisturbed. */
  private onStray(socket: UdpSocket, msg: Buffer, rinfo: UdpRemoteInfo): void {
    this.strays++;
    if (readOpcode(msg) === OP.ERROR || !this.budget.take()) return; // never answer an ERROR with an ERROR
    socket.send(encodeError(TFTP_ERR.UNKNOWN_TID, 'Unknown transfer ID'), rinfo.port, rinfo.address, () => undefined);
  }

  private async startTransfer(req: TftpRequest, rinfo: UdpRemoteInfo): Promise<void> {
    const limits = { maxBlksize: this.opts.maxBlksize, maxWindowsize: this.opts.maxWindowsize, maxUploadBytes: this.opts.maxUploadBytes };
    const hooks = { finished: (t: ServedTransfer) => this.finished(t), stray: (s: UdpSocket, m: Buffer, r: UdpRemoteInfo) => this.onStray(s, m, r) };
    const base: Omit<TransferBase, 'id' | 'options'> & { pollMs: number; pollAlways: boolean } = { file: req.filename, peer: rinfo.address, peerPort: rinfo.port, mode: req.mode, retries: this.opts.retries, hooks, pollMs: this.opts.lockstepPollUs / 1000, pollAlways: this.opts.lockstepPollAlways };
    if (req.op === 'rrq') {
      const { opened, served, servedBy } = await this.openRequested(req.filename);
      base.served = served;
      base.servedBy = servedBy;
      try {
        let source: ReadSource;
        if (req.mode === 'netascii') {
          if (opened.size > NETASCII_MAX) throw netasciiTooLarge(req.filename, NETASCII_MAX);
          const original = await opened.fh.readFile();
          source = memorySource(netasciiEncode(original), original, () => opened.fh.close());
        } else source = fileSource(opened.fh, opened.size);
        const neg = agree(negotiate(req, source.size, this.opts.timeoutMs, limits));
        if (req.mode === 'octet' && neg.windowsize === 1 && this.native) {
          // Lock-step octet: the native engine sends (decision 0013); it reads the same open file.
          const { handle, stray } = await this.nativeTransferSocket(this.native);
          const oackPacket = neg.oack.length > 0 ? Buffer.from(encodeOack(neg.oack)) : null;
          const t = new NativeReadTransfer({ ...base, id: this.nextId++, api: this.native, handle, stray, options: optionsOf(neg), oackPacket, fh: opened.fh, size: opened.size, spinUs: this.opts.nativeSpinUs });
          this.started(t, rinfo);
          return;
        }
        const { socket, stray } = await this.transferSocket(rinfo);
        const t = new ReadTransfer({ ...base, id: this.nextId++, socket, stray, options: optionsOf(neg), oack: neg.oack }, source);
        this.started(t, rinfo);
      } catch (err) {
        await opened.fh.close().catch(() => undefined);
        throw err;
      }
      return;
    }
    if (!this.allowWrite) throw readOnlyServer();
    const neg = agree(negotiate(req, undefined, this.opts.timeoutMs, limits));
    const target = await uploadTarget(this.allowWrite, req.filename, this.overwrite);
    const { socket, stray } = await this.transferSocket(rinfo);
    const t = new WriteTransfer(
      { ...base, id: this.nextId++, socket, stray, options: optionsOf(neg), oack: neg.oack },
      { dirReal: target.dirReal, target: target.target, overwrite: this.overwrite, maxBytes: this.opts.maxUploadBytes },
    );
    try {
      await t.open();
    } catch (err) {
      socket.close();
      stray?.close();
      throw uploadNotCreated(err);
    }
    this.started(t, rinfo);
  }

  /**
   * The file a read of `name` gets: an alias's file; else the name itself; else, when it is not found, the
   * answer-any file. Every one is opened through openInside, so the folder's rules hold for all three; a name
   * refused by a rule (hidden, leading outside) stays refused even with answer-any.
   */
  private async openRequested(name: string): Promise<{ opened: Awaited<ReturnType<typeof openInside>>; served: string; servedBy: 'name' | 'alias' | 'answer-any' }> {
    const alias = Object.prototype.hasOwnProperty.call(this.aliases, name) ? this.aliases[name] : undefined;
    if (alias !== undefined) return { opened: await openInside(this.root, alias), served: alias, servedBy: 'alias' };
    try {
      return { opened: await openInside(this.root, name), served: name, servedBy: 'name' };
    } catch (err) {
      if (this.answerAny === undefined || !(err instanceof TftpRefusal) || err.tftpCode !== TFTP_ERR.FILE_NOT_FOUND) throw err;
      return { opened: await openInside(this.root, this.answerAny), served: this.answerAny, servedBy: 'answer-any' };
    }
  }

  private started(t: ServedTransfer, rinfo: UdpRemoteInfo): void {
    if (this.closing) {
      t.fail(serverStopped(), true, TFTP_ERR.NOT_DEFINED, SERVER_STOPPED_WIRE);
      return;
    }
    this.active.set(t.id, t);
    this.tidPorts.add(t.localPort);
    this.byPeer.set(`${rinfo.address}:${rinfo.port}`, t.id);
    this.emit('start', t.info());
    t.begin();
  }

  private finished(t: ServedTransfer): void {
    if (!this.active.delete(t.id)) return;
    this.tidPorts.delete(t.localPort);
    this.byPeer.delete(`${t.peer}:${t.peerPort}`);
    this.lastProgress.delete(t.id);
    const info = t.info();
    this.remember(info);
    this.emit(t.state === 'done' ? 'done' : 'error', info);
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    clearInterval(this.progressTimer);
    for (const t of [...this.active.values()]) {
      t.fail(serverStopped(t.file), true, TFTP_ERR.NOT_DEFINED, SERVER_STOPPED_WIRE);
    }
    await new Promise<void>((resolve) => {
      try {
        this.socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }
}

/** The agreed options, or the refusal the client gets when its options make no sense. */
function agree(n: ReturnType<typeof negotiate>): Extract<ReturnType<typeof negotiate>, { ok: true }>['value'] {
  if (!n.ok) throw optionsRefused(n.code, n.reason);
  return n.value;
}

function optionsOf(n: { blksize: number; windowsize: number; timeoutMs: number; tsize?: number; oack: Array<[string, string]> }): TftpOptions {
  const o: TftpOptions = { blksize: n.blksize, windowsize: n.windowsize, timeoutMs: n.timeoutMs, oack: n.oack.length > 0 };
  if (n.tsize !== undefined) o.tsize = n.tsize;
  return o;
}

export async function startTftpServer(opts: TftpServerOptions): Promise<TftpServer> {
  const bind = opts.bind ?? '0.0.0.0';
  const port = opts.port ?? 69;
  const { root, upload: up } = await servableFolders(opts.root, opts.allowWrite, opts.dataDir);
  const { aliases, answerAny } = await servedFiles(root, opts.aliases, opts.answerAny);
  const udp = opts.udp ?? osUdp;
  if (opts.engine === 'native') {
    const n = nativeFor(udp);
    if (!n.ok) throw new RbFault(nativeEngineMissing(n.reason, n.values));
  }
  const socket = udp.createSocket({ type: 'udp4' });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: bind, port, exclusive: true }, () => {
        socket.off('error', reject);
        resolve();
      });
    });
  } catch (err) {
    try {
      socket.close();
    } catch {
      /* never opened */
    }
    throw explainBindError(err, {
      protocol: 'udp',
      address: bind,
      port,
      purpose: 'send files to the router\'s bootloader by TFTP (the simple file transfer that router bootloaders use)',
      highPortHint:
        "If the router runs U-Boot, it may be able to use a high port instead: start the server on port 6969 and type `setenv tftpdstp 6969` at the router's U-Boot prompt before `tftpboot`. This works only if that U-Boot was built with the TFTP port option; if it still asks on port 69, use one of the fixes above. Other bootloaders (TP-Link, Netgear, Ubiquiti recovery) always use port 69.",
    });
  }
  return new Server(socket, root, up, opts.overwrite ?? false, {
    bind,
    port,
    overwrite: opts.overwrite ?? false,
    timeoutMs: opts.timeoutMs ?? 1000,
    retries: opts.retries ?? 5,
    maxBlksize: Math.min(opts.maxBlksize ?? BLKSIZE_MAX, BLKSIZE_MAX),
    maxWindowsize: Math.max(1, Math.min(opts.maxWindowsize ?? 64, 1024)),
    maxTransfers: opts.maxTransfers ?? 64,
    maxUploadBytes: opts.maxUploadBytes ?? 4 * 1024 * 1024 * 1024,
    progressMs: opts.progressMs ?? 250,
    keepRecent: opts.keepRecent ?? 50,
    lockstepPollUs: Math.max(0, Math.min(opts.lockstepPollUs ?? 100, 5000)),
    nativeSpinUs: Math.max(0, Math.min(opts.lockstepPollUs ?? 300, 5000)),
    lockstepPollAlways: opts.lockstepPollAlways ?? false,
    answerStrays: opts.answerStrays ?? true,
    engine: opts.engine ?? 'auto',
    udp,
  }, aliases, answerAny);
}

/** Check the aliases and the answer-any file by the folder's rules before the server starts (TFTP_ALIAS_REFUSED). */
async function servedFiles(root: string, aliases: Record<string, string> = {}, answerAny?: string): Promise<{ aliases: Record<string, string>; answerAny: string | undefined }> {
  const out: Record<string, string> = Object.create(null) as Record<string, string>;
  const check = async (which: 'aliasFile' | 'answerAny', name: string, target: string): Promise<string> => {
    try {
      return await servedFileName(root, target);
    } catch (err) {
      const refusal = err instanceof TftpRefusal ? err : undefined;
      const problem = refusal?.kind === 'missing' ? 'missing' : (refusal?.reason?.problem ?? 'other');
      throw new RbFault(servedFileRefused(which, name, target, refusal ? refusal.why : String(err), problem, refusal?.reason ?? {}));
    }
  };
  for (const [name, target] of Object.entries(aliases)) {
    const problem = aliasNameProblem(name);
    if (problem) throw new RbFault(servedFileRefused('aliasName', name, '', problem.why, problem.key));
    out[name] = await check('aliasFile', name, target);
  }
  return { aliases: out, answerAny: answerAny === undefined ? undefined : await check('answerAny', '', answerAny) };
}

/** The native engine opens real sockets of its own: on a virtual network (tests) only the JavaScript engine can run. */
function nativeFor(udp: UdpSocketFactory): ReturnType<typeof nativeLockstep> {
  return udp.kind === 'os' ? nativeLockstep() : notNative('virtual');
}

function bindUdp(s: UdpSocket, address: string, port: number): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.bind({ address, port }, () => {
      s.off('error', reject);
      resolve();
    });
  });
}
