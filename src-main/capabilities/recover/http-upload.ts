/**
 * The D-Link recovery upload, written on node:net (not fetch or http): the bootloader's uIP web server speaks
 * HTTP/1.0 with a one-segment receive window, never sends "100 Continue", may answer with bare HTML (no status
 * line), and may close the connection before we finish (when it has what it wants, or because it reboots).
 * The request bytes come from src-shared/capabilities/recover/http.ts. Decision 0076.
 */
import net from 'node:net';
import fs from 'node:fs';
import crypto from 'node:crypto';
import { multipartFrame, parseRouterReply, type RouterReply } from '../../../src-shared/capabilities/recover';
import { fault, type RbFault } from '../../../src-shared/errors';

export interface UploadOptions {
  host: string;
  port?: number;
  path?: string;
  field?: string;
  /** The bytes to send (already cut where needed), or a file read in chunks. */
  source: Buffer | { path: string; size: number };
  fileName: string;
  /** Give up connecting after this long (ms, default 10000). The router answers no ping: connecting is the check. */
  connectTimeoutMs?: number;
  /** Give up when nothing moves for this long (ms, default 60000; uIP writes flash between segments on some models). */
  idleTimeoutMs?: number;
  /** Bind to this local address (the interface that leads to the router). */
  localAddress?: string;
  signal?: AbortSignal;
  onProgress?(p: { bytes: number; total: number; bytesPerSecond: number }): void;
}

export interface UploadResult {
  /** Request bytes the kernel took (head + file + tail). */
  sent: number;
  total: number;
  /** The whole file went out before the router answered or closed. */
  complete: boolean;
  reply: RouterReply;
  /** Raw bytes the router answered (at most 256 KiB). */
  replyBytes: number;
  /** The router closed (or reset) the connection before the request was fully sent. */
  closedEarly: boolean;
  ms: number;
}

const CHUNK = 64 * 1024;
const AHEAD = 1024 * 1024;

