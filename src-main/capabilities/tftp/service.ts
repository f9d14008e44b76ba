/**
 * The app-level TFTP service: at most one server at a time, its state for a UI that (re)connects, and its
 * events forwarded to the contract (tftp.transfer, tftp.server.state). Other services (U-Boot automation)
 * may use startTftpServer() directly for a private server.
 */
import type { TftpFiles, TftpServerState, TftpTransferEvent, TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import { RbFault, toErrorShape } from '../../../src-shared/errors';
import { listServable } from './jail';
import { startTftpServer, type TftpServer, type TftpServerOptions } from './server';

export interface TftpServiceEvents {
  transfer(e: TftpTransferEvent): void;
  state(s: TftpServerState): void;
}

export class TftpService {
  private server: TftpServer | undefined;
  private status: TftpServerState = { state: 'stopped', root: '', bind: '0.0.0.0', port: 69, overwrite: false };
  private lastRecent: TftpTransferInfo[] = [];

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

  async start(a: { root: string; bind: string; port: number; allowWrite?: string | undefined; overwrite: boolean }): Promise<TftpServerState> {
    if (this.server) await this.stop(false);
    const base: TftpServerState = { state: 'starting', root: a.root, bind: a.bind, port: a.port, overwrite: a.overwrite };
    if (a.allowWrite) base.allowWrite = a.allowWrite;
    this.setState(base);
    try {
      const opts: TftpServerOptions = { ...this.extra, root: a.root, bind: a.bind, port: a.port, overwrite: a.overwrite };
      if (a.allowWrite) opts.allowWrite = a.allowWrite;
      const server = await startTftpServer(opts);
      this.server = server;
      server.on('transfer', (e) => this.listeners.transfer(e));
      const st: TftpServerState = { state: 'listening', root: server.root, bind: server.address, port: server.port, overwrite: server.overwrite, startedAt: Date.now(), lockstep: server.lockstep };
      if (server.allowWrite) st.allowWrite = server.allowWrite;
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
      throw new RbFault({
        code: 'TFTP_NOT_RUNNING',
        message: 'The file server is not running.',
        meaning: 'There is no served folder to list.',
        fix: 'Start the file server on the folder with the firmware first.',
      });
    }
    const root = this.server.root;
    return { root, ...(await listServable(root)) };
  }

  transfers(): TftpTransferInfo[] {
    return this.server ? this.server.transfers() : this.lastRecent;
  }
}
