/**
 * The practice router end to end at the protocol level, in this process: the real netmsg datagrams to a
 * loopback listener, the button, failsafe SSH without a password through the product's own session code, the
 * commands the failsafe guide sends, a restart where the new password is needed, and the console as a serial
 * port. Then the sockets: everything it binds is on 127.0.0.0/8 (read from /proc/net, Linux).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PracticeService } from '../../../../src-main/capabilities/practice';
import { SerialService } from '../../../../src-main/capabilities/serial';
import { openSession } from '../../../../src-main/session';
import { decodeNetmsg } from '../../../../src-shared/capabilities/failsafe/netmsg';
import { PRACTICE_CONSOLE_PATH, type PracticeState } from '../../../../src-shared/capabilities/practice';
import { SerialSettingsSchema } from '../../../../src-shared/capabilities/serial';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-'));
const states: PracticeState[] = [];
const serial = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir });
const svc = new PracticeService({ dataDir, state: (s) => states.push(s), addConsole: (p) => serial.addVirtualPort(p), stageMs: 50 });
const monitor = dgram.createSocket('udp4');
const heard: { from: string; length: number; text: string }[] = [];
let port = 0;

async function until<T>(what: string, fn: () => T | undefined, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; state ${JSON.stringify(svc.status()).slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Local addresses of this process's inet sockets, from /proc/net/{tcp,udp} matched by inode. */
function ownSocketAddresses(): string[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      /* closed meanwhile */
    }
  }
  const out: string[] = [];
  for (const f of ['tcp', 'udp', 'tcp6', 'udp6']) {
    const lines = fs.readFileSync(`/proc/net/${f}`, 'utf8').trim().split('\n').slice(1);
    for (const l of lines) {
      const cols = l.trim().split(/\s+/);
      if (!inodes.has(cols[9]!)) continue;
      const [hex, p] = cols[1]!.split(':');
      const ip = f.endsWith('6') ? `v6:${hex}` : [3, 2, 1, 0].map((i) => parseInt(hex!.slice(i * 2, i * 2 + 2), 16)).join('.');
      out.push(`${f} ${ip}:${parseInt(p!, 16)}`);
    }
  }
  return out;
}

beforeAll(async () => {
  monitor.on('message', (m, r) => heard.push({ from: r.address, length: m.length, text: decodeNetmsg(m).text }));
  await new Promise<void>((r) => monitor.bind({ address: '127.0.0.1', port: 0 }, () => r()));
  port = monitor.address().port;
});
afterAll(async () => {
  await svc.stop(false);
  await serial.dispose();
  monitor.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('practice router: forgot password', () => {
  it('boots, asks for the button with real netmsg datagrams, enters failsafe on a press, and lets root in over SSH without a password', async () => {
    const st = await svc.start('forgot-password', port);
    expect(st.ready).toBe(true);
    expect(st.target!.routerAddress).toMatch(/^127\./);
    const ports = await serial.listPorts();
    expect(ports.ports.find((p) => p.path === PRACTICE_CONSOLE_PATH)?.label).toMatch(/Practice router/);
    const console = await serial.open(PRACTICE_CONSOLE_PATH, SerialSettingsSchema.parse({ baud: 115200 }));

    svc.power(true);
    const first = await until('the first netmsg', () => heard[0]);
    expect(first).toEqual({ from: st.target!.routerAddress, length: 1001, text: 'Please press button now to enter failsafe' });
    expect(serial.backlog(console.id).toString('latin1')).toContain('Press the [f] key and hit [enter] to enter failsafe mode');
    svc.button();
    await until('failsafe', () => svc.status().mode === 'failsafe');

    // the rescue login starts a moment after "- failsafe -", as dropbear does
    let s: Awaited<ReturnType<typeof openSession>> | undefined;
    for (let i = 0; i < 50 && !s; i++) {
      s = await openSession({ host: st.target!.routerAddress, port: st.target!.sshPort, method: 'ssh', hostKeyPolicy: 'session-only', timeoutMs: 3000 }).catch(async () => {
        await new Promise((r) => setTimeout(r, 50));
        return undefined;
      });
    }
    if (!s) throw new Error('no SSH login in failsafe');
    const banner = await s.exec('cat /etc/banner.failsafe 2>/dev/null || cat /etc/banner 2>/dev/null');
    expect(banner.stdout.toString()).toContain('FAILSAFE MODE active');
    expect((await s.exec('mount_root')).code).toBe(0);
    expect((await s.exec('uci get network.lan.ipaddr')).stdout.toString().trim()).toBe('192.168.7.1');
    const pw = await s.exec(`printf '%s\\n%s\\n' 'new-secret-1' 'new-secret-1' | passwd root`);
    expect(pw.code).toBe(0);
    expect((await s.exec('cat /proc/mtd')).stdout.toString()).toMatch(/mtd4: 00010000 00010000 "rootfs_data"/);
    expect((await s.exec('frobnicate')).code).toBe(127);

    // failsafe also answers on telnet (older releases), through the product's own telnet session
    const tn = await openSession({ host: st.target!.routerAddress, port: st.target!.telnetPort, method: 'telnet', hostKeyPolicy: 'session-only', timeoutMs: 5000 });
    expect(tn.banner).toMatch(/FAILSAFE MODE active/);
    const up = await tn.exec('uci get network.lan.ipaddr');
    expect([up.code, up.stdout.toString().trim()]).toEqual([0, '192.168.7.1']);
    expect((await tn.exec('frobnicate')).code).toBe(127);
    await tn.close();

    // every socket this process holds (monitor, router, SSH) is on loopback
    const socks = ownSocketAddresses();
    expect(socks.length).toBeGreaterThan(2);
    for (const a of socks) expect(a).toMatch(/^(tcp|udp) 127\.\d+\.\d+\.\d+:\d+$/);

    await s.exec('reboot').catch(() => undefined);
    await s.close();
    await until('a normal start', () => svc.status().mode === 'running', 15_000);
    await expect(openSession({ host: st.target!.routerAddress, port: st.target!.sshPort, method: 'ssh', password: 'wrong', hostKeyPolicy: 'session-only', timeoutMs: 3000 })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
    const again = await openSession({ host: st.target!.routerAddress, port: st.target!.sshPort, method: 'ssh', password: 'new-secret-1', hostKeyPolicy: 'session-only', timeoutMs: 3000 });
    expect((await again.exec('cat /etc/shadow')).stdout.toString()).toMatch(/^root:\$practice\$/);
    await again.close();
    expect(fs.readdirSync(path.join(dataDir, 'practice', 'forgot-password', 'flash')).sort()).toContain('rootfs_data.bin');
    expect(fs.existsSync(path.join(dataDir, 'journals'))).toBe(false);

    // reset puts the unknown password back
    svc.reset();
    expect(svc.status().mode).toBe('off');
  }, 40_000);
});
