import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';

export type SinkAlgorithm = 'sha256' | 'md5';

export interface DrainOptions {
  /** Hashes of the bytes, in order, computed as they arrive. */
  algorithms: SinkAlgorithm[];
  /** Called after each chunk with the bytes received so far. */
  onBytes?: (bytes: number) => void;
  /** Bytes gathered before one write; default 1 MiB. */
  blockSize?: number;
  /** Blocks waiting for the disk before the stream is paused; default 8. */
  maxQueued?: number;
  /**
   * fdatasync after every this many bytes written (default 8 MiB; 0 = never), between two writes, so the
   * caller's final fsync has at most this much left to flush instead of the whole partition: the flush
   * overlaps the transfer instead of following it.
   */
  syncEvery?: number;
}

export interface Drained {
  bytes: number;
  digests: Partial<Record<SinkAlgorithm, string>>;
}

/** Hashes chunks as they arrive, writes blocks in order; `done` is called once per block, in order. */
interface BlockWriter {
  chunk(c: Buffer): void;
  block(chunks: Buffer[], done: (err?: Error) => void): void;
  /** After the last block's `done`: the digests. */
  finish(): Promise<Drained['digests']>;
}

/**
 * Stream a router's bytes into an open file, hashing them as they arrive, with little work on the main
 * thread (where ssh2 decrypts): chunks (16–32 KiB SSH packets, TCP reads for telnet + nc) are hashed, then
 * gathered into ~1 MiB blocks, each written by one positioned writev on libuv's thread pool, one at a time
 * and in order, with an fdatasync every `syncEvery` bytes. When `maxQueued` blocks wait for the disk, the
 * stream is paused (backpressure reaches the SSH window / TCP). A worker thread for the hashing measured
 * no faster on two shared cores (decision 0032), so there is none.
 *
 * Replaces a Transform + fs.WriteStream pipeline that cost ~100 ms of main-thread CPU per 64 MiB in
 * per-chunk stream bookkeeping and thread-pool round trips (docs/decisions/0032-backup-throughput.md).
 * Resolves once every byte is written (not fsynced: the caller decides). Rejects with the stream's error or
 * the file system's (e.g. ENOSPC, with its `code`), after destroying the stream and only once no write is
 * on its way any more: the caller closes the descriptor next, and a late write could hit a reused number.
 */
export function drainToFile(stream: Readable, fd: number, opts: DrainOptions): Promise<Drained> {
  const blockSize = opts.blockSize ?? 1 << 20;
  const maxQueued = opts.maxQueued ?? 8;
  const syncEvery = opts.syncEvery ?? 8 << 20;
  const writer = orderedWriter(fd, opts.algorithms, syncEvery);
  return new Promise<Drained>((resolve, reject) => {
    let received = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let inFlight = 0;
    let ended = false;
    let failure: Error | undefined;
    let paused = false;
    let settled = false;

    const settle = (): void => {
      if (settled || inFlight > 0) return;
      if (failure) {
        settled = true;
        reject(failure);
      } else if (ended) {
        settled = true;
        writer.finish().then(
          (digests) => resolve({ bytes: received, digests }),
          (err: Error) => reject(err),
        );
      }
    };
    const fail = (err: Error): void => {
      if (failure) return;
      failure = err;
      stream.off('data', onData);
      stream.destroy();
      settle();
    };
    const submit = (): void => {
      if (!pendingBytes || failure) return;
      const chunks = pending;
      pending = [];
      pendingBytes = 0;
      inFlight++;
      writer.block(chunks, (err) => {
        inFlight--;
        if (err) fail(err);
        if (paused && inFlight < maxQueued && !failure) {
          paused = false;
          stream.resume();
        }
        settle();
      });
      if (inFlight >= maxQueued && !paused) {
        paused = true;
        stream.pause();
      }
    };
    const onData = (chunk: Buffer): void => {
      writer.chunk(chunk);
      received += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      opts.onBytes?.(received);
      if (pendingBytes >= blockSize) submit();
    };
    stream.on('data', onData);
    stream.once('end', () => {
      ended = true;
      submit();
      settle();
    });
    stream.once('error', fail);
    stream.once('close', () => {
      if (!ended) fail(new Error('The data stream closed before its end'));
    });
  });
}

/** Hash on arrival; positioned writev on libuv's thread pool, one at a time, in order. */
function orderedWriter(fd: number, algorithms: SinkAlgorithm[], syncEvery: number): BlockWriter {
  const hashes = algorithms.map((a) => crypto.createHash(a));
  const queue: Array<{ chunks: Buffer[]; done: (err?: Error) => void }> = [];
  let busy = false;
  let position = 0;
  let synced = 0;
  const next = (): void => {
    const job = queue.shift();
    if (!job) return void (busy = false);
    busy = true;
    const write = (parts: Buffer[]): void => {
      fs.writev(fd, parts, position, (err, written) => {
        if (err) return finishJob(job, err);
        if (written === 0) return finishJob(job, enospc());
        position += written;
        const rest = skip(parts, written);
        if (rest.length) return write(rest);
        if (syncEvery && position - synced >= syncEvery) {
          synced = position;
          fs.fdatasync(fd, (e) => finishJob(job, e ?? undefined));
        } else finishJob(job);
      });
    };
    write(job.chunks);
  };
  const finishJob = (job: { done: (err?: Error) => void }, err?: Error): void => {
    if (err) {
      // nothing after a failed write may land: drop the queue, telling each block
      for (const j of queue.splice(0)) j.done(err);
    }
    job.done(err);
    next();
  };
  return {
    chunk: (c) => {
      for (const h of hashes) h.update(c);
    },
    block(chunks, done) {
      queue.push({ chunks, done });
      if (!busy) next();
    },
    finish: async () => Object.fromEntries(algorithms.map((a, i) => [a, hashes[i]!.digest('hex')])),
  };
}

function enospc(): NodeJS.ErrnoException {
  const e = new Error('The disk accepted no more bytes') as NodeJS.ErrnoException;
  e.code = 'ENOSPC';
  return e;
}

/** The buffers after the first `n` bytes. */
function skip(parts: Buffer[], n: number): Buffer[] {
  const out: Buffer[] = [];
  for (const p of parts) {
    if (n >= p.length) {
      n -= p.length;
      continue;
    }
    out.push(n > 0 ? p.subarray(n) : p);
    n = 0;
  }
  return out;
}
