/**
 * Waiting for the router after sysupgrade (router-ops waitForRouter) over a scripted probe and a scripted clock
 * (one probe = one second): the phases the timeline names, which evidence counts (ping and a fresh ARP answer are
 * "alive", only an open port is "back"), and the words for each phase. The real probe (ping, ip neigh, TCP) runs
 * against the stand-in router in test/integration/upgrade/flash.netns.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '../../../../src-shared/capabilities/net';
import { lineSplitter, signOf, waitForRouter, type RouterSign, type WaitPhase } from '../../../../src-main/capabilities/upgrade/router-ops';
import { waitText } from '../../../../src-main/capabilities/upgrade/service';
import { loadCatalog, sayIn, translator } from '../../../../src-shared/i18n';

const T0 = 1_000_000;
const nothing: ProbeResult = { icmp: false, tcp: { '22': false, '80': false, '23': false }, tcpRefused: [], answered: false };
const ping: ProbeResult = { ...nothing, icmp: true, answered: true };
const staleArp: ProbeResult = { ...nothing, arpStale: true };
const freshArp: ProbeResult = { ...nothing, arpMac: 'aa:bb:cc:dd:ee:01', answered: true };
const refused: ProbeResult = { ...nothing, tcpRefused: [22, 80, 23], answered: true };
const ssh: ProbeResult = { ...ping, tcp: { '22': true, '80': false, '23': false }, tcpRefused: [80, 23] };
const web: ProbeResult = { ...nothing, tcp: { '22': false, '80': true, '23': false }, tcpRefused: [22, 23], answered: true };

/** Run the wait over a script of probe answers, one per second; after the script, `rest` forever. */
async function wait(script: ProbeResult[], rest: ProbeResult, timeoutMs = 600_000) {
  let t = T0;
  const asked: number[] = [];
  const ticks: Array<[number, WaitPhase, RouterSign]> = [];
  const res = await waitForRouter('192.168.1.1', {
    startedAt: T0,
    timeoutMs,
    now: () => t,
    probe: async (_h, o) => {
      asked.push(o.freshSince);
      const r = script.shift() ?? rest;
      t += 1000;
      return r;
    },
    tick: (e, p, s) => ticks.push([e, p, s]),
  });
  return { res, ticks, phases: ticks.map((x) => x[1]), asked };
}

describe('waiting for the router after sysupgrade', () => {
  it('writing (ping, services stopped) → restarting (nothing) → starting (ping) → back (SSH); only the drop onwards counts', async () => {
    const w = await wait([ping, ping, nothing, nothing, nothing, ping, ping], ssh);
    expect(w.phases).toEqual(['writing', 'writing', 'restarting', 'restarting', 'restarting', 'starting', 'starting', 'back']);
    expect(w.res).toMatchObject({ back: true, port: 22, wentAwayAt: T0 + 3000, aliveAt: T0 + 6000, aliveBy: ['answers ping'], backAt: T0 + 8000 });
    expect(new Set(w.asked)).toEqual(new Set([T0])); // evidence since the drop, every time
  });

  it('an ARP entry from before the restart is not a sign of life; a fresh ARP answer is', async () => {
    const w = await wait([ssh, staleArp, staleArp, freshArp], web);
    expect(w.phases).toEqual(['writing', 'restarting', 'restarting', 'starting', 'back']);
    expect(w.res).toMatchObject({ back: true, port: 80, staleArp: true, aliveBy: ['answers ARP (aa:bb:cc:dd:ee:01)'] });
  });

  it('a refused port is a running kernel (starting), not a service (back)', async () => {
    const w = await wait([nothing, refused, refused], ssh);
    expect(w.phases).toEqual(['restarting', 'starting', 'starting', 'back']);
  });

  it('services still up right after the drop are not "back"; a router never seen gone counts as gone after 60 s', async () => {
    const w = await wait([], ssh);
    expect(w.phases.slice(0, 3)).toEqual(['writing', 'writing', 'writing']);
    expect(w.phases.at(-1)).toBe('back');
    expect(w.res.backAt! - T0).toBeGreaterThan(60_000);
    expect(w.res.wentAwayAt).toBeUndefined();
  });

  it('never back: the time limit ends the wait with what was seen (alive, no service)', async () => {
    const w = await wait([nothing, nothing], ping, 20_000);
    expect(w.res.back).toBe(false);
    expect(w.res.aliveAt).toBe(T0 + 3000);
    expect(w.phases.at(-1)).toBe('starting');
  });

  it('a probe that fails (no route while the cable is out) counts as nothing seen', async () => {
    let t = T0;
    let n = 0;
    const res = await waitForRouter('192.168.1.1', {
      startedAt: T0,
      timeoutMs: 10_000,
      now: () => t,
      probe: async () => {
        t += 1000;
        if (++n < 4) throw new Error('connect ENETUNREACH');
        return ssh;
      },
      tick: () => undefined,
    });
    expect(res).toMatchObject({ back: true, wentAwayAt: T0 + 1000 });
  });

  it('the words for each phase (the timeline\'s "do now" and the wait bar)', () => {
    const s = (r: ProbeResult) => signOf(r, [22, 80, 23], T0);
    const en = (...a: Parameters<typeof waitText>) => waitText(...a).text;
    expect(en('writing', s(ping), 'login')).toBe('The router is writing the new firmware (it answers ping, its services have stopped). Do not unplug it.');
    expect(en('writing', s(ssh), 'login')).toBe('The router is writing the new firmware. Do not unplug it.');
    expect(en('restarting', s(nothing), 'login')).toBe('The router is writing and restarting: nothing answers yet (about 2 minutes). Do not unplug it.');
    expect(en('starting', s(ping), 'login')).toBe('The router answers ping: it is starting. Waiting for its login. Do not unplug it.');
    expect(en('starting', s(freshArp), 'web')).toBe('The router answers ARP (aa:bb:cc:dd:ee:01): it is starting. Waiting for its web page. Do not unplug it.');
    expect(en('back', s(ssh), 'login')).toBe('The router answers again.');
  });

  it('the same words in German, from their id and values (decision 0130)', async () => {
    const de = translator('de', await loadCatalog('de'));
    const s = (r: ProbeResult) => signOf(r, [22, 80, 23], T0);
    const w = waitText('restarting', s(nothing), 'login');
    expect(w.msg.id).toBe('upgrade.said.wait.restarting');
    expect(sayIn(de, w.msg, w.text)).toBe('Der Router schreibt und startet neu: noch antwortet nichts (etwa 2 Minuten). Stecken Sie ihn nicht aus.');
    const st = waitText('starting', s(ping), 'web');
    expect(sayIn(de, st.msg, st.text)).toMatch(/^Der Router meldet sich wieder \(answers ping\): er startet\. Rescue Bench wartet auf seine Webseite\./);
  });
});

