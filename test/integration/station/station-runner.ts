/**
 * Runs INSIDE the station namespace of test/integration/station/station.netns.test.ts (as root, through
 * `ip netns exec`): the workstation's side of a bench with several routers at 192.168.1.1. Everything goes
 * through the capabilities' public entries: net slotRoute per card, the flash service's backups concurrently
 * (one per slot), a failsafe monitor per card, a TFTP server per slot; the faults (same card twice, a pulled
 * cable mid-backup); then everything released. Prints one JSON line with what it saw.
 * Usage: station-runner.ts CONFIG.json
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NetService, type SlotEvent, type SlotRoute } from '../../../src-main/capabilities/net';
import { FlashService } from '../../../src-main/capabilities/flash';
import { FailsafeMonitor } from '../../../src-main/capabilities/failsafe';
import { startTftpServer, type TftpServer } from '../../../src-main/capabilities/tftp';
import type { FailsafeDatagram } from '../../../src-shared/capabilities/failsafe/contract';
import { cardNetwork, StationService } from '../../../src-main/capabilities/station';
import { PlaybookService } from '../../../src-main/capabilities/playbook';
import { UpgradeService } from '../../../src-main/capabilities/upgrade/service';
import { openTarget } from '../../../src-main/capabilities/device';
import { EventBus } from '../../../src-main/core/bus';
import { flashPlaybook } from '../../../src-shared/capabilities/upgrade/playbook';
import type { RunOptions } from '../../../src-shared/capabilities/playbook';
import type { SlotProgress, SlotStatus } from '../../../src-shared/capabilities/station';

interface Config {
  dataDir: string;
  cards: string[];
  routerNs: string[];
  preinitSim: string;
  /** Card whose cable the runner pulls during the second round of backups. */
  pullCard: number;
}

