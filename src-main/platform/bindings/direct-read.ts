/**
 * Reads from a Unix serial port on the event loop itself, not through libuv's thread pool.
 *
 * serialport's Linux/macOS binding reads with `fs.read` (a thread-pool job) and, when that says EAGAIN, waits
 * for its poller (epoll/kqueue on the main loop) before trying again. Every chunk therefore crosses two threads
 * before our watcher sees it: poller → worker thread → back to the loop. The descriptor is non-blocking
 * (the binding opens it with O_NONBLOCK), so a plain `read(2)` on the loop returns at once with the bytes or
 * EAGAIN; doing that removes the thread hop from the path "U-Boot prints its countdown → we send the stop
 * key" (decision 0022 has the figures). Errors keep the binding's meaning: EAGAIN waits for the poller,
 * EBADF/ENXIO mark a disconnect (the adapter was pulled), a closed port is a cancelled read.
 *
 * Windows' binding has no descriptor or poller and keeps its own overlapped reads: `useDirectRead` returns
 * false there and changes nothing.
 */
import fs from 'node:fs';

interface UnixBinding {
  fd: number | null;
  isOpen: boolean;
  poller?: { once(ev: 'readable', cb: (err?: Error | null) => void): void };
  read(buffer: Buffer, offset: number, length: number): Promise<{ bytesRead: number; buffer: Buffer }>;
}

function isUnixBinding(b: unknown): b is UnixBinding {
  const o = b as Partial<UnixBinding> | null;
  return !!o && typeof o.fd === 'number' && typeof o.read === 'function' && !!o.poller && typeof o.poller.once === 'function';
}

function cancelled(): Error {
  return Object.assign(new Error('Port is not open'), { canceled: true });
}

export function useDirectRead(binding: unknown): boolean {
  if (!isUnixBinding(binding)) return false;
  const b = binding;
  const waitReadable = (): Promise<void> =>
    new Promise((resolve, reject) => {
      b.poller!.once('readable', (err) => (err ? reject(err) : resolve()));
    });
  b.read = async (buffer: Buffer, offset: number, length: number) => {
    if (buffer.length < offset + length) throw new Error('buffer is too small');
    for (;;) {
      if (!b.isOpen || b.fd === null) throw cancelled();
      try {
        const n = fs.readSync(b.fd, buffer, offset, length, null);
        // 0 bytes from a tty: nothing there right now (a hang-up shows as EIO/ENXIO, not as 0)
        if (n > 0) return { bytesRead: n, buffer };
      } catch (e) {
        const err = e as NodeJS.ErrnoException & { disconnect?: boolean };
        if (err.code !== 'EAGAIN' && err.code !== 'EWOULDBLOCK' && err.code !== 'EINTR') {
          // the same codes the binding treats as "the adapter went away"
          if (err.code === 'EBADF' || err.code === 'ENXIO' || err.code === 'UNKNOWN' || err.errno === -1) err.disconnect = true;
          throw err;
        }
      }
      if (!b.isOpen) throw cancelled();
      await waitReadable();
    }
  };
  return true;
}
