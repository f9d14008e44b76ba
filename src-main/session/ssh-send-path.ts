import { randomFillSync } from 'node:crypto';
import type { Socket } from 'node:net';
import type { Client } from 'ssh2';

/**
 * A leaner send path for ssh2 uploads (decision 0106). Profiling a 32 MiB upload into dropbear showed, per outgoing
 * packet (2 700 per image at 12 KiB), one `crypto.randomFillSync` call for 4–11 bytes of padding (11 % of the
 * process's CPU samples: a native crypto job per call), a fresh 12 KiB Buffer, and one socket write per packet even
 * when the router's window adjusts arrived together in one read. Two changes, both behind shape checks so that an
 * ssh2 update that moves these internals turns them off instead of breaking anything
 * (test/main/session/ssh-send-path.test.ts fails when that happens):
 *
 * 1. `leanPackets(client)`: the chacha20-poly1305 cipher's `allocPacket` (ssh2's ChaChaPolyCipherBinding, the only
 *    cipher instance it replaces) takes its padding from a pool filled by `randomFillSync` 4 KiB at a time (each
 *    byte used once, from the same CSPRNG) and carves packets from 64 KiB slabs (without a socket to ask, never reused: freed by
 *    the garbage collector when every packet cut from it was written), with exactly ssh2's packet layout. Applied
 *    again after every key exchange, since ssh2 makes a new cipher object then. Given the socket, a ring of four
 *    slabs is reused once the socket has sent what was cut from them (decision 0140: fresh memory cost a page
 *    fault per 4 KiB, 8 000 per 32 MiB copy after the process had spawned a program).
 * 2. `corkPerRead(socket)`: writes made while ssh2 handles one socket read (one packet per window adjust; dropbear's
 *    adjusts often arrive two to a read) leave in one `writev` instead of one `write` each. Uses the socket we give
 *    ssh2 (`ConnectConfig.sock`, public API).
 */

/** ssh2's chacha20-poly1305 packet: uint32 length, padding length, payload, padding (4..11, to 8), 16-byte MAC. */
export function chachaPacketLayout(payloadLen: number): { total: number; padLen: number } {
  let pktLen = 4 + 1 + payloadLen;
  let padLen = 8 - ((pktLen - 4) & 7);
  if (padLen < 4) padLen += 8;
  pktLen += padLen;
  return { total: pktLen + 16, padLen };
}

type OutCipher = { allocPacket(payloadLen: number): Buffer; encrypt(packet: Buffer): void; constructor?: { name?: string } };

const SLAB = 64 * 1024; // below glibc's mmap threshold: slabs come from the heap's free lists, no page faults
const POOL = 4096;

/** Whether `cipher` is ssh2's chacha20-poly1305 binding with the packet layout this module reproduces. */
export function isChachaBinding(cipher: unknown): cipher is OutCipher {
  const c = cipher as OutCipher & { _instance?: unknown; outSeqno?: unknown };
  if (!c || typeof c.allocPacket !== 'function' || typeof c.encrypt !== 'function') return false;
  if (c.constructor?.name !== 'ChaChaPolyCipherBinding' || typeof c.outSeqno !== 'number' || !c._instance) return false;
  // ssh2's own allocPacket must still lay packets out as chachaPacketLayout says (length field, padding byte, size)
  for (const n of [1, 13, 12297]) {
    const p = c.allocPacket(n);
    const { total, padLen } = chachaPacketLayout(n);
    if (!Buffer.isBuffer(p) || p.length !== total || p[4] !== padLen || p.readUInt32BE(0) !== total - 16 - 4) return false;
  }
  return true;
}

/** What the allocator may ask of the socket the packets go out on: how many bytes it still holds. */
export type PendingBytes = () => number;

/** How many times a slab was cut again (`reused`) or taken fresh (`fresh`, the first one included). */
export interface SlabStats {
  reused: number;
  fresh: number;
}

