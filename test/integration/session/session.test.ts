/**
 * Device sessions against real peers: dropbear (dropbear-bin) and busybox telnetd (busybox-static) in a
 * stand-in router namespace. The session module runs inside the station namespace through a probe script,
 * because the test process's own (root) namespace must never reach 192.168.x.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';

const support = netnsSupport();
if (!support.ok) reportSkip('session (real dropbear/telnetd)', support.reason);

const PROBE = path.join(__dirname, '../helpers/session-probe.ts');
const PARTS = [
  { name: 'u-boot', size: 0x40000, readOnly: true },
  { name: 'u-boot-env', size: 0x10000 },
  { name: 'art', size: 0x10000 },
  { name: 'firmware', size: 0x300000 },
];

function probe(lan: RescueLan, scenario: string, knownHosts = '', extra: string[] = []): Promise<Record<string, any>> {
  const [cmd, args] = nodeTsArgs(PROBE, [scenario, '192.168.1.1', knownHosts, ...extra]);
  return new Promise((resolve, reject) => {
    execFile('ip', ['netns', 'exec', lan.station.name, cmd, ...args], { timeout: 60_000, maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        const parsed = JSON.parse(line);
        if (parsed.fatal) reject(new Error(`${scenario}: ${JSON.stringify(parsed.fatal)}\n${stderr}`));
        else resolve(parsed);
      } catch {
        reject(new Error(`${scenario}: ${err?.message ?? ''}\n${stdout}\n${stderr}`));
      }
    });
  });
}

describe.skipIf(!support.ok)('session over SSH (real dropbear) and telnet (real busybox telnetd)', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  let tmp: string;
  beforeAll(async () => {
    lan = createRescueLan('sess');
    router = await startStandinRouter(lan, { partitions: PARTS, telnet: 'shell' });
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-sess-'));
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function checkExercise(r: Record<string, any>): void {
    expect(r.procMtd.code).toBe(0);
    expect(r.procMtd.text).toContain('mtd3: 00300000 00010000 "firmware"');
    expect(r.failing.code).toBe(3);
    expect(r.text).toBe('x\ty\r\nz'); // byte-exact text, no \r\n rewriting
    expect(r.pull).toEqual({ sha256: router.sha256(3), bytes: 0x300000, code: 0 });
    expect(r.push.code).toBe(0);
    expect(r.push.router).toBe(r.push.sent);
    expect(r.timeout).toBe('COMMAND_TIMEOUT');
    expect(r.afterTimeout).toBe('alive\n');
    // streamed output: "one" arrived in a chunk of its own, a second before "two" was printed
    expect(r.streamed.code).toBe(0);
    expect(r.streamed.chunks[0]).toMatch(/^(stdout|stderr):(one|warn)\n/);
    expect(r.streamed.chunks[0]).not.toMatch(/two/);
    expect(r.streamed.chunks.join('')).toMatch(/two\n$/);
  }

  it('SSH: exit codes, stderr, binary pull/push, timeouts; first key remembered, then known', async () => {
    const kh = path.join(tmp, 'known-hosts.json');
    const r = await probe(lan, 'ssh', kh);
    expect(r.method).toBe('ssh');
    expect(r.banner).toMatch(/dropbear/);
    checkExercise(r);
    expect(r.failing).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
    expect(r.streamed.chunks).toContain('stderr:warn\n');
    expect(r.streamed.stdout).toBe('one\ntwo\n');
    expect(r.hostKey.status).toBe('new');
    expect(r.hostKey.algorithm).toBe('ssh-ed25519');
    expect(r.secondStatus).toBe('known');
    // remembered under the router's MAC (read from this computer's neighbour table), not under 192.168.1.1:22
    const stored = JSON.parse(fs.readFileSync(kh, 'utf8')) as Record<string, { fingerprint: string; host?: string; mac?: string }>;
    const ids = Object.keys(stored);
    expect(ids).toHaveLength(1);
    expect(ids[0]).toMatch(/^([0-9a-f]{2}:){5}[0-9a-f]{2}\/22$/);
    expect(stored[ids[0]!]).toMatchObject({ fingerprint: r.hostKey.fingerprint, host: '192.168.1.1' });
  });

  it('a changed host key is refused with a three-part error; session-only accepts without storing; forgetting is explicit', async () => {
    const kh = path.join(tmp, 'rekey.json');
    await probe(lan, 'ssh', kh);
    const before = fs.readFileSync(kh, 'utf8');
    await router.regenerateHostKey();
    const r = await probe(lan, 'ssh-after-rekey', kh);
    expect(r.remembered.code).toBe('HOST_KEY_CHANGED');
    expect(r.remembered.meaning).toMatch(/did not log in/);
    expect(r.remembered.fix).toMatch(/Forget the old key/);
    expect(r.sessionOnly.status).toBe('session-only');
    expect(r.sessionOnly.notes.join(' ')).toMatch(/this session only/);
    expect(r.forgot).toBe(true);
    expect(r.afterForget).toBe('new');
    expect(fs.readFileSync(kh, 'utf8')).not.toBe(before);
  });

  it('telnet: negotiation, prompt detection, exit-code markers, nc side channel for binary data', async () => {
    const r = await probe(lan, 'telnet');
    expect(r.method).toBe('telnet');
    expect(r.banner).toMatch(/BusyBox/);
    checkExercise(r);
    expect(r.failing.stdout).toBe('out\nerr\n'); // a terminal merges stderr
    // whole lines as they came ("one" and "warn" may share a chunk), stderr merged by the terminal
    expect(r.streamed.chunks.every((c: string) => /^stdout:[^]*\n$/.test(c))).toBe(true);
    expect(r.streamed.chunks.at(-1)).toBe('stdout:two\n');
    expect(r.streamed.stdout).toBe('one\nwarn\ntwo\n');
  });
});

describe.skipIf(!support.ok)('session: telnet-only router, logins and refusals', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  beforeAll(async () => {
    lan = createRescueLan('sesst');
    router = await startStandinRouter(lan, { partitions: PARTS, ssh: false, telnet: 'shell' });
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
  });

  it("'auto' falls back to telnet when nothing listens on SSH, and says so", async () => {
    const r = await probe(lan, 'auto');
    expect(r.method).toBe('telnet');
    expect(r.notes.join(' ')).toMatch(/SSH did not answer/);
    checkPull(r);
  });

  it('SSH to a telnet-only router is refused with a plain reason', async () => {
    const r = await probe(lan, 'refused');
    expect(r.refused.code).toBe('CONNECT_REFUSED');
    expect(r.refused.fix).toMatch(/telnet/);
  });

  function checkPull(r: Record<string, any>): void {
    expect(r.pull).toEqual({ sha256: router.sha256(3), bytes: 0x300000, code: 0 });
  }
});

describe.skipIf(!support.ok)('session: password logins (SSH and telnet login prompt)', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  beforeAll(async () => {
    lan = createRescueLan('sessp');
    router = await startStandinRouter(lan, { partitions: PARTS, telnet: 'login', rootPassword: 'rescue' });
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
  });

  it('telnet login/password prompts: wrong password refused, right one gives a shell', async () => {
    const r = await probe(lan, 'telnet-login');
    expect(r.wrong).toBe('AUTH_FAILED');
    expect(r.login).toEqual({ code: 0, stdout: '0\n' });
  });

  it('SSH password: wrong refused with AUTH_FAILED, right accepted', async () => {
    const r = await probe(lan, 'ssh-password');
    expect(r.wrong).toBe('AUTH_FAILED');
    expect(r.rescue).toBe('ACCEPTED');
  });
});

describe.skipIf(!support.ok)('session: secrets stay out of errors; text the router shell cannot take is refused (issue 12)', () => {
  let lan: RescueLan;
  let router: StandinRouter;
  beforeAll(async () => {
    lan = createRescueLan('sesss');
    router = await startStandinRouter(lan, { partitions: PARTS, telnet: 'login', rootPassword: 'rescue' });
  });
  afterAll(() => {
    router?.stop();
    lan?.destroy();
  });

  it('a timed-out command that carries a secret: the error names the programs only, over SSH and telnet', async () => {
    const r = await probe(lan, 'secrets');
    for (const m of ['ssh', 'telnet']) {
      const f = r[`${m}Timeout`];
      expect(f.code, m).toBe('COMMAND_TIMEOUT');
      expect(JSON.stringify(f), m).not.toContain('T0p-S3cret');
      expect(f.details, m).toMatch(/printf, sleep/);
    }
  });

  it('telnet refuses control characters in commands and line breaks in the user name or password, before sending them', async () => {
    const r = await probe(lan, 'secrets');
    expect(r.controlChar.code).toBe('TEXT_NOT_SENDABLE');
    expect(r.afterRefusal).toBe('alive\n');
    expect(r.userBreak.code).toBe('TEXT_NOT_SENDABLE');
    expect(r.userBreak.message).toMatch(/user name/);
    expect(r.passwordBreak.code).toBe('TEXT_NOT_SENDABLE');
    expect(r.passwordBreak.message).toMatch(/password/);
    expect(JSON.stringify([r.userBreak, r.passwordBreak])).not.toMatch(/INJECTED|reboot/);
  });

  it('a password with letters outside Latin-1, set through telnet with busybox passwd, works over SSH and telnet afterwards', async () => {
    const pw = 'Grüße-ħ€-密码';
    const r = await probe(lan, 'utf8-password', '', ['rescue', pw]);
    expect(r.passwd.code, r.passwd.stdout).toBe(0);
    expect(['5', '6']).toContain(r.hashType); // sha256/sha512 crypt: every byte of the password counts
    expect(r.ssh).toBe('0\n');
    expect(r.telnet).toBe('0\n');
  });
});
