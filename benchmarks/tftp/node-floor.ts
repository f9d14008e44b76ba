/**
 * The floor of any TFTP server in Node, for the benchmark only: the smallest lock-step loop that can serve a
 * file — every DATA packet prebuilt in memory before the transfer, an ACK handler that only sends the next one,
 * no jail, no events, no hashing, no windows, no timeouts. What Node itself costs per packet (the receive path:
 * epoll, a 64 KiB allocation per datagram, the JS callback; then the send), with nothing of ours on top.
 * Never use it to serve anything.
 * As a process (the U-Boot benchmark runs it inside the rig's namespace): tsx benchmarks/tftp/node-floor.ts ROOT ADDRESS PORT
 */
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export async function startNodeFloor(root: string, address = '127.0.0.1', port = 0): Promise<{ port: number; close(): void }> {
  const main = dgram.createSocket('udp4');
  await new Promise<void>((r) => main.bind(port, address, () => r()));
  const cache = new Map<string, Map<number, Buffer[]>>();
  const packetsOf = (name: string, B: number): Buffer[] => {
    const perFile = cache.get(name) ?? new Map<number, Buffer[]>();
    cache.set(name, perFile);
    const hit = perFile.get(B);
    if (hit) return hit;
    const file = fs.readFileSync(path.join(root, path.basename(name)));
    const out: Buffer[] = [];
    for (let n = 1; n <= Math.floor(file.length / B) + 1; n++) {
      const d = file.subarray((n - 1) * B, Math.min(n * B, file.length));
      const p = Buffer.alloc(4 + d.length);
      p[1] = 3;
      p.writeUInt16BE(n & 0xffff, 2);
      d.copy(p, 4);
      out.push(p);
    }
    perFile.set(B, out);
    return out;
  };
  main.on('message', (msg, rinfo) => {
    const parts = msg.subarray(2).toString('latin1').split('\0');
    const name = parts[0]!;
    const i = parts.findIndex((p, k) => k >= 2 && p.toLowerCase() === 'blksize');
    const B = i > 0 ? Number(parts[i + 1]) : 512;
    const pkts = packetsOf(name, B);
    const s = dgram.createSocket('udp4');
    s.bind(0, address, () =>
      s.connect(rinfo.port, rinfo.address, () => {
        let acked = i > 0 ? -1 : 0; // with options: wait for ACK 0 of the OACK
        s.on('message', (m) => {
          if (m.readUInt16BE(2) !== ((acked + 1) & 0xffff)) return;
          acked++;
          if (acked >= pkts.length) return void s.close();
          s.send(pkts[acked]!);
        });
        if (i > 0) s.send(Buffer.from(`\0\x06blksize\0${B}\0`, 'latin1'));
        else s.send(pkts[0]!);
      }),
    );
  });
  return { port: main.address().port, close: () => main.close() };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, address, port] = process.argv.slice(2);
  void startNodeFloor(root!, address, Number(port ?? 69)).then((f) => console.log(JSON.stringify({ event: 'listening', port: f.port })));
}