/** How many 64 KiB slabs one cipher's packets cycle through when the socket lets them be reused. */
export const SLAB_RING = 4;

/**
 * Replace one chacha20-poly1305 cipher object's packet allocator; false (nothing changed) for any other cipher.
 *
 * `pending` (optional) says how many bytes the socket has been given and not yet handed to the kernel
 * (`socket.writableLength`). With it, the allocator cycles through a ring of SLAB_RING slabs instead of taking a
 * fresh one each time (decision 0140). A slab is cut again only when the socket's unsent bytes are no more than the
 * packet bytes cut after that slab was filled: the socket's queue is first in, first out and ssh2 writes each
 * packet as soon as it is cut, so every packet from that slab has then left the process (the kernel copies what
 * it is given). Otherwise a fresh slab takes its place in the ring. Fresh memory costs a page fault per 4 KiB on
 * first touch, and after any fork of the process (spawning a program) again on the first write to each page:
 * 8 000 faults per 32 MiB copy, most of the CPU such a copy took on this machine.
 */
export function leanAllocator(cipher: unknown, pending?: PendingBytes, stats?: SlabStats): boolean {
  if (!isChachaBinding(cipher)) return false;
  const ring: Buffer[] = [Buffer.allocUnsafe(SLAB)];
  if (stats) stats.fresh++;
  // packet bytes cut from the whole ring so far when each slab was sealed (filled up)
  const sealedAt: number[] = [0];
  let cur = 0;
  let slab = ring[0]!;
  let off = 0;
  let cut = 0;
  const pool = Buffer.allocUnsafe(POOL);
  let used = POOL;
  const nextSlab = (): void => {
    sealedAt[cur] = cut;
    const next = (cur + 1) % SLAB_RING;
    const old = ring[next];
    // reuse `old` only if the socket's unsent bytes all belong to packets cut after `old` was sealed
    if (old && pending && sealedAt[next] !== undefined && pending() <= cut - sealedAt[next]!) {
      slab = old;
      if (stats) stats.reused++;
    } else {
      slab = ring[next] = Buffer.allocUnsafe(SLAB);
      if (stats) stats.fresh++;
    }
    cur = next;
    off = 0;
  };
  cipher.allocPacket = (payloadLen: number): Buffer => {
    const { total, padLen } = chachaPacketLayout(payloadLen);
    let packet: Buffer;
    if (total > SLAB) packet = Buffer.allocUnsafe(total);
    else {
      if (off + total > SLAB) nextSlab();
      packet = slab.subarray(off, off + total);
      off += (total + 7) & ~7;
      cut += total;
    }
    packet.writeUInt32BE(total - 16 - 4, 0);
    packet[4] = padLen;
    if (used + padLen > POOL) {
      randomFillSync(pool);
      used = 0;
    }
    pool.copy(packet, 5 + payloadLen, used, used + padLen);
    used += padLen;
    return packet;
  };
  return true;
}

/**
 * Keep the client's outgoing chacha20-poly1305 packets lean for the whole connection: install before connecting
 * (ssh2 makes a new cipher object at every key exchange, just before it emits 'handshake'). With `sock`, the socket
 * handed to ssh2, slabs are reused once the socket has sent what was cut from them (leanAllocator). The returned
 * function says whether the cipher in use now is the lean one.
 */
export function leanPackets(client: Client, sock?: Socket, stats?: SlabStats): () => boolean {
  let lean = false;
  const pending: PendingBytes | undefined = sock ? () => sock.writableLength : undefined;
  client.on('handshake', () => {
    lean = leanAllocator((client as unknown as { _protocol?: { _cipher?: unknown } })._protocol?._cipher, pending, stats);
  });
  return () => lean;
}

/**
 * Batch the writes made while one socket read is handled: cork on 'data' (this listener must come before ssh2's,
 * so install it before the socket is handed to ssh2) and uncork once the read's handlers have run.
 */
