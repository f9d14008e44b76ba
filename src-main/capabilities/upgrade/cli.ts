import { parseArgs } from 'node:util';
import { UpgradeStartSchema, type StockReport, type UpgradeOutcome } from '../../../src-shared/capabilities/upgrade';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import type { SaidMessage } from '../../../src-shared/contract/common';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand, type CliIo } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract, type ContractSession } from '../../cli/transport';
import { runWords, type RunWords } from '../../cli/run-words';
import { said, saidAmong, sayIn } from '../../../src-shared/i18n/said';
import { english, type Translate } from '../../../src-shared/i18n/translate';
import { localizeError } from '../../../src-shared/i18n/errors';

/** Seconds waited, as the service says them ("45 s", "1 min 05 s"). */
function elapsedText(seconds: number): string {
  const s = Math.round(seconds);
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}
import { targetWithPassword } from '../flash';
import { onInterface } from '../../cli/on-card';

const targetFlags = {
  host: { type: 'string' },
  port: { type: 'string' },
  ssh: { type: 'boolean', default: false },
  telnet: { type: 'boolean', default: false },
  user: { type: 'string', default: 'root' },
  key: { type: 'string' },
  'ask-password': { type: 'boolean', default: false },
  'session-only-key': { type: 'boolean', default: false },
  /** The network card the router is on (a station with several routers at one address; issue 17). */
  interface: { type: 'string' },
  file: { type: 'string' },
  yes: { type: 'boolean', default: false },
  'return-timeout': { type: 'string', default: '420' },
  'web-port': { type: 'string' },
  // a run against the practice router (its address on 127.x): labelled PRACTICE and kept out of the job history
  practice: { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
} as const;

/** The failed step's own reason, or why the run ended. */
function runFault(run: RunSnapshot): RbErrorShape {
  const failed = [...run.steps].reverse().find((s) => s.state === 'failed' && s.error);
  if (failed?.error) return failed.error;
  if (run.state === 'stopped') return fault('RUN_STOPPED', { what: 'run', summary: run.summary ?? 'none' }).toShape();
  return fault('RUN_FAILED', { what: 'run', summary: run.summary ?? 'none' }).toShape();
}

/** Plain words for what changed in a run since the last snapshot. */
function changesOf(w: RunWords = runWords()): (snap: RunSnapshot) => string | undefined {
  const seen = new Map<string, { state: string; evidence: number; doNow: string }>();
  return (snap) => {
    const out: string[] = [];
    snap.steps.forEach((st, i) => {
      const prev = seen.get(st.id) ?? { state: 'pending', evidence: 0, doNow: '' };
      const err = st.error ? w.error(st.error) : undefined;
      if (st.state !== prev.state) out.push(`[${i + 1}/${snap.steps.length}] ${w.title(snap.playbookId, st)}: ${w.state(st.state)}${st.state === 'active' ? ` — ${w.doNow(snap.playbookId, st)}` : ''}${err ? ` — ${err.message} ${err.meaning ?? ''} ${err.fix ?? ''}` : ''}`);
      else if (st.state === 'active' && st.doNow !== prev.doNow) out.push(`    ${w.doNow(snap.playbookId, st)}`);
      for (const ev of st.evidence.slice(prev.evidence)) out.push(`    ${w.evidence(ev)}`);
      seen.set(st.id, { state: st.state, evidence: st.evidence.length, doNow: st.doNow });
    });
    return out.length ? out.join('\n') : undefined;
  };
}

interface Answers {
  fullBackup: boolean;
  /** Forcing is agreed (flash: --force --yes; return to stock: --yes). */
  force: boolean;
  /** Go ahead with a plan (return to stock: --yes). */
  go: boolean;
}

/** Run an upgrade playbook over the contract and answer its questions from the flags, as a person would. */
async function runUpgrade(io: CliIo, command: 'firmware flash' | 'firmware return-to-stock', json: boolean, request: ReturnType<typeof UpgradeStartSchema.parse>, answers: Answers, iface?: string): Promise<number> {
  const words = runWords(io.t);
  const changes = changesOf(words);
  let lastProgress = 0;
  return runOnContract(
    io,
    {
      command,
      json,
      events: ['playbook.run', 'playbook.transcript', 'upgrade.progress'],
      filter: (e) => {
        if (e.name !== 'upgrade.progress') return true;
        const now = Date.now();
        // total 0: the size is not known yet (the settings backup): a line a second, with the bytes so far
        if (now - lastProgress < 1000 && (e.payload.total === 0 || e.payload.done < e.payload.total)) return false;
        lastProgress = now;
        return true;
      },
      describe: (e) => {
        if (e.name === 'playbook.run') {
          const t = changes(e.payload);
          return t === undefined ? undefined : { to: 'out', text: t };
        }
        if (e.name === 'playbook.transcript') return { to: 'out', text: words.transcript(e.payload) };
        if (e.name === 'upgrade.progress') {
          const p = e.payload;
          const mb = (n: number) => (n / 1048576).toFixed(1);
          if (p.stage === 'upload')
            return { to: 'out', text: `    ${(io.t ?? english)('upgrade.cli.upload', { percent: Math.floor((100 * p.done) / Math.max(1, p.total)), done: mb(p.done), total: mb(p.total), rate: p.rate ? mb(p.rate) : 'none', eta: p.etaS !== undefined ? Math.ceil(p.etaS) : 'none' })}` };
          return { to: 'out', text: `    ${p.msg ? `${sayIn(io.t ?? english, p.msg, p.text)}${p.stage === 'wait' ? ` ${(io.t ?? english)('upgrade.said.wait.soFar', { time: elapsedText(p.done) })}` : ''}` : p.text}` };
        }
        return undefined;
      },
    },
    (t: ContractSession) =>
      onInterface(t, iface, request.target, async (target) => {
      request = { ...request, target };
      const answered = new Set<string>();
      const answer = (snap: RunSnapshot): void => {
        const p = snap.prompt;
        if (!p || answered.has(p.id)) return;
        answered.add(p.id);
        const ids = p.choices.map((c) => c.id);
        let choice = 'stop';
        let input: string | undefined;
        if (ids.includes('full')) choice = answers.fullBackup ? 'full' : 'skip';
        else if (ids.includes('force')) {
          choice = answers.force ? 'force' : 'cancel';
          if (answers.force) input = /Type (\S+)/.exec(p.input?.label ?? '')?.[1] ?? '';
        } else if (ids.includes('go')) choice = answers.go ? 'go' : 'cancel';
        else if (ids.includes('stop')) choice = 'stop';
        else choice = p.choices.find((c) => c.primary)?.id ?? p.choices[0]!.id;
        t.line('cli.answer', { runId: snap.runId, promptId: p.id, step: p.stepId, question: p.text, choice });
        t.say(`? ${words.question(p)} → ${choice}`);
        setImmediate(() => void t.invoke('playbook.respond', { runId: snap.runId, promptId: p.id, choice, ...(input !== undefined ? { input } : {}) }).catch(() => undefined));
      };
      t.on((e) => {
        if (e.name === 'playbook.run') answer(e.payload);
      });
      const first = await t.invoke('upgrade.start', request);
      answer(first);
      t.whenStopped(() => t.invoke('playbook.stop', {}));
      const run = first.state !== 'running' ? first : await t.waitFor('playbook.run', (s) => s.runId === first.runId && s.state !== 'running');
      const out = (await t.invoke('upgrade.outcome', {})) as Partial<UpgradeOutcome>;
      const value: UpgradeOutcome = { ...out, run, journal: out.journal ?? '' };
      const ok = run.state === 'done' && (request.dryRun || !!value.verified);
      const say = io.t ?? english;
      const lines: string[] = [];
      if (value.verified) lines.push(sayIn(say, value.verified.msg, value.verified.text));
      else if (ok && request.dryRun) {
        const last = [...run.steps].reverse().find((s) => s.id === 'test')?.evidence.at(-1);
        lines.push(last ? say('upgrade.cli.dryDone', { said: words.evidence(last) }) : say('upgrade.cli.dryNothing'));
      }
      const s1 = (ms: number) => (ms / 1000).toFixed(1);
      if (value.timing) lines.push(say('upgrade.cli.timing', { total: s1(value.timing.totalMs), router: s1(value.timing.routerMs), ours: s1(value.timing.oursMs) }));
      if (value.settingsBackup) lines.push(say('upgrade.cli.settingsBackup', { path: value.settingsBackup }));
      lines.push(say('upgrade.cli.journal', { path: value.journal }));
      return ok ? { ok: true, value, text: lines.join('\n') } : { ok: false, error: runFault(run), value, text: lines.join('\n') };
      }),
  );
}

export const firmwareFlash: CliCommand = {
  words: ['firmware', 'flash'],
  summary: 'upgrade.cli.summary.flash',
  usage: 'firmware flash --host ADDR [--interface IF] [--ssh|--telnet] [--user U] [--key FILE] --file IMAGE [--keep-settings|--no-keep-settings] [--force] [--yes] [--dry-run] [--full-backup] [--return-timeout S] [--practice] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetFlags, 'keep-settings': { type: 'boolean', default: false }, 'no-keep-settings': { type: 'boolean', default: false }, force: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false }, 'full-backup': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.file) throw new UsageError(said('upgrade.cli.usage.file'));
    if (values['keep-settings'] && values['no-keep-settings']) throw new UsageError(said('upgrade.cli.usage.keepBoth'));
    const target = await targetWithPassword(values, io);
    const request = requestFromFlags(
      UpgradeStartSchema,
      { mode: 'flash', target, file: values.file, keepSettings: values['keep-settings'] ? 'keep' : values['no-keep-settings'] ? 'no-keep' : 'auto', force: values.force, dryRun: values['dry-run'], returnTimeoutS: num(values['return-timeout']), ...(values['web-port'] ? { webPort: num(values['web-port']) } : {}), ...(values.practice ? { practice: true } : {}) },
      { file: { flag: '--file', given: values.file }, returnTimeoutS: { flag: '--return-timeout', given: values['return-timeout'] }, webPort: { flag: '--web-port', given: values['web-port'] } },
    );
    return runUpgrade(io, 'firmware flash', values.json, request, { fullBackup: values['full-backup'], force: values.force && values.yes, go: values.yes }, values.interface);
  },
};

