/**
 * A bench station with three routers at 192.168.1.1 (issue 17): one station namespace with three veth cards,
 * each to its own router namespace running the stand-in router (real dropbear, different flash contents and a
 * different MAC each). Inside the station namespace (station-runner.ts): slot routes per card, concurrent
 * backups through the flash service (each file set byte-exact to its own router), one failsafe monitor per card
 * (datagrams from router 2 reach slot 2 only), a TFTP server per slot (each router gets its own slot's file and
 * cannot reach another slot's server), remembered SSH keys per router MAC; faults: the same card twice, a
 * cable pulled on one card mid-backup while the others go on. Afterwards no rule, table, address or changed
 * setting is left.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import { collectCliRun } from '../../../test-support/cli-lines';
import { netnsSupport, nodeTsArgs, runInNetns, reportSkip } from '../../../test-support/netns';
import { patternData, startStandinRouter, type StandinRouter } from '../../../test-support/router-standin';
import { createStationLan, routerMacOf, type StationLan } from '../../../test-support/station-lan';

const support = netnsSupport();
if (!support.ok) reportSkip('station: three routers at 192.168.1.1 (namespaces)', support.reason);

const N = 3;
const RUNNER = path.join(__dirname, 'station-runner.ts');
const CLI = path.join(__dirname, '../../../src-main/cli/main.ts');

describe.skipIf(!support.ok)('station: three routers at 192.168.1.1 on three cards', () => {
  let lan: StationLan;
  const routers: StandinRouter[] = [];
  let tmp: string;
  let r: Record<string, any>;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-'));
    lan = createStationLan('stn', N);
    for (let i = 0; i < N; i++) {
      routers.push(
        await startStandinRouter(lan.cards[i]!, {
          partitions: [
            { name: 'u-boot', size: 0x40000, readOnly: true, data: patternData(`router${i}-u-boot`, 0x40000) },
            { name: 'art', size: 0x10000, data: patternData(`router${i}-art`, 0x10000) },
            { name: 'firmware', size: 0x300000, data: patternData(`router${i}-firmware`, 0x300000) },
          ],
          boardName: `rescue-bench,station-${i}`,
          // OpenWrt's files (sysupgrade among them): the station's guide saves each router's settings first
          openwrt: { release: '23.05.5', revision: 'r24106-10cc5fcd00' },
        }),
      );
    }
    // each router's link at 80 Mbit/s (tc tbf on its end of the cable): a router's own port and CPU are slower than
    // this computer's loopback-fast veth, and each 3.3 MB copy then lasts long enough (> 200 ms) for its card to show
    // a rate and a time left however fast or loaded this machine is
    for (const x of routers) x.throttle('80mbit');
    r = runInNetns(lan.station.name, RUNNER, tmp, { dataDir: path.join(tmp, 'data'), cards: lan.cards.map((c) => c.stationIf), routerNs: lan.cards.map((c) => c.router.name), preinitSim: path.join(__dirname, '../../../test-support/preinit-sim.mjs'), pullCard: 2 });
  }, 180_000);
  afterAll(() => {
    for (const x of routers) x.stop();
    lan?.destroy();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('gives every card its own source address, table and rule, and the per-card settings', () => {
    expect(r.crashed).toBeUndefined();
    expect(r.slots).toEqual(lan.cards.map((c, i) => ({ interface: c.stationIf, sourceAddress: `192.168.1.${60 + i}`, table: 7170 + i })));
    for (let i = 0; i < N; i++) expect(r.rulesDuring).toContain(`from 192.168.1.${60 + i} lookup ${7170 + i}`);
    expect(r.sysctlDuring).toEqual(['1', '1', '2']);
  });

  it('refuses a second slot on the same card in three parts', () => {
    expect(r.sameCard).toMatchObject({ code: 'NET_SLOT_CARD_TAKEN', message: expect.stringContaining(lan.cards[0]!.stationIf), meaning: expect.any(String), fix: expect.any(String) });
  });

  it('backs up three routers at once, each file set byte-exact to its own router', () => {
    for (let i = 0; i < N; i++) {
      const b = r.round1[i];
      expect(b.ok, JSON.stringify(b)).toBe(true);
      expect(b.files.map((f: { name: string }) => f.name)).toEqual(['u-boot', 'art', 'firmware']);
      b.files.forEach((f: { sha256: string; local: string }, p: number) => {
        expect(f.local).toBe(routers[i]!.sha256(p));
        expect(f.sha256).toBe(routers[i]!.sha256(p));
      });
    }
    // and the routers really differ
    expect(new Set(r.round1.map((b: { files: { local: string }[] }) => b.files[2]!.local)).size).toBe(N);
  });

  it('remembers three SSH keys, one per router MAC, and none was a changed key', () => {
    const keys = Object.keys(r.knownHosts).sort();
    expect(keys).toEqual([0, 1, 2].map((i) => `${routerMacOf(i)}/22`));
    expect(new Set(Object.values(r.knownHosts).map((k: any) => k.fingerprint)).size).toBe(N);
    expect(r.round2.every((b: { error?: string }) => b.error !== 'HOST_KEY_CHANGED')).toBe(true);
  });

  it('failsafe datagrams from router 2 reach slot 2 only', () => {
    expect(r.monitorStates.map((m: { state: string; interface: string }) => [m.state, m.interface])).toEqual(lan.cards.map((c) => ['listening', c.stationIf]));
    expect(r.heard[0]).toEqual([]);
    expect(r.heard[2]).toEqual([]);
    expect(r.heard[1].length, r.simSaid).toBeGreaterThanOrEqual(2);
    expect(r.heard[1][0]).toMatchObject({ from: '192.168.1.1', text: 'Please press button now to enter failsafe' });
  });

  it('a TFTP server per slot serves its own router only', () => {
    expect(r.tftp.fetched, r.tftp.errors.join('\n')).toEqual(r.tftp.images);
    expect(new Set(r.tftp.images).size).toBe(N);
    expect(r.tftp.crossed).toBeUndefined();
  });

  it('a pulled cable on one card is reported for that card; the other backups go on and finish', () => {
    expect(r.slotEventsRound2.filter((e: { state: string }) => e.state === 'no-carrier'), JSON.stringify(r.slotEventsRound2)).toEqual([{ interface: lan.cards[2]!.stationIf, state: 'no-carrier' }]);
    expect(r.slotEventsRound2.some((e: { interface: string; state: string }) => e.interface === lan.cards[2]!.stationIf && e.state === 'ready')).toBe(true);
    // the others did not wait for the unplugged router
    expect(r.round2Times.othersDone, JSON.stringify(r.round2Times)).toBeLessThan(r.round2Times.pulledDone);
    for (const i of [0, 1]) {
      expect(r.round2[i].ok).toBe(true);
      r.round2[i].files.forEach((f: { local: string }, p: number) => expect(f.local).toBe(routers[i]!.sha256(p)));
    }
    // the unplugged router's backup either finished after the cable came back, byte-exact, or failed with a clear error
    const b = r.round2[2];
    if (b.ok) b.files.forEach((f: { local: string }, p: number) => expect(f.local).toBe(routers[2]!.sha256(p)));
    else expect(b.error).toMatch(/^[A-Z_]+$/);
  });

  it('through the station service: each slot is routed through its own card and its backup (the upgrade guide’s step) is byte-exact to its own router, with progress on its card (the settings’ bytes first, size unknown)', () => {
    expect(r.stationSources).toEqual([0, 1, 2].map((i) => `192.168.1.${60 + i}`));
    for (let i = 0; i < N; i++) expect(r.stationRulesDuring).toContain(`from 192.168.1.${60 + i} lookup ${7170 + i}`);
    const total = 0x40000 + 0x10000 + 0x300000;
    for (let i = 0; i < N; i++) {
      const x = r.station[i];
      expect(x.state, JSON.stringify(x.error)).toBe('done');
      expect(x.files.map((f: { name: string }) => f.name)).toEqual(['u-boot', 'art', 'firmware']);
      x.files.forEach((f: { local: string }, p: number) => expect(f.local).toBe(routers[i]!.sha256(p)));
      // first the settings (sysupgrade -b): its size is not known, so total 0, its bytes so far, never a time left
      const all: { done: number; total: number; bytesPerS?: number; etaS?: number }[] = x.progress;
      const settings = all.filter((p) => p.total === 0);
      expect(x.settingsBytes).toBeGreaterThan(0);
      expect(settings.length, JSON.stringify(all)).toBeGreaterThanOrEqual(1);
      expect(settings.every((p) => p.done > 0 && p.done <= x.settingsBytes && p.etaS === undefined)).toBe(true);
      expect(settings.at(-1)!.done).toBe(x.settingsBytes);
      expect(all.findIndex((p) => p.total !== 0)).toBe(settings.length); // the settings come first, then the full backup
      // the slot's own progress events: rising bytes of the whole backup, a rate and time left on the way, the end
      const pr = all.filter((p) => p.total !== 0);
      expect(pr.length, JSON.stringify(pr)).toBeGreaterThanOrEqual(3);
      expect(pr.every((p) => p.total === total)).toBe(true);
      expect(pr.every((p, k) => k === 0 || p.done >= pr[k - 1]!.done)).toBe(true);
      expect(pr.at(-1)!.done).toBe(total);
      expect(pr.some((p) => (p.bytesPerS ?? 0) > 0 && p.etaS !== undefined)).toBe(true);
    }
    // each slot's route was undone when its run ended
    expect([...r.stationReleased].sort()).toEqual(lan.cards.map((c) => c.stationIf).sort());
    expect(r.stationRulesAfter).not.toMatch(/lookup 71[7-9]\d/);
  });

  it('leaves nothing behind: no rule, table, address or changed setting', () => {
    expect(r.slotEventsEnd.sort()).toEqual(lan.cards.map((c) => c.stationIf).sort());
    expect(r.rulesAfter).not.toMatch(/lookup 71[7-9]\d/);
    expect(r.tablesAfter).not.toMatch(/table 71[7-9]\d/);
    expect(r.addrAfter).not.toContain('192.168.1.');
    expect(r.sysctlAfter).toEqual(['0', '0', '0']);
    expect(r.slotsFile).toEqual([]);
  });

  it('the CLI: backup --interface reaches the router on that card and undoes its own set-up', async () => {
    const out = path.join(tmp, 'cli-backup');
    const [cmd, args] = nodeTsArgs(CLI, ['backup', '--host', '192.168.1.1', '--interface', lan.cards[1]!.stationIf, '--ssh', '--out', out, '--json']);
    const p = spawn('ip', ['netns', 'exec', lan.station.name, cmd, ...args], { env: { ...process.env, RESCUE_BENCH_DATA_DIR: path.join(tmp, 'cli-data') }, stdio: ['ignore', 'pipe', 'pipe'] });
    const run = await collectCliRun(p, { killAfterMs: 100_000 });
    expect(run.code, run.stderr).toBe(0);
    ['u-boot', 'art', 'firmware'].forEach((name, i) => {
      const file = fs.readdirSync(out).find((f) => f.includes(name) && f.endsWith('.bin'))!;
      expect(crypto.createHash('sha256').update(fs.readFileSync(path.join(out, file))).digest('hex'), name).toBe(routers[1]!.sha256(i));
    });
    expect(lan.station.exec('ip', ['rule', 'show']).toString()).not.toMatch(/lookup 71[7-9]\d/);
    expect(lan.station.exec('ip', ['-4', 'addr', 'show']).toString()).not.toContain('192.168.1.');
    expect(JSON.parse(fs.readFileSync(path.join(tmp, 'cli-data', 'net-slots.json'), 'utf8'))).toEqual([]);
  });
});