describe('a restart that falls between two looks', () => {
  it('services stopped while it answered ping, then a service again: back, without the 60 s fallback', async () => {
    let t = T0;
    const seq = [ssh, ping, ping, ssh];
    const phases: string[] = [];
    const res = await waitForRouter('192.168.1.1', {
      startedAt: T0, timeoutMs: 600_000, now: () => t,
      probe: async () => { const r = seq.shift() ?? ssh; t += 1000; return r; },
      tick: (_e, p) => void phases.push(p),
    });
    expect(res).toMatchObject({ back: true, port: 22 });
    expect(t - T0).toBeLessThan(10_000);
    expect(phases).toEqual(['writing', 'writing', 'writing', 'back']);
  });

  it('a service still open right after the drop is not "back" (sysupgrade has not stopped it yet)', async () => {
    let t = T0;
    const res = await waitForRouter('192.168.1.1', {
      startedAt: T0, timeoutMs: 5_000, now: () => t,
      probe: async () => { t += 1000; return ssh; },
      tick: () => undefined,
    });
    expect(res.back).toBe(false);
  });
});

describe('a loopback router (the practice router on 127.0.0.2)', () => {
  it('counts only an open port: this computer itself answers ping and refuses closed ports there', () => {
    expect(signOf({ ...ping, tcpRefused: [22, 80, 23] }, [22, 80, 23], T0, '127.0.0.2')).toMatchObject({ alive: false, aliveBy: [] });
    expect(signOf(ssh, [22, 80, 23], T0, '127.0.0.2')).toMatchObject({ alive: true, open: [22] });
    expect(signOf(ping, [22, 80, 23], T0, '192.168.1.1')).toMatchObject({ alive: true });
  });

  it('sees it go away while its ports are closed, and back when one opens, without the 60 s fallback', async () => {
    let t = T0;
    const seq = [ssh, { ...ping, tcpRefused: [22, 80, 23] }, { ...ping, tcpRefused: [22, 80, 23] }, ssh];
    const res = await waitForRouter('127.0.0.2', {
      startedAt: T0, timeoutMs: 600_000, now: () => t,
      probe: async () => { const r = seq.shift() ?? ssh; t += 1000; return r; },
      tick: () => undefined,
    });
    expect(res).toMatchObject({ back: true });
    expect(res.wentAwayAt).toBeDefined();
    expect(t - T0).toBeLessThan(10_000);
  });
});

describe('sysupgrade output split into lines as it streams', () => {
  it('lines across chunks, \\r\\n or \\n, blank lines dropped, the last partial line at the end', () => {
    const got: string[] = [];
    const sp = lineSplitter((l) => got.push(l));
    sp.feed(Buffer.from('Saving config fi'));
    expect(got).toEqual([]);
    sp.feed(Buffer.from('les...\r\n\r\nCommencing upgrade. Closing all shell sessions.\n'));
    expect(got).toEqual(['Saving config files...', 'Commencing upgrade. Closing all shell sessions.']);
    sp.feed(Buffer.from('Command failed: Connection failed'));
    sp.end();
    expect(got.at(-1)).toBe('Command failed: Connection failed');
  });
});
