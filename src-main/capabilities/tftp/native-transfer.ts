/**
 * A lock-step octet read served by the native engine (native/lockstep, decision 0013). Everything before the
 * first data packet happened in JavaScript: the request was parsed, the name checked against the served folder,
 * the file opened, the options agreed and the OACK built. The engine sends the OACK (if any) and the blocks on a
 * thread of its own; this object reports progress from its counters and turns its outcome into the same
 * events and errors as the JavaScript engine's transfers.
 */
import type fsp from 'node:fs/promises';
import type { TftpTransferInfo } from '../../../src-shared/capabilities/tftp/contract';
import type { RbErrorShape } from '../../../src-shared/errors';
import { TFTP_ERR } from '../../../src-shared/capabilities/tftp/codec';
import { clientCancelled, clientGone, protocolViolation, readFailed, timedOut } from './failures';
import type { NativeHandle, NativeLockstepApi, NativeResult } from './native';
import { transferInfo, type ServedTransfer, type TransferBase } from './transfer';

export interface NativeReadInit extends TransferBase {
  api: NativeLockstepApi;
  handle: NativeHandle;
  /** The OACK packet to send first, or null for a plain RFC 1350 read. */
  oackPacket: Buffer | null;
  /** Yielding wait before sleeping, in µs (0 = off; decision 0013). */
  spinUs: number;
  fh: fsp.FileHandle;
  size: number;
}

export class NativeReadTransfer implements ServedTransfer {
  readonly id: number;
  readonly localPort: number;
  readonly file: string;
  readonly peer: string;
  readonly peerPort: number;
  readonly startedAt = Date.now();
  state: 'running' | 'done' | 'error' = 'running';
  private endedAt: number | undefined;
  private sha256: string | undefined;
  private error: RbErrorShape | undefined;
  /** Set once the engine has reported: counters are final, the file can close. */
  private result: NativeResult | undefined;
  private closed = false;

  constructor(private readonly init: NativeReadInit) {
    this.id = init.id;
    this.localPort = init.api.port(init.handle);
    this.file = init.file;
    this.peer = init.peer;
    this.peerPort = init.peerPort;
    const stray = init.stray;
    if (stray) {
      stray.on('message', (msg, rinfo) => init.hooks.stray(stray, msg, rinfo));
      stray.on('error', () => undefined);
    }
  }

  private counters(): [number, number] {
    return this.result ? [this.result.acked, this.result.retransmits] : this.init.api.progress(this.init.handle);
  }

  get bytes(): number {
    return Math.min(this.counters()[0] * this.init.options.blksize, this.init.size);
  }

  get progressed(): boolean {
    return this.counters()[0] > 0;
  }

  info(): TftpTransferInfo {
    const [acked, retransmits] = this.counters();
    const { id, file, peer, peerPort, state, startedAt, endedAt, sha256, error } = this;
    const { mode, options, size, served, servedBy } = this.init;
    const bytes = Math.min(acked * options.blksize, size);
    return transferInfo({ id, direction: 'read', file, served, servedBy, peer, peerPort, mode, options, state, bytes, size, startedAt, endedAt, retransmits, sha256, error, engine: 'native' });
  }

  begin(): void {
    const { api, handle, options: o } = this.init;
    try {
      api.start(handle, this.peer, this.peerPort, this.init.fh.fd, this.init.size, o.blksize, o.timeoutMs, this.init.retries, this.init.spinUs, this.init.oackPacket, (r) => this.onResult(r));
    } catch (err) {
      api.dispose(handle);
      this.result = { outcome: 'socket-error', acked: 0, retransmits: 0, spunBlocks: 0, choseSpin: 0, choseSleep: 0 };
      this.end('error', clientGone(this.peer, this.file, err instanceof Error ? err.message : String(err)));
    }
  }

  /** Stop the transfer (server stopping, client restarted); the engine sends the ERROR if asked. */
  fail(err: RbErrorShape, notifyClient: boolean, tftpCode: number = TFTP_ERR.NOT_DEFINED, wire = 'Transfer aborted'): void {
    if (this.closed) return;
    if (!this.result) this.init.api.cancel(this.init.handle, notifyClient ? tftpCode : -1, wire);
    this.end('error', err);
  }

  private onResult(r: NativeResult): void {
    this.result = r;
    if (this.closed) {
      void this.closeFile(); // cancelled earlier: the engine has let go of the file now
      return;
    }
    const sys = r.errno ? `${r.errno} ${r.errnoText ?? ''}`.trim() : '';
    switch (r.outcome) {
      case 'done':
        this.sha256 = r.sha256;
        this.end('done');
        return;
      case 'timeout':
        this.end('error', timedOut(this.peer, this.file, this.init.retries, this.init.options.timeoutMs, this.bytes));
        return;
      case 'client-error':
        this.end('error', clientCancelled(this.peer, this.file, r.errorPacket ?? Buffer.alloc(0)));
        return;
      case 'protocol':
        this.end('error', protocolViolation(this.peer, this.file, r.opcode ?? -1, r.length ?? 0));
        return;
      case 'read-failed':
        this.end('error', readFailed(this.file, sys || 'read error'));
        return;
      case 'short-file':
        this.end('error', readFailed(this.file, `the file became shorter while it was being sent (${this.bytes} of ${this.init.size} bytes acknowledged)`));
        return;
      case 'gone':
      case 'socket-error':
      case 'cancelled':
        this.end('error', clientGone(this.peer, this.file, sys || r.outcome));
        return;
    }
  }

  private end(state: 'done' | 'error', err?: RbErrorShape): void {
    if (this.closed) return;
    this.closed = true;
    this.state = state;
    if (err) this.error = err;
    this.endedAt = Date.now();
    try {
      this.init.stray?.close();
    } catch {
      /* already closed */
    }
    if (this.result) void this.closeFile();
    this.init.hooks.finished(this);
  }

  private async closeFile(): Promise<void> {
    await this.init.fh.close().catch(() => undefined);
  }
}
