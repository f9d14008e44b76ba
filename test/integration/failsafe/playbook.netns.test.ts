/**
 * The whole failsafe playbook with real peers: a preinit stand-in in the "router" namespace sends the exact
 * netmsg datagrams; the test "presses the button"; the router then offers a real dropbear (root, no password)
 * or a real busybox telnetd with stand-in failsafe tools. Our CLI (`failsafe rescue`) runs the same runner,
 * journal and steps as the app, inside the "station" namespace. Namespaces are deleted afterwards.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRescueLan, netnsSupport, nodeTsArgs, reportSkip, type RescueLan } from '../../../test-support/netns';
import { CliLines } from '../../../test-support/cli-lines';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { startFailsafeRouter, type FailsafeRouter } from '../../../test-support/failsafe-router';
import { parseJournal, replayJournal } from '../../../src-shared/capabilities/playbook/journal';
import { loadCatalog, translator, type Translate } from '../../../src-shared/i18n';
import { expectAllSaid } from '../../../test-support/said';

const support = netnsSupport();
if (!support.ok) reportSkip('failsafe playbook (network namespaces)', support.reason);

/** The run's timeline as the CLI prints it (playbook.run, the whole snapshot on every change). */
const stepIs = (id: string, state: string) => (s: RunSnapshot): boolean => s.steps.some((st) => st.id === id && st.state === state);
const hasEvidence = (prefix: string) => (s: RunSnapshot): boolean => s.steps.some((st) => st.evidence.some((e) => e.text.startsWith(prefix)));
const stepOf = (s: RunSnapshot, id: string) => s.steps.find((st) => st.id === id)!;
/**
 * Every piece of evidence any snapshot showed, once each, in order; each line and each note of ours checked to be
 * said from its id (allSaidInGerman).
 */
const evidence = (out: CliLines): string => {
  allSaidInGerman(out);
  return [...new Set(out.of('playbook.run').flatMap((s) => s.steps.flatMap((st) => st.evidence.map((e) => e.text))))].join('\n');
};
/**
 * Every evidence line and every note of ours, said in German from its id (decision 0188): the lines and notes
 * that quote the router's words, a fault's words or a fix's label too.
 */
let de: Translate;
beforeAll(async () => {
  de = translator('de', await loadCatalog('de'));
});
function allSaidInGerman(out: CliLines): string {
  const seen = new Map<string, NonNullable<RunSnapshot['steps'][number]['evidence'][number]>>();
  for (const s of out.of('playbook.run')) for (const st of s.steps) for (const e of st.evidence) seen.set(`${e.at} ${e.text}`, e);
  const notes = out.of('playbook.transcript').filter((l) => l.dir === 'note');
  return [...expectAllSaid([...seen.values()], de), ...expectAllSaid(notes, de)].join('\n');
}
/** The end of the run: the cli.result line's run and journal (a failed run carries them too). */
async function endOf(out: CliLines, ms: number): Promise<{ state: string | undefined; journal: string | undefined; ok: boolean }> {
  const r = await out.result<'failsafe rescue'>(ms);
  return { state: r.value?.run.state, journal: r.value?.journal, ok: r.ok };
}