/** The plan as the command line prints it (exported for its language test). */
export function planText(r: StockReport, t: Translate = english): string {
  const p = r.plan;
  const out: string[] = [];
  // our words from their ids where they came with them (decision 0168); names, sizes, commands and versions as data
  const ours = (text: string, msg: SaidMessage | undefined) => saidAmong(t, text, msg ? [msg] : undefined);
  out.push(t('upgrade.cli.plan.head', { model: p.model, evidence: ours(p.layoutEvidence, p.layoutEvidenceMsg), slot: String(p.runningSlot ?? '?'), bootPart: r.bootPart ? String(r.bootPart) : 'none', release: r.release ?? 'none' }));
  for (const s of r.slots)
    out.push(
      t('upgrade.cli.plan.slot', {
        slot: String(s.slot),
        kernel: s.kernel ? `${s.kernel.name} mtd${s.kernel.index} 0x${s.kernel.size.toString(16)}` : '-',
        rootfs: s.rootfs ? `${s.rootfs.name} 0x${s.rootfs.size.toString(16)}` : 'none',
        running: s.running ? 'yes' : 'no',
        next: s.bootsNext ? 'yes' : 'no',
      }),
    );
  // what the reading of the router warned about (decision 0184): ours in the language asked for, a router's line as it came
  for (const w of r.warnings) out.push(t('upgrade.cli.plan.note', { text: saidAmong(t, w, r.warningsMsg) }));
  if (!p.ok && p.refusal) {
    // the refusal is a fault with values (decision 0160): said in the language asked for
    const e = localizeError(p.refusal, t);
    out.push(t('upgrade.cli.plan.refused', { message: e.message, meaning: e.meaning ?? '', fix: e.fix ?? '' }));
  }
  p.steps.forEach((s, i) => out.push(t('upgrade.cli.plan.step', { n: String(i + 1), title: ours(s.title, s.titleMsg), command: s.command, slot: String(s.slot), why: ours(s.why, s.whyMsg), hash: ours(s.image.hash.text, s.image.hash.textMsg) })));
  for (const w of p.warnings) out.push(t('upgrade.cli.plan.warning', { text: saidAmong(t, w, p.warningsMsg) }));
  if (p.userReported) out.push(t('upgrade.cli.plan.note', { text: ours(p.userReported, p.userReportedMsg) }));
  return out.join('\n');
}

