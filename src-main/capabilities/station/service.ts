/**
 * The bench station (issue 17): slots, each one router's place on the bench (a network card and/or a serial
 * port), each with its own guide run through the playbook engine (PlaybookService.startFor: its own journal,
 * so its own job), its own route to the router through its card, its progress with rate and time left, and
 * its problems in three parts: a card that loses its link pauses that slot only; a router that shows up in a
 * second slot while its job in the first still runs was moved. Slots are kept in <data>/station/slots.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { RunOptions, RunSnapshot } from '../../../src-shared/capabilities/playbook';
import type { JournalRecord } from '../../../src-shared/capabilities/playbook';
import { extractJob } from '../../../src-shared/capabilities/jobs';
import { movedFrom, rateOf, SLOT_COLOURS, trimSamples, type Sample, type Slot, type SlotProgress, type SlotStatus } from '../../../src-shared/capabilities/station';
import { RbFault, fault, type RbErrorShape } from '../../../src-shared/errors';
import { said } from '../../../src-shared/i18n/said';
import type { PlaybookRun, RunnerHooks, StepProgress } from '../playbook';

/** The route a slot's traffic takes: an address of this computer on the slot's card (h17net's slotRoute shape). */
export interface SlotRoute {
  interface: string;
  sourceAddress: string;
  table?: number;
  release(): Promise<void>;
}

/** What the station needs from the network layer (the net capability; injected, so tests need no root). */
export interface SlotNetwork {
  slotRoute(iface: string, opts: { routerIp: string; prefix: number; signal?: AbortSignal }): Promise<SlotRoute>;
  /** Tell `fn` each time the card's link comes or goes (true: link, false: none); returns how to stop listening. */
  watchCarrier(iface: string, fn: (carrier: boolean, at: number) => void): () => void;
}

/** What the station needs from the playbook engine (PlaybookService's slot runs and journal reader). */
export interface SlotRunner {
  startFor(slot: string, playbookId: string, options: RunOptions, hooks: RunnerHooks): PlaybookRun;
  runFor(slot: string): PlaybookRun | undefined;
  forget(slot: string): Promise<void>;
  readJournal(runId: string): JournalRecord[] | undefined;
  list(): { id: string; title: string }[];
}

export interface StationEvents {
  slot(s: SlotStatus): void;
  progress(p: SlotProgress): void;
  removed(slotId: string): void;
}

export interface StationOptions {
  network: SlotNetwork;
  now?: () => number;
  /** At most one progress event per slot this often (the last one of a step always goes out). */
  progressEveryMs?: number;
}

interface Live {
  slot: Slot;
  route?: SlotRoute;
  router: SlotStatus['router'];
  problems: Map<string, RbErrorShape>;
  progress?: SlotProgress;
  samples: Sample[];
  lastProgressAt: number;
  pendingProgress?: NodeJS.Timeout;
  unwatch?: () => void;
  carrier?: boolean;
}

const clock = (at: number): string => new Date(at).toTimeString().slice(0, 8);

export class StationService {
  private readonly slots = new Map<string, Live>();
  private readonly now: () => number;
  private readonly file: string;

  constructor(
    private readonly dataDir: string,
    private readonly runner: SlotRunner,
    private readonly events: StationEvents,
    private readonly o: StationOptions,
  ) {
    this.now = o.now ?? Date.now;
    this.file = path.join(dataDir, 'station', 'slots.json');
    for (const s of this.read()) this.slots.set(s.id, { slot: s, router: {}, problems: new Map(), samples: [], lastProgressAt: 0 });
    for (const l of this.slots.values()) this.watch(l);
  }