export function uploadFirmware(opts: UploadOptions): Promise<UploadResult> {
  const port = opts.port ?? 80;
  const size = Buffer.isBuffer(opts.source) ? opts.source.length : opts.source.size;
  const frame = multipartFrame({
    host: opts.host,
    path: opts.path ?? '/',
    field: opts.field ?? 'firmware',
    fileName: opts.fileName,
    fileSize: size,
    boundary: `----RescueBench${crypto.randomBytes(12).toString('hex')}`,
  });
  const t0 = Date.now();
  return new Promise<UploadResult>((resolve, reject) => {
    const sock = net.connect({ host: opts.host, port, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    sock.setNoDelay(true);
    const replyChunks: Buffer[] = [];
    let replyBytes = 0;
    let connected = false;
    let finished = false;
    /** The connection broke (reset, broken pipe) while we were still sending. */
    let broken = false;
    let done = false;
    let fd: number | undefined;
    let lastMove = Date.now();
    let lastSent = 0;
    const timers: NodeJS.Timeout[] = [];
    const cleanup = (): void => {
      for (const t of timers) clearTimeout(t), clearInterval(t);
      if (fd !== undefined) fs.closeSync(fd), (fd = undefined);
      opts.signal?.removeEventListener('abort', onAbort);
    };
    const fail = (f: RbFault): void => {
      if (done) return;
      done = true;
      cleanup();
      sock.destroy();
      reject(f);
    };
    const settle = (): void => {
      if (done) return;
      done = true;
      cleanup();
      const sent = Math.min(sock.bytesWritten, frame.total);
      const complete = finished && !broken && sock.writableLength === 0;
      const reply = parseRouterReply(Buffer.concat(replyChunks));
      sock.destroy();
      resolve({ sent, total: frame.total, complete, reply, replyBytes, closedEarly: !complete, ms: Date.now() - t0 });
    };
    const onAbort = (): void => fail(fault('STOPPED', { why: 'upload' }));
    if (opts.signal?.aborted) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const connectTimer = setTimeout(
      () =>
        fail(
          fault(
            'RECOVER_NO_RECOVERY_PAGE',
            { why: 'silent', host: opts.host, network: opts.host.replace(/\.\d+$/, '.x') },
            { details: `no TCP connection to ${opts.host}:${port} within ${opts.connectTimeoutMs ?? 10000} ms` },
          ),
        ),
      opts.connectTimeoutMs ?? 10_000,
    );
    timers.push(connectTimer);

    const progress = (): void => {
      const bytes = Math.min(sock.bytesWritten, frame.total);
      if (bytes !== lastSent) {
        lastSent = bytes;
        lastMove = Date.now();
      }
      const secs = Math.max(0.001, (Date.now() - t0) / 1000);
      opts.onProgress?.({ bytes, total: frame.total, bytesPerSecond: bytes / secs });
    };

    /** Write head, then the file in chunks as the socket drains (the router's window is tiny), then the tail. */
    let offset = 0;
    const pump = (): void => {
      while (!done && !sock.destroyed) {
        if (offset >= size) {
          if (!finished) {
            finished = true;
            sock.write(frame.tail);
          }
          return;
        }
        const n = Math.min(CHUNK, size - offset);
        let chunk: Buffer;
        if (Buffer.isBuffer(opts.source)) chunk = opts.source.subarray(offset, offset + n);
        else {
          chunk = Buffer.allocUnsafe(n);
          const got = fs.readSync(fd!, chunk, 0, n, offset);
          if (got !== n) return fail(fault('RECOVER_FILE_CHANGED', {}, { details: `read ${got} of ${n} bytes at ${offset}` }));
        }
        offset += n;
        sock.write(chunk);
        // keep up to AHEAD bytes queued beyond the kernel's buffer: on a busy computer the event loop may not run for a
        // while, and an empty send buffer then idles the router's one-segment window (bench:recover)
        if (sock.writableLength >= AHEAD) return void sock.once('drain', pump);
      }
    };

    sock.on('connect', () => {
      connected = true;
      clearTimeout(connectTimer);
      if (!Buffer.isBuffer(opts.source)) {
        try {
          fd = fs.openSync(opts.source.path, 'r');
        } catch (err) {
          return fail(fault('RECOVER_FILE_UNREADABLE', {}, { details: String((err as Error).message) }));
        }
      }
      // head and the first file bytes in one go: a one-segment window must not carry a short segment of headers alone
      sock.cork();
      sock.write(frame.head);
      pump();
      process.nextTick(() => sock.uncork());
      const tick = setInterval(() => {
        progress();
        if (Date.now() - lastMove > (opts.idleTimeoutMs ?? 60_000) && !done) {
          fail(
            fault('RECOVER_UPLOAD_STALLED', { seconds: Math.round((opts.idleTimeoutMs ?? 60_000) / 1000), sent: Math.min(sock.bytesWritten, frame.total), total: frame.total }),
          );
        }
      }, 250);
      timers.push(tick);
    });
    sock.on('data', (d: Buffer) => {
      lastMove = Date.now();
      if (replyBytes < 256 * 1024) replyChunks.push(d);
      replyBytes += d.length;
    });
    // The router may close as soon as it has the file (or reboots): whatever it said before is the answer.
    sock.on('end', () => {
      progress();
      settle();
    });
    sock.on('close', () => {
      if (!done && connected) {
        progress();
        settle();
      }
    });
    sock.on('error', (err: NodeJS.ErrnoException) => {
      if (!connected) {
        clearTimeout(connectTimer);
        const refused = err.code === 'ECONNREFUSED';
        return fail(
          refused
            ? fault('RECOVER_PAGE_REFUSED', { host: opts.host }, { details: `${err.code ?? ''} ${err.message}`.trim() })
            : fault('RECOVER_NO_RECOVERY_PAGE', { why: 'unreachable', host: opts.host, network: '' }, { details: `${err.code ?? ''} ${err.message}`.trim() }),
        );
      }
      // After connecting: a reset while sending (the router took what it wanted, or rebooted). Settle with what it said.
      broken = true;
      progress();
      settle();
    });
  });
}
