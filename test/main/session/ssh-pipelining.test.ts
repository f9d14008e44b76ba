/**
 * Upload packets on an SSH channel (decision 0093): at most half the window the router opened the channel with,
 * so one packet is on the wire while the router writes out the other. Dropbear opens 24 KiB; a 24 KiB packet
 * would leave both sides waiting in turn. The second test drives ssh2's real Channel class (its write path
 * reads `outgoing.packetSize` at every write); only the protocol below it is a recorder of packet sizes, so the
 * test fails if an ssh2 update moves that field and the cap silently stops applying.
 */
import { createRequire } from 'node:module';
import type { ClientChannel } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { pipelineChannel, pipelinedPacketSize } from '../../../src-main/session/ssh';

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

  function channelOn24KiBWindow(): { ch: ClientChannel; sent: number[] } {
    const sent: number[] = [];
    const client = { _protocol: { channelData: (_id: number, data: Buffer) => sent.push(data.length) } };
    const info = { type: 'session', incoming: { id: 0, window: 2 << 20, packetSize: 32768, state: 'open' }, outgoing: { id: 7, window: 24576, packetSize: 32768, state: 'open' } };
    return { ch: new Channel(client, info), sent };
  }

  it("applies to ssh2's channel: the router's 24 KiB go out as two 12 KiB packets, not one", () => {
    const plain = channelOn24KiBWindow();
    plain.ch.write(Buffer.alloc(100_000));
    expect(plain.sent).toEqual([24576]); // ssh2 on its own: the whole window in one packet, then it waits

    const piped = channelOn24KiBWindow();
    pipelineChannel(piped.ch);
    piped.ch.write(Buffer.alloc(100_000));
    expect(piped.sent).toEqual([12288, 12288]);
  });
});
