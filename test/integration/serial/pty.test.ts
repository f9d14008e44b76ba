/**
 * The serial service over real pty pairs made by socat: two ports at once, live speed change with the actual
 * speed read back, DTR/RTS/break refused plainly on a pty (the session keeps working), timestamped session
 * logs, an adapter unplugged and plugged back (socat killed and restarted), autobaud against a peer that only
 * speaks text at 57600, and plain-words errors.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SerialPort } from 'serialport';
import { openPeer, ptyPair as makePair, socatSupport, type PtyPair } from '../../../test-support/rig/pty';
import { reportSkip } from '../../../test-support/netns';
import { SerialService } from '../../../src-main/capabilities/serial/service';
import type { SerialSession } from '../../../src-shared/capabilities/serial/contract';
import type { WatchMatch } from '../../../src-shared/capabilities/serial/watchers';
import { UbootConsole } from '../../../src-main/capabilities/uboot/console';

const SUITE = 'serial service over socat ptys';
const socat = socatSupport();
const hasSocat = socat.ok;
if (!socat.ok) reportSkip(SUITE, socat.reason);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-serial-'));
const SETTINGS = { baud: 115200, dataBits: 8, parity: 'none', stopBits: 1, flow: 'none' } as const;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
async function until(pred: () => boolean, ms = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const pairs: ChildProcess[] = [];
async function ptyPair(name: string): Promise<PtyPair> {
  const pair = await makePair(dir, name);
  pairs.push(pair.proc);
  return pair;
}

function harness() {
  const data = new Map<string, Buffer[]>();
  const sessions: SerialSession[] = [];
  const matches: { id: string; m: WatchMatch }[] = [];
  const service = new SerialService(
    {
      data: (id, chunk) => data.set(id, [...(data.get(id) ?? []), chunk]),
      match: (id, _at, m) => matches.push({ id, m }),
      session: (s) => sessions.push(s),
    },
    { dataDir: dir, presencePollMs: 100 },
  );
  const text = (id: string): string => Buffer.concat(data.get(id) ?? []).toString('latin1');
  return { service, sessions, matches, text };
}

const services: SerialService[] = [];
const peers: SerialPort[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  for (const p of peers.splice(0)) if (p.isOpen) await new Promise((r) => p.close(() => r(undefined)));
  for (const p of pairs.splice(0)) p.kill();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!hasSocat)(SUITE, () => {
  it('two ports at once, both directions, watchers on each, a timestamped log per session', async () => {
    const h = harness();
    services.push(h.service);
    const a = await ptyPair('a');
    const b = await ptyPair('b');
    const sa = await h.service.open(a.ours, { ...SETTINGS }, 'linksys-mvebu');
    const sb = await h.service.open(b.ours, { ...SETTINGS }, 'tplink-ath');
    expect(sa.id).not.toBe(sb.id);
    expect(h.service.list().map((s) => s.state)).toEqual(['open', 'open']);
    const pa = await openPeer(a.peer);
    const pb = await openPeer(b.peer);
    peers.push(pa, pb);
    const fromA: Buffer[] = [];
    pa.on('data', (d: Buffer) => fromA.push(d));
    pa.write('U-Boot 2013.01 (Feb 04 2016)\r\nHit any key to stop autoboot:  3 ');
    pb.write('Autobooting in 1 seconds\r\n');
    await until(() => h.matches.length >= 3, 5000, 'watcher matches');
    expect(h.matches.filter((x) => x.id === sa.id).map((x) => x.m.kind)).toEqual(['uboot-banner', 'uboot-autoboot']);
    expect(h.matches.find((x) => x.id === sb.id)!.m).toMatchObject({ kind: 'uboot-autoboot', stopWith: 'tpl' });
    await h.service.write(sa.id, Buffer.from('printenv\r'));
    await until(() => Buffer.concat(fromA).toString() === 'printenv\r', 3000, 'peer to receive');
    pa.write('bootdelay=3\r\nMarvell>> ');
    await until(() => h.text(sa.id).endsWith('Marvell>> '), 3000, 'prompt');
    expect(h.service.get(sa.id)).toMatchObject({ bytesOut: 9, lastMatch: { kind: 'uboot-prompt', prompt: 'Marvell>> ' } });
    expect(h.service.backlog(sa.id).toString()).toContain('bootdelay=3');
    const log = fs.readFileSync(sa.logPath, 'utf8');
    expect(log).toMatch(/^## \[[\d-]+T[\d:.]+Z\] opened .*-ours at 115200 baud 8N1 flow none$/m);
    expect(log).toMatch(/^\[[\d-]+T[\d:.]+Z\] Hit any key to stop autoboot/m);
    expect(log).toMatch(/recognised uboot-autoboot/);
    await expect(h.service.open(a.ours, { ...SETTINGS })).rejects.toMatchObject({ code: 'SERIAL_ALREADY_OPEN' });
  });

  it('changes speed live and reads the actual speed back; DTR/RTS/break are refused plainly and the console keeps working', async () => {
    const h = harness();
    services.push(h.service);
    const a = await ptyPair('c');
    const s = await h.service.open(a.ours, { ...SETTINGS });
    expect(s.actual.baud).toBe(115200);
    expect(s.signals).toMatchObject({ supported: false, note: expect.stringContaining('no DTR, RTS or break'), noteMsg: { id: 'serial.note.noSignals' } }); // known at open
    const changed = await h.service.configure(s.id, 57600);
    expect(changed.requested.baud).toBe(57600);
    expect(changed.actual.baud).toBe(57600);
    expect(h.sessions.at(-1)!.requested.baud).toBe(57600);
    await expect(h.service.signals(s.id, { dtr: true })).rejects.toMatchObject({ code: 'SERIAL_SIGNALS_UNSUPPORTED', message: expect.stringContaining('does not support DTR, RTS or break') });
    await expect(h.service.signals(s.id, { breakMs: 50 })).rejects.toMatchObject({ code: 'SERIAL_SIGNALS_UNSUPPORTED' });
    expect(h.service.get(s.id).signals.supported).toBe(false);
    const peer = await openPeer(a.peer);
    peers.push(peer);
    peer.write('still here\r\n');
    await until(() => h.text(s.id).includes('still here'), 3000, 'data after the refused signals');
  });

  it('reports an unplugged adapter and reconnects with the same settings when it returns', async () => {
    const h = harness();
    services.push(h.service);
    const a = await ptyPair('d');
    const s = await h.service.open(a.ours, { ...SETTINGS, baud: 57600 });
    a.proc.kill();
    await until(() => h.service.get(s.id).state === 'unplugged', 5000, 'unplug');
    const un = h.sessions.find((x) => x.state === 'unplugged')!;
    // the platform's fault, made by fault(): its port is a value, so the screen and the CLI say it in their language
    expect(un.error).toMatchObject({ code: 'SERIAL_UNPLUGGED', fix: expect.stringContaining('reconnects by itself'), values: { port: a.ours } });
    await expect(h.service.write(s.id, Buffer.from('x'))).rejects.toMatchObject({ code: 'SERIAL_NOT_CONNECTED' });
    const again = await ptyPair('d'); // same names: the adapter is back
    await until(() => h.service.get(s.id).state === 'open', 5000, 'reconnect');
    expect(h.service.get(s.id)).toMatchObject({ reconnects: 1, requested: { baud: 57600 } });
    const peer = await openPeer(again.peer);
    peers.push(peer);
    peer.write('back again\r\n');
    await until(() => h.text(s.id).includes('back again'), 3000, 'data after reconnect');
    expect(fs.readFileSync(s.logPath, 'utf8')).toMatch(/unplugged[\s\S]*reconnected/);
  });

  it('autobaud finds the one speed at which the peer reads as text', async () => {
    const h = harness();
    services.push(h.service);
    const a = await ptyPair('e');
    const s = await h.service.open(a.ours, { ...SETTINGS });
    const peer = await openPeer(a.peer);
    peers.push(peer);
    // The peer plays a router at 57600: it looks at our side's speed (stty) and sends text only when it matches,
    // otherwise the framing garbage a UART produces at the wrong speed.
    let stop = false;
    const talker = (async () => {
      let i = 0;
      while (!stop) {
        let speed = '';
        try {
          speed = execFileSync('stty', ['-F', a.ours, 'speed'], { encoding: 'utf8' }).trim();
        } catch {
          speed = '';
        }
        // several lines per turn: under load `stty` is slow, so one turn may still send garbage from a stale reading just
        // after the switch; it must stay a small share of what the 57600 window hears
        peer.write(speed === '57600' ? [0, 1, 2, 3].map(() => `[   ${(i++ / 100).toFixed(6)}] Booting Linux on physical CPU 0x0\r\n`).join('') : Buffer.from([0xf8, 0x00, 0x80, 0xfe, 0x1c, 0xe0, 0x78, 0x86, 0xff, 0x00, 0x9e, 0xc0, 0x06, 0xf0, 0x00, 0xe6]));
        await sleep(25);
      }
    })();
    const r = await h.service.autobaud(s.id, [115200, 57600, 38400], 600);
    stop = true;
    await talker;
    expect(r.baud).toBe(57600);
    expect(r.messageMsg).toEqual({ id: 'serial.findSpeed.found', values: { baud: '57600' } });
    expect(r.tried.map((t) => t.baud)).toEqual([115200, 57600]);
    expect(r.tried[0]!.score).toBeLessThan(0.5);
    expect(r.tried[1]!.score).toBeGreaterThan(0.95);
    expect(r.session.requested.baud).toBe(57600);
  });

  it('the U-Boot console never sends an empty line or a flash/env write without confirmation', async () => {
    const h = harness();
    services.push(h.service);
    const a = await ptyPair('f');
    const s = await h.service.open(a.ours, { ...SETTINGS });
    const peer = await openPeer(a.peer);
    peers.push(peer);
    const got: Buffer[] = [];
    peer.on('data', (d: Buffer) => {
      got.push(d);
      const text = d.toString();
      if (text === 'printenv\r') peer.write('printenv\r\nbootdelay=3\r\nloadaddr=0x80800000\r\n\r\nEnvironment size: 30/65532 bytes\r\n=> ');
    });
    const con = new UbootConsole(h.service, s.id);
    try {
      await expect(con.command('saveenv')).rejects.toMatchObject({ code: 'UBOOT_NEEDS_CONFIRMATION' });
      await expect(con.command('setenv ipaddr 192.168.1.1; saveenv')).rejects.toMatchObject({ code: 'UBOOT_NEEDS_CONFIRMATION' });
      await expect(con.command('  ')).rejects.toThrow(/empty line/);
      await expect(con.command('printenv\rsaveenv')).rejects.toThrow(/one command/);
      await sleep(100);
      expect(Buffer.concat(got).length).toBe(0); // nothing reached the router
      const out = await con.command('printenv', 3000);
      expect(out).toBe('bootdelay=3\r\nloadaddr=0x80800000\r\n\r\nEnvironment size: 30/65532 bytes\r\n');
      expect(con.prompt).toBe('=> ');
    } finally {
      con.detach();
    }
  });

  it('says plainly when a port does not exist, and lists ports without throwing', async () => {
    const h = harness();
    services.push(h.service);
    await expect(h.service.open(path.join(dir, 'no-such-port'), { ...SETTINGS })).rejects.toMatchObject({ code: 'SERIAL_NOT_FOUND', fix: expect.stringContaining('Plug the adapter in') });
    const list = await h.service.listPorts();
    expect(Array.isArray(list.ports)).toBe(true);
    for (const p of list.ports) expect(p.label).toContain(p.path);
  });
});
