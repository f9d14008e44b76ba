/** Station side of bench:upgrade:window (runs in the station namespace): prints negotiated algorithms and times. */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'ssh2';
import { pipelineChannel } from '../../src-main/session/ssh';

const [keyFile, fw, roundsText] = process.argv.slice(2) as [string, string, string];
const data = fs.readFileSync(fw);
const want = crypto.createHash('sha256').update(data).digest('hex');
const SSH = ['-q', '-i', keyFile, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', 'root@192.168.1.1'];
const check = (): void => {
  const got = execFileSync('ssh', [...SSH, 'sha256sum /tmp/fw.bin; rm -f /tmp/fw.bin'], { encoding: 'utf8' });
  if (!got.startsWith(want)) throw new Error(`copy differs: ${got}`);
};
const neg = execFileSync('sh', ['-c', `ssh -v ${SSH.filter((a) => a !== '-q').join(' ')} true 2>&1 | grep -E 'kex: client->server cipher' || true`], { encoding: 'utf8' }).trim();
process.stdout.write(`OpenSSH negotiated: ${neg.replace(/^debug1: /, '')}\n`);
async function ours(cipher: string, how: 'buffer' | number, pipelined = false): Promise<[number, string]> {
  const c = new Client();
  let got = '';
  await new Promise<void>((res, rej) => {
    c.on('ready', () => res()).on('error', rej).on('handshake', (n) => (got = `${n.cs.cipher}${n.cs.mac ? ' ' + n.cs.mac : ''}`));
    c.connect({ host: '192.168.1.1', username: 'root', privateKey: fs.readFileSync(keyFile), algorithms: { cipher: [cipher] as never } });
  });
  const t = performance.now();
  await new Promise<void>((res, rej) =>
    c.exec('cat > /tmp/fw.bin', (e, ch) => {
      if (e) return rej(e);
      if (pipelined) pipelineChannel(ch); // what Rescue Bench's session does since decision 0093
      ch.on('close', () => res());
      ch.resume();
      if (how === 'buffer') return void ch.end(data);
      let off = 0;
      const more = (): void => {
        while (off < data.length) {
          const fits = ch.write(data.subarray(off, off + how));
          off += how;
          if (!fits) return void ch.once('drain', more);
        }
        ch.end();
      };
      more();
    }),
  );
  const ms = performance.now() - t;
  c.end();
  return [ms, got];
}
const rows: Record<string, number[]> = {};
const add = (k: string, ms: number): void => void (rows[k] ??= []).push(Math.round(ms));
for (let i = 0; i < Number(roundsText); i++) {
  let t = performance.now();
  execFileSync('ssh', [...SSH, 'cat > /tmp/fw.bin'], { input: data });
  add('OpenSSH chacha20-poly1305 (its choice)', performance.now() - t);
  check();
  t = performance.now();
  execFileSync('ssh', ['-c', 'aes128-ctr', ...SSH, 'cat > /tmp/fw.bin'], { input: data });
  add('OpenSSH aes128-ctr', performance.now() - t);
  check();
  for (const [cipher, how, pipelined] of [['chacha20-poly1305@openssh.com', 'buffer', false], ['chacha20-poly1305@openssh.com', 1 << 20, false], ['chacha20-poly1305@openssh.com', 32768, false], ['aes128-ctr', 1 << 20, false], ['chacha20-poly1305@openssh.com', 1 << 20, true]] as const) {
    const [ms, got] = await ours(cipher, how, pipelined);
    add(`ssh2 ${got}, ${how === 'buffer' ? 'one Buffer' : `${how >> 10} KiB writes`}${pipelined ? ', packets of half the window (ours since decision 0093)' : ''}`, ms);
    check();
  }
}
for (const [k, v] of Object.entries(rows)) process.stdout.write(`${k}: ${v.join(', ')} ms (median ${[...v].sort((a, b) => a - b)[v.length >> 1]})\n`);
