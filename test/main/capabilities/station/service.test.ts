/**
 * The station service over the real playbook engine (PlaybookService, its runner and journals) and the real
 * job records (JobsService over the same journals): slots on their cards, three runs at once each with its own
 * journal and job, the single-run API untouched, progress with rate and time left, a card's lost link pausing
 * only its slot, a router moved to another card, two slots on one card, and a report asked while a job runs.
 * The routers are loopback byte sources (test-support/station-rig.ts); the network is a test binding.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaybookService } from '../../../../src-main/capabilities/playbook';
import { StationService } from '../../../../src-main/capabilities/station';
import { JobsService } from '../../../../src-main/capabilities/jobs';
import { RunOptionsSchema } from '../../../../src-shared/capabilities/playbook';
import type { SlotProgress, SlotStatus } from '../../../../src-shared/capabilities/station';
import { RbFault } from '../../../../src-shared/errors';
import { loadCatalog, localizeError, translator } from '../../../../src-shared/i18n';
import { runWords } from '../../../../src-main/cli/run-words';
import { benchCopyPlaybook, closedPort, startByteSource, TestSlotNetwork, type RigRouter } from '../../../../test-support/station-rig';

const opts = (o: Record<string, unknown> = {}) => RunOptionsSchema.parse(o);
const until = async (f: () => boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('bench station', () => {
  let dir: string;
  let closers: (() => Promise<void>)[];
  let routers: Record<string, RigRouter>;
  let playbook: PlaybookService;
  let net: TestSlotNetwork;
  let station: StationService;
  let slots: SlotStatus[];
  let progress: SlotProgress[];

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-'));
    closers = [];
    routers = {};
    slots = [];
    progress = [];
    playbook = new PlaybookService(dir, { 'bench-copy': benchCopyPlaybook(routers) }, { snapshot: () => undefined, transcript: () => undefined });
    net = new TestSlotNetwork();
    station = new StationService(dir, playbook, { slot: (s) => slots.push(s), progress: (p) => progress.push(p), removed: () => undefined }, { network: net, progressEveryMs: 0 });
  });
  afterEach(async () => {
    await playbook.dispose();
    await station.dispose();
    for (const c of closers) await c();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function source(bytes: number, bytesPerS: number): Promise<{ host: string; port: number }> {
    const s = await startByteSource({ bytes, bytesPerS });
    closers.push(s.close);
    return s;
  }

  it('refuses a second slot on the same card, in three parts, and keeps slots in the data folder', () => {
    station.add({ interface: 'eth1' });
    let err: unknown;
    try {
      station.add({ interface: 'eth1', name: 'Left' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(RbFault);
    const f = (err as RbFault).toShape();
    expect(f.code).toBe('SLOT_CARD_TAKEN');
    expect(f.message).toBe('The network card eth1 is already slot 1.');
    expect(f.meaning).toMatch(/192\.168\.1\.1/);
    expect(f.fix).toMatch(/own network card/);
    expect(() => station.add({})).toThrow(/network card or a serial port/);
    station.add({ interface: 'eth2', serialPath: '/dev/ttyUSB1', name: 'Left' });
    const again = new StationService(dir, playbook, { slot: () => undefined, progress: () => undefined, removed: () => undefined }, { network: net });
    expect(again.list().slots.map((s) => [s.id, s.name, s.interface, s.serialPath, s.colour])).toEqual([
      ['slot-1', '1', 'eth1', undefined, 0],
      ['slot-2', 'Left', 'eth2', '/dev/ttyUSB1', 1],
    ]);
  });

  it('runs three slots at once, each with its own journal and job, beside the single run; progress has rate and time left', async () => {
    const jobs = new JobsService(dir, () => playbook, { changed: () => undefined, sync: () => undefined }, { syncEveryMs: 0, settleMs: 0 });
    try {
      for (const [i, mac] of ['c4:41:1e:00:00:01', 'c4:41:1e:00:00:02', 'c4:41:1e:00:00:03'].entries()) {
        const s = await source(400_000, 1_000_000);
        routers[String(i + 1)] = { mac, board: `linksys,wrt${i}`, model: `Linksys WRT ${i}`, ...s, bytes: 400_000 };
        station.add({ interface: `eth${i + 1}` });
      }
      // the app's single run goes on beside them (it holds at its last question)
      const s0 = await source(1000, 1_000_000);
      routers.single = { ...s0, bytes: 1000, hold: true };
      const single = playbook.start('bench-copy', { ...opts(), slot: 'single' } as ReturnType<typeof opts>);
      const started = await Promise.all(['slot-1', 'slot-2', 'slot-3'].map((id) => station.start(id, 'bench-copy', opts({ routerAddress: '192.168.1.1' }))));
      expect(new Set(started.map((s) => s.run!.runId)).size).toBe(3);
      expect(started.map((s) => s.run!.options.interface)).toEqual(['eth1', 'eth2', 'eth3']);
      await until(() => station.list().slots.every((s) => s.state === 'done'));
      expect(playbook.isLive(single.runId)).toBe(true);
      const list = station.list().slots;
      expect(list.map((s) => s.router.mac)).toEqual(['c4:41:1e:00:00:01', 'c4:41:1e:00:00:02', 'c4:41:1e:00:00:03']);
      expect(list[1]!.router).toEqual({ mac: 'c4:41:1e:00:00:02', board: 'linksys,wrt1', model: 'Linksys WRT 1' });
      // every route was given back when its run ended
      expect(net.routes.map((r) => [r.iface, r.released])).toEqual([
        ['eth1', true],
        ['eth2', true],
        ['eth3', true],
      ]);
      for (const s of list) {
        const job = jobs.jobOf(s.run!.runId)!;
        expect(job.state).toBe('done');
        expect(job.router.mac).toBe(s.router.mac);
      }
      // progress per slot: rate and time left once two samples are in, the last one complete
      for (const id of ['slot-1', 'slot-2', 'slot-3']) {
        const mine = progress.filter((p) => p.slotId === id);
        expect(mine.length).toBeGreaterThan(5);
        expect(mine[mine.length - 1]!.done).toBe(400_000);
        const rated = mine.filter((p) => p.bytesPerS !== undefined);
        expect(rated.length).toBeGreaterThan(0);
        // paced at 1 MB/s: the measured rate is in that neighbourhood (not a timing claim: a sanity bound)
        expect(rated[rated.length - 1]!.bytesPerS!).toBeGreaterThan(100_000);
        expect(rated[rated.length - 1]!.bytesPerS!).toBeLessThan(10_000_000);
      }
    } finally {
      await jobs.dispose();
    }
  });

  it('a stream whose size is not known (total 0, the settings backup): its bytes and rate reach the slot, never a time left, and it is throttled like any other', async () => {
    // 0.6 s of stream: several 100 ms windows even when a loaded machine delivers it in bursts
    const s = await source(600_000, 1_000_000);
    routers['1'] = { mac: 'c4:41:1e:00:00:01', ...s, bytes: 600_000, sizeUnknown: true };
    const throttled = new StationService(dir, playbook, { slot: () => undefined, progress: (p) => progress.push(p), removed: () => undefined }, { network: net, progressEveryMs: 100 });
    try {
      throttled.add({ interface: 'eth1' });
      await throttled.start('slot-1', 'bench-copy', opts({ routerAddress: '192.168.1.1' }));
      await until(() => throttled.list().slots[0]!.state === 'done');
      const mine = progress.filter((p) => p.slotId === 'slot-1');
      expect(mine.length).toBeGreaterThan(1);
      expect(mine.every((p) => p.total === 0 && p.etaS === undefined)).toBe(true);
      expect(mine.map((p) => p.done)).toEqual([...mine.map((p) => p.done)].sort((a, b) => a - b));
      expect(mine.some((p) => p.bytesPerS !== undefined && p.bytesPerS > 0)).toBe(true);
      // ~0.6 s of stream at one event per 100 ms: a handful, not one per chunk (done >= total must not count as "the end")
      expect(mine.length).toBeLessThan(20);
    } finally {
      await throttled.dispose();
    }
  });

  it("pauses only the slot whose card lost its link, says so in its journal, and goes on when it is back", async () => {
    for (const i of [1, 2]) {
      const s = await source(300_000, 1_000_000);
      routers[String(i)] = { mac: `c4:41:1e:00:00:0${i}`, ...s, bytes: 300_000 };
      station.add({ interface: `eth${i}` });
    }
    const two = await station.start('slot-2', 'bench-copy', opts());
    await station.start('slot-1', 'bench-copy', opts());
    await until(() => playbook.runFor('slot-2')!.snap!.steps[1]!.state === 'active');
    net.setCarrier('eth2', false);
    const paused = station.list().slots[1]!;
    expect(paused.state).toBe('paused');
    expect(paused.problems[0]).toMatchObject({ code: 'SLOT_NO_LINK', meaning: 'Its job waits before its next step; the other slots go on.' });
    expect(paused.problems[0]!.message).toMatch(/^Slot 2 lost its cable: the network card eth2 has no link since \d\d:\d\d:\d\d\.$/);
    // slot 1 finishes; slot 2 finished its copy step but holds before the next one
    await until(() => station.list().slots[0]!.state === 'done');
    await until(() => playbook.runFor('slot-2')!.snap!.steps[1]!.state === 'done');
    await new Promise((r) => setTimeout(r, 100));
    expect(playbook.runFor('slot-2')!.snap!.steps[2]!.state).toBe('pending');
    expect(station.list().slots[1]!.state).toBe('paused');
    // trying to start a guide in a slot without a link says why
    net.setCarrier('eth2', true);
    await until(() => station.list().slots[1]!.state === 'done');
    expect(station.list().slots[1]!.problems).toEqual([]);
    const evidence = playbook.readJournal(two.run!.runId)!.filter((r) => r.type === 'evidence').map((r) => (r as { text: string }).text);
    expect(evidence.some((t) => t.startsWith('Slot 2 lost its cable'))).toBe(true);
    expect(evidence.some((t) => /^The link on eth2 is back at/.test(t))).toBe(true);
    // the notes travel as ids + values beside the English (decision 0153): a German screen or CLI says them in German
    const de = runWords(translator('de', await loadCatalog('de')));
    const saidDe = playbook.readJournal(two.run!.runId)!.flatMap((r) => (r.type === 'evidence' ? [de.evidence(r)] : []));
    expect(saidDe.some((t) => /^Platz 2 hat sein Kabel verloren: Die Netzwerkkarte eth2 hat seit \d\d:\d\d:\d\d keine Verbindung\. Sein Auftrag wartet/.test(t))).toBe(true);
    expect(saidDe.some((t) => /^Die Verbindung an eth2 ist seit \d\d:\d\d:\d\d wieder da: Der Auftrag geht weiter\.$/.test(t))).toBe(true);
    expect(localizeError(paused.problems[0]!, translator('de', await loadCatalog('de'))).fix).toMatch(/^Prüfen Sie das Kabel von Platz 2/);
    net.setCarrier('eth1', false);
    await expect(station.start('slot-1', 'bench-copy', opts())).rejects.toMatchObject({ code: 'SLOT_NO_LINK' });
  });

  it('names a router moved to another card while its job runs, in both slots and the first job', async () => {
    const s1 = await source(50_000, 1_000_000);
    const s3 = await source(50_000, 1_000_000);
    routers['1'] = { mac: 'c4:41:1e:aa:bb:01', ...s1, bytes: 50_000, hold: true };
    routers['3'] = { mac: 'C4:41:1E:AA:BB:01', ...s3, bytes: 50_000 };
    station.add({ interface: 'eth1' });
    station.add({ interface: 'eth2' });
    station.add({ interface: 'eth3' });
    const first = await station.start('slot-1', 'bench-copy', opts());
    await until(() => !!playbook.runFor('slot-1')!.snap!.prompt);
    await station.start('slot-3', 'bench-copy', opts());
    await until(() => station.list().slots[0]!.problems.length > 0);
    const [one, , three] = station.list().slots;
    expect(one!.problems[0]).toMatchObject({ code: 'ROUTER_MOVED', message: 'The router c4:41:1e:aa:bb:01 of slot 1 now answers in slot 3 (eth3).' });
    expect(three!.problems[0]!.code).toBe('ROUTER_MOVED');
    expect(one!.problems[0]!.fix).toMatch(/^Stop the job in slot 1/);
    const ev = playbook.readJournal(first.run!.runId)!.filter((r) => r.type === 'evidence').map((r) => (r as { text: string }).text);
    expect(ev.some((t) => t.startsWith('The router c4:41:1e:aa:bb:01 of slot 1 now answers in slot 3'))).toBe(true);
    const es = runWords(translator('es', await loadCatalog('es')));
    const evEs = playbook.readJournal(first.run!.runId)!.flatMap((r) => (r.type === 'evidence' ? [es.evidence(r)] : []));
    expect(evEs).toContain('El router c4:41:1e:aa:bb:01 del puesto 1 responde ahora en el puesto 3 (eth3). Su cable se pasó a otra tarjeta de red mientras el trabajo del puesto 1 seguía en marcha: ese trabajo ya no lo alcanza.');
    // a report asked for the job still running says so (the jobs capability)
    const jobs = new JobsService(dir, () => playbook, { changed: () => undefined, sync: () => undefined }, { syncEveryMs: 0 });
    try {
      const r = await jobs.report(first.run!.runId, 'html');
      expect(r.running).toBe(true);
      expect(r.data.toString('utf8')).toMatch(/still running/i);
    } finally {
      await jobs.dispose();
    }
    await expect(station.start('slot-1', 'bench-copy', opts())).rejects.toMatchObject({ code: 'SLOT_BUSY' });
    await expect(station.remove('slot-1')).rejects.toMatchObject({ code: 'SLOT_RUNNING' });
    await station.stop('slot-1');
    await station.remove('slot-1');
    expect(station.list().slots.map((s) => s.id)).toEqual(['slot-2', 'slot-3']);
  });

  it("a router that does not answer fails its slot's job in three parts; the other slot goes on", async () => {
    const s = await source(100_000, 1_000_000);
    routers['1'] = { mac: 'c4:41:1e:00:00:01', ...s, bytes: 100_000 };
    routers['2'] = { host: '127.0.0.1', port: await closedPort(), bytes: 100_000 };
    station.add({ interface: 'eth1' });
    station.add({ serialPath: '/dev/ttyUSB0' });
    await station.start('slot-2', 'bench-copy', opts());
    await station.start('slot-1', 'bench-copy', opts());
    await until(() => station.list().slots.every((x) => x.state === 'done' || x.state === 'failed'));
    const [one, two] = station.list().slots;
    expect(one!.state).toBe('done');
    expect(two!.state).toBe('failed');
    expect(two!.run!.options.serialPath).toBe('/dev/ttyUSB0');
    const err = two!.run!.steps.find((x) => x.state === 'failed')!.error!;
    expect(err.code).toBe('ROUTER_NO_ANSWER');
    expect(err.meaning).toBeTruthy();
    expect(err.fix).toBeTruthy();
    // a serial-only slot asks the network for no route
    expect(net.routes.map((r) => r.iface)).toEqual(['eth1']);
  });
});

describe("the station's network wiring (NetService.slotRoute per card)", () => {
  it("never puts a router's network on this computer's loopback; a router on loopback needs no route; a card goes to the per-card source routing", async () => {
    const { cardNetwork } = await import('../../../../src-main/capabilities/station');
    const { EventBus } = await import('../../../../src-main/core/bus');
    const { NetService } = await import('../../../../src-main/capabilities/net');
    const { eth, mockNet } = await import('../../../../test-support/bindings/net-mock');
    const m = mockNet([eth('enx1'), eth('enx2')], { pkexec: 'allow' });
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-station-net-'));
    const svc = new NetService({}, { binding: m, dataDir, pollMs: 10 });
    const n = cardNetwork(svc, new EventBus());
    await expect(n.slotRoute('lo', { routerIp: '192.168.1.1', prefix: 24 })).rejects.toMatchObject({ code: 'SLOT_LOOPBACK_CARD', message: 'lo is this computer’s own loopback, not a cable to a router.', values: { card: 'lo', address: '192.168.1.1' } });
    await expect(n.slotRoute('lo', { routerIp: '127.0.0.2', prefix: 8 })).resolves.toMatchObject({ sourceAddress: '127.0.0.1' });
    const a = await n.slotRoute('enx1', { routerIp: '192.168.1.1', prefix: 24 });
    const b = await n.slotRoute('enx2', { routerIp: '192.168.1.1', prefix: 24 });
    expect([a.sourceAddress, a.table, b.sourceAddress, b.table]).toEqual(['192.168.1.60', 7170, '192.168.1.61', 7171]);
    expect([...m.rules]).toEqual(['from 192.168.1.60/32 lookup 7170 pref 7170', 'from 192.168.1.61/32 lookup 7171 pref 7171']);
    await a.release();
    await b.release();
    expect(m.rules.size).toBe(0);
    await svc.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });
});
