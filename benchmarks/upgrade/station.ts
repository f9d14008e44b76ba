/**
 * The station side of bench:upgrade (runs inside the station namespace; run.ts starts it). Prints one JSON line.
 *  - SSH: a 32 MiB image into the router's /tmp with ours (session open + uploadImage: ssh2 stream into `cat > FILE`,
 *    progress counted, packets of up to the router's window sent once half of it is free: decision 0141) against OpenSSH
 *    `ssh root@router 'cat > /tmp/fw.bin' < fw.bin` (run by bash's `time`: its wall, user and system time), and
 *    the same ssh2 stream with ssh2's own packet size (one packet per window: our path before decision 0093),
 *    alternating. CPU time of ours: this process's (process.cpuUsage, all its threads) during the run, and its minor
 *    page faults (decision 0140: after a fork each first write to a page faults).
 *  - telnet + nc: ours (uploadImage over a logged-in telnet session: the router's nc connects back to us) against
 *    the wiki's pipe by hand on the same logged-in session: `nc -l -p 3333 -N < fw.bin` here, `nc HOST 3333 >
 *    /tmp/fw.bin` typed on the router through telnet, alternating.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { Client } from 'ssh2';
import { openSession } from '../../src-main/session';
import { uploadImage } from '../../src-main/capabilities/upgrade';

const [host, keyFile, imageFile, roundsText] = process.argv.slice(2) as [string, string, string, string];
const rounds = Number(roundsText);
const data = fs.readFileSync(imageFile);
const tools = { nanddump: false, nandwrite: false, flash_erase: false, mtd: true, sha256sum: true, md5sum: true, nc: true, fw_printenv: false };
const facts = { ubus: false, sysupgrade: true, wget: true };
const now = () => performance.now();
const LISTEN_MS = 100;
const SSH = ['-q', '-i', keyFile, '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'BatchMode=yes', `root@${host}`];

const cpuMs = (since: NodeJS.CpuUsage): number => {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1000;
};

/** Our SSH path as it was before decision 0093: the same chacha20-poly1305 stream in 1 MiB chunks, ssh2's packet size. */
async function ssh2OwnPacketSize(key: Buffer): Promise<void> {
  const c = new Client();
  await new Promise<void>((res, rej) => {
    c.once('ready', () => res()).once('error', rej);
    c.connect({ host, username: 'root', privateKey: key, algorithms: { cipher: ['chacha20-poly1305@openssh.com'] } });
    c.setNoDelay(true);
  });
  await new Promise<void>((res, rej) =>
    c.exec(`cat > /tmp/fw.bin`, (e, ch) => {
      if (e) return rej(e);
      let code: number | undefined;
      ch.once('exit', (x: number) => (code = x));
      ch.once('close', () => (code === 0 ? res() : rej(new Error(`cat exit ${code}`))));
      ch.resume();
      let off = 0;
      new Readable({
        highWaterMark: 1 << 20,
        read() {
          this.push(off < data.length ? data.subarray(off, (off += 1 << 20)) : null);
        },
      }).pipe(ch);
    }),
  );
  await new Promise<void>((res) => {
    c.once('close', () => res());
    c.end();
  });
}