describe.skipIf(!support.ok)('failsafe playbook on a virtual rescue LAN', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-fsplay-'));
  const cleanups: (() => void)[] = [];
  afterEach(() => {
    for (const c of cleanups.splice(0).reverse()) {
      try {
        c();
      } catch {
        /* best effort */
      }
    }
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  function lanFor(tag: string): RescueLan {
    const lan = createRescueLan(tag);
    cleanups.push(() => lan.destroy());
    return lan;
  }

  function rescue(lan: RescueLan, extra: string[], env: Record<string, string> = {}): { child: ChildProcess; out: CliLines; exit: Promise<number | null>; dataDir: string } {
    const dataDir = fs.mkdtempSync(path.join(tmp, 'data-'));
    const [cmd, args] = nodeTsArgs('src-main/cli/main.ts', ['failsafe', 'rescue', '--json', ...extra]);
    const child = lan.station.spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, RESCUE_BENCH_DATA_DIR: dataDir, ...env } });
    cleanups.push(() => child.kill('SIGKILL'));
    const out = new CliLines(child);
    const exit = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
    return { child, out, exit, dataDir };
  }

  async function router(lan: RescueLan, opts: Parameters<typeof startFailsafeRouter>[1]): Promise<FailsafeRouter> {
    const r = await startFailsafeRouter(lan, opts);
    cleanups.push(() => r.stop());
    return r;
  }

  /** Router and rescue run started, the router booted, the cue shown, the button "pressed". */
  async function pressedRescue(tag: string, opts: Parameters<typeof startFailsafeRouter>[1], args: string[]) {
    const lan = lanFor(tag);
    const r = await router(lan, opts);
    const run = rescue(lan, args);
    await run.out.waitFor('playbook.run', hasEvidence('Listening'), 30_000, 'the monitor');
    await r.boot();
    await run.out.waitFor('playbook.run', stepIs('press', 'active'), 10_000, 'the cue');
    r.press();
    return { r, run };
  }

  it('success over SSH: prompt heard, button pressed, login, LAN address, new password, network reset; all journaled', async () => {
    const lan = lanFor('fsok');
    const r = await router(lan, { lanIp: '192.168.7.1' });
    const run = rescue(lan, ['--do', 'lan-ip', '--do', 'password', '--do', 'reset-network', '--yes', '--login-probe', '30'], { RB_NEW_PASSWORD: "n3w 'pass'" });
    await run.out.waitFor('playbook.run', stepIs('watch', 'active'), 30_000, 'the watch step');
    await run.out.waitFor('playbook.run', hasEvidence('Listening'), 10_000, 'the monitor');
    await r.boot();
    await run.out.waitFor('playbook.run', stepIs('press', 'active'), 10_000, 'the cue');
    r.press();
    expect(await r.outcome()).toBe('failsafe');
    const end = await endOf(run.out, 90_000);
    expect(end.state).toBe('done');
    expect(end.ok).toBe(true);
    // each question was answered from the command line, as a cli.answer line, never with the password in it
    expect(run.out.of('cli.answer').map((a) => a.choice)).toEqual(expect.arrayContaining(['lan-ip', 'password', 'reset-network']));
    expect(JSON.stringify(run.out.lines)).not.toContain('n3w');
    expect(await run.exit).toBe(0);
    const ev = evidence(run.out);
    expect(ev).toMatch(/Broadcast received from 192\.168\.1\.1 at \d\d:\d\d:\d\d\.\d{3}: "Please press button now to enter failsafe"/);
    expect(ev).toMatch(/rescue login answered on 192\.168\.1\.1 port 22/);
    expect(ev).toMatch(/Logged in over SSH/);
    expect(ev).toMatch(/accepted for this session only, not stored/);
    expect(ev).toContain("The router's normal address (LAN) is 192.168.7.1.");
    expect(ev).toMatch(/New administrator password set/);
    const german = allSaidInGerman(run.out);
    expect(german).toMatch(/Rundruf von 192\.168\.1\.1 um \d\d:\d\d:\d\d\.\d{3} empfangen: „Please press button now to enter failsafe“/);
    expect(german).toMatch(/nur für diese Sitzung angenommen, nicht gespeichert/);
    expect(german).toMatch(/Verbindung zu 192\.168\.1\.1 \(SSH-Port 22, dann telnet\) als root ohne Passwort/);
    const calls = r.calls();
    expect(calls).toContain('mount_root ');
    expect(calls).toContain('uci get network.lan.ipaddr');
    expect(calls).toContain("passwd root [n3w 'pass']");
    expect(r.file('etc/config/network.bak')).toContain("192.168.7.1");
    expect(r.file('etc/config/network')).toContain("192.168.1.1");
    // the transcript shows the FAILSAFE banner and never the password
    const transcript = run.out.of('playbook.transcript').map((l) => l.text).join('\n');
    expect(transcript).toContain('FAILSAFE MODE active');
    expect(transcript).not.toContain('n3w');
    // the journal replays to the same finished timeline, and holds no password
    const journalText = fs.readFileSync(end.journal!, 'utf8');
    expect(journalText).not.toContain('n3w');
    const snap = replayJournal(parseJournal(journalText))!;
    expect(snap.state).toBe('done');
    expect(snap.steps.map((s) => s.state)).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done']);
    // no known-hosts file was written: the failsafe key is for this session only
    expect(fs.readdirSync(run.dataDir).filter((f) => /known/i.test(f))).toEqual([]);
  });

  it('missed window: no press, no rescue login → a missed attempt with specific advice', async () => {
    const lan = lanFor('fsmiss');
    const r = await router(lan, {});
    const run = rescue(lan, ['--login-probe', '3']);
    await run.out.waitFor('playbook.run', hasEvidence('Listening'), 30_000, 'the monitor');
    await r.boot();
    expect(await r.outcome()).toBe('regular');
    const failed = stepOf(await run.out.waitFor('playbook.run', stepIs('outcome', 'failed'), 30_000, 'the missed attempt'), 'outcome');
    const err = failed.error!;
    expect(err.code).toBe('MISSED_WINDOW');
    expect(err.fix).toMatch(/keep pressing/);
    expect(err.fix).toMatch(/Linksys/);
    expect(await run.exit).toBe(1);
    // the result says the same, in three parts
    expect(await run.out.result()).toMatchObject({ command: 'failsafe rescue', ok: false, error: { code: 'MISSED_WINDOW', fix: expect.stringMatching(/keep pressing/) } });
  });

  it('missed window announced by the router ("Continuing with Regular Preinit")', async () => {
    const lan = lanFor('fsreg');
    const r = await router(lan, { showNetmsg: true });
    const run = rescue(lan, ['--login-probe', '20']);
    await run.out.waitFor('playbook.run', hasEvidence('Listening'), 30_000, 'the monitor');
    await r.boot();
    const failed = stepOf(await run.out.waitFor('playbook.run', stepIs('outcome', 'failed'), 30_000, 'the missed attempt'), 'outcome');
    expect(failed.error!.message).toMatch(/continuing its normal start/);
    expect(evidence(run.out)).toMatch(/"Continuing with Regular Preinit"/);
  });

  it('telnet-only router (old releases): connects over telnet 23 and reads the LAN address', async () => {
    const { r, run } = await pressedRescue('fstel', { login: 'telnet', showNetmsg: true, lanIp: '10.1.2.3' }, ['--do', 'lan-ip', '--login-probe', '30']);
    const end = await endOf(run.out, 90_000);
    expect(end.state, JSON.stringify(run.out.of('playbook.run').at(-1), null, 1)).toBe('done');
    const ev = evidence(run.out);
    expect(ev).toMatch(/"Entering Failsafe!"/);
    expect(ev).toMatch(/Logged in over telnet to 192\.168\.1\.1 port 23/);
    expect(ev).toContain('is 10.1.2.3.');
  });

  it('factory reset when firstboot hangs (the known bug): timeout, then the overlay files are deleted; then reboot', async () => {
    const { r, run } = await pressedRescue('fsfac', { firstbootHangs: true, showNetmsg: true }, ['--do', 'factory-reset', '--do', 'reboot', '--yes', '--firstboot-timeout', '2', '--login-probe', '30']);
    const end = await endOf(run.out, 90_000);
    expect(end.state).toBe('done');
    const ev = evidence(run.out);
    expect(ev).toMatch(/Saved settings erased by deleting the overlay files \(firstboot hung or failed\)/);
    expect(ev).toMatch(/Restart requested/);
    expect(r.calls()).toEqual(expect.arrayContaining(['mount_root ', 'firstboot -y', 'reboot ']));
    expect(r.file('overlay/upper/etc/config/network')).toBeUndefined();
    expect(run.out.of('playbook.transcript').some((l) => /firstboot did not finish/.test(l.text))).toBe(true);
    // the note quotes the timeout fault's own words, said in German from its entry too
    expect(allSaidInGerman(run.out)).toMatch(/firstboot wurde nicht fertig: .* \(ein bekanntes Problem\)\. Stattdessen werden/);
  });

  it('erase the settings partition (mtd -r erase rootfs_data): the router restarts by itself; the run ends', async () => {
    const { r, run } = await pressedRescue('fsmtd', { showNetmsg: true }, ['--do', 'erase-settings-partition', '--yes', '--login-probe', '30']);
    const end = await endOf(run.out, 90_000);
    expect(end.state).toBe('done');
    expect(evidence(run.out)).toMatch(/Settings storage erased \(mtd erase rootfs_data\).*the router is restarting/);
    expect(r.calls()).toContain('mtd -r erase rootfs_data');
    expect(r.calls()).not.toContain('mount_root '); // erasing the partition needs no mount
    expect(r.file('overlay/upper/etc/config/network')).toBeUndefined();
  });

  it('mtd erase hangs (the known bug): timeout, then the overlay files are deleted and the router restarted', async () => {
    const { r, run } = await pressedRescue('fsmtdh', { mtdEraseHangs: true, showNetmsg: true }, ['--do', 'erase-settings-partition', '--yes', '--firstboot-timeout', '2', '--login-probe', '30']);
    const end = await endOf(run.out, 90_000);
    expect(end.state).toBe('done');
    expect(evidence(run.out)).toMatch(/deleting the overlay files \(mtd erase hung or failed\)/);
    expect(r.calls()).toEqual(expect.arrayContaining(['mtd -r erase rootfs_data', 'mount_root ', 'reboot ']));
    expect(r.file('overlay/upper/etc/config/network')).toBeUndefined();
  });

  it('serial path: the preinit console prompt on a pty gets f + Enter at once', async () => {
    const lan = lanFor('fsser');
    const dir = fs.mkdtempSync(path.join(tmp, 'pty-'));
    const a = path.join(dir, 'router');
    const b = path.join(dir, 'station');
    const socat = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: 'ignore' });
    cleanups.push(() => socat.kill('SIGKILL'));
    for (let i = 0; i < 100 && !(fs.existsSync(a) && fs.existsSync(b)); i++) await new Promise((res) => setTimeout(res, 50));
    const r = await router(lan, { console: a });
    const run = rescue(lan, ['--serial', b, '--login-probe', '30']);
    await run.out.waitFor('playbook.run', hasEvidence('Watching the serial console'), 30_000, 'the serial watcher');
    await r.boot();
    const key = await r.out.waitFor((l) => l.event === 'key', 10_000, 'f + Enter on the console');
    expect(key.text).toBe('f');
    expect(await r.outcome()).toBe('failsafe');
    await run.out.waitFor('playbook.run', stepIs('outcome', 'done'), 30_000, 'the outcome');
    expect(evidence(run.out)).toMatch(/"- failsafe -"/);
    expect(run.out.of('playbook.run').map((s) => stepOf(s, 'press').state).find((st) => st !== 'pending') ?? '').toBeTruthy();
    expect(run.out.of('playbook.run').some(stepIs('press', 'skipped'))).toBe(true);
  });
});
