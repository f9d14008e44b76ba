/**
 * Host paths through the contract (issue 12 item 3), every call through `dispatch` as a transport makes it.
 * TFTP folders: on every host, no folder that holds the home folder, no hidden folder (the app's own data folder
 * excepted), no system folder. Bench server: every host path stays inside the data folder or a folder allowed
 * at start-up (--allow-folder); serial ports are port names, not files. The desktop app and the CLI keep any
 * file the person at the computer chooses.
 *
 * The home folder is a fake one ($HOME points into a temporary folder), so "a parent of home" and "~/.ssh" are
 * real folders this test owns. Files are planted in <data>/images, not <data>/uploads (the firmware service tidies that).
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../src-main/core/services';
import { createHandlers } from '../../../src-main/core/handlers';
import { dispatch } from '../../../src-main/core/dispatch';
import type { RbErrorShape } from '../../../src-shared/errors';

const base = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rb-hostpaths-')));
const savedHome = process.env.HOME;
const home = path.join(base, 'home', 'ann');
const ssh = path.join(home, '.ssh');
const data = path.join(base, 'data');
const allowed = path.join(base, 'allowed');
const outside = path.join(base, 'outside');
const cliData = path.join(home, '.local', 'share', 'rescue-bench');

let bench: Services;
let cli: Services;
let desk: Services;
let closedPort: number;

type Result = { ok: true; value: any } | { ok: false; error: RbErrorShape };
async function call(s: Services, name: string, payload: unknown): Promise<Result> {
  return (await dispatch(createHandlers(s), name, payload, { transport: 'test' })) as Result;
}
function refused(r: Result): RbErrorShape {
  expect(r.ok, JSON.stringify(r)).toBe(false);
  if (r.ok) throw new Error('unreachable');
  for (const part of ['message', 'meaning', 'fix'] as const) expect(r.error[part], part).toEqual(expect.any(String));
  return r.error;
}
/** Not refused by the path rules (it may still fail later for its own reasons: no router, not a key...). */
function passedPathRules(r: Result): void {
  if (!r.ok) expect(r.error.code).not.toMatch(/NOT_ALLOWED|FOLDER_(TOO_WIDE|PRIVATE|SYSTEM)/);
}

beforeAll(async () => {
  process.env.HOME = home;
  for (const d of [ssh, path.join(home, 'firmware'), path.join(data, 'images'), path.join(data, 'tftp'), path.join(data, 'backups', 'old'), allowed, path.join(allowed, 'tftp'), outside, path.join(outside, 'backup'), path.join(cliData, 'tftp'), path.join(home, '.local', 'share', 'other')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(path.join(ssh, 'authorized_keys'), 'ssh-ed25519 AAAA-the-owners-key\n');
  for (const d of [path.join(data, 'images'), allowed, outside]) {
    fs.writeFileSync(path.join(d, 'fw.bin'), Buffer.alloc(4096, 0x5a));
    fs.writeFileSync(path.join(d, 'key'), 'this is not an SSH key\n');
  }
  fs.writeFileSync(path.join(outside, 'ttyFAKE0'), 'a plain file posing as a port\n');
  fs.symlinkSync(path.join(outside, 'fw.bin'), path.join(data, 'escape.bin')); // a link inside the data folder leading out
  fs.symlinkSync(outside, path.join(data, 'outdir'));
  fs.symlinkSync('/etc/passwd', path.join(data, 'ttyLINK0'));
  fs.symlinkSync('/dev/null', path.join(allowed, 'console')); // a character device, linked from an allowed folder
  bench = createServices({ host: 'bench-server', dataDir: data, allowedFolders: [allowed] });
  cli = createServices({ host: 'cli', dataDir: cliData });
  desk = createServices({ host: 'electron', dataDir: path.join(base, 'desk-data') });
  closedPort = await new Promise<number>((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(p));
    });
  });
});
afterAll(async () => {
  await bench?.dispose();
  await cli?.dispose();
  await desk?.dispose();
  if (savedHome === undefined) delete process.env.HOME;
  else process.env.HOME = savedHome;
  fs.rmSync(base, { recursive: true, force: true });
});

const tftp = (root: string, extra: Record<string, unknown> = {}) => ({ root, bind: '127.0.0.1', port: 0, ...extra });