  private read(): Slot[] {
    try {
      const v = JSON.parse(fs.readFileSync(this.file, 'utf8')) as { slots?: Slot[] };
      return Array.isArray(v.slots) ? v.slots.filter((s) => typeof s?.id === 'string' && typeof s.name === 'string') : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify({ slots: [...this.slots.values()].map((l) => l.slot) }, null, 2)}\n`);
    fs.renameSync(tmp, this.file);
  }

  private get(slotId: string): Live {
    const l = this.slots.get(slotId);
    if (!l)
      throw fault('NO_SUCH_SLOT', { slot: slotId });
    return l;
  }

  list(): { slots: SlotStatus[]; playbooks: { id: string; title: string }[] } {
    return { slots: [...this.slots.values()].map((l) => this.status(l)), playbooks: this.runner.list().map((p) => ({ id: p.id, title: p.title })) };
  }

  add(req: { name?: string; interface?: string; serialPath?: string }): SlotStatus {
    const iface = req.interface?.trim() || undefined;
    const serial = req.serialPath?.trim() || undefined;
    if (!iface && !serial)
      throw fault('SLOT_NEEDS_CABLE');
    for (const other of this.slots.values()) {
      if (iface && other.slot.interface === iface)
        throw fault('SLOT_CARD_TAKEN', { card: iface, slot: other.slot.name });
      if (serial && other.slot.serialPath === serial)
        throw fault('SLOT_PORT_TAKEN', { port: serial, slot: other.slot.name });
    }
    let n = 1;
    while (this.slots.has(`slot-${n}`)) n++;
    const used = new Set([...this.slots.values()].map((l) => l.slot.colour));
    const colour = [...Array(SLOT_COLOURS).keys()].find((c) => !used.has(c)) ?? (n - 1) % SLOT_COLOURS;
    const slot: Slot = { id: `slot-${n}`, name: req.name?.trim() || String(n), colour };
    if (iface) slot.interface = iface;
    if (serial) slot.serialPath = serial;
    const l: Live = { slot, router: {}, problems: new Map(), samples: [], lastProgressAt: 0 };
    this.slots.set(slot.id, l);
    this.save();
    this.watch(l);
    return this.emit(l);
  }

  async remove(slotId: string): Promise<{ ok: true }> {
    const l = this.get(slotId);
    const run = this.runner.runFor(slotId);
    if (run?.running)
      throw fault('SLOT_RUNNING', { slot: l.slot.name, title: run.playbook.title });
    l.unwatch?.();
    if (l.pendingProgress) clearTimeout(l.pendingProgress);
    await l.route?.release().catch(() => undefined);
    await this.runner.forget(slotId);
    this.slots.delete(slotId);
    this.save();
    this.events.removed(slotId);
    return { ok: true };
  }

  async start(slotId: string, playbookId: string, options: RunOptions): Promise<SlotStatus> {
    const l = this.get(slotId);
    const going = this.runner.runFor(slotId);
    if (going?.running)
      throw fault('SLOT_BUSY', { where: 'slot', slot: l.slot.name, title: going.playbook.title });
    if (l.slot.interface && l.carrier === false) throw this.noLink(l, this.now());
    l.router = {};
    l.problems.clear();
    l.progress = undefined;
    l.samples = [];
    await l.route?.release().catch(() => undefined);
    l.route = undefined;
    const routerIp = options.routerAddress ?? '192.168.1.1';
    if (l.slot.interface) l.route = await this.o.network.slotRoute(l.slot.interface, { routerIp, prefix: 24 });
    const opts: RunOptions & Record<string, unknown> = { ...(options as RunOptions), slot: l.slot.name };
    if (l.slot.interface) opts.interface = l.slot.interface;
    if (l.route) opts.sourceAddress = l.route.sourceAddress;
    if (l.slot.serialPath && opts.serialPath === undefined) opts.serialPath = l.slot.serialPath;
    try {
      const run = this.runner.startFor(slotId, playbookId, opts, this.hooks(l));
      void run.done.finally(() => void this.ended(l, run));
    } catch (e) {
      await l.route?.release().catch(() => undefined);
      l.route = undefined;
      throw e;
    }
    return this.emit(l);
  }

  respond(slotId: string, promptId: string, choice: string, input?: string): SlotStatus {
    const l = this.get(slotId);
    const run = this.runner.runFor(slotId);
    if (!run?.running) throw fault('NO_SUCH_RUN', { interrupted: 'slot', slot: l.slot.name });
    run.respond(promptId, input === undefined ? { choice } : { choice, input });
    return this.status(l);
  }

  async stop(slotId: string): Promise<SlotStatus> {
    const l = this.get(slotId);
    await this.runner.runFor(slotId)?.stop();
    return this.emit(l);
  }

  /** The slot's status now. */
  status(l: Live): SlotStatus {
    const run = this.runner.runFor(l.slot.id);
    const snap = run?.snap;
    const state: SlotStatus['state'] = !snap ? 'idle' : run.paused && snap.state === 'running' ? 'paused' : snap.state;
    const s: SlotStatus = { ...l.slot, state, router: { ...l.router }, problems: [...l.problems.values()] };
    if (snap) s.run = snap;
    if (l.route) s.sourceAddress = l.route.sourceAddress;
    if (l.progress && snap && l.progress.runId === snap.runId) s.progress = l.progress;
    return s;
  }

  private emit(l: Live): SlotStatus {
    const s = this.status(l);
    if (this.slots.get(l.slot.id) === l) this.events.slot(s);
    return s;
  }

  private hooks(l: Live): RunnerHooks {
    return {
      snapshot: (snap) => this.onSnapshot(l, snap),
      transcript: () => undefined,
      progress: (p) => this.onProgress(l, p),
    };
  }

  private onSnapshot(l: Live, snap: RunSnapshot): void {
    // a new step: its progress starts again
    if (l.progress && snap.steps[snap.current]?.id !== l.progress.stepId) {
      l.progress = undefined;
      l.samples = [];
    }
    this.learnRouter(l, snap);
    this.emit(l);
  }

  /** The router's identity from what the run journaled so far (the same reading the job uses). */
  private learnRouter(l: Live, snap: RunSnapshot): void {
    const records = this.runner.readJournal(snap.runId);
    if (!records) return;
    const job = extractJob(records, { station: '', live: true, notes: [] });
    if (!job) return;
    const before = l.router.mac;
    const r: SlotStatus['router'] = {};
    if (job.router.mac) r.mac = job.router.mac;
    if (job.router.board) r.board = job.router.board;
    if (job.router.model) r.model = job.router.model;
    l.router = r;
    if (r.mac && r.mac !== before) this.checkMoved(l);
  }

  private seen(l: Live): { slotId: string; name: string; interface?: string; active: boolean; router: SlotStatus['router'] } {
    const out: { slotId: string; name: string; interface?: string; active: boolean; router: SlotStatus['router'] } = { slotId: l.slot.id, name: l.slot.name, active: !!this.runner.runFor(l.slot.id)?.running, router: l.router };
    if (l.slot.interface) out.interface = l.slot.interface;
    return out;
  }

  private checkMoved(l: Live): void {
    const from = movedFrom(
      this.seen(l),
      [...this.slots.values()].filter((o) => o !== l).map((o) => this.seen(o)),
    );
    if (!from) return;
    const old = this.slots.get(from.slotId)!;
    const mac = l.router.mac!;
    const card = l.slot.interface ?? l.slot.serialPath ?? '';
    const values = { mac, from: old.slot.name, to: l.slot.name, card, back: old.slot.interface ?? old.slot.serialPath ?? '' };
    const moved = fault('ROUTER_MOVED', values).toShape();
    old.problems.set('ROUTER_MOVED', moved);
    l.problems.set('ROUTER_MOVED', moved);
    this.runner.runFor(old.slot.id)?.note(said('station.said.movedAway', { mac, from: old.slot.name, to: l.slot.name, card }));
    this.runner.runFor(l.slot.id)?.note(said('station.said.movedHere', { mac, from: old.slot.name }));
    this.emit(old);
  }

  private onProgress(l: Live, p: StepProgress): void {
    if (l.progress && (l.progress.runId !== p.runId || l.progress.stepId !== p.stepId || p.done < l.progress.done)) l.samples = [];
    l.samples.push({ at: p.at, done: p.done });
    trimSamples(l.samples, p.at);
    const rate = rateOf(l.samples, p.total);
    const out: SlotProgress = { slotId: l.slot.id, runId: p.runId, stepId: p.stepId, done: p.done, total: p.total, at: p.at };
    if (rate) {
      out.bytesPerS = rate.bytesPerS;
      // total 0: the size is not known (the settings backup streams its archive): a rate, never a time left
      if (p.total > 0) out.etaS = rate.etaS;
    }
    l.progress = out;
    const every = this.o.progressEveryMs ?? 100;
    const wait = l.lastProgressAt + every - this.now();
    // the last bytes of a known total go out at once; an unknown total (0) is throttled like any other sample
    if ((p.total > 0 && p.done >= p.total) || wait <= 0) {
      if (l.pendingProgress) clearTimeout(l.pendingProgress);
      l.pendingProgress = undefined;
      l.lastProgressAt = this.now();
      this.events.progress(out);
    } else if (!l.pendingProgress) {
      l.pendingProgress = setTimeout(() => {
        l.pendingProgress = undefined;
        l.lastProgressAt = this.now();
        if (l.progress) this.events.progress(l.progress);
      }, wait);
    }
  }

  private async ended(l: Live, run: PlaybookRun): Promise<void> {
    if (this.runner.runFor(l.slot.id) !== run) return;
    if (l.pendingProgress) clearTimeout(l.pendingProgress);
    l.pendingProgress = undefined;
    const route = l.route;
    l.route = undefined;
    await route?.release().catch(() => undefined);
    this.emit(l);
  }

  private noLink(l: Live, at: number): RbFault {
    return new RbFault(this.noLinkShape(l, at));
  }

  private noLinkShape(l: Live, at: number): RbErrorShape {
    return fault('SLOT_NO_LINK', { slot: l.slot.name, card: l.slot.interface!, time: clock(at) }).toShape();
  }

  private watch(l: Live): void {
    const card = l.slot.interface;
    if (!card) return;
    l.unwatch = this.o.network.watchCarrier(card, (carrier, at) => {
      if (l.carrier === carrier) return;
      l.carrier = carrier;
      const run = this.runner.runFor(l.slot.id);
      if (!carrier) {
        l.problems.set('SLOT_NO_LINK', this.noLinkShape(l, at));
        run?.pause(said('station.said.noLink', { slot: l.slot.name, card, time: clock(at) }));
      } else if (l.problems.delete('SLOT_NO_LINK')) {
        run?.unpause(said('station.said.linkBack', { card, time: clock(at) }));
      }
      this.emit(l);
    });
  }

  async dispose(): Promise<void> {
    for (const l of this.slots.values()) {
      l.unwatch?.();
      if (l.pendingProgress) clearTimeout(l.pendingProgress);
      await l.route?.release().catch(() => undefined);
    }
  }
}
