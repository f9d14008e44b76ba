import { parseArgs } from 'node:util';
import path from 'node:path';
import { FAILSAFE_ACTIONS, FAILSAFE_PLAYBOOK_ID, failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import { playbookCommands, type RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { fault, type RbErrorShape } from '../../../src-shared/errors';
import { UsageError, type CliCommand } from '../../cli/types';
import { num, requestFromFlags } from '../../cli/flags';
import { runOnContract } from '../../cli/transport';
import { onCard } from '../../cli/on-card';
import { runWords } from '../../cli/run-words';
import { english } from '../../../src-shared/i18n/translate';
import { said } from '../../../src-shared/i18n/said';

/** A run that did not end done, in three parts: the failed step's own reason where there is one. */
function runFault(run: RunSnapshot): RbErrorShape {
  const failed = [...run.steps].reverse().find((s) => s.state === 'failed' && s.error);
  if (failed?.error) return { ...failed.error, ...(!failed.error.fix && run.summary ? { fix: run.summary } : {}) };
  if (run.state === 'stopped') return fault('RUN_STOPPED', { what: 'guide', summary: run.summary ?? 'none' }).toShape();
  return fault('RUN_FAILED', { what: 'guide', summary: run.summary ?? 'none' }).toShape();
}

/**
 * The failsafe playbook without a screen: the same runner, journal and steps as the app, started and answered
 * through the contract (playbook.start, playbook.respond). Questions are answered from the command line:
 * instructions are taken as done, the listed --do actions run in order (destructive ones only with --yes), steps
 * that may simply be repeated (connect) are retried --retries times, a missed attempt ends the run (exit status
 * 1): pressing the button again needs a person.
 */
export const failsafeRescue: CliCommand = {
  words: ['failsafe', 'rescue'],
  summary: 'failsafe.cli.summary.rescue',
  usage:
    'failsafe rescue [--router 192.168.1.1] [--bind ADDR | --interface IF] [--port 4919] [--serial DEV [--baud N] [--no-auto-f]] [--do mount-root|lan-ip|password|reset-network|factory-reset|erase-settings-partition|reboot]... [--password-env VAR] [--yes] [--watch-timeout S] [--login-probe S] [--firstboot-timeout S] [--retries N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        router: { type: 'string', default: '192.168.1.1' },
        bind: { type: 'string', default: '0.0.0.0' },
        /** The network card the router is on (a station with several routers at one address; issue 17). */
        interface: { type: 'string' },
        port: { type: 'string', default: '4919' },
        serial: { type: 'string' },
        baud: { type: 'string', default: '115200' },
        'no-auto-f': { type: 'boolean', default: false },
        do: { type: 'string', multiple: true, default: [] },
        'password-env': { type: 'string', default: 'RB_NEW_PASSWORD' },
        yes: { type: 'boolean', default: false },
        'watch-timeout': { type: 'string', default: '120' },
        'login-probe': { type: 'string', default: '25' },
        'firstboot-timeout': { type: 'string', default: '45' },
        retries: { type: 'string', default: '2' },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.interface !== undefined && values.bind !== '0.0.0.0') throw new UsageError(said('failsafe.cli.usage.bindOrInterface'));
    const todo = [...(values.do ?? [])];
    for (const a of todo) if (!FAILSAFE_ACTIONS.some((x) => x.id === a)) throw new UsageError(said('failsafe.cli.usage.do', { action: a, actions: FAILSAFE_ACTIONS.map((x) => x.id).join(', ') }));
    const password = process.env[values['password-env']!];
    if (todo.includes('password') && !password) throw new UsageError(said('failsafe.cli.usage.passwordEnv', { env: values['password-env']! }));
    const request = requestFromFlags(
      playbookCommands['playbook.start'].request,
      {
        playbookId: FAILSAFE_PLAYBOOK_ID,
        options: {
          routerAddress: values.router,
          bind: values.bind,
          port: num(values.port),
          ...(values.serial ? { serialPath: values.serial } : {}),
          serialBaud: num(values.baud),
          autoSendF: !values['no-auto-f'],
          watchTimeoutS: num(values['watch-timeout']),
          loginProbeS: num(values['login-probe']),
          firstbootTimeoutS: num(values['firstboot-timeout']),
        },
      },
      {
        'options.routerAddress': { flag: '--router', given: values.router },
        'options.bind': { flag: '--bind', given: values.bind },
        'options.port': { flag: '--port', given: values.port },
        'options.serialPath': { flag: '--serial', given: values.serial },
        'options.serialBaud': { flag: '--baud', given: values.baud, expect: said('failsafe.cli.takes.baud') },
        'options.watchTimeoutS': { flag: '--watch-timeout', given: values['watch-timeout'], expect: said('failsafe.cli.takes.secondsUpTo', { max: '600' }) },
        'options.loginProbeS': { flag: '--login-probe', given: values['login-probe'], expect: said('failsafe.cli.takes.secondsUpTo', { max: '120' }) },
        'options.firstbootTimeoutS': { flag: '--firstboot-timeout', given: values['firstboot-timeout'], expect: said('failsafe.cli.takes.secondsUpTo', { max: '600' }) },
      },
    );
    const retries = num(values.retries)!;
    if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new UsageError(said('cli.usage.retries', { given: values.retries ?? '' }));

    const json = values.json;
    const retried = new Map<string, number>();
    const answered = new Set<string>();
    const seen = new Map<string, { state: string; evidence: number }>();
    const words = runWords(io.t);

    /** Plain words for a snapshot: what changed since the last one (steps and new evidence). */
    const changes = (snap: RunSnapshot): string | undefined => {
      const out: string[] = [];
      snap.steps.forEach((st, i) => {
        const prev = seen.get(st.id) ?? { state: 'pending', evidence: 0 };
        for (const ev of st.evidence.slice(prev.evidence)) out.push(`    ${words.evidence(ev)}`);
        const err = st.error ? words.error(st.error) : undefined;
        if (st.state !== prev.state) out.push(`[${i + 1}/${snap.steps.length}] ${words.title(snap.playbookId, st)}: ${words.state(st.state)}${st.state === 'active' ? ` — ${words.doNow(snap.playbookId, st)}` : ''}${err ? ` — ${err.message} ${err.fix ?? ''}` : ''}`);
        seen.set(st.id, { state: st.state, evidence: st.evidence.length });
      });
      return out.length ? out.join('\n') : undefined;
    };

    return runOnContract(
      io,
      {
        command: 'failsafe rescue',
        json,
        events: ['playbook.run', 'playbook.transcript'],
        describe: (e) => {
          if (e.name === 'playbook.run') {
            const text = changes(e.payload);
            return text === undefined ? undefined : { to: 'out', text };
          }
          if (e.name === 'playbook.transcript') return { to: 'out', text: words.transcript(e.payload) };
          return undefined;
        },
      },
      async (t) => {
        /** Answer each question of the run once, as a person at the command line would have (see above). */
        const answer = (snap: RunSnapshot): void => {
          const p = snap.prompt;
          if (!p || answered.has(p.id)) return;
          answered.add(p.id);
          let choice = p.choices.find((c) => c.primary)?.id ?? p.choices[0]!.id;
          let input: string | undefined;
          const ids = p.choices.map((c) => c.id);
          const def = failsafePlaybook.steps.find((x) => x.id === p.stepId);
          if (ids.includes('stop') && def?.onFailure.kind === 'retry' && def.kind !== 'wait-event' && (retried.get(p.stepId) ?? 0) < retries) {
            // a step that may simply be tried again (connect, address): do so, a few times
            retried.set(p.stepId, (retried.get(p.stepId) ?? 0) + 1);
            choice = 'again';
          } else if (ids.includes('stop')) choice = 'stop';
          else if (ids.includes('go')) choice = 'go';
          else if (ids.includes('finish')) choice = todo.shift() ?? 'finish';
          else if (ids.includes('confirm')) choice = values.yes ? 'confirm' : 'cancel';
          else if (ids.includes('set')) {
            choice = 'set';
            input = password;
          }
          t.line('cli.answer', { runId: snap.runId, promptId: p.id, step: p.stepId, question: p.text, choice });
          t.say(`? ${words.question(p)} → ${choice}`);
          // after this snapshot has reached every listener, as a person's click would
          setImmediate(() => void t.invoke('playbook.respond', { runId: snap.runId, promptId: p.id, choice, ...(input !== undefined ? { input } : {}) }).catch(() => undefined));
        };
        t.on((e) => {
          if (e.name === 'playbook.run') answer(e.payload);
        });
        // --interface: the card gets its own address and route for this router first, removed again at the end
        const run = await onCard(t, values.interface, values.router!, async (from) => {
          const first = await t.invoke('playbook.start', from ? { ...request, options: { ...request.options, interface: values.interface!, sourceAddress: from } } : request);
          answer(first);
          t.whenStopped(() => t.invoke('playbook.stop', {}));
          return first.state !== 'running' ? first : await t.waitFor('playbook.run', (s) => s.runId === first.runId && s.state !== 'running');
        });
        const value = { run, journal: path.join(t.services.playbook.journalDir, `${run.runId}.jsonl`) };
        const text = (io.t ?? english)(run.state === 'done' ? 'cli.run.done' : 'cli.run.ended', { summary: words.summary(run) ?? '' });
        return run.state === 'done' ? { ok: true, value, text } : { ok: false, error: runFault(run), value, text };
      },
    );
  },
};