const cfg = JSON.parse(fs.readFileSync(process.argv[2]!, 'utf8')) as Config;
const execFileP = promisify(execFile);
const sha = (f: string): string => crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  const slotEvents: SlotEvent[] = [];
  const net = new NetService({ slot: (e) => slotEvents.push(e) }, { dataDir: cfg.dataDir, pollMs: 100 });
  const slots: SlotRoute[] = [];
  for (const c of cfg.cards) slots.push(await net.slotRoute(c, { routerIp: '192.168.1.1', prefix: 24 }));
  out.slots = slots.map((s) => ({ interface: s.interface, sourceAddress: s.sourceAddress, table: s.table }));
  out.rulesDuring = execFileSync('ip', ['rule', 'show'], { encoding: 'utf8' });
  out.sysctlDuring = execFileSync('sysctl', ['-n', `net/ipv4/conf/${cfg.cards[0]}/arp_ignore`, `net/ipv4/conf/${cfg.cards[0]}/arp_filter`, `net/ipv4/conf/${cfg.cards[0]}/rp_filter`], { encoding: 'utf8' }).trim().split('\n');

  // Fault: the same card twice.
  out.sameCard = await net.slotRoute(cfg.cards[0]!, { routerIp: '192.168.1.1', prefix: 24 }).then(
    () => 'accepted',
    (e: { code?: string; message?: string; meaning?: string; fix?: string }) => ({ code: e.code, message: e.message, meaning: e.meaning, fix: e.fix }),
  );

  // Concurrent backups through the flash service, one per slot.
  const flash = new FlashService(cfg.dataDir, { progress: () => undefined, partition: () => undefined, done: () => undefined, restoreProgress: () => undefined });
  const backup = (i: number, dir: string) =>
    flash.startBackup({ target: { host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'remember', localAddress: slots[i]!.sourceAddress }, outDir: dir, retryFailed: false }).finished;
  const t0 = Date.now();
  const results = await Promise.all(slots.map((_, i) => backup(i, path.join(cfg.dataDir, `round1-${i}`))));
  out.round1Ms = Date.now() - t0;
  out.round1 = results.map((r) => ({ ok: r.ok, dir: r.dir, error: r.error?.code, files: r.manifest.partitions.map((p) => ({ name: p.name, file: p.file, sha256: p.sha256, local: p.file ? sha(path.join(r.dir, p.file)) : undefined })) }));
  out.knownHosts = JSON.parse(fs.readFileSync(path.join(cfg.dataDir, 'known-hosts.json'), 'utf8'));

  // Failsafe: router 2 (index 1) broadcasts its prompt; each card has its own monitor.
  const heard: FailsafeDatagram[][] = slots.map(() => []);
  const monitors = slots.map((s, i) => new FailsafeMonitor({ datagram: (d) => heard[i]!.push(d), state: () => undefined }));
  for (const [i, m] of monitors.entries()) await m.start({ bind: slots[i]!.sourceAddress, port: 4919, interface: slots[i]!.interface });
  out.monitorStates = monitors.map((m) => m.state);
  const sim = spawn('ip', ['netns', 'exec', cfg.routerNs[1]!, process.execPath, cfg.preinitSim, '--timeout', '2'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // Wait for what the stand-in says it sent (node starts slowly on a loaded machine), not a fixed time.
  let simOut = '';
  const simDone = new Promise<void>((resolve) => {
    sim.stdout.on('data', (b) => {
      simOut += String(b);
      if (simOut.includes('"ready"') && !simOut.includes('"boot-sent"')) {
        simOut += '"boot-sent"';
        sim.stdin.write('boot\n');
      }
      if (/"regular"|"failsafe"/.test(simOut)) resolve();
    });
    setTimeout(resolve, 20_000);
  });
  await simDone;
  await sleep(300);
  sim.kill();
  out.simSaid = simOut;
  for (const m of monitors) await m.stop();
  out.heard = heard.map((h) => h.map((d) => ({ from: d.from, kind: d.kind, text: d.text })));

  // TFTP: a server per slot, each serving its own image; each router fetches from its own slot's address,
  // and router 1 cannot reach slot 2's server (that address is not on its card).
  const servers: TftpServer[] = [];
  const images: string[] = [];
  for (const [i, s] of slots.entries()) {
    const root = path.join(cfg.dataDir, `tftp-${i}`);
    fs.mkdirSync(root, { recursive: true });
    fs.writeFileSync(path.join(root, 'image.bin'), crypto.createHash('sha512').update(`slot ${i}`).digest().toString('hex').repeat(2000));
    images.push(sha(path.join(root, 'image.bin')));
    servers.push(await startTftpServer({ root, bind: s.sourceAddress, port: 69, overwrite: false }));
  }
  const tftpErrors: string[] = [];
  // Asynchronous: the servers answer on this process's event loop.
  const fetch = async (routerIdx: number, from: string): Promise<string | undefined> => {
    const dst = `/tmp/rb-station-tftp-${process.pid}-${routerIdx}-${from}`;
    try {
      await execFileP('ip', ['netns', 'exec', cfg.routerNs[routerIdx]!, 'timeout', '4', 'busybox', 'tftp', '-g', '-r', 'image.bin', '-l', dst, from]);
      return sha(dst);
    } catch (e) {
      tftpErrors.push(`router ${routerIdx} from ${from}: ${String((e as { stderr?: Buffer }).stderr ?? e)}`);
      return undefined;
    } finally {
      fs.rmSync(dst, { force: true });
    }
  };
  // One router after the other, each tried twice: busybox tftp gives up at the first lost packet ("read error"
  // on a loaded machine); what matters here is which router reaches which server.
  const fetched: (string | undefined)[] = [];
  for (const [i, s] of slots.entries()) fetched.push((await fetch(i, s.sourceAddress)) ?? (await fetch(i, s.sourceAddress)));
  out.tftp = { images, fetched, crossed: await fetch(0, slots[1]!.sourceAddress), errors: tftpErrors };
  for (const s of servers) await s.close();

  // Carrier loss on one card while the others go on: that router is slowed down (tc on its end) so its backup is
  // still running, then its cable is pulled for 1.5 s; the other routers' backups go on meanwhile.
  const pullNs = cfg.routerNs[cfg.pullCard]!;
  const pullIf = execFileSync('ip', ['-n', pullNs, '-j', 'link', 'show', 'type', 'veth'], { encoding: 'utf8' }).match(/"ifname":"([^"]+)"/)![1]!;
  execFileSync('ip', ['netns', 'exec', pullNs, 'tc', 'qdisc', 'replace', 'dev', pullIf, 'root', 'tbf', 'rate', '16mbit', 'burst', '32kb', 'latency', '400ms']);
  const before = slotEvents.length;
  const round2 = slots.map((_, i) => backup(i, path.join(cfg.dataDir, `round2-${i}`)));
  await sleep(400);
  execFileSync('ip', ['-n', pullNs, 'link', 'set', pullIf, 'down']);
  const othersDone = Promise.all(round2.filter((_, i) => i !== cfg.pullCard)).then(() => Date.now());
  const pulledDone = round2[cfg.pullCard]!.then(() => Date.now());
  await sleep(1500);
  const plugBackAt = Date.now();
  execFileSync('ip', ['-n', pullNs, 'link', 'set', pullIf, 'up']);
  out.round2Times = { othersDone: await othersDone, pulledDone: await pulledDone, plugBackAt };
  const r2 = await Promise.all(round2);
  // The card's link is back: wait (poll) for its ready event.
  for (let k = 0; k < 50 && !slotEvents.slice(before).some((e) => e.interface === cfg.cards[cfg.pullCard] && e.state === 'ready'); k++) await sleep(100);
  out.round2 = r2.map((r) => ({ ok: r.ok, error: r.error?.code, files: r.manifest.partitions.map((p) => ({ name: p.name, sha256: p.sha256, local: p.file ? sha(path.join(r.dir, p.file)) : undefined })) }));
  out.slotEventsRound2 = slotEvents.slice(before).map((e) => ({ interface: e.interface, state: e.state }));

  // Release everything.
  for (const s of slots) await s.release();
  out.slotEventsEnd = slotEvents.filter((e) => e.state === 'released').map((e) => e.interface);

  // The same through the station service (decision 0120): a slot per card; the station gives each slot its
  // route (cardNetwork → NetService.slotRoute) and its run connects from the slot's address. The run is the
  // upgrade guide's own backup step (its executor, unchanged): "Full backup first", answered per slot.
  const upgrade = new UpgradeService({ progress: () => undefined }, { dataDir: cfg.dataDir, open: (t) => openTarget(t, cfg.dataDir), flash: () => flash, net: () => net });
  const backupStep = flashPlaybook.steps.find((st) => st.run === 'upgrade.backup')!;
  const playbooks = new PlaybookService(cfg.dataDir, { 'slot-backup': { def: { id: 'slot-backup', title: 'Back up', summary: 'The upgrade guide’s backup step alone.', steps: [{ ...backupStep, preconditions: [] }] }, executors: { 'upgrade.backup': upgrade.executors()['upgrade.backup']! } } }, { snapshot: () => undefined, transcript: () => undefined });
  const stationSlots: SlotStatus[] = [];
  const stationProgress: SlotProgress[] = [];
  const station = new StationService(cfg.dataDir, playbooks, { slot: (st) => stationSlots.push(st), progress: (p) => stationProgress.push(p), removed: () => undefined }, { network: cardNetwork(net, new EventBus()), progressEveryMs: 0 });
  const ids = cfg.cards.map((c) => station.add({ interface: c }).id);
  const ts0 = Date.now();
  // settings not kept (as for the maker's firmware): the step saves the settings first (sysupgrade -b, size not
  // known before its end: progress with total 0, decision 0156), then asks for the full backup
  for (const id of ids) await station.start(id, 'slot-backup', { routerAddress: '192.168.1.1', host: '192.168.1.1', method: 'ssh', user: 'root', hostKeyPolicy: 'remember', keepSettings: 'no-keep' } as unknown as RunOptions);
  out.stationRulesDuring = execFileSync('ip', ['rule', 'show'], { encoding: 'utf8' });
  out.stationSources = ids.map((id) => station.list().slots.find((x) => x.id === id)!.sourceAddress);
  const answered = new Set<string>();
  for (let k = 0; k < 1200; k++) {
    const now = station.list().slots.filter((x) => ids.includes(x.id));
    for (const x of now) {
      const pr = x.run?.prompt;
      if (pr && !answered.has(pr.id)) {
        answered.add(pr.id);
        if (!pr.choices.some((c) => c.id === 'full')) throw new Error(`unexpected question: ${pr.text} ${JSON.stringify(pr.choices.map((c) => c.id))}`);
        station.respond(x.id, pr.id, 'full');
      }
    }
    if (now.every((x) => x.state !== 'running' && x.state !== 'paused' && x.state !== 'idle')) break;
    await sleep(100);
  }
  out.stationMs = Date.now() - ts0;
  const ended = station.list().slots.filter((x) => ids.includes(x.id));
  out.station = ended.map((x) => {
    const evidence = x.run?.steps.flatMap((st) => st.evidence.map((e) => e.text)) ?? [];
    const dir = evidence.map((t) => /^Full backup complete: (.*)\.$/.exec(t)?.[1]).find(Boolean);
    const manifest = dir ? (JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { partitions: { name: string; file?: string }[] }) : undefined;
    return {
      state: x.state,
      sourceAddress: x.sourceAddress,
      error: x.run?.steps.find((st) => st.error)?.error?.code,
      settingsBytes: Number(evidence.map((t) => /^Saved your settings \((\d+) bytes/.exec(t)?.[1]).find(Boolean) ?? 0),
      files: manifest?.partitions.map((pt) => ({ name: pt.name, local: pt.file ? sha(path.join(dir!, pt.file)) : undefined })),
      progress: stationProgress.filter((p) => p.slotId === x.id).map((p) => ({ done: p.done, total: p.total, bytesPerS: p.bytesPerS, etaS: p.etaS })),
    };
  });
  // a slot's route is released when its run has ended (just after its last state): wait for the three
  const releasedSoFar = (out.slotEventsEnd as string[]).length;
  for (let k = 0; k < 100 && slotEvents.filter((e) => e.state === 'released').length < releasedSoFar + ids.length; k++) await sleep(50);
  await station.dispose();
  await playbooks.dispose();
  out.stationRulesAfter = execFileSync('ip', ['rule', 'show'], { encoding: 'utf8' });
  out.stationReleased = slotEvents.filter((e) => e.state === 'released').map((e) => e.interface).slice((out.slotEventsEnd as string[]).length);
  await net.dispose();
  out.rulesAfter = execFileSync('ip', ['rule', 'show'], { encoding: 'utf8' });
  out.tablesAfter = execFileSync('ip', ['route', 'show', 'table', 'all'], { encoding: 'utf8' });
  out.addrAfter = execFileSync('ip', ['-4', 'addr', 'show'], { encoding: 'utf8' });
  out.sysctlAfter = execFileSync('sysctl', ['-n', `net/ipv4/conf/${cfg.cards[0]}/arp_ignore`, `net/ipv4/conf/${cfg.cards[0]}/arp_filter`, `net/ipv4/conf/${cfg.cards[0]}/rp_filter`], { encoding: 'utf8' }).trim().split('\n');
  out.slotsFile = JSON.parse(fs.readFileSync(path.join(cfg.dataDir, 'net-slots.json'), 'utf8'));
  return out;
}

main().then(
  (o) => {
    process.stdout.write(JSON.stringify(o) + '\n');
    process.exit(0);
  },
  (e: unknown) => {
    process.stdout.write(JSON.stringify({ crashed: String((e as Error)?.stack ?? e), fault: e }) + '\n');
    process.exit(1);
  },
);