export const returnToStock: CliCommand = {
  words: ['firmware', 'return-to-stock'],
  summary: 'upgrade.cli.summary.returnToStock',
  usage: 'firmware return-to-stock --host ADDR [--interface IF] [--ssh|--telnet] [--user U] [--key FILE] --file VENDOR_IMAGE [--sha256 HEX] [--intermediate FACTORY_IMAGE [--intermediate-sha256 HEX]] [--yes] [--full-backup] [--return-timeout S] [--web-port N] [--practice] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { ...targetFlags, sha256: { type: 'string' }, intermediate: { type: 'string' }, 'intermediate-sha256': { type: 'string' }, 'full-backup': { type: 'boolean', default: false } },
      strict: true,
    });
    if (!values.file) throw new UsageError(said('upgrade.cli.usage.vendorFile'));
    if (values['intermediate-sha256'] && !values.intermediate) throw new UsageError(said('upgrade.cli.usage.intermediateSha'));
    const target = await targetWithPassword(values, io);
    const request = requestFromFlags(
      UpgradeStartSchema,
      {
        mode: 'return-to-stock',
        target,
        file: values.file,
        keepSettings: 'no-keep',
        force: true,
        dryRun: false,
        returnTimeoutS: num(values['return-timeout']),
        ...(values['web-port'] ? { webPort: num(values['web-port']) } : {}),
        ...(values.practice ? { practice: true } : {}),
        ...(values.sha256 ? { sha256: values.sha256 } : {}),
        ...(values.intermediate ? { intermediate: values.intermediate } : {}),
        ...(values['intermediate-sha256'] ? { intermediateSha256: values['intermediate-sha256'] } : {}),
      },
      { file: { flag: '--file', given: values.file }, sha256: { flag: '--sha256', given: values.sha256 }, intermediate: { flag: '--intermediate', given: values.intermediate }, intermediateSha256: { flag: '--intermediate-sha256', given: values['intermediate-sha256'] }, returnTimeoutS: { flag: '--return-timeout', given: values['return-timeout'] }, webPort: { flag: '--web-port', given: values['web-port'] } },
    );
    if (!values.yes) {
      // the plan only: connect, read, check the files; nothing on the router changes, not even sysupgrade -T
      return runOnContract(io, { command: 'firmware return-to-stock', json: values.json }, (t) => onInterface(t, values.interface, request.target, async (target) => {
        const report = await t.invoke('upgrade.plan', { target, file: request.file, ...(request.sha256 ? { sha256: request.sha256 } : {}), ...(request.intermediate ? { intermediate: request.intermediate } : {}), ...(request.intermediateSha256 ? { intermediateSha256: request.intermediateSha256 } : {}) });
        const say = io.t ?? english;
        const text = `${planText(report, say)}\n${say('upgrade.cli.plan.end', { ok: report.plan.ok ? 'yes' : 'no' })}`;
        return report.plan.ok ? { ok: true, value: { plan: report.plan, journal: '' }, text } : { ok: false, error: report.plan.refusal!, value: { plan: report.plan, journal: '' }, text };
      }));
    }
    return runUpgrade(io, 'firmware return-to-stock', values.json, request, { fullBackup: values['full-backup'], force: true, go: true }, values.interface);
  },
};

