/**
 * What a TFTP upload sends: its size and its bytes on demand, so the write request goes out without a full copy
 * of the file in memory first (a 32 MiB image took 120–160 ms to read before the WRQ; docs/benchmarks.md, NMRP).
 *
 * A Buffer is its own source. A file is opened once: its size and modification times come from fstat, the native
 * lock-step engine reads it from the descriptor, and the JavaScript sender reads it here in 1 MiB slices, one
 * synchronous read per slice as the blocks are built (a packet is built synchronously; a slice from the page cache
 * takes well under a millisecond). A file that is shorter than fstat said is `SourceChanged`; a file written to
 * during the upload is found by `changed()` (size or modification/change time differ from the open), which tftpPut
 * asks before it reports success — so a file changed on disk is an error, never a silent mix of two versions.
 */
import fs from 'node:fs';
import type fsp from 'node:fs/promises';

export interface PutSource {
  /** Bytes to send. */
  readonly size: number;
  /** The open file's descriptor (the native engine reads from it), for a file. */
  readonly fd?: number;
  /** Copy `len` bytes from `offset` into `dst` at `at`. Throws SourceChanged when the file ends early. */
  read(dst: Buffer, at: number, offset: number, len: number): void;
  /** What changed on disk since the file was opened (plain words for the details), or undefined. Buffers never change. */
  changed(): Promise<string | undefined>;
  close(): Promise<void>;
}

/** The file ended before the size fstat gave (it was cut short on disk during the upload). */
export class SourceChanged extends Error {}

/** Bytes read per slice by the JavaScript sender. */
export const SLICE_BYTES = 1 << 20;

export function bufferSource(data: Buffer): PutSource {
  return {
    size: data.length,
    read(dst, at, offset, len) {
      data.copy(dst, at, offset, offset + len);
    },
    changed: () => Promise.resolve(undefined),
    close: () => Promise.resolve(),
  };
}

type Stamp = { size: bigint; mtimeNs: bigint; ctimeNs: bigint };

function describe(a: Stamp, b: Stamp): string | undefined {
  if (a.size !== b.size) return `size was ${a.size} bytes, is ${b.size}`;
  if (a.mtimeNs !== b.mtimeNs || a.ctimeNs !== b.ctimeNs) return 'modified on disk during the upload';
  return undefined;
}

/** A regular file already opened (and fstat'ed with bigint times) by the caller; the caller checked its size. */
export function fileSource(fh: fsp.FileHandle, st: fs.BigIntStats): PutSource {
  const opened: Stamp = { size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
  const size = Number(st.size);
  let slice: Buffer | undefined;
  let sliceAt = 0;
  let sliceLen = 0;
  return {
    size,
    fd: fh.fd,
    read(dst, at, offset, len) {
      if (len === 0) return;
      if (!slice || offset < sliceAt || offset + len > sliceAt + sliceLen) {
        slice ??= Buffer.allocUnsafe(Math.max(SLICE_BYTES, len));
        const want = Math.min(slice.length, size - offset);
        let got = 0;
        while (got < want) {
          const n = fs.readSync(fh.fd, slice, got, want - got, offset + got);
          if (n === 0) break;
          got += n;
        }
        sliceAt = offset;
        sliceLen = got;
        if (got < len) throw new SourceChanged(`the file ended at ${offset + got} of ${size} bytes`);
      }
      slice.copy(dst, at, offset - sliceAt, offset - sliceAt + len);
    },
    async changed() {
      const now = await fh.stat({ bigint: true });
      return describe(opened, { size: now.size, mtimeNs: now.mtimeNs, ctimeNs: now.ctimeNs });
    },
    close: () => fh.close(),
  };
}
