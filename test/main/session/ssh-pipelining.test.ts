/**
 * Upload packets on an SSH channel. Decision 0093: at most half the window the router opened the channel with, so
 * one packet is on the wire while the router writes out the other. Decision 0141: up to the whole window, but
 * only once half of it is free (OpenSSH's pattern), so still two under way on dropbear's 24 KiB, with fewer
 * packets. The channel tests drive ssh2's real Channel class (its write path reads `outgoing.packetSize` at every
 * write and keeps the pending chunk in `_chunk`); below it a recorder of packets and a dropbear-like router that
 * gives room back per 8 KiB written, so the tests fail if an ssh2 update moves those fields.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { ClientChannel } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { pipelineChannel, pipelinedPacketSize, wholeWindowPlan } from '../../../src-main/session/ssh';
import { sendWhenRoom } from '../../../src-main/session/ssh-send-path';

const require = createRequire(import.meta.url);
const { Channel } = require('ssh2/lib/Channel.js') as { Channel: new (client: unknown, info: unknown, opts?: unknown) => ClientChannel };

describe('SSH upload packet size', () => {
  it('is half of a small window, the server maximum for large ones, never below 4 KiB', () => {
    expect(pipelinedPacketSize(24576, 32768)).toBe(12288); // dropbear's default window (OpenWrt)
    expect(pipelinedPacketSize(2 * 1024 * 1024, 32768)).toBe(32768); // OpenSSH's window
    expect(pipelinedPacketSize(1048576, 32768)).toBe(32768); // dropbear -W 1048576
    expect(pipelinedPacketSize(65536, 16384)).toBe(16384); // the server's own maximum is never exceeded
    expect(pipelinedPacketSize(25000, 32768)).toBe(12288); // whole KiB
    expect(pipelinedPacketSize(4096, 32768)).toBe(4096);
    expect(pipelinedPacketSize(4096, 2048)).toBe(2048);
  });

  it('is the whole window once half is free on small windows, the server maximum on large ones', () => {
    expect(wholeWindowPlan(24576, 32768)).toEqual({ packetSize: 24576, minRoom: 12288 }); // dropbear (OpenWrt)
    expect(wholeWindowPlan(2 * 1024 * 1024, 32768)).toEqual({ packetSize: 32768, minRoom: 32768 }); // OpenSSH
    expect(wholeWindowPlan(65536, 16384)).toEqual({ packetSize: 16384, minRoom: 16384 });
    expect(wholeWindowPlan(2048, 32768)).toEqual({ packetSize: 2048, minRoom: 1024 });
    expect(wholeWindowPlan(25000, 32768)).toEqual({ packetSize: 25000, minRoom: 12500 }); // at most half, whatever the size
  });

  function channelOn24KiBWindow(): { ch: ClientChannel; sent: Buffer[] } {
    const sent: Buffer[] = [];
    const client = { _protocol: { channelData: (_id: number, data: Buffer) => sent.push(Buffer.from(data)), channelEOF: () => undefined, channelClose: () => undefined } };
    const info = { type: 'session', incoming: { id: 0, window: 2 << 20, packetSize: 32768, state: 'open' }, outgoing: { id: 7, window: 24576, packetSize: 32768, state: 'open' } };
    return { ch: new Channel(client, info), sent };
  }

  it("applies to ssh2's channel: the router's 24 KiB go out as one packet, then wait for half of it", () => {
    const plain = channelOn24KiBWindow();
    plain.ch.write(Buffer.alloc(100_000));
    expect(plain.sent.map((b) => b.length)).toEqual([24576]); // ssh2 on its own: the whole window, then it waits

    const piped = channelOn24KiBWindow();
    pipelineChannel(piped.ch);
    piped.ch.write(Buffer.alloc(100_000));
    expect(piped.sent.map((b) => b.length)).toEqual([24576]);
  });

  it('against a dropbear-like router: byte for byte, never past the window, no packet under half of it but the last', async () => {
    const { ch, sent } = channelOn24KiBWindow();
    const c = ch as unknown as { outgoing: { window: number }; _waitWindow: boolean; _chunk?: Buffer; _chunkcb?: () => void; _write(d: Buffer, e: null, cb?: () => void): void };
    pipelineChannel(ch);
    // the router: 24 KiB of room; it writes what arrived out to `cat` 8 KiB per tick (a pipe's worth) and gives room
    // back once it has written 8 KiB or more (RECV_WINDOWEXTEND); the adjust is handled as ssh2's client handler
    // (lib/client.js) handles it
    let room = 24576;
    let queued = 0;
    let written = 0;
    let checked = 0;
    let busy = false;
    const packets: number[] = [];
    const work = (): void => {
      const n = Math.min(queued, 8192);
      queued -= n;
      written += n;
      if (written >= 8192) {
        const amount = written;
        written = 0;
        room += amount;
        c.outgoing.window += amount;
        if (c._waitWindow) {
          c._waitWindow = false;
          if (c._chunk) c._write(c._chunk, null, c._chunkcb);
          else if (c._chunkcb) c._chunkcb();
        }
        arrive();
      }
      if (queued > 0 || written > 0) setImmediate(work);
      else busy = false;
    };
    const arrive = (): void => {
      for (; checked < sent.length; checked++) {
        const n = sent[checked]!.length;
        packets.push(n);
        room -= n;
        expect(room).toBeGreaterThanOrEqual(0); // never past the window
        queued += n;
      }
      if (!busy && queued > 0) {
        busy = true;
        setImmediate(work);
      }
    };
    const data = crypto.randomBytes(1024 * 1024 + 333);
    const finished = new Promise<void>((r) => ch.once('finish', () => r()));
    ch.end(data);
    arrive();
    await finished;
    expect(Buffer.concat(sent).equals(data)).toBe(true);
    expect(packets.slice(0, -1).every((n) => n >= 12288 && n <= 24576)).toBe(true);
    expect(packets.length).toBeLessThan(Math.ceil(data.length / 12288)); // fewer than decision 0093's 12 KiB packets
  });

  it('sends what fits when a server leaves a hold unanswered', async () => {
    const { ch, sent } = channelOn24KiBWindow();
    const c = ch as unknown as { outgoing: { window: number; packetSize: number }; _waitWindow: boolean; _chunk?: Buffer; _chunkcb?: () => void; _write(d: Buffer, e: null, cb?: () => void): void };
    c.outgoing.packetSize = 24576;
    expect(sendWhenRoom(ch, 12288, 50)).toBe(true);
    ch.write(Buffer.alloc(100_000));
    expect(sent.map((b) => b.length)).toEqual([24576]);
    // 4 KiB of room back, and then nothing (as ssh2's client handler runs an adjust)
    c.outgoing.window += 4096;
    c._waitWindow = false;
    c._write(c._chunk!, null, c._chunkcb);
    expect(sent.map((b) => b.length)).toEqual([24576]); // held: less than half the window is free
    await new Promise((r) => setTimeout(r, 120));
    expect(sent.map((b) => b.length)).toEqual([24576, 4096]); // released after 50 ms, within the window
    expect(c.outgoing.window).toBe(0);
  });

  it('leaves a channel without the fields it relies on alone', () => {
    const odd = { _write: () => undefined, outgoing: { window: 24576, packetSize: 32768, state: 'open' } };
    const before = odd._write;
    expect(sendWhenRoom(odd, 12288)).toBe(false);
    expect(odd._write).toBe(before);
  });
});