describe('tftp.server.start: folders no host may serve', () => {
  for (const host of ['bench-server', 'cli'] as const) {
    const s = () => (host === 'cli' ? cli : bench);
    it(`${host}: a parent of the home folder is refused`, async () => {
      const e = refused(await call(s(), 'tftp.server.start', tftp(path.dirname(home))));
      expect(e.message).toContain(path.dirname(home));
      expect(s().tftp.state.state).not.toBe('listening');
    });
    it(`${host}: ~/.ssh as the upload folder (with overwrite) is refused; authorized_keys is untouched`, async () => {
      const root = host === 'cli' ? path.join(home, 'firmware') : path.join(data, 'tftp');
      const e = refused(await call(s(), 'tftp.server.start', tftp(root, { allowWrite: ssh, overwrite: true })));
      expect(e.message).toContain(ssh);
      expect(s().tftp.state.state).not.toBe('listening');
      expect(fs.readFileSync(path.join(ssh, 'authorized_keys'), 'utf8')).toBe('ssh-ed25519 AAAA-the-owners-key\n');
    });
  }

  it('cli: hidden folders, the data folder itself and system folders are refused, with the folder and the reason', async () => {
    const hidden = refused(await call(cli, 'tftp.server.start', tftp(ssh)));
    expect(hidden.code).toBe('TFTP_FOLDER_PRIVATE');
    expect(hidden.meaning).toMatch(/dot/);
    const other = refused(await call(cli, 'tftp.server.start', tftp(path.join(home, '.local', 'share', 'other'))));
    expect(other.message).toContain(path.join(home, '.local'));
    const own = refused(await call(cli, 'tftp.server.start', tftp(cliData)));
    expect(own.code).toBe('TFTP_FOLDER_TOO_WIDE');
    const sys = refused(await call(cli, 'tftp.server.start', tftp('/etc')));
    expect(sys.code).toBe('TFTP_FOLDER_SYSTEM');
    expect(sys.fix).toMatch(/firmware/);
  });

  it('cli: a folder inside the data folder is served even though the data folder lies in ~/.local; an ordinary folder too', async () => {
    for (const root of [path.join(cliData, 'tftp'), path.join(home, 'firmware')]) {
      const r = await call(cli, 'tftp.server.start', tftp(root, { allowWrite: root }));
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { state: 'listening', root } });
      await call(cli, 'tftp.server.stop', {});
    }
  });
});

