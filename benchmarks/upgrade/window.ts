/**
 * bench:upgrade:window — why the SSH upload trails OpenSSH (decision 0084). The same 32 MiB into the stand-in's
 * /tmp with dropbear's default receive window (24 KiB) and with `dropbear -W 1048576`: OpenSSH `cat > FILE`
 * (chacha20-poly1305 and aes128-ctr), and ssh2 (what Rescue Bench uses) with chacha20-poly1305 fed as one
 * Buffer, in 1 MiB writes with backpressure, in 32 KiB writes, with aes128-ctr, and in 1 MiB writes with packets
 * of half the window (what Rescue Bench's session does since decision 0093). Prints what both clients
 * negotiated (`ssh -v`, ssh2's handshake event) and every time. Usage: npm run bench:upgrade:window [-- ROUNDS]
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRescueLan, netnsSupport, nodeTsArgs } from '../../test-support/netns';
import { startStandinRouter } from '../../test-support/router-standin';

const rounds = process.argv[2] ?? '3';
const ok = netnsSupport();
if (!ok.ok) throw new Error(`needs network namespaces: ${ok.reason}`);
let ssh2Binding = 'not built';
try {
  const req = (await import('node:module')).createRequire(import.meta.url);
  req('../../node_modules/ssh2/lib/protocol/crypto/build/Release/sshcrypto.node');
  ssh2Binding = 'built';
} catch { /* reported below */ }
process.stdout.write(`ssh2 native crypto binding: ${ssh2Binding}; load average ${os.loadavg()[0]!.toFixed(1)} (${os.cpus().length} cores, shared)\n`);
for (const window of [[], ['-W', '1048576']]) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-bench-window-'));
  const lan = createRescueLan('upw');
  try {
    const keyFile = path.join(tmp, 'id');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const router = await startStandinRouter(lan, { partitions: [{ name: 'firmware', size: 0x100000, sparse: true }], dropbearArgs: window, openwrt: { release: '23.05.5', revision: 'r24106-10cc5fcd00', compat: '1.0' } });
    const sshDir = path.join(router.root, 'root/.ssh');
    fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(sshDir, 'authorized_keys'), fs.readFileSync(`${keyFile}.pub`), { mode: 0o600 });
    const fw = path.join(tmp, 'fw.bin');
    fs.writeFileSync(fw, crypto.randomBytes(32 << 20));
    process.stdout.write(`\n== dropbear ${window.length ? window.join(' ') : '(default receive window, 24 KiB)'}\n`);
    const [c, a] = nodeTsArgs(path.join(import.meta.dirname, 'window-station.ts'), [keyFile, fw, rounds]);
    process.stdout.write(execFileSync('ip', ['netns', 'exec', lan.station.name, c, ...a], { encoding: 'utf8', timeout: 600_000 }));
    router.stop();
  } finally {
    lan.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
