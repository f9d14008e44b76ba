import crypto from 'node:crypto';
import zlib from 'node:zlib';
import type { Digests } from '../../../src-shared/capabilities/firmware/image/types';

function hashParts(algo: string, parts: Uint8Array[]): Uint8Array {
  const h = crypto.createHash(algo);
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

/** Node's native CRC-32 (zlib) and node:crypto hashes for the image parsers' checks. */
export const nodeDigests: Digests = {
  crc32: (data, prev = 0) => zlib.crc32(data, prev) >>> 0,
  md5: (parts) => hashParts('md5', parts),
  sha1: (parts) => hashParts('sha1', parts),
  sha256: (parts) => hashParts('sha256', parts),
};
