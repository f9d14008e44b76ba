import { parseArgs } from 'node:util';
import path from 'node:path';
import readline from 'node:readline';
import { RECOVER_PLAYBOOKS, VENDOR_FLOWS, type RecoverPlan } from '../../../src-shared/capabilities/recover';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook';
import type { VendorFlow } from '../../../src-shared/profiles/profiles';
import type { RbErrorShape } from '../../../src-shared/errors';
import { RbFault, fault } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { num } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { runWords } from '../../cli/run-words';
import { said, sayIn } from '../../../src-shared/i18n/said';
import { english, knownId } from '../../../src-shared/i18n/translate';
import type { RecoverTuning } from './service';

function runFault(run: RunSnapshot): RbErrorShape {
  const failed = [...run.steps].reverse().find((s) => s.state === 'failed' && s.error);
  if (failed?.error) return failed.error;
  if (run.state === 'stopped') return fault('RUN_STOPPED', { what: 'recovery', summary: run.summary ?? 'none' }).toShape();
  return fault('RUN_FAILED', { what: 'recovery', summary: run.summary ?? 'none' }).toShape();
}

/** A line from the terminal (the person did what the step says); undefined without a terminal. */
function enter(prompt: string): Promise<void> {
  return new Promise((resolve) => {
    const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
    rl.question(`${prompt} [Enter] `, () => {
      rl.close();
      resolve();
    });
  });
}

const TUNING: Record<string, keyof RecoverTuning> = {
  'write-seconds': 'writeSeconds',
  'fetch-timeout': 'fetchTimeoutS',
  'verify-timeout': 'verifyTimeoutS',
  'connect-wait': 'connectWaitS',
  'tftp-port': 'tftpPort',
};

/**
 * A vendor recovery without a screen: the same playbook, runner and journal as the app (recover.start, then
 * playbook.respond). The physical steps (cables, holding Reset) are the person's: with --yes they are taken as
 * done (a script that prepared the router), otherwise the command waits for Enter at the terminal. A step that
 * may simply be repeated (network, transfer, verify) is retried --retries times; then the run ends, exit status 1.
 */