describe('bench server: host paths stay in the data folder or an allowed folder', () => {
  it('tftp.server.start: inside the data folder or an allowed folder yes; elsewhere, or through a link leading out, no', async () => {
    for (const root of [path.join(data, 'tftp'), path.join(allowed, 'tftp')]) {
      const r = await call(bench, 'tftp.server.start', tftp(root));
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { state: 'listening' } });
      await call(bench, 'tftp.server.stop', {});
    }
    for (const root of [outside, path.join(data, 'outdir'), path.join(home, 'firmware')]) {
      const e = refused(await call(bench, 'tftp.server.start', tftp(root)));
      expect(e.code).toBe('HOST_PATH_NOT_ALLOWED');
      expect(e.fix).toContain(data);
      expect(e.fix).toMatch(/--allow-folder/);
    }
    const up = refused(await call(bench, 'tftp.server.start', tftp(path.join(data, 'tftp'), { allowWrite: outside })));
    expect(up.code).toBe('HOST_PATH_NOT_ALLOWED');
  });

  it('firmware.inspect', async () => {
    const e = refused(await call(bench, 'firmware.inspect', { path: path.join(outside, 'fw.bin') }));
    expect(e).toMatchObject({ code: 'HOST_PATH_NOT_ALLOWED', message: expect.stringContaining(path.join(outside, 'fw.bin')) });
    const link = refused(await call(bench, 'firmware.inspect', { path: path.join(data, 'escape.bin') }));
    expect(link.code).toBe('HOST_PATH_NOT_ALLOWED');
    expect(refused(await call(bench, 'firmware.inspect', { path: '/etc/passwd' })).code).toBe('HOST_PATH_NOT_ALLOWED');
    for (const p of [path.join(data, 'images', 'fw.bin'), path.join(allowed, 'fw.bin')]) {
      const r = await call(bench, 'firmware.inspect', { path: p });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true, value: { fileName: 'fw.bin' } });
    }
  });

  it('flash.backup.start outDir: refused outside (nothing created); inside the data folder and an allowed folder it starts', async () => {
    const target = { host: '127.0.0.1', port: closedPort, method: 'ssh' };
    const out = path.join(outside, 'new-backup');
    const e = refused(await call(bench, 'flash.backup.start', { target, outDir: out }));
    expect(e.code).toBe('HOST_PATH_NOT_ALLOWED');
    expect(fs.existsSync(out)).toBe(false);
    expect(refused(await call(bench, 'flash.backup.start', { target, outDir: path.join(data, 'outdir', 'x') })).code).toBe('HOST_PATH_NOT_ALLOWED');
    expect(fs.existsSync(path.join(outside, 'x'))).toBe(false);
    for (const dir of [path.join(data, 'backups', 'new'), path.join(allowed, 'backup')]) {
      const r = await call(bench, 'flash.backup.start', { target, outDir: dir });
      expect(r, JSON.stringify(r)).toMatchObject({ ok: true });
      const id = (r as { value: { backupId: string } }).value.backupId;
      // no router listens there: the backup ends by itself
      await expect.poll(async () => ((await call(bench, 'flash.backup.status', {})) as any).value?.last?.backupId, { timeout: 15_000 }).toBe(id);
    }
  });

  it('flash.restore.plan from', async () => {
    const target = { host: '127.0.0.1', port: closedPort, method: 'ssh' };
    const e = refused(await call(bench, 'flash.restore.plan', { target, from: path.join(outside, 'backup'), partitions: ['firmware'] }));
    expect(e.code).toBe('HOST_PATH_NOT_ALLOWED');
    passedPathRules(await call(bench, 'flash.restore.plan', { target, from: path.join(data, 'backups', 'old'), partitions: ['firmware'] }));
  });

  it('keyFile (device.inspect, backup, restore)', async () => {
    const target = (keyFile: string) => ({ host: '127.0.0.1', port: closedPort, method: 'ssh', keyFile });
    for (const [cmd, extra] of [
      ['device.inspect', {}],
      ['flash.backup.start', {}],
      ['flash.restore.plan', { from: path.join(data, 'backups', 'old'), partitions: ['firmware'] }],
    ] as const) {
      const e = refused(await call(bench, cmd, { target: target(path.join(outside, 'key')), ...extra }));
      expect(e.code, cmd).toBe('HOST_PATH_NOT_ALLOWED');
      expect(e.fix).toMatch(/--allow-folder/);
    }
    // inside: the file is read (and found not to be a key)
    for (const k of [path.join(data, 'images', 'key'), path.join(allowed, 'key')]) {
      const r = await call(bench, 'device.inspect', { target: target(k) });
      expect(r.ok).toBe(false);
      expect((r as { error: RbErrorShape }).error.code).toBe('KEY_FILE_UNUSABLE');
    }
  });

  it('uboot.run file', async () => {
    const e = refused(await call(bench, 'uboot.run', { sessionId: 'none', file: path.join(outside, 'fw.bin') }));
    expect(e.code).toBe('HOST_PATH_NOT_ALLOWED');
    passedPathRules(await call(bench, 'uboot.run', { sessionId: 'none', file: path.join(data, 'images', 'fw.bin') }));
  });

  it('serial.open and the playbook serial port: port names yes, other files no', async () => {
    for (const p of ['/etc/passwd', path.join(outside, 'ttyFAKE0'), path.join(data, 'ttyLINK0'), '/dev/tty', '/dev/tty1']) {
      const e = refused(await call(bench, 'serial.open', { path: p }));
      expect(e.code, p).toBe('SERIAL_PATH_NOT_ALLOWED');
    }
    const pb = refused(await call(bench, 'playbook.start', { playbookId: 'failsafe', options: { serialPath: '/etc/passwd', bind: '127.0.0.1', port: closedPort } }));
    expect(pb.code).toBe('SERIAL_PATH_NOT_ALLOWED');
    // an adapter's name passes the rule (the adapter is not plugged in here: the serial service says so)
    const usb = await call(bench, 'serial.open', { path: '/dev/ttyUSB97' });
    expect(usb).toMatchObject({ ok: false, error: { code: 'SERIAL_NOT_FOUND' } });
    // a link in an allowed folder to a character device passes the rule
    const linked = await call(bench, 'serial.open', { path: path.join(allowed, 'console') });
    passedPathRules(linked);
    if (linked.ok) await call(bench, 'serial.close', { id: linked.value.id });
  });
});

describe('desktop app and CLI: the person at the computer chooses any file', () => {
  it('electron: firmware.inspect and serial.open outside the data folder are not refused by the path rules', async () => {
    const r = await call(desk, 'firmware.inspect', { path: path.join(outside, 'fw.bin') });
    expect(r).toMatchObject({ ok: true });
    passedPathRules(await call(desk, 'serial.open', { path: path.join(outside, 'ttyFAKE0') }));
  });
});

describe('--allow-folder is checked when the services are made', () => {
  it('refuses a folder that holds the home folder, a hidden folder, a system folder, or one that does not exist', () => {
    for (const bad of [path.dirname(home), home, ssh, '/etc', path.join(base, 'missing')]) {
      expect(() => createServices({ host: 'bench-server', dataDir: data, allowedFolders: [bad] }), bad).toThrow(expect.objectContaining({ code: expect.stringMatching(/^ALLOW_FOLDER_/), fix: expect.any(String) }));
    }
  });
});