async function main(): Promise<void> {
  const out = {
    sshOurs: [] as number[], sshOursCpu: [] as number[], sshOursFaults: [] as number[], sshOursOpen: [] as number[], sshOpenssh: [] as number[], sshOpensshCpu: [] as number[],
    sshPlain: [] as number[], sshPlainCpu: [] as number[], ncOurs: [] as number[], ncByHand: [] as number[],
  };
  const key = fs.readFileSync(keyFile);
  const check = (): void => {
    const got = execFileSync('ssh', [...SSH, 'sha256sum /tmp/fw.bin; rm -f /tmp/fw.bin'], { encoding: 'utf8' });
    if (!got.startsWith(crypto.createHash('sha256').update(data).digest('hex'))) throw new Error(`copy differs: ${got}`);
  };
  for (let i = 0; i < rounds; i++) {
    let t = now();
    let cpu = process.cpuUsage();
    const faults = process.resourceUsage().minorPageFault;
    const s = await openSession({ host, method: 'ssh', privateKey: key, hostKeyPolicy: 'session-only' });
    await uploadImage(s, { stagePath: '/tmp/fw.bin', data, tools, facts, onProgress: () => undefined });
    await s.close();
    out.sshOurs.push(now() - t);
    out.sshOursCpu.push(cpuMs(cpu));
    out.sshOursFaults.push(process.resourceUsage().minorPageFault - faults);
    check();
    // the copy alone, on a session already open (the run's own case: it logged in steps earlier)
    const open = await openSession({ host, method: 'ssh', privateKey: key, hostKeyPolicy: 'session-only' });
    t = now();
    await uploadImage(open, { stagePath: '/tmp/fw.bin', data, tools, facts, onProgress: () => undefined });
    out.sshOursOpen.push(now() - t);
    await open.close();
    check();
    // bash's `time` keyword: the ssh command's own wall, user and system time (bash's start is not in it)
    const timed = spawnSync('bash', ['-c', `TIMEFORMAT='%3R %3U %3S'; time ssh ${SSH.map((a) => `'${a}'`).join(' ')} 'cat > /tmp/fw.bin' < '${imageFile}'`], { encoding: 'utf8' });
    const [wall, user, sys] = (timed.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number);
    if (timed.status !== 0 || !(wall! > 0)) throw new Error(`OpenSSH: exit ${timed.status} ${timed.stderr}`);
    out.sshOpenssh.push(wall! * 1000);
    out.sshOpensshCpu.push((user! + sys!) * 1000);
    check();
    t = now();
    cpu = process.cpuUsage();
    await ssh2OwnPacketSize(key);
    out.sshPlain.push(now() - t);
    out.sshPlainCpu.push(cpuMs(cpu));
    check();
  }
  const tn = await openSession({ host, method: 'telnet', hostKeyPolicy: 'session-only' });
  await tn.exec('true');
  for (let i = 0; i < rounds; i++) {
    let t = now();
    await uploadImage(tn, { stagePath: '/tmp/fw.bin', data, tools, facts, onProgress: () => undefined });
    out.ncOurs.push(now() - t);
    check();
    // the wiki's steps by hand (openwrt-failsafe-wiki.txt): `nc -l -p 3333 < nxtfw.bin` here, then typed on the
    // router through the same telnet session `nc HOST 3333 > /tmp/nxtfw.bin` (the person's typing and the
    // moment they take to start the listener are left out: ${LISTEN_MS} ms subtracted)
    t = now();
    const listener = spawn('nc', ['-l', '-p', '3333', '-N'], { stdio: ['pipe', 'ignore', 'inherit'] });
    let pipeError: Error | undefined;
    listener.stdin!.on('error', (e) => (pipeError = e));
    listener.stdin!.end(data);
    await new Promise((r) => setTimeout(r, LISTEN_MS));
    // `< /dev/tty`: the person's nc reads the telnet terminal, as typed by hand (the session's exec gives a
    // command /dev/null, which would close nc's sending side at once and end the listener here before it sent all)
    const typed = await tn.exec('nc 192.168.1.10 3333 > /tmp/fw.bin < /dev/tty', { timeoutMs: 120_000 });
    await new Promise((res) => (listener.exitCode !== null ? res(undefined) : listener.once('exit', res)));
    out.ncByHand.push(now() - t - LISTEN_MS);
    if (typed.code !== 0 || pipeError) throw new Error(`nc by hand: exit ${typed.code} ${typed.stdout.toString()} ${pipeError?.message ?? ''}`);
    check();
  }
  await tn.close();
  process.stdout.write(JSON.stringify(out) + '\n');
}
main().catch((e) => {
  process.stderr.write(String((e as Error).stack ?? e) + '\n');
  process.exit(1);
});
