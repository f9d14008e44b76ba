/**
 * Worker-thread side of the backup's off-thread copy (pull-pool.ts, decision 0125): for each job, its own SSH
 * connection to the router (the key must be the one the job's main session already checked: `expectHostKey`),
 * the read command, and the bytes hashed and written into the partition's `.partial` file (sink.ts, as on the
 * main thread). Several jobs run at once on one worker. Posts:
 *  - { type: 'ready', nativeCrypto } once, at start (whether ssh2's native crypto binding loaded here);
 *  - { type: 'bytes', id, n } about every MiB; { type: 'done', id, bytes, digests, code, stderr } or
 *    { type: 'fail', id, error?, errno?, message } once per job, after no write of it is on its way any more.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { RbFault, fault } from '../../../src-shared/errors';
import { openSession, type Pull, type Session, type SessionOptions } from '../../session';
import { drainToFile, type SinkAlgorithm } from './sink';

export interface PullJobMessage {
  type: 'pull';
  id: number;
  options: SessionOptions;
  cmd: string;
  /** The `.partial` file (created by the main thread with the backup's mode); opened here for writing. */
  file: string;
  algorithms: SinkAlgorithm[];
  idleTimeoutMs: number;
}

const port = parentPort;
const jobs = new Map<number, { abort(): void }>();

function nativeCrypto(): boolean {
  try {
    // the CommonJS bundle (Electron main) has require; ESM (tsx, the CLI bundle's banner aside) makes one
    const load = typeof require === 'function' ? require : createRequire(import.meta.url);
    return Boolean((load('ssh2/lib/protocol/crypto.js') as { bindingAvailable?: boolean }).bindingAvailable);
  } catch {
    return false;
  }
}

async function run(m: PullJobMessage): Promise<void> {
  let session: Session | undefined;
  let pull: Pull | undefined;
  let aborted = false;
  let fd: number | undefined;
  jobs.set(m.id, {
    abort: () => {
      aborted = true;
      pull?.abort();
      void session?.close().catch(() => undefined);
    },
  });
  try {
    const o = m.options;
    session = await openSession({ ...o, ...(o.privateKey && typeof o.privateKey !== 'string' ? { privateKey: Buffer.from(o.privateKey) } : {}) });
    if (aborted) throw fault('CANCELLED', { what: 'backup' });
    pull = await session.pull(m.cmd, { idleTimeoutMs: m.idleTimeoutMs });
    fd = fs.openSync(m.file, 'r+');
    let posted = 0;
    const drain = drainToFile(pull.stream, fd, {
      algorithms: m.algorithms,
      onBytes: (n) => {
        if (n - posted >= 1 << 20) {
          posted = n;
          port!.postMessage({ type: 'bytes', id: m.id, n });
        }
      },
    });
    let drained: Awaited<typeof drain>;
    let ended: Awaited<Pull['done']>;
    try {
      [drained, ended] = await Promise.all([drain, pull.done]);
    } catch (err) {
      await drain.catch(() => undefined); // no write of this job on its way when we answer
      throw err;
    }
    port!.postMessage({ type: 'done', id: m.id, bytes: drained.bytes, digests: drained.digests, code: ended.code, stderr: ended.stderr });
  } catch (err) {
    pull?.abort();
    const e = err as NodeJS.ErrnoException;
    port!.postMessage({ type: 'fail', id: m.id, ...(err instanceof RbFault ? { error: err.toShape() } : {}), ...(typeof e?.code === 'string' ? { errno: e.code } : {}), message: String(e?.message ?? err) });
  } finally {
    jobs.delete(m.id);
    if (fd !== undefined) fs.closeSync(fd);
    await session?.close().catch(() => undefined);
  }
}

if (port) {
  port.on('message', (m: PullJobMessage | { type: 'abort'; id: number }) => {
    if (m.type === 'pull') void run(m);
    else if (m.type === 'abort') jobs.get(m.id)?.abort();
  });
  port.postMessage({ type: 'ready', nativeCrypto: nativeCrypto() });
}
