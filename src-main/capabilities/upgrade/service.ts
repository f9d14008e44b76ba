/**
 * The upgrade capability's service: the executors behind the two playbooks (src-shared/capabilities/upgrade/
 * playbook.ts), the state of each run, and what a run found out. Everything the router is asked goes through
 * router-ops.ts; the image check is the firmware capability's inspector, the full backup the flash capability's.
 *
 * Secrets: the router password stays in this process (never in the run's options, which are journaled); a run
 * resumed after a restart asks for it again when the router wants one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionTarget } from '../../../src-shared/capabilities/device';
import { verdictFor, type InspectionReport, type Verdict } from '../../../src-shared/capabilities/firmware';
import type { RunOptions, RunSnapshot } from '../../../src-shared/capabilities/playbook';
import {
  checkImageHash,
  dualSlotState,
  FLASH_PLAYBOOK_ID,
  flashPlaybook,
  judgeSysupgradeTest,
  meaningValues,
  needsFactoryValues,
  tooBigValues,
  planReturnToStock,
  returnPlanDetail,
  recoveryValues,
  planEvidence,
  slotsEvidence,
  releaseText,
  STOCK_PLAYBOOK_ID,
  stockPlaybook,
  bootSlotCommands,
  versionFromFileName,
  type ImageForPlan,
  type ReturnPlan,
  type StockReport,
  type BootSlotResult,
  type UpgradeOutcome,
  type UpgradeProgress,
  type UpgradeStart,
} from '../../../src-shared/capabilities/upgrade';
import { RbFault, fault, toErrorShape } from '../../../src-shared/errors';
import { said, saidFrom, saidOr, type Said, type SaidMessage, type Words } from '../../../src-shared/i18n/said';
import { faultWords } from '../../../src-shared/i18n/errors';
import { sessionNotes, shQuote, type Session } from '../../session';
import { inspectFile } from '../firmware';
import type { FlashService } from '../flash';
import type { PlaybookService, RegisteredPlaybook, StepContext, StepExecutor, StepOutcome } from '../playbook';
import { stepSaid } from '../playbook';
import { checkStaged, loginAgain, readRouter, startSysupgrade, sysupgradeTest, uploadImage, vendorWebAnswer, waitForRouter, type RouterSign, type RouterState, type WaitPhase, type WaitResult } from './router-ops';
import type { NetService } from '../net';

/** The note that the router made a new SSH key after a fresh setup, with its id when it came with one (decision 0186). */
function hostKeyNoteOf(s: Session): { hostKeyNote?: string; hostKeyNoteMsg?: SaidMessage } {
  const n = sessionNotes(s).find((w) => /new SSH key/.test(typeof w === 'string' ? w : w.text));
  if (n === undefined) return {};
  return typeof n === 'string' ? { hostKeyNote: n } : { hostKeyNote: n.text, hostKeyNoteMsg: n.msg };
}

export interface UpgradeHooks {
  progress(p: UpgradeProgress): void;
}

export interface UpgradeDeps {
  dataDir: string;
  open(t: SessionTarget): Promise<Session>;
  flash(): FlashService;
  /** The net capability: its probe (ping, ARP, TCP) for the wait, its DHCP check for the maker's firmware. */
  net(): Pick<NetService, 'probe' | 'check'>;
  now?: () => number;
}

interface ImageState {
  role: 'flash' | 'intermediate' | 'stock';
  path: string;
  fileName: string;
  report: InspectionReport;
  stagePath: string;
  hash?: ImageForPlan['hash'];
}

interface RunState {
  runId: string;
  req: UpgradeStart;
  images: Partial<Record<'main' | 'intermediate', ImageState>>;
  current: 'main' | 'intermediate';
  router?: RouterState;
  verdict?: Verdict;
  plan?: ReturnPlan;
  settingsLost: boolean;
  keep?: boolean;
  forced?: boolean;
  routerSays?: string[];
  settingsBackup?: string;
  fullBackupDone?: boolean;
  written?: { slot?: 1 | 2; at: number; commencedAt: number; dropped: boolean; kept: boolean; oldRelease?: string };
  back?: WaitResult;
  verified?: NonNullable<UpgradeOutcome['verified']>;
  timing?: { flashAt: number; verifiedAt?: number };
}

const BAG_SESSION = 'upgrade.session';
const FORCE_WORD = 'FORCE';

