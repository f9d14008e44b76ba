/**
 * The lean SSH send path (decision 0106): ssh2's chacha20-poly1305 packets with pooled padding and slab memory, and
 * the writes answering one socket read sent together. Fails if an ssh2 update changes the internals it relies on:
 * the cipher class and its packet layout (checked against ssh2's own allocPacket and decrypted by ssh2's own
 * decipher), the cipher object being swapped in before 'handshake', and the socket handed over with `sock`.
 * The end-to-end case runs ssh2's real client against ssh2's real server on 127.0.0.1.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { createRequire } from 'node:module';
import { Client, Server, utils } from 'ssh2';
import { afterEach, describe, expect, it } from 'vitest';
import { parseableEd25519 } from '../../../src-main/capabilities/practice/router';
import { chachaPacketLayout, corkPerRead, isChachaBinding, leanAllocator, leanPackets, sendWhenRoom, SLAB_RING, type SlabStats } from '../../../src-main/session/ssh-send-path';

const require = createRequire(import.meta.url);
type Ssh2Crypto = {
  CIPHER_INFO: Record<string, unknown>;
  createCipher(c: unknown): { allocPacket(n: number): Buffer; encrypt(p: Buffer): void };
  createDecipher(c: unknown): { decrypt(data: Buffer, p: number, len: number): unknown };
  bindingAvailable: boolean;
};
const sshCrypto = require('ssh2/lib/protocol/crypto.js') as Ssh2Crypto;
const CHACHA = 'chacha20-poly1305@openssh.com';

function cipherPair(onWrite: (p: Buffer) => void, onPayload: (p: Buffer) => void) {
  const key = crypto.randomBytes(64);
  const info = sshCrypto.CIPHER_INFO[CHACHA];
  const cipher = sshCrypto.createCipher({ outbound: { onWrite, cipherInfo: info, cipherKey: key, seqno: 0 } });
  const decipher = sshCrypto.createDecipher({ inbound: { onPayload, decipherInfo: info, decipherKey: key, seqno: 0 } });
  return { cipher, decipher };
}

describe('lean chacha20-poly1305 packets', () => {
  it('are laid out exactly as ssh2 lays them out', () => {
    const { cipher } = cipherPair(() => undefined, () => undefined);
    for (const n of [1, 5, 8, 9, 13, 100, 12297, 24585, 32768]) {
      const p = cipher.allocPacket(n);
      const want = chachaPacketLayout(n);
      expect([p.length, p[4]]).toEqual([want.total, want.padLen]);
    }
  });

  it("replace only ssh2's chacha20 binding, and what they carry decrypts with ssh2's own decipher", () => {
    expect(sshCrypto.bindingAvailable).toBe(true); // the native binding this applies to is built (decision 0084)
    const wire: Buffer[] = [];
    const got: Buffer[] = [];
    const { cipher, decipher } = cipherPair(
      (p) => {
        wire.push(Buffer.from(p));
      },
      (p) => {
        got.push(Buffer.from(p)); // (a returned value would make ssh2's decipher stop)
      },
    );
    expect(isChachaBinding(cipher)).toBe(true);
    expect(leanAllocator(cipher)).toBe(true);
    const payloads = [1, 12297, 7, 24585, 32777, 3].map((n) => crypto.randomBytes(n));
    const pads: number[] = [];
    for (const d of payloads) {
      const p = cipher.allocPacket(d.length);
      pads.push(p[4]!);
      d.copy(p, 5);
      cipher.encrypt(p);
    }
    const stream = Buffer.concat(wire);
    decipher.decrypt(stream, 0, stream.length);
    const sha = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
    expect(got.map(sha)).toEqual(payloads.map(sha));
    expect(pads).toEqual(payloads.map((d) => chachaPacketLayout(d.length).padLen));
    // any other cipher (or an ssh2 that renamed or reshaped this one) is left alone
    const ctr = sshCrypto.createCipher({ outbound: { onWrite: () => undefined, cipherInfo: sshCrypto.CIPHER_INFO['aes128-ctr'], cipherKey: crypto.randomBytes(16), cipherIV: crypto.randomBytes(16), macInfo: { sslName: 'sha256', len: 32, actualLen: 32, isETM: false }, macKey: crypto.randomBytes(32), seqno: 0 } });
    const before = ctr.allocPacket;
    expect(leanAllocator(ctr)).toBe(false);
    expect(ctr.allocPacket).toBe(before);
    expect(leanAllocator({ allocPacket: () => Buffer.alloc(3), encrypt: () => undefined })).toBe(false);
  });

  it('never hand out the same bytes twice, and pad with fresh random bytes', () => {
    const { cipher } = cipherPair(() => undefined, () => undefined);
    leanAllocator(cipher);
    const packets = Array.from({ length: 40 }, () => cipher.allocPacket(12297));
    for (const p of packets) p.fill(0xaa, 0, 5 + 12297);
    const pads = packets.map((p) => p.subarray(5 + 12297, 5 + 12297 + p[4]!).toString('hex'));
    expect(new Set(pads).size).toBe(pads.length);
    for (const p of packets) expect(p.subarray(0, 5 + 12297).every((b) => b === 0xaa)).toBe(true);
  });
});

describe('slabs reused once the socket has sent them (decision 0140)', () => {
  const N = 16000; // 16 024-byte packets: four to a 64 KiB slab
  const P = chachaPacketLayout(N).total;
  const run = (pending: () => number, count: number) => {
    const { cipher } = cipherPair(() => undefined, () => undefined);
    const stats: SlabStats = { reused: 0, fresh: 0 };
    expect(leanAllocator(cipher, pending, stats)).toBe(true);
    const packets = Array.from({ length: count }, () => cipher.allocPacket(N));
    return { packets, stats };
  };

  it('cycle through the ring while the socket holds nothing back', () => {
    const { packets, stats } = run(() => 0, 4 * SLAB_RING * 3);
    expect(stats).toEqual({ fresh: SLAB_RING, reused: SLAB_RING * 2 });
    expect(packets[4 * SLAB_RING]!.buffer).toBe(packets[0]!.buffer); // the first slab again, same memory
    expect(packets[4 * SLAB_RING]!.byteOffset).toBe(packets[0]!.byteOffset);
  });

  it('take fresh memory while the socket still holds bytes cut from the slab', () => {
    const { packets, stats } = run(() => Number.MAX_SAFE_INTEGER, 4 * SLAB_RING * 3);
    expect(stats).toEqual({ fresh: SLAB_RING * 3, reused: 0 });
    expect(new Set(packets.map((p) => p.buffer)).size).toBe(SLAB_RING * 3);
  });

  it('reuse a slab exactly when every unsent byte was cut after it was filled', () => {
    // wrapping to the first slab again: the packets cut since it was filled are the other slabs' 4 × (RING − 1)
    const after = 4 * (SLAB_RING - 1) * P;
    let pending = after + 1; // one byte of the first slab's last packet not yet sent
    const a = run(() => pending, 4 * SLAB_RING + 1);
    expect(a.stats).toEqual({ fresh: SLAB_RING + 1, reused: 0 });
    expect(a.packets[4 * SLAB_RING]!.buffer).not.toBe(a.packets[0]!.buffer);
    pending = after;
    const b = run(() => pending, 4 * SLAB_RING + 1);
    expect(b.stats).toEqual({ fresh: SLAB_RING, reused: 1 });
    expect(b.packets[4 * SLAB_RING]!.buffer).toBe(b.packets[0]!.buffer);
  });
});

describe('one connection through the lean send path', () => {
  const cleanup: Array<() => void> = [];
  afterEach(() => {
    for (const c of cleanup.splice(0)) c();
  });

  it('carries an upload byte for byte and stays lean across a key exchange', async () => {
    const hostKey = parseableEd25519(utils);
    const received: Buffer[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const server = new Server({ hostKeys: [hostKey] }, (conn) => {
      conn.on('authentication', (ctx) => ctx.accept());
      conn.on('ready', () =>
        conn.on('session', (accept) =>
          accept().on('exec', (acc) => {
            const ch = acc();
            ch.once('data', () => conn.rekey()); // a key exchange in the middle of the upload
            ch.on('data', (d: Buffer) => received.push(Buffer.from(d)));
            ch.on('end', () => {
              ch.exit(0);
              ch.end();
              done();
            });
          }),
        ),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanup.push(() => server.close());
    const port = (server.address() as net.AddressInfo).port;

    const client = new Client();
    cleanup.push(() => client.end());
    const lean = leanPackets(client);
    const sock = new net.Socket();
    corkPerRead(sock);
    sock.connect({ host: '127.0.0.1', port });
    let handshakes = 0;
    client.on('handshake', () => handshakes++);
    await new Promise<void>((resolve, reject) => {
      client.once('ready', () => resolve()).once('error', reject);
      client.connect({ sock, username: 'root', algorithms: { cipher: [CHACHA] } });
    });
    expect(lean()).toBe(true);
    const data = crypto.randomBytes(3 * 1024 * 1024 + 17);
    await new Promise<void>((resolve, reject) =>
      client.exec('cat > /tmp/fw.bin', (err, ch) => {
        if (err) return reject(err);
        ch.on('close', () => resolve());
        ch.resume();
        ch.write(data.subarray(0, 1 << 20));
        // the server's key exchange makes ssh2 build a new cipher object, which must be made lean again
        client.once('handshake', () => {
          expect(lean()).toBe(true);
          ch.end(data.subarray(1 << 20));
        });
      }),
    );
    await finished;
    expect(handshakes).toBe(2);
    expect(lean()).toBe(true);
    // the cipher object in use after the key exchange carries the lean allocator, not ssh2's prototype method
    expect(Object.hasOwn((client as unknown as { _protocol: { _cipher: object } })._protocol._cipher, 'allocPacket')).toBe(true);
    expect(crypto.createHash('sha256').update(Buffer.concat(received)).digest('hex')).toBe(crypto.createHash('sha256').update(data).digest('hex'));
  });
});

describe('reused slabs on a connection whose socket backs up', () => {
  it('carry an upload byte for byte through stalls and a key exchange', async () => {
    const hostKey = parseableEd25519(utils);
    let windowExceeded = false;
    let holds = 0;
    const received: Buffer[] = [];
    let done!: () => void;
    const finished = new Promise<void>((r) => (done = r));
    const server = new Server({ hostKeys: [hostKey] }, (conn) => {
      conn.on('authentication', (ctx) => ctx.accept());
      conn.on('ready', () =>
        conn.on('session', (accept) =>
          accept().on('exec', (acc) => {
            const ch = acc();
            let n = 0;
            ch.on('data', (d: Buffer) => {
              if ((ch as unknown as { incoming: { window: number } }).incoming.window < 0) windowExceeded = true;
              received.push(Buffer.from(d));
              if ((n += d.length) > 2 << 20 && n - d.length <= 2 << 20) conn.rekey(); // a key exchange mid-way
            });
            ch.on('end', () => {
              ch.exit(0);
              ch.end();
              done();
            });
          }),
        ),
      );
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    // between client and server a relay that stops reading for 20 ms after every 256 KiB, so the client's socket
    // holds unsent packets now and then (fresh slabs must be taken) and is empty the rest of the time (reuse)
    const relay = net.createServer((inbound) => {
      const out = net.connect((server.address() as net.AddressInfo).port, '127.0.0.1');
      out.pipe(inbound);
      let since = 0;
      inbound.on('data', (d) => {
        out.write(d);
        if ((since += d.length) >= 256 * 1024) {
          since = 0;
          inbound.pause();
          setTimeout(() => inbound.resume(), 20);
        }
      });
      inbound.on('end', () => out.end());
      inbound.on('error', () => out.destroy());
      out.on('error', () => inbound.destroy());
    });
    await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
    const client = new Client();
    const stats: SlabStats = { reused: 0, fresh: 0 };
    const sock = new net.Socket();
    corkPerRead(sock);
    const lean = leanPackets(client, sock, stats);
    sock.connect({ host: '127.0.0.1', port: (relay.address() as net.AddressInfo).port });
    let handshakes = 0;
    let backedUp = 0;
    client.on('handshake', () => handshakes++);
    try {
      await new Promise<void>((resolve, reject) => {
        client.once('ready', () => resolve()).once('error', reject);
        client.connect({ sock, username: 'root', algorithms: { cipher: [CHACHA] } });
      });
      const data = crypto.randomBytes(16 * 1024 * 1024 + 5);
      await new Promise<void>((resolve, reject) =>
        client.exec('cat > /tmp/fw.bin', (err, ch) => {
          if (err) return reject(err);
          // hold data until 768 KiB of ssh2's 2 MiB window are free (ssh2's server gives room back below 1 MiB), so
          // ssh2's own window-adjust handler resumes the held writes (decision 0141)
          expect(sendWhenRoom(ch, 768 * 1024)).toBe(true);
          const inner = (ch as unknown as { _write: (...a: unknown[]) => void })._write;
          (ch as unknown as { _write: (...a: unknown[]) => void })._write = function (this: { _waitWindow: boolean; outgoing: { window: number } }, ...a: unknown[]) {
            inner.apply(this, a);
            if (this._waitWindow && this.outgoing.window > 0) holds++; // held with room left: the hold took effect
          };
          ch.on('close', () => resolve());
          client.once('close', () => reject(new Error('the connection closed (a packet damaged on its way?)')));
          ch.resume();
          let off = 0;
          const pump = (): void => {
            while (off < data.length) {
              if (sock.writableLength > 0) backedUp++;
              const more = ch.write(data.subarray(off, (off += 100_000)));
              if (!more) return void ch.once('drain', pump);
            }
            ch.end();
          };
          pump();
        }),
      );
      await finished;
      expect(handshakes).toBe(2);
      expect(lean()).toBe(true);
      expect(crypto.createHash('sha256').update(Buffer.concat(received)).digest('hex')).toBe(crypto.createHash('sha256').update(data).digest('hex'));
      expect(windowExceeded).toBe(false);
      expect(holds).toBeGreaterThan(0);
      expect(backedUp).toBeGreaterThan(0); // the relay's stalls did back the socket up
      expect(stats.reused).toBeGreaterThan(2 * SLAB_RING); // and reuse whenever it had sent everything
      expect(stats.fresh).toBeGreaterThan(2 * SLAB_RING); // a ring per cipher, and fresh slabs during the stalls
    } finally {
      client.end();
      relay.close();
      server.close();
    }
  });
});

describe('writes answering one socket read', () => {
  it('leave together once the read is handled', async () => {
    const chunks: number[] = [];
    const server = net.createServer((s) => {
      s.on('data', (d) => chunks.push(d.length));
      s.write('go');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const sock = new net.Socket();
    corkPerRead(sock);
    const seen: number[] = [];
    sock.on('data', () => {
      seen.push(sock.writableCorked);
      sock.write(Buffer.alloc(1000, 1));
      sock.write(Buffer.alloc(1000, 2));
      expect(sock.writableLength).toBe(2000); // held back while the read is handled
    });
    sock.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port });
    await new Promise<void>((r) => {
      const t = setInterval(() => {
        if (chunks.reduce((a, b) => a + b, 0) >= 2000) {
          clearInterval(t);
          r();
        }
      }, 5);
    });
    expect(seen).toEqual([1]);
    expect(sock.writableCorked).toBe(0);
    expect(sock.writableLength).toBe(0);
    sock.destroy();
    server.close();
  });
});
