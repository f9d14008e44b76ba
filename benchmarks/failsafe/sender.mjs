// Runs inside the router namespace: on each "go" line, send one netmsg prompt to the broadcast address and
// print the epoch time (high resolution) taken just before the datagram left.
import dgram from 'node:dgram';
import readline from 'node:readline';
const s = dgram.createSocket('udp4');
await new Promise((r) => s.bind(0, () => r()));
s.setBroadcast(true);
const buf = Buffer.alloc(1001);
buf[0] = 0xde;
buf[1] = 0xad;
buf.write('Please press button now to enter failsafe', 2);
readline.createInterface({ input: process.stdin }).on('line', (l) => {
  if (l.trim() !== 'go') return;
  const at = performance.timeOrigin + performance.now();
  s.send(buf, 4919, process.argv[2] ?? '192.168.1.255', () => process.stdout.write(JSON.stringify({ sent: at }) + '\n'));
});
process.stdout.write(JSON.stringify({ ready: true }) + '\n');