export function corkPerRead(sock: Socket): void {
  const uncork = (): void => {
    if (!sock.destroyed) sock.uncork();
  };
  sock.on('data', () => {
    if (sock.writableCorked === 0 && !sock.destroyed) {
      sock.cork();
      process.nextTick(uncork);
    }
  });
}

/**
 * ssh2 starts a connection's protocol only once its crypto module's asynchronous set-up (a WebAssembly Poly1305,
 * the first time in a process) has finished. A router that closes the connection before then leaves ssh2 throwing
 * "Instance unusable" inside a promise no one can catch (an unhandled rejection, seen in CI against a server that
 * hangs up at once). Waiting for that set-up before the first connection closes the window. A later ssh2 without
 * this module or its `init` promise simply skips the wait.
 */
export async function sshCryptoReady(): Promise<void> {
  try {
    const internal = 'ssh2/lib/protocol/crypto.js'; // ssh2's internals have no types
    const mod = (await import(internal)) as { init?: unknown; default?: { init?: unknown } };
    const init = mod.init ?? mod.default?.init;
    if (init && typeof (init as Promise<void>).then === 'function') await (init as Promise<void>).catch(() => undefined);
  } catch {
    // not there: ssh2's own start is all there is
  }
}

type ChannelInternals = {
  _write(data: Buffer, encoding: unknown, cb: (err?: Error) => void): void;
  _waitWindow: boolean;
  _chunk: Buffer | undefined;
  _chunkcb: ((err?: Error) => void) | undefined;
  outgoing: { window: number; packetSize: number; state: string };
};

/**
 * Hold a channel's data back until the router has `minRoom` bytes of room (or room for all that is left of the
 * write), then send it in packets of up to `outgoing.packetSize` (decision 0141: whole-window packets sent once half
 * the window is free, as OpenSSH does, instead of decision 0093's half-window packets: half the packets, writes and
 * per-packet work on both sides). ssh2 writes while there is any room at all, which against dropbear's adjusts of
 * 8–12 KiB makes small packets. The hold uses ssh2's own wait: the pending chunk, its callback and `_waitWindow`,
 * which ssh2's window-adjust handler checks to call `_write` again in the same tick as it reads the adjust. The
 * window is never exceeded (ssh2's `_write` still does the sending). False, and nothing changed, when the
 * channel does not have the shape this relies on (test/main/session/ssh-send-path.test.ts fails then).
 */
export function sendWhenRoom(channel: unknown, minRoom: number, releaseMs = 500): boolean {
  const c = channel as ChannelInternals & { once?: (ev: string, fn: () => void) => void };
  if (!c || typeof c._write !== 'function' || typeof c._waitWindow !== 'boolean' || !('_chunk' in c) || !('_chunkcb' in c)) return false;
  const out = c.outgoing;
  if (!out || typeof out.window !== 'number' || typeof out.packetSize !== 'number' || typeof out.state !== 'string') return false;
  const write = c._write;
  // a server that gives room back only when its window is used up would never answer a hold: after releaseMs
  // without an adjust, send what fits (one timer per channel, re-armed, never keeping the process alive)
  let holding = false;
  let timer: NodeJS.Timeout | undefined;
  const release = (): void => {
    if (!holding || !c._waitWindow || !c._chunk) return;
    holding = false;
    c._waitWindow = false;
    write.call(c, c._chunk, null, c._chunkcb!);
  };
  c._write = function (this: ChannelInternals, data: Buffer, encoding: unknown, cb: (err?: Error) => void): void {
    if (this.outgoing.state === 'open' && this.outgoing.window > 0 && this.outgoing.window < Math.min(minRoom, data.length)) {
      this._chunk = data;
      this._chunkcb = cb;
      this._waitWindow = true;
      holding = true;
      if (timer) timer.refresh();
      else timer = setTimeout(release, releaseMs).unref();
      return;
    }
    holding = false;
    write.call(this, data, encoding, cb);
  };
  c.once?.('close', () => clearTimeout(timer));
  return true;
}