export const recoverCommand: CliCommand = {
  words: ['recover'],
  summary: 'recover.cli.summary.recover',
  usage:
    'recover tplink|asus|ubiquiti|dlink --file FILE [--model M] [--interface IF] [--yes] [--retries N] [--write-seconds S] [--fetch-timeout S] [--verify-timeout S] [--connect-wait S] [--tftp-port N] [--check] [--json]',
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        file: { type: 'string' },
        model: { type: 'string' },
        interface: { type: 'string' },
        yes: { type: 'boolean', default: false },
        retries: { type: 'string', default: '2' },
        check: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        ...Object.fromEntries(Object.keys(TUNING).map((k) => [k, { type: 'string' as const }])),
      },
      strict: true,
    });
    const flow = positionals[0] as VendorFlow | undefined;
    if (!flow || !VENDOR_FLOWS.includes(flow) || positionals.length > 1) throw new UsageError(said('recover.cli.usage.maker', { makers: VENDOR_FLOWS.join(', ') }));
    if (!values.file) throw new UsageError(said('recover.cli.usage.file'));
    const retries = num(values.retries)!;
    if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new UsageError(said('cli.usage.retries', { given: values.retries ?? '' }));
    const tuning: RecoverTuning = {};
    for (const [flag, key] of Object.entries(TUNING)) {
      const v = (values as Record<string, unknown>)[flag] as string | undefined;
      if (v === undefined) continue;
      const n = num(v)!;
      if (!Number.isFinite(n) || n < 0 || n > 65535) throw new UsageError(said('recover.cli.usage.number', { flag, given: v }));
      tuning[key] = n;
    }
    if (!values.yes && !process.stdin.isTTY && !values.check) throw new UsageError(said('recover.cli.usage.yes'));
    const file = path.resolve(values.file);
    const def = RECOVER_PLAYBOOKS[flow];
    const json = values.json;
    const answered = new Set<string>();
    const retried = new Map<string, number>();
    const ended = new Map<string, string>();
    const words = runWords(io.t);
    let plan: RecoverPlan | undefined;

    return runOnContract(
      io,
      {
        command: 'recover',
        json,
        events: ['playbook.transcript', 'recover.progress'],
        // progress: phase changes and about one line a second, not every packet
        filter: (() => {
          let last = { phase: '', at: 0 };
          return (e) => {
            if (e.name !== 'recover.progress') return true;
            const p = e.payload;
            const now = Date.now();
            if (p.phase !== last.phase || now - last.at >= 1000 || (p.total > 0 && p.bytes === p.total)) {
              last = { phase: p.phase, at: now };
              return true;
            }
            return false;
          };
        })(),
        describe: (e) => {
          if (e.name === 'playbook.transcript') return { to: 'out', text: words.transcript(e.payload) };
          if (e.name === 'recover.progress') {
            const p = e.payload;
            const tr = io.t ?? english;
            if (p.phase === 'transfer')
              return {
                to: 'out',
                text: `    ${tr('recover.cli.transfer', { name: p.requested ?? 'none', bytes: p.bytes, total: p.total, percent: p.total ? Math.floor((p.bytes / p.total) * 100) : 0, rate: p.bytesPerSecond / 1048576 })}`,
              };
            if (p.phase === 'writing') return { to: 'out', text: `    ${tr('recover.cli.writing', { known: p.expectedSeconds === undefined ? 'no' : 'yes', seconds: p.expectedSeconds ?? 0 })}` };
          }
          return undefined;
        },
      },
      async (t) => {
        plan = await t.invoke('recover.check', { flow, file, ...(values.model ? { model: values.model } : {}) });
        const tr = io.t ?? english;
        const checkName = (c: { name: string; key?: string }): string => {
          const id = c.key ? knownId(`recover.check.name.${c.key}`) : undefined;
          return id ? tr(id) : c.name;
        };
        t.say({ to: 'out', text: `${sayIn(tr, plan.image.cutReasonMsg, plan.image.cutReason)}${plan.image.checks.map((c) => `\n    ${tr('recover.cli.check', { ok: c.ok ? 'yes' : 'no' })} ${checkName(c)}: ${sayIn(tr, c.msg, c.text)}`).join('')}` });
        if (plan.image.refuse) return { ok: false, error: plan.image.refuse, value: { plan } };
        if (values.check) return { ok: true, value: { plan }, text: tr('recover.cli.ready', { bytes: plan.image.servedBytes, cut: plan.image.cutBytes ? 'yes' : 'no', cutBytes: plan.image.cutBytes }) };

        const steps = (snap: RunSnapshot): void => {
          snap.steps.forEach((st, index) => {
            if ((st.state === 'done' || st.state === 'failed' || st.state === 'skipped') && ended.get(st.id) !== `${st.state}:${st.endedAt}`) {
              ended.set(st.id, `${st.state}:${st.endedAt}`);
              t.line('cli.step', { runId: snap.runId, step: st.id, index, total: snap.steps.length, title: st.title, state: st.state, evidence: st.evidence.map((x) => x.text), ...(st.error ? { error: st.error } : {}) });
              const err = st.error ? words.error(st.error) : undefined;
              t.say({ to: 'out', text: `[${index + 1}/${snap.steps.length}] ${words.title(snap.playbookId, st)}: ${words.state(st.state)}${st.evidence.length ? `\n    ${st.evidence.map((x) => words.evidence(x)).join('\n    ')}` : ''}${err ? `\n    ${err.message} ${err.fix ?? ''}` : ''}` });
            }
          });
        };
        const answer = async (snap: RunSnapshot): Promise<void> => {
          const p = snap.prompt;
          if (!p || answered.has(p.id)) return;
          answered.add(p.id);
          const ids = p.choices.map((c) => c.id);
          const sdef = def.steps.find((x) => x.id === p.stepId);
          let choice = p.choices.find((c) => c.primary)?.id ?? p.choices[0]!.id;
          if (ids.includes('stop')) choice = sdef?.onFailure.kind === 'retry' && (retried.get(p.stepId) ?? 0) < retries ? 'again' : 'stop';
          if (choice === 'again') retried.set(p.stepId, (retried.get(p.stepId) ?? 0) + 1);
          else if (!ids.includes('stop') && !values.yes) await enter(`${words.question(p)}${p.detail ? `\n  ${words.detail(p)}` : ''}\n`);
          t.line('cli.answer', { runId: snap.runId, promptId: p.id, step: p.stepId, question: p.text, choice });
          t.say({ to: 'err', text: `? ${words.question(p)} → ${choice}` });
          setImmediate(() => void t.invoke('playbook.respond', { runId: snap.runId, promptId: p.id, choice }).catch(() => undefined));
        };
        t.on((e) => {
          if (e.name === 'playbook.run') {
            steps(e.payload);
            void answer(e.payload);
          }
        });
        let first: RunSnapshot;
        try {
          first = await t.invoke('recover.start', { flow, file, ...(values.model ? { model: values.model } : {}), ...(values.interface ? { interface: values.interface } : {}), ...tuning });
        } catch (err) {
          if (err instanceof RbFault) return { ok: false, error: err.toShape(), value: { plan } };
          throw err;
        }
        void answer(first);
        t.whenStopped(() => t.invoke('playbook.stop', {}));
        const run = first.state !== 'running' ? first : await t.waitFor('playbook.run', (s) => s.runId === first.runId && s.state !== 'running');
        const value = { plan, run, journal: path.join(t.services.playbook.journalDir, `${run.runId}.jsonl`) };
        const text = (io.t ?? english)(run.state === 'done' ? 'cli.run.done' : 'cli.run.ended', { summary: words.summary(run) ?? '' });
        return run.state === 'done' ? { ok: true, value, text } : { ok: false, error: runFault(run), value, text };
      },
    );
  },
};
