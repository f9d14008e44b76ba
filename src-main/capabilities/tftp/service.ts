/**
 * The app-level TFTP service: at most one server at a time, its state for a UI that (re)connects, and its
 * events forwarded to the contract (tftp.transfer, tftp.server.state). Other services (U-Boot automation)
 * may use startTftpServer() directly for a private server.
 */
import path from 'node:path';
import type { TftpFiles, TftpPutProgress, TftpPutRequest, TftpPutResult, TftpServerState, TftpTransferEvent, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import { tftpPut } from './client';
import { fault, RbFault, toErrorShape } from '../../../src-shared/errors';
import { listServable } from './jail';
import { startTftpServer, type TftpServer, type TftpServerOptions } from './server';

export interface TftpServiceEvents {
  transfer(e: TftpTransferEvent): void;
  state(s: TftpServerState): void;
  /** An upload to a router (tftp.put) started, progressed, finished or failed. */
  put?(p: TftpPutProgress): void;
}

export class TftpService {
  private server: TftpServer | undefined;
  private status: TftpServerState = { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false };
  private lastRecent: TftpTransferInfo[] = [];
  private readonly puts = new Map<number, AbortController>();
  private nextPutId = 1;

  constructor(
    private readonly listeners: TftpServiceEvents,
    /** Extra server options (tests shorten timeouts). */
    private readonly extra: Partial<TftpServerOptions> = {},
  ) {}

  get state(): TftpServerState {
    return this.status;
  }

  /**
   * Settings of this process for every server it starts, not part of any request: who sends lock-step reads and
   * their busy-poll budget (the CLI's `tftp serve --engine` and `--poll-us`, for benchmarks and slow machines).
   */
  useEngine(settings: Pick<TftpServerOptions, 'engine' | 'lockstepPollUs'>): void {
    if (settings.engine !== undefined) this.extra.engine = settings.engine;
    if (settings.lockstepPollUs !== undefined) this.extra.lockstepPollUs = settings.lockstepPollUs;
  }

  private setState(s: TftpServerState): TftpServerState {
    this.status = s;
    this.listeners.state(s);
    return s;
  }

  async start(a: { root: string; bind: string; port: number; allowWrite?: string | undefined; overwrite: boolean; aliases?: Record<string, string> | undefined; answerAny?: string | undefined }): Promise<TftpServerState> {
    if (this.server) await this.stop(false);
    const base: TftpServerState = { state: 'starting', root: a.root, bind: a.bind, port: a.port, overwrite: a.overwrite };
    if (a.allowWrite) base.allowWrite = a.allowWrite;
    this.setState(base);
    try {
      const opts: TftpServerOptions = { ...this.extra, root: a.root, bind: a.bind, port: a.port, overwrite: a.overwrite };
      if (a.allowWrite) opts.allowWrite = a.allowWrite;
      if (a.aliases) opts.aliases = a.aliases;
      if (a.answerAny !== undefined) opts.answerAny = a.answerAny;
      const server = await startTftpServer(opts);
      this.server = server;
      server.on('transfer', (e) => this.listeners.transfer(e));
      const st: TftpServerState = { state: 'listening', root: server.root, bind: server.address, port: server.port, overwrite: server.overwrite, startedAt: Date.now(), lockstep: server.lockstep };
      if (server.allowWrite) st.allowWrite = server.allowWrite;
      if (Object.keys(server.aliases).length) st.aliases = { ...server.aliases };
      if (server.answerAny !== undefined) st.answerAny = server.answerAny;
      return this.setState(st);
    } catch (err) {
      const shape = toErrorShape(err, 'TFTP_START_FAILED');
      this.setState({ ...base, state: 'error', error: shape });
      throw err instanceof RbFault ? err : new RbFault(shape);
    }
  }

  async stop(announce = true): Promise<TftpServerState> {
    const s = this.server;
    this.server = undefined;
    if (s) {
      this.lastRecent = s.transfers();
      await s.close();
    }
    const st: TftpServerState = { ...this.status, state: 'stopped' };
    delete st.error;
    delete st.startedAt;
    this.status = st;
    if (announce) this.listeners.state(st);
    return st;
  }

  /** What the running server offers; only its own folder, never an arbitrary path (the bench UI is remote). */
  async files(): Promise<TftpFiles> {
    if (!this.server) {
      throw fault('TFTP_NOT_RUNNING');
    }
    const root = this.server.root;
    return { root, ...(await listServable(root)) };
  }

  /**
   * Upload a file to a router that is the TFTP server (client.ts). Progress goes to the `put` listener; the reply
   * comes once the router acknowledged the last block. Rejects with the client's three-part TFTP_PUT_ fault.
   */
  async put(req: TftpPutRequest): Promise<TftpPutResult> {
    const id = this.nextPutId++;
    const remoteName = req.remoteName ?? path.basename(req.file);
    const port = req.port ?? 69;
    const ac = new AbortController();
    this.puts.set(id, ac);
    const startedAt = Date.now();
    const base = { id, host: req.host, port, file: req.file, remoteName, startedAt };
    let last = { bytes: 0, total: 0, bytesPerSecond: 0 };
    const emit = (p: Omit<TftpPutProgress, keyof typeof base>): void => this.listeners.put?.({ ...base, ...p });
    emit({ state: 'running', ...last });
    try {
      const r = await tftpPut({
        host: req.host,
        port,
        source: { path: req.file },
        remoteName,
        ...(req.blksize !== undefined ? { blksize: req.blksize } : {}),
        ...(req.windowsize !== undefined ? { windowsize: req.windowsize } : {}),
        ...(req.localAddress !== undefined ? { localAddress: req.localAddress } : {}),
        ...(req.timeoutMs !== undefined ? { timeoutMs: req.timeoutMs } : {}),
        ...(req.retries !== undefined ? { retries: req.retries } : {}),
        ...(req.firstBlockRetries !== undefined ? { firstBlockRetries: req.firstBlockRetries } : {}),
        signal: ac.signal,
        onProgress: (p) => {
          last = p;
          if (p.bytes < p.total) emit({ state: 'running', ...p });
        },
      });
      const result: TftpPutResult = { ...base, ...r };
      delete (result as Partial<typeof base>).startedAt;
      emit({ state: 'done', bytes: r.bytes, total: r.bytes, bytesPerSecond: r.bytes / Math.max(0.001, r.ms / 1000), result });
      return result;
    } catch (err) {
      const shape = toErrorShape(err, 'TFTP_PUT_FAILED');
      emit({ state: 'error', ...last, error: shape });
      throw err instanceof RbFault ? err : new RbFault(shape);
    } finally {
      this.puts.delete(id);
    }
  }

  /** Cancel running uploads (all, or one); how many were running. */
  cancelPut(id?: number): number {
    let n = 0;
    for (const [k, ac] of this.puts) {
      if (id !== undefined && k !== id) continue;
      ac.abort();
      n++;
    }
    return n;
  }

  transfers(): TftpTransferInfo[] {
    return this.server ? this.server.transfers() : this.lastRecent;
  }
}