const mib = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 2 : 1)} MiB`;
const dur = (ms: number) => {
  const s = Math.round(ms / 1000);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
};
/** A failed step whose words are in the catalogue (src-shared/capabilities/upgrade/messages), with its values. */
const failSaid = (code: string, values: Record<string, string | number> = {}, details?: string): StepOutcome => ({ ok: false, error: fault(code, values, details ? { details } : {}).toShape() });
/** The router's own lines as the faults quote them: each in double quotes, as printed. */
const quoted = (lines: readonly string[]) => lines.map((l) => `"${l}"`).join(' ');

/**
 * One of the verdict's sentences as a `Said` (decision 0188), with the image's sentence it quotes (a slot-layout
 * reason, an integrity line) said from its id too; a sentence that is not ours stays as it came.
 */
function verdictSaid(text: string, v: Verdict, image: readonly SaidMessage[] | undefined): Words {
  const w = saidFrom(text, v.said);
  // a damaged image's reason is the image's own integrity sentence
  if (typeof w === 'string') return saidFrom(text, image);
  if (!w.msg.values) return w;
  const inner = Object.fromEntries(
    Object.entries(w.msg.values).flatMap(([k, val]) => {
      const q = typeof val === 'string' ? saidFrom(val, image) : val;
      return typeof q === 'object' ? [[k, q.msg]] : [];
    }),
  );
  return Object.keys(inner).length ? { text, msg: { ...w.msg, inner } } : w;
}

const safeName = (n: string) => n.replace(/[^\w.+-]/g, '_').slice(0, 100) || 'firmware.bin';

/** What answers on a port, as the catalogue's select case (`upgrade.said.ev.answered`). */
const PORT_NAMES: Record<number, string> = { 22: 'ssh', 80: 'web', 23: 'telnet' };

/** What the router should be doing in this phase of the wait, in plain words (the timeline's "do now" and the bar). */
/** What the router shows now, said (decision 0130): `service` is what answers once it is back (web: the maker's page). */
export function waitText(p: WaitPhase, sign: RouterSign, service: 'web' | 'login'): Said {
  if (p === 'writing') return said(sign.aliveBy.some((a) => a.startsWith('answers ping')) && !sign.open.length ? 'upgrade.said.wait.writingPing' : 'upgrade.said.wait.writing');
  if (p === 'restarting') return said('upgrade.said.wait.restarting');
  if (p === 'starting') return said('upgrade.said.wait.starting', { sign: sign.aliveBy[0] ?? 'answers', service });
  return said('upgrade.said.wait.back');
}

/** The request as the run's options (journaled: no password). */
function optionsOf(req: UpgradeStart): RunSnapshot['options'] {
  const o: RunSnapshot['options'] = {
    mode: req.mode,
    host: req.target.host,
    method: req.target.method,
    user: req.target.user,
    hostKeyPolicy: req.target.hostKeyPolicy,
    file: req.file,
    keepSettings: req.keepSettings,
    force: req.force,
    dryRun: req.dryRun,
    returnTimeoutS: req.returnTimeoutS,
  };
  if (req.target.port) o.port = req.target.port;
  if (req.target.keyFile) o.keyFile = req.target.keyFile;
  // the card's own address on a station (--interface, a slot): the run's sessions connect from it
  if (req.target.localAddress) o.sourceAddress = req.target.localAddress;
  if (req.sha256) o.sha256 = req.sha256;
  if (req.intermediate) o.intermediate = req.intermediate;
  if (req.intermediateSha256) o.intermediateSha256 = req.intermediateSha256;
  if (req.webPort) o.webPort = req.webPort;
  if (req.practice) o.practice = true;
  return o;
}

function requestOf(o: RunSnapshot['options'], password?: string): UpgradeStart {
  const s = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
  const target: SessionTarget = {
    host: s('host') ?? '192.168.1.1',
    method: (s('method') as SessionTarget['method']) ?? 'auto',
    user: s('user') ?? 'root',
    hostKeyPolicy: (s('hostKeyPolicy') as SessionTarget['hostKeyPolicy']) ?? 'remember',
  };
  if (typeof o.port === 'number') target.port = o.port;
  if (s('keyFile')) target.keyFile = s('keyFile')!;
  // a bench station slot's run: connect from the slot's own address, so through its card (decision 0110)
  if (s('sourceAddress')) target.localAddress = s('sourceAddress')!;
  if (password !== undefined) target.password = password;
  const req: UpgradeStart = {
    mode: s('mode') === 'return-to-stock' ? 'return-to-stock' : 'flash',
    target,
    file: s('file') ?? '',
    keepSettings: (s('keepSettings') as UpgradeStart['keepSettings']) ?? 'auto',
    force: o.force === true,
    dryRun: o.dryRun === true,
    returnTimeoutS: typeof o.returnTimeoutS === 'number' ? o.returnTimeoutS : 420,
  };
  if (s('sha256')) req.sha256 = s('sha256')!;
  if (s('intermediate')) req.intermediate = s('intermediate')!;
  if (s('intermediateSha256')) req.intermediateSha256 = s('intermediateSha256')!;
  if (typeof o.webPort === 'number') req.webPort = o.webPort;
  if (o.practice === true) req.practice = true;
  return req;
}

/** Rate over the last few seconds and time left, for the progress bar. */
class RateMeter {
  private samples: Array<[number, number]> = [];
  constructor(private readonly now: () => number) {}
  add(done: number): { rate?: number; etaS?: number } {
    const t = this.now();
    this.samples.push([t, done]);
    while (this.samples.length > 2 && t - this.samples[0]![0] > 3000) this.samples.shift();
    const [t0, d0] = this.samples[0]!;
    if (t - t0 < 200) return {};
    return { rate: ((done - d0) * 1000) / (t - t0) };
  }
}

export class UpgradeService {
  private readonly runs = new Map<string, RunState>();
  private readonly passwords = new Map<string, string>();
  /** The target of the run being started (its first executor runs before start() returns). */
  private starting: SessionTarget | undefined;
  private lastRunId: string | undefined;
  private lastJournal: string | undefined;
  private readonly now: () => number;

  constructor(
    private readonly hooks: UpgradeHooks,
    private readonly deps: UpgradeDeps,
  ) {
    this.now = deps.now ?? Date.now;
  }

  // ------------------------------------------------------------------ public

  playbooks(): Record<string, RegisteredPlaybook> {
    const executors = this.executors();
    return { [FLASH_PLAYBOOK_ID]: { def: flashPlaybook, executors }, [STOCK_PLAYBOOK_ID]: { def: stockPlaybook, executors } };
  }

  start(req: UpgradeStart, playbook: PlaybookService): RunSnapshot {
    this.starting = req.target;
    try {
      const snap = playbook.start(req.mode === 'return-to-stock' ? STOCK_PLAYBOOK_ID : FLASH_PLAYBOOK_ID, optionsOf(req) as unknown as RunOptions);
      this.lastRunId = snap.runId;
      this.lastJournal = path.join(playbook.journalDir, `${snap.runId}.jsonl`);
      if (req.target.password !== undefined) this.passwords.set(snap.runId, req.target.password);
      return snap;
    } finally {
      this.starting = undefined;
    }
  }

  outcome(run?: RunSnapshot): Partial<UpgradeOutcome> {
    const st = this.lastRunId ? this.runs.get(this.lastRunId) : undefined;
    const out: Partial<UpgradeOutcome> = {};
    if (run) out.run = run;
    if (this.lastJournal) out.journal = this.lastJournal;
    if (!st) return out;
    if (st.verified) out.verified = st.verified;
    if (st.routerSays) out.routerSays = st.routerSays;
    if (st.settingsBackup) out.settingsBackup = st.settingsBackup;
    if (st.plan) out.plan = st.plan;
    if (st.timing?.verifiedAt && st.written && st.back?.backAt) {
      const totalMs = st.timing.verifiedAt - st.timing.flashAt;
      const routerMs = st.back.backAt - st.written.commencedAt;
      out.timing = { totalMs, routerMs, oursMs: totalMs - routerMs };
    }
    return out;
  }

  /** Return to stock without a run: connect, read, check the files, say the plan. Nothing on the router changes. */
  async planOnly(req: Pick<UpgradeStart, 'target' | 'file' | 'sha256' | 'intermediate' | 'intermediateSha256'>): Promise<StockReport> {
    const s = await this.deps.open(req.target);
    try {
      const router = await readRouter(s);
      const main = await this.imageFor('stock', req.file, req.sha256);
      const inter = req.intermediate ? await this.imageFor('intermediate', req.intermediate, req.intermediateSha256) : undefined;
      const state = dualSlotState(router.device);
      const plan = this.planFor(router, main, inter);
      const report: StockReport = { plan, slots: state?.slots ?? [], env: state?.env ?? {}, warnings: [...(state?.warnings ?? []), ...router.device.warnings] };
      // ours as ids beside the English (decision 0184); a router's own line (fw_printenv: …) has none and is said as it came
      const warningsMsg = [...(state?.warningsMsg ?? []), ...(router.device.warningsMsg ?? [])];
      if (warningsMsg.length) report.warningsMsg = warningsMsg;
      if (state?.bootPart) report.bootPart = state.bootPart;
      if (router.facts.release) report.release = releaseText(router.facts.release);
      return report;
    } finally {
      await s.close();
    }
  }

  /**
   * fw_setenv boot_part N and its bootcmd, with the slot named as confirmation (the recovery action after a
   * failed Linksys flash). preview: read and say what would change, change nothing.
   */
  async bootSlot(target: SessionTarget, slot: 1 | 2, confirm: string, preview = false): Promise<BootSlotResult> {
    if (!preview && confirm.trim() !== `slot ${slot}`)
      throw fault('NOT_CONFIRMED', { what: 'slot', slot });
    const s = await this.deps.open(target);
    try {
      const { device } = await readRouter(s);
      if (!dualSlotState(device)) throw fault('NOT_DUAL_SLOT', { where: 'slot' });
      if (!device.env || Object.keys(device.env).length === 0) {
        const probe = await s.exec('fw_printenv 2>&1; cat /etc/fw_env.config 2>&1', { timeoutMs: 20_000 });
        throw fault('NO_UBOOT_ENV', {}, { details: probe.stdout.toString().slice(0, 1000) });
      }
      const before = { ...device.env };
      const commands = bootSlotCommands(slot);
      const want = { boot_part: String(slot), bootcmd: slot === 1 ? 'run nandboot' : 'run altnandboot' };
      const changes = (Object.keys(want) as Array<keyof typeof want>).filter((k) => before[k] !== want[k]).map((k) => ({ name: k, from: before[k] ?? '', to: want[k] }));
      if (preview) return { changed: false, before, env: before, commands, changes };
      for (const c of commands) {
        const r = await s.exec(`${c} 2>&1`, { timeoutMs: 20_000 });
        if (r.code !== 0) throw fault('FW_SETENV_FAILED', { stuck: 'no' }, { details: `${c}: exit ${r.code} ${r.stdout.toString()}` });
      }
      const after = (await readRouter(s)).device.env ?? {};
      if (after.boot_part !== want.boot_part || after.bootcmd !== want.bootcmd)
        throw fault('FW_SETENV_FAILED', { stuck: 'yes', bootPart: after.boot_part ?? '(none)', bootcmd: after.bootcmd ?? '(none)' });
      return { changed: true, before, env: after, commands, changes };
    } finally {
      await s.close();
    }
  }

  // ------------------------------------------------------------------ state

  private stateOf(ctx: StepContext): RunState {
    let st = this.runs.get(ctx.runId);
    if (!st) {
      const pw = this.passwords.get(ctx.runId) ?? this.starting?.password;
      const req = requestOf(ctx.options, pw);
      st = { runId: ctx.runId, req, images: {}, current: 'main', settingsLost: req.mode === 'return-to-stock' || req.keepSettings === 'no-keep' };
      this.runs.set(ctx.runId, st);
      this.lastRunId = ctx.runId;
      if (this.runs.size > 8) this.runs.delete(this.runs.keys().next().value!);
    }
    return st;
  }

  private image(st: RunState): ImageState {
    const img = st.images[st.current];
    if (!img) throw fault('NO_IMAGE');
    return img;
  }

  private progress(st: RunState, p: Omit<UpgradeProgress, 'runId'>): void {
    this.hooks.progress({ runId: st.runId, ...p });
  }

  /** The router session of this run; logs in (again) when there is none or it dropped. */
  private async session(ctx: StepContext, st: RunState): Promise<Session> {
    const old = ctx.bag.get(BAG_SESSION) as Session | undefined;
    if (old && !old.closed) return old;
    let s: Session;
    try {
      s = await this.deps.open(st.req.target);
    } catch (err) {
      const e = toErrorShape(err);
      if (e.code !== 'AUTH_FAILED' || st.req.target.password) throw err;
      const a = await ctx.ask({
        text: said('upgrade.said.ask.password', { host: st.req.target.host }),
        detail: e.meaning ?? '',
        choices: [
          { id: 'login', label: said('upgrade.said.choice.login'), primary: true },
          { id: 'stop', label: said('upgrade.said.choice.stop') },
        ],
        input: { label: said('upgrade.said.input.password'), secret: true, minLength: 1 },
      });
      if (a.choice !== 'login' || !a.input) throw err;
      st.req.target.password = a.input;
      this.passwords.set(st.runId, a.input);
      s = await this.deps.open(st.req.target);
    }
    ctx.bag.set(BAG_SESSION, s);
    return s;
  }

  private async dropSession(ctx: StepContext): Promise<void> {
    const s = ctx.bag.get(BAG_SESSION) as Session | undefined;
    ctx.bag.delete(BAG_SESSION);
    if (s && !s.closed) await s.close().catch(() => undefined);
  }

  private async imageFor(role: ImageState['role'], file: string, given?: string): Promise<ImageState> {
    const report = await inspectFile(file);
    const img: ImageState = { role, path: report.path, fileName: report.fileName, report, stagePath: `/tmp/${safeName(report.fileName)}` };
    if (role !== 'flash') {
      const read = (f: string) => {
        try {
          return fs.readFileSync(f, 'utf8').slice(0, 4 * 1024 * 1024);
        } catch {
          return undefined;
        }
      };
      const sidecar = read(`${report.path}.sha256`);
      const sums = read(path.join(path.dirname(report.path), 'sha256sums'));
      img.hash = checkImageHash({ sha256: report.sha256, fileName: report.fileName, ...(given ? { given } : {}), ...(sidecar !== undefined ? { sidecar } : {}), ...(sums !== undefined ? { sums } : {}) });
    }
    return img;
  }

  private planFor(router: RouterState, main: ImageState, inter?: ImageState): ReturnPlan {
    const forPlan = (i: ImageState): ImageForPlan => {
      const id = i.report.identity;
      const v = versionFromFileName(i.fileName);
      return { fileName: i.fileName, path: i.path, size: i.report.size, kind: id.kind, ...(id.slotLayout ? { slotLayout: id.slotLayout } : {}), ...(v ? { version: v } : {}), hash: i.hash! };
    };
    const plan = planReturnToStock(dualSlotState(router.device), forPlan(main), inter ? forPlan(inter) : undefined);
    const free = router.facts.tmpFreeBytes;
    if (plan.ok && free !== undefined)
      for (const st of plan.steps)
        if (st.image.size > free)
          return {
            ...plan,
            ok: false,
            refusal: fault('IMAGE_TOO_BIG_FOR_TMP', { where: 'plan', file: st.image.fileName, size: mib(st.image.size), free: mib(free) }).toShape(),
          };
    return plan;
  }

  // ------------------------------------------------------------------ executors

  executors(): Record<string, StepExecutor> {
    return {
      'upgrade.connect': (ctx) => this.connect(ctx),
      'upgrade.check': (ctx) => this.check(ctx),
      'upgrade.plan': (ctx) => this.planStep(ctx),
      'upgrade.backup': (ctx) => this.backup(ctx),
      'upgrade.intermediate': (ctx) => this.intermediate(ctx),
      'upgrade.upload': (ctx) => this.upload(ctx),
      'upgrade.test': (ctx) => this.test(ctx),
      'upgrade.write': (ctx) => this.write(ctx),
      'upgrade.wait': (ctx) => this.wait(ctx),
      'upgrade.verify': (ctx) => this.verify(ctx),
    };
  }

  private async connect(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    await this.dropSession(ctx);
    ctx.transcript('note', said('upgrade.said.connecting', { host: st.req.target.host, method: st.req.target.method, user: st.req.target.user }));
    const s = await this.session(ctx, st);
    for (const n of sessionNotes(s)) ctx.transcript('note', n);
    ctx.evidence(said('upgrade.said.ev.loggedIn', { method: s.method === 'ssh' ? 'SSH' : 'telnet', host: s.host, port: s.port, user: st.req.target.user }));
    st.router = await readRouter(s);
    const { device, facts } = st.router;
    const id = device.identity;
    // the router's own names are values (decision 0188)
    ctx.evidence(said('upgrade.said.ev.identity', { model: id.model || 'none', board: id.boardName || 'none', release: facts.release ? releaseText(facts.release) : 'none', compat: id.compatVersion || 'none' }));
    if (facts.tmpFreeBytes !== undefined) ctx.evidence(said('upgrade.said.ev.tmpFree', { size: mib(facts.tmpFreeBytes) }));
    const dual = dualSlotState(device);
    if (dual) {
      // the slots' lines from their ids and values (decision 0180)
      for (const line of slotsEvidence(dual)) ctx.evidence(line);
    }
    if (!facts.sysupgrade)
      return failSaid('NO_SYSUPGRADE');
    return { ok: true };
  }

  private async check(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (!st.router) return failSaid('NOT_CONNECTED', { needs: 'check' });
    const img = await this.imageFor('flash', st.req.file);
    st.images.main = img;
    const r = img.report;
    const id = st.router.device.identity;
    // the image's own sentences quoted inside this line, each said from its id (decision 0188)
    ctx.evidence(said('upgrade.said.ev.image', { file: r.fileName, size: mib(r.size), sha: r.sha256, headline: saidFrom(r.identity.headline, r.identity.said), integrity: saidFrom(r.identity.integrityText, r.identity.said) }));
    const v = verdictFor(r.identity, r.metadata, { boardName: id.boardName ?? '', ...(id.model ? { model: id.model } : {}), ...(id.compatVersion ? { compatVersion: id.compatVersion } : {}), partitions: st.router.device.partitions.map((p) => ({ name: p.name, size: p.size })) }, r.fileName);
    st.verdict = v;
    ctx.evidence(said('upgrade.said.ev.forRouter', { headline: verdictSaid(v.headline, v, r.identity.said) }));
    for (const reason of v.reasons) ctx.evidence(said('upgrade.said.ev.reason', { reason: verdictSaid(reason, v, r.identity.said) }));
    // the verdict's own sentences travel as ids (decision 0139); a refusal takes their values, never their English (decision 0160)
    const saidBy = (id: string, among: readonly SaidMessage[] | undefined = v.said) => among?.find((m) => m.id === id)?.values ?? {};
    if (v.verdict === 'damaged')
      return failSaid('IMAGE_DAMAGED', { file: r.fileName, what: String(saidBy('firmware.id.integrityDamaged', r.identity.said).what ?? r.identity.integrityText) }, v.reasons.join('\n'));
    if (v.verdict === 'does-not-fit') {
      // one core entry with firmware's and flash's (decision 0166): the firmware area or the layout's kernel part
      return failSaid('IMAGE_TOO_BIG', tooBigValues(v), v.reasons.join('\n'));
    }
    if (v.verdict === 'needs-factory') return failSaid('NEEDS_FACTORY_IMAGE', needsFactoryValues(v), v.reasons.join('\n'));
    const named = v.said?.find((m) => m.id === 'firmware.v.otherRouter' || m.id === 'firmware.v.notForRouter');
    if (v.verdict === 'needs-F' && named) {
      const listed = named.id === 'firmware.v.notForRouter';
      const values = { kind: listed ? 'listed' : 'named', ...named.values, ...(listed ? saidBy('firmware.v.listsBoards') : {}) };
      return failSaid('WRONG_ROUTER', values, v.reasons.join('\n'));
    }
    const free = st.router.facts.tmpFreeBytes;
    if (free !== undefined && r.size > free)
      return failSaid('IMAGE_TOO_BIG_FOR_TMP', { where: 'check', size: mib(r.size), free: mib(free) }, v.reasons.join('\n'));
    if (v.verdict === 'needs-n' || v.verdict === 'needs-F' || r.identity.kind === 'vendor') st.settingsLost = true;
    if (st.req.keepSettings === 'keep' && st.settingsLost)
      return failSaid('KEEP_NOT_POSSIBLE', { where: 'check', why: v.verdict === 'needs-n' ? 'format' : r.identity.kind === 'vendor' ? 'vendor' : 'forced' }, [v.headline, ...v.reasons].join('\n'));
    return { ok: true, summary: said(st.settingsLost ? 'upgrade.said.suits.noKeep' : 'upgrade.said.suits.keep') };
  }

  private async planStep(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (!st.router) return failSaid('NOT_CONNECTED', { needs: 'plan' });
    st.images.main = await this.imageFor('stock', st.req.file, st.req.sha256);
    if (st.req.intermediate) st.images.intermediate = await this.imageFor('intermediate', st.req.intermediate, st.req.intermediateSha256);
    for (const i of [st.images.intermediate, st.images.main])
      if (i) ctx.evidence(said('upgrade.said.ev.planImage', { file: i.fileName, size: mib(i.report.size), hash: saidOr(i.hash!.text, i.hash!.textMsg), headline: saidFrom(i.report.identity.headline, i.report.identity.said) }));
    const plan = this.planFor(st.router, st.images.main, st.images.intermediate);
    st.plan = plan;
    if (!plan.ok) return { ok: false, error: plan.refusal! };
    // each line its own entry, said from the plan's ids (decision 0180)
    for (const line of planEvidence(plan)) ctx.evidence(line);
    const a = await ctx.ask({
      text: said('upgrade.said.ask.returnPlan', { model: plan.model, n: plan.steps.length }),
      detail: returnPlanDetail(plan, st.images.main, st.images.intermediate),
      choices: [
        { id: 'go', label: said('upgrade.said.choice.goAhead'), primary: true, destructive: true },
        { id: 'cancel', label: said('upgrade.said.choice.notNow') },
      ],
    });
    if (a.choice !== 'go') return { ok: false, error: fault('CANCELLED', { what: 'choice' }).toShape() };
    const goal = plan.successMsg && said('upgrade.plan.said.goal', plan.successMsg.values);
    const summary = plan.successText.replace(/^Done\. /, 'Goal: ');
    return { ok: true, summary: goal && goal.text === summary ? goal : summary };
  }

  private async backupSettings(ctx: StepContext, st: RunState): Promise<void> {
    if (st.settingsBackup) return;
    const s = await this.session(ctx, st);
    const dir = path.join(this.deps.dataDir, 'upgrade', st.runId);
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `settings-${st.req.target.host.replace(/[^\w.-]/g, '_')}.tar.gz`);
    // the one thing to do now is to wait: the step's own words (a question to come) come back once it is saved
    ctx.setDoNow(said('upgrade.said.doNow.savingSettings'));
    const pull = await s.pull('sysupgrade -b -', { idleTimeoutMs: 60_000 });
    const out = fs.createWriteStream(file);
    let bytes = 0;
    let head = Buffer.alloc(0);
    const started = Date.now();
    let lastShown = 0;
    for await (const c of pull.stream) {
      const b = c as Buffer;
      if (head.length < 2) head = Buffer.concat([head, b.subarray(0, 2)]);
      bytes += b.length;
      out.write(b);
      // the size is not known before the end (sysupgrade -b streams its archive): total 0 is "indeterminate, this
      // many bytes so far", on this run's own event and on the step's progress (the station card), as the flash
      // backup does with its known total (decision 0156)
      ctx.progress?.(bytes, 0);
      // this run's own event for the upgrade screen, at most four a second (a chunk is a few KiB); the rate once
      // half a second has passed (the average since the first byte: an archive is seconds long at most)
      const now = Date.now();
      if (now - lastShown >= 250) {
        lastShown = now;
        const saving = said('upgrade.said.settingsSavingBytes', { bytes });
        const s = (now - started) / 1000;
        this.progress(st, { stage: 'settings-backup', done: bytes, total: 0, ...(s >= 0.5 ? { rate: bytes / s } : {}), text: saving.text, msg: saving.msg });
      }
    }
    await new Promise<void>((r) => out.end(r));
    const end = await pull.done;
    if (end.code !== 0 || bytes === 0 || head[0] !== 0x1f || head[1] !== 0x8b) {
      throw fault('SETTINGS_BACKUP_FAILED', {}, { details: `sysupgrade -b -: exit ${end.code}, ${bytes} bytes ${end.stderr.slice(0, 500)}` });
    }
    st.settingsBackup = file;
    ctx.evidence(said('upgrade.said.ev.settingsSaved', { bytes, file }));
    ctx.setDoNow(stepSaid(ctx, 'doNow'));
  }

  private async backup(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (st.settingsLost) await this.backupSettings(ctx, st);
    if (st.req.dryRun) return st.settingsBackup ? { ok: true, summary: said('upgrade.said.dry.settingsOnly') } : { ok: true, skipped: true, summary: said('upgrade.said.dry.noBackup') };
    const a = await ctx.ask({
      text: said('upgrade.said.ask.backup'),
      detail: said('upgrade.said.ask.backup.detail'),
      choices: [
        { id: 'full', label: said('upgrade.said.choice.fullBackup'), primary: true },
        { id: 'skip', label: said('upgrade.said.choice.skipBackup') },
      ],
    });
    if (a.choice !== 'full') {
      ctx.evidence(said('upgrade.said.ev.skipBackup'));
      return st.settingsBackup ? { ok: true } : { ok: true, skipped: true };
    }
    // its bytes go to the step's progress too (once the size is known): the bench station's card shows bar, rate and time left
    const job = this.deps.flash().startBackup({ target: st.req.target, retryFailed: false, onProgress: (p) => (p.totalSize > 0 ? ctx.progress?.(p.totalDone, p.totalSize) : undefined) });
    ctx.evidence(said('upgrade.said.ev.backupTo', { dir: job.dir }));
    const r = await job.finished;
    if (!r.ok) return { ok: false, error: fault('BACKUP_INCOMPLETE', { what: 'full' }, { details: job.dir }).toShape() };
    st.fullBackupDone = true;
    ctx.evidence(said('upgrade.said.ev.backupDone', { dir: job.dir }));
    return { ok: true };
  }

  private async upload(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    const img = this.image(st);
    const s = await this.session(ctx, st);
    const data = fs.readFileSync(img.path);
    const sha = crypto.createHash('sha256').update(data).digest('hex');
    if (sha !== img.report.sha256)
      return failSaid('IMAGE_CHANGED', { file: img.fileName }, `checked ${img.report.sha256}, now ${sha}`);
    const md5 = crypto.createHash('md5').update(data).digest('hex');
    const meter = new RateMeter(this.now);
    const t0 = this.now();
    let last = 0;
    const via = await uploadImage(s, {
      stagePath: img.stagePath,
      data,
      tools: st.router!.device.tools,
      facts: st.router!.facts,
      ...(st.req.target.localAddress ? { localAddress: st.req.target.localAddress } : {}),
      onProgress: (done) => {
        const t = this.now();
        if (t - last < 150 && done < data.length) return;
        last = t;
        const { rate } = meter.add(done);
        ctx.progress?.(done, data.length);
        this.progress(st, { stage: 'upload', done, total: data.length, ...(rate ? { rate, etaS: Math.max(0, (data.length - done) / rate) } : {}), text: `Copying ${img.fileName} into the router's memory`, msg: { id: 'upgrade.copy.copying', values: { file: img.fileName } } });
      },
    });
    const ms = Math.max(1, this.now() - t0);
    ctx.evidence(said('upgrade.said.ev.copied', { size: mib(data.length), time: dur(ms), rate: mib((data.length * 1000) / ms), via: via === 'ssh' ? 'ssh' : via === 'telnet-nc' ? 'nc' : 'wget', path: img.stagePath }));
    const h = await checkStaged(s, { stagePath: img.stagePath, bytes: data.length, sha256: sha, md5, tools: st.router!.device.tools });
    ctx.evidence(said('upgrade.said.ev.hashMatches', { algorithm: h.algorithm, value: h.value }));
    return { ok: true };
  }

  /** The router's check; a copy that will not be written (refused, not confirmed, dry run) leaves the router's memory. */
  private async test(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    const out = await this.testImage(ctx, st);
    if (!out.ok || st.req.dryRun) {
      const s = ctx.bag.get(BAG_SESSION) as Session | undefined;
      if (s && !s.closed) await s.exec(`rm -f ${shQuote(this.image(st).stagePath)}`, { timeoutMs: 10_000 }).catch(() => undefined);
    }
    return out;
  }

  private async testImage(ctx: StepContext, st: RunState): Promise<StepOutcome> {
    const img = this.image(st);
    const s = await this.session(ctx, st);
    const ubus = st.router!.facts.ubus;
    // ask the router itself whether settings can be kept (its words are the evidence), unless they cannot be by design
    let keep = st.req.mode === 'flash' && st.current === 'main' && st.req.keepSettings !== 'no-keep' && img.report.identity.kind !== 'vendor';
    let r = await sysupgradeTest(s, { stagePath: img.stagePath, keep, ubus });
    let j = judgeSysupgradeTest({ code: r.code, output: r.output, ...(r.validate ? { validate: r.validate } : {}), keep });
    const show = (res: typeof r, judged: typeof j) => {
      ctx.transcript('sent', res.command);
      ctx.transcript('received', `exit ${res.code}${res.output.trim() ? `\n${res.output.trim()}` : ''}`);
      // the command and the router's lines are its own words: values (decision 0188)
      ctx.evidence(said('upgrade.said.ev.testRun', { command: res.command, code: res.code, says: quoted(judged.routerSays) || 'none' }));
      if (res.validate) ctx.evidence(said('upgrade.said.ev.validate', { valid: String(res.validate.valid), forceable: String(res.validate.forceable), allowBackup: String(res.validate.allowBackup) }));
      // what the lines mean, in our words (decision 0166: said, so the screen and --lang show them in the language shown)
      for (const k of judged.means) ctx.evidence(said(`upgrade.sysupgrade.${k}`));
    };
    show(r, j);
    st.routerSays = j.routerSays;
    if (j.outcome === 'pass' && keep && !j.allowBackup) j = { ...j, outcome: 'needs-n' };
    if (j.outcome === 'needs-n') {
      // what sysupgrade printed stays as it printed it (decision 0139): a value, not catalogue text
      if (st.req.keepSettings === 'keep') return failSaid('KEEP_NOT_POSSIBLE', { where: 'router', says: j.routerSays.map((l) => `"${l}"`).join(' ') || '(nothing)' });
      keep = false;
      st.settingsLost = true;
      await this.backupSettings(ctx, st);
      r = await sysupgradeTest(s, { stagePath: img.stagePath, keep, ubus: false });
      j = judgeSysupgradeTest({ code: r.code, output: r.output, keep });
      show(r, j);
      st.routerSays = [...(st.routerSays ?? []), ...j.routerSays];
    }
    if (j.outcome === 'refused' || (j.outcome === 'forceable' && j.wrongBoard))
      // the router's own lines are values, said as printed (decision 0166)
      return failSaid('SYSUPGRADE_REFUSED', { when: 'test', says: quoted(j.routerSays) || 'none', code: String(r.code), board: j.wrongBoard ? 'yes' : 'no', ...meaningValues(j) }, r.output.slice(0, 4000));
    if (j.outcome === 'forceable') {
      keep = false;
      if (st.req.dryRun) {
        st.keep = false;
        return { ok: true, summary: said('upgrade.said.dry.forced', { said: j.routerSays.map((l) => `"${l}"`).join(' ') }) };
      }
      if (!st.settingsBackup)
        await this.backupSettings(ctx, st).catch((e) => ctx.evidence(said('upgrade.said.ev.settingsBackupFailed', { reason: faultWords(toErrorShape(e)) })));
      const a = await ctx.ask({
        text: said('upgrade.said.ask.force', { said: j.routerSays.map((l) => `"${l}"`).join(' ') }),
        detail: said('upgrade.said.ask.forceDetail', { vendor: img.report.identity.kind === 'vendor' ? 'yes' : 'no', ...meaningValues(j) }),
        choices: [
          { id: 'force', label: said('upgrade.said.choice.force'), destructive: true },
          { id: 'cancel', label: said('upgrade.said.choice.dontWrite'), primary: true },
        ],
        input: { label: said('upgrade.said.input.force', { word: FORCE_WORD }), secret: false, minLength: FORCE_WORD.length },
      });
      if (a.choice !== 'force' || a.input?.trim().toUpperCase() !== FORCE_WORD)
        return failSaid('FORCE_NOT_CONFIRMED', { says: quoted(j.routerSays), word: FORCE_WORD, ...meaningValues(j) });
      st.forced = true;
      ctx.evidence(said('upgrade.said.ev.forced'));
      r = await sysupgradeTest(s, { stagePath: img.stagePath, keep: false, force: true, ubus: false });
      j = judgeSysupgradeTest({ code: r.code, output: r.output, keep: false });
      show(r, j);
      if (j.outcome !== 'pass') return failSaid('SYSUPGRADE_REFUSED', { when: 'forced', says: j.routerSays.join(' ') }, r.output.slice(0, 4000));
    }
    st.keep = keep;
    const cmd = `sysupgrade${st.forced ? ' -F' : ''}${keep ? '' : ' -n'} ${img.stagePath}`;
    if (st.req.dryRun) return { ok: true, summary: said('upgrade.said.dry.takes', { cmd }) };
    return { ok: true, summary: said('upgrade.said.takes', { cmd, keep: keep ? 'yes' : 'no' }) };
  }

  private async write(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (st.req.dryRun) return { ok: true, skipped: true, summary: said('upgrade.said.dry.nothingWritten') };
    const img = this.image(st);
    const s = await this.session(ctx, st);
    st.timing ??= { flashAt: this.now() };
    const dual = dualSlotState(st.router!.device);
    const running = dual?.runningSlot ?? dual?.bootPart;
    const slot = running ? ((running === 1 ? 2 : 1) as 1 | 2) : undefined;
    const args = [...(st.forced ? ['-F'] : []), ...(st.keep ? [] : ['-n'])];
    ctx.transcript('sent', `sysupgrade ${args.join(' ')} ${img.stagePath}`);
    const run = await startSysupgrade(s, { args, stagePath: img.stagePath, onLine: (l) => ctx.transcript('received', l), now: this.now });
    await this.dropSession(ctx);
    if (!run.dropped && run.commencedAt === undefined) {
      if (run.exitCode !== undefined)
        // what the router said is its own words: a value, never translated (decision 0184)
        return failSaid('SYSUPGRADE_FAILED', { code: run.exitCode, said: run.lines.join(' ') || 'none' }, run.lines.join('\n'));
      return failSaid('SYSUPGRADE_NO_START', {}, run.lines.join('\n'));
    }
    st.written = { at: this.now(), commencedAt: run.commencedAt ?? this.now(), dropped: run.dropped, kept: !!st.keep, ...(slot ? { slot } : {}), ...(st.router?.facts.release ? { oldRelease: releaseText(st.router.facts.release) } : {}) };
    // what the router said is a value, as printed (decision 0188)
    ctx.evidence(said('upgrade.said.ev.writing', { said: quoted(run.lines) || 'none', dropped: run.dropped ? 'yes' : 'no', slot: slot ?? 'none' }));
    return { ok: true };
  }

  private async wait(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (st.req.dryRun) return { ok: true, skipped: true };
    const startedAt = st.written?.at ?? this.now();
    const vendor = this.image(st).report.identity.kind === 'vendor';
    const serviceKey = vendor ? 'web' : 'login';
    let phase = '';
    let staleSaid = false;
    const net = this.deps.net();
    // on a slot (--interface, a station card) every look leaves from the card's own address, so it reaches the
    // router on that card and not another one at the same address (decision 0154)
    const from = st.req.target.localAddress;
    const res = await waitForRouter(st.req.target.host, {
      probe: (host, o) => net.probe(host, { ...o, ...(from ? { localAddress: from } : {}) }),
      timeoutMs: st.req.returnTimeoutS * 1000,
      startedAt,
      signal: ctx.signal,
      now: this.now,
      ports: [st.req.target.port ?? 22, st.req.webPort ?? 80, 23],
      tick: (elapsed, p, sign) => {
        const text = waitText(p, sign, serviceKey);
        // the screen shows the time waited beside it: the said words are the router's state alone
        this.progress(st, { stage: 'wait', phase: p, done: elapsed / 1000, total: st.req.returnTimeoutS, text: `${text.text} ${said('upgrade.said.wait.soFar', { time: dur(elapsed) }).text}`, msg: text.msg });
        if (sign.staleArp && !staleSaid && p !== 'back') {
          staleSaid = true;
          ctx.evidence(said('upgrade.said.ev.staleArp'), sign.at);
        }
        if (p === phase) return;
        const before = phase;
        phase = p;
        ctx.setDoNow(text);
        if (p === 'restarting') ctx.evidence(said('upgrade.said.ev.quiet', { again: before === 'starting' ? 'yes' : 'no', time: dur(elapsed), seen: before ? 'yes' : 'no' }), sign.at);
        else if (p === 'starting') ctx.evidence(said('upgrade.said.ev.starting', { sign: sign.aliveBy.join(' and '), time: dur(elapsed), service: serviceKey }), sign.at);
        else if (p === 'writing' && sign.aliveBy.length && !sign.open.length) ctx.evidence(said('upgrade.said.ev.writingAlive', { sign: sign.aliveBy.join(' and ') }), sign.at);
      },
    });
    st.back = res;
    if (!res.back) {
      const slot = st.written?.slot;
      // what was seen and the way back as values (decision 0180); the router's signs ("answers ping") are data
      return failSaid('ROUTER_NOT_BACK', {
        time: dur(this.now() - startedAt),
        host: st.req.target.host,
        seen: res.aliveAt !== undefined ? 'alive' : res.wentAwayAt === undefined ? 'still' : 'silent',
        sign: res.aliveBy?.join(' and ') ?? 'answered',
        after: res.aliveAt !== undefined ? dur(res.aliveAt - startedAt) : '',
        service: serviceKey,
        ...recoveryValues(slot, dualSlotState(st.router!.device)?.model ?? 'router'),
      });
    }
    ctx.evidence(said('upgrade.said.ev.answered', { port: res.port ?? 0, name: PORT_NAMES[res.port ?? 0] ?? 'none', time: dur((res.backAt ?? this.now()) - startedAt) }), res.backAt);
    return { ok: true };
  }

  private async verifyNow(ctx: StepContext, st: RunState): Promise<StepOutcome> {
    const img = this.image(st);
    const kind = img.report.identity.kind;
    const host = st.req.target.host;
    const deadline = this.now() + 90_000;
    if (kind === 'vendor') {
      const want = versionFromFileName(img.fileName);
      let lastErr = '';
      while (this.now() < deadline && !ctx.signal.aborted) {
        try {
          const a = await vendorWebAnswer(host, want, 5000, st.req.webPort, st.req.target.localAddress);
          // the router's words (server, title, version) are values, never translated (decision 0184)
          ctx.evidence(said('upgrade.said.ev.web', { status: a.status, server: a.server || 'none', title: a.title || 'none', version: a.version || 'none' }));
          const openwrt = /luci|openwrt/i.test(`${a.title ?? ''} ${a.text}`);
          if (openwrt) {
            const written = st.written?.slot;
            const dual = dualSlotState(st.router!.device);
            const other = written ? (written === 1 ? 2 : 1) : undefined;
            const sixMb = dual?.layout?.label.startsWith('6 MB');
            // the way out as a case of the catalogue's fix (decision 0187): from the 6 MB layout, back to the slot it
            // ran before, or check the file
            const way = sixMb ? 'sixMb' : written && other ? 'back' : 'check';
            return failSaid('STILL_OPENWRT', { written: written ?? 'none', other: other ?? 'none', way }, a.text.slice(0, 1000));
          }
          if (want && a.version !== want) return failSaid('VERSION_NOT_SEEN', { want, host }, a.text.slice(0, 1000));
          const vendor = dualSlotState(st.router!.device)?.model.split(' ')[0] ?? 'factory';
          const done: Said | undefined =
            st.plan?.successText && st.current === 'main'
              ? undefined
              : said('upgrade.said.done.vendor', { vendor, version: a.version ?? 'none', where: st.written?.slot ? 'slot' : 'none', slot: st.written?.slot ?? 0, host });
          // the plan's goal sentence quoted with the address, said from its id (decision 0188)
          const doneAt = done ?? said('upgrade.said.ev.doneAt', { done: saidOr(st.plan!.successText, st.plan!.successMsg), host });
          const text = doneAt.text;
          // verified by its web page; the DHCP look (seconds of listening) is evidence after that, not our time
          st.timing = { ...(st.timing ?? { flashAt: this.now() }), verifiedAt: this.now() };
          const dhcp = await this.dhcpEvidence(ctx, host);
          st.verified = { kind: 'vendor', text, msg: doneAt.msg, ...(a.version ? { release: a.version } : {}), ...(st.written?.slot ? { slot: st.written.slot } : {}), ...(dhcp ? { dhcp } : {}) };
          return { ok: true, summary: doneAt };
        } catch (err) {
          lastErr = (err as Error).message;
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
      const dhcp = await this.dhcpEvidence(ctx, host);
      // the DHCP look is its own evidence line, in the person's language; the details (technical) only name it
      if (dhcp?.state === 'present') lastErr = `${lastErr}\nDHCP: a server answers on the cable${dhcp.server ? ` (${dhcp.server})` : ''}.`;
      return failSaid('NO_WEB_ANSWER', { host }, lastErr);
    }
    // OpenWrt: a new login
    let s: Session | undefined;
    let lastErr: unknown;
    while (this.now() < deadline && !ctx.signal.aborted) {
      try {
        s = await loginAgain(st.req.target, this.deps.dataDir, !!st.written?.kept);
        break;
      } catch (err) {
        lastErr = err;
        const code = toErrorShape(err).code;
        if (code === 'HOST_KEY_CHANGED' || code === 'AUTH_FAILED') break;
        await new Promise((r) => setTimeout(r, 1500));
      }
    }
    if (!s) return { ok: false, error: toErrorShape(lastErr ?? fault('NO_LOGIN')) };
    ctx.bag.set(BAG_SESSION, s);
    for (const n of sessionNotes(s)) ctx.evidence(n);
    const now = await readRouter(s);
    const rel = releaseText(now.facts.release);
    ctx.evidence(said('upgrade.said.ev.loggedInAgain', { release: rel, board: now.device.identity.boardName ?? 'none' }));
    const want = img.report.identity.version ?? img.report.metadata?.version;
    const wantRelease = typeof want === 'string' ? /(\d+\.\d+(?:\.\d+)?(?:-rc\d+)?)/.exec(want)?.[1] : undefined;
    if (st.written?.oldRelease && rel === st.written.oldRelease && (!wantRelease || !rel.includes(wantRelease)))
      return failSaid('STILL_OLD_FIRMWARE', { release: rel, slot: st.written.slot ? String(st.written.slot) : 'none', other: st.written.slot === 1 ? 2 : 1 });
    if (wantRelease && !rel.includes(wantRelease)) return failSaid('UNEXPECTED_RELEASE', { release: rel, want: wantRelease });
    const dual = dualSlotState(now.device);
    if (st.written?.slot && dual) {
      if (dual.bootPart !== st.written.slot)
        return failSaid('BOOT_PART_NOT_MOVED', { bootPart: String(dual.bootPart ?? '?'), slot: st.written.slot });
      // the layout's evidence by its values (decision 0180): with a layout known it is rootfs1's size
      ctx.evidence(said('upgrade.said.ev.slotWritten', { slot: String(dual.bootPart), known: dual.layout ? 'yes' : 'no', layout: dual.layout?.label ?? '', rootfs: `0x${(dual.slots[0].rootfs?.size ?? 0).toString(16)}` }));
    }
    st.router = now;
    const done = said('upgrade.said.done.openwrt', { release: rel, where: st.written?.slot ? 'slot' : 'none', slot: st.written?.slot ?? 0, host });
    const text = done.text;
    st.verified = { kind: 'openwrt', text, msg: done.msg, release: rel, ...(st.written?.slot ? { slot: st.written.slot } : {}), ...hostKeyNoteOf(s) };
    return { ok: true, summary: done };
  }

  /**
   * The maker's firmware hands out addresses (OpenWrt's rescue mode and bootloaders do not): the net capability's
   * DHCP check on the cable to the router (decision 0072: our own DHCPDISCOVER where this computer permits it,
   * else an address this computer got by DHCP there, else "could not check" and why). Evidence, never a verdict.
   */
  private async dhcpEvidence(ctx: StepContext, host: string): Promise<NonNullable<UpgradeOutcome['verified']>['dhcp'] | undefined> {
    let c;
    const from = this.stateOf(ctx).req.target.localAddress;
    try {
      c = await this.deps.net().check({ target: host, tcpPorts: [80], dhcp: true, ...(from ? { localAddress: from } : {}) });
    } catch (err) {
      ctx.evidence(said('upgrade.said.ev.dhcpFailed', { reason: faultWords(toErrorShape(err)) }));
      return undefined;
    }
    const d = { ...c.dhcp, ...(c.interface ? { interface: c.interface } : {}) };
    // each line its own entry (decision 0184); the interface, the server, the address and the net check's note are values
    const iface = c.interface || 'none';
    if (d.state === 'present' && d.how === 'probe') ctx.evidence(said('upgrade.said.ev.dhcpOffer', { iface, server: d.server ?? 'none', offered: d.offered ?? 'none' }));
    else if (d.state === 'present') ctx.evidence(said('upgrade.said.ev.dhcpAddress', { iface }));
    else if (d.state === 'absent') ctx.evidence(said('upgrade.said.ev.dhcpAbsent', { iface }));
    else ctx.evidence(said('upgrade.said.ev.dhcpUnknown', { note: d.note ? saidOr(d.note, d.noteMsg) : 'none' }));
    return d;
  }

  private async verify(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (st.req.dryRun) return { ok: true, skipped: true };
    const out = await this.verifyNow(ctx, st);
    if (out.ok && st.timing?.verifiedAt === undefined) st.timing = { ...(st.timing ?? { flashAt: this.now() }), verifiedAt: this.now() };
    return out;
  }

  /** Return to stock from the 6 MB layout: the whole upload → verify sequence once for the 19.07.9 factory image. */
  private async intermediate(ctx: StepContext): Promise<StepOutcome> {
    const st = this.stateOf(ctx);
    if (!st.plan || st.plan.steps.length < 2 || !st.images.intermediate) return { ok: true, skipped: true, summary: said('upgrade.said.interNotNeeded') };
    if (st.req.dryRun) return { ok: true, skipped: true };
    st.current = 'intermediate';
    try {
      for (const f of [this.upload, this.test, this.write, this.wait, this.verify]) {
        const r = await f.call(this, ctx);
        if (!r.ok) return r;
        if (r.summary) ctx.evidence(r.summary);
      }
      const dual = dualSlotState(st.router!.device);
      const stockLayout = st.images.main?.report.identity.slotLayout;
      if (dual?.layout && stockLayout && dual.layout.id !== stockLayout)
        // the layout as values (decision 0180): with a layout known, its evidence is rootfs1's size in /proc/mtd
        return failSaid('LAYOUT_NOT_CHANGED', { layout: dual.layout.label, rootfs: `0x${(dual.slots[0].rootfs?.size ?? 0).toString(16)}` });
      ctx.evidence(said('upgrade.said.ev.interDone', { known: dual?.layout ? 'yes' : 'no', layout: dual?.layout?.label ?? '', slot: String(st.plan.steps[1]!.slot) }));
    } finally {
      st.current = 'main';
    }
    // the second write gets its own timing
    delete st.timing;
    delete st.written;
    delete st.back;
    delete st.verified;
    st.forced = false;
    return { ok: true };
  }
}