export const bootSlot: CliCommand = {
  words: ['firmware', 'boot-slot'],
  summary: 'upgrade.cli.summary.bootSlot',
  usage: 'firmware boot-slot --host ADDR [--interface IF] [--ssh|--telnet] [--user U] [--key FILE] --slot 1|2 [--yes] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({ args: argv, options: { ...targetFlags, slot: { type: 'string' } }, strict: true });
    if (values.slot !== '1' && values.slot !== '2') throw new UsageError(said('upgrade.cli.usage.slot'));
    const slot = Number(values.slot) as 1 | 2;
    const target = await targetWithPassword(values, io);
    return runOnContract(io, { command: 'firmware boot-slot', json: values.json }, (t) => onInterface(t, values.interface, target, async (target) => {
      const r = await t.invoke('upgrade.bootSlot', { target, slot, confirm: values.yes ? `slot ${slot}` : '', preview: !values.yes });
      const say = io.t ?? english;
      // the environment's own values stay as fw_printenv prints them; '(none)' is what an unset one shows
      const lines = [say('upgrade.cli.slot.now', { bootPart: r.before.boot_part ?? '(none)', bootcmd: r.before.bootcmd ?? '(none)' })];
      if (!r.changes.length) lines.push(say('upgrade.cli.slot.already', { slot, again: r.changed ? 'yes' : 'no' }));
      else if (!r.changed) lines.push(say('upgrade.cli.slot.wouldRun', { commands: r.commands.join('; ') }), `  ${r.changes.map((c) => `${c.name}: ${c.from || '(none)'} → ${c.to}`).join('\n  ')}`, say('upgrade.cli.slot.preview'));
      else lines.push(say('upgrade.cli.slot.changed', { changes: r.changes.map((c) => `${c.name}=${r.env[c.name]}`).join(', '), slot }));
      return { ok: true, value: r, text: lines.join('\n') };
    }));
  },
};
