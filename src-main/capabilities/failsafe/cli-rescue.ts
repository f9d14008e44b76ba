import { parseArgs } from 'node:util';
import { FailsafeMonitor } from './service';
import { PlaybookService } from '../playbook';
import { failsafeDeps, failsafeRegistration, serialViaService } from './rescue';
import { SerialService } from '../serial';
import { dataDir } from '../../platform';
import { FAILSAFE_ACTIONS, FAILSAFE_PLAYBOOK_ID, failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import { RunOptionsSchema, type RunSnapshot } from '../../../src-shared/capabilities/playbook';
import { jsonLine, UsageError, type CliCommand } from '../../cli/types';

/**
 * The failsafe playbook without a screen: the same runner, journal and steps as the app. Questions are answered
 * from the command line: instructions are taken as done, the listed --do actions run in order (destructive ones
 * only with --yes), steps that may simply be repeated (connect) are retried --retries times, a missed attempt
 * ends the run (exit status 1): pressing the button again needs a person.
 */
export const failsafeRescue: CliCommand = {
  words: ['failsafe', 'rescue'],
  summary: 'Guide a router into rescue mode (failsafe), connect, and run fixes (journal in the data folder)',
  usage:
    'failsafe rescue [--router 192.168.1.1] [--bind ADDR] [--port 4919] [--serial DEV [--baud N] [--no-auto-f]] [--do mount-root|lan-ip|password|reset-network|factory-reset|erase-settings-partition|reboot]... [--password-env VAR] [--yes] [--watch-timeout S] [--login-probe S] [--firstboot-timeout S] [--retries N] [--json]',
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        router: { type: 'string', default: '192.168.1.1' },
        bind: { type: 'string', default: '0.0.0.0' },
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
    const todo = [...(values.do ?? [])];
    for (const a of todo) if (!FAILSAFE_ACTIONS.some((x) => x.id === a)) throw new UsageError(`--do ${a}: not one of ${FAILSAFE_ACTIONS.map((x) => x.id).join(', ')}`);
    const password = process.env[values['password-env']!];
    if (todo.includes('password') && !password) throw new UsageError(`--do password needs the new password in the environment variable ${values['password-env']} (never on the command line)`);
    const parsed = RunOptionsSchema.safeParse({
      routerAddress: values.router,
      bind: values.bind,
      port: Number(values.port),
      ...(values.serial ? { serialPath: values.serial } : {}),
      serialBaud: Number(values.baud),
      autoSendF: !values['no-auto-f'],
      watchTimeoutS: Number(values['watch-timeout']),
      loginProbeS: Number(values['login-probe']),
      firstbootTimeoutS: Number(values['firstboot-timeout']),
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));

    const json = values.json;
    const retries = Number(values.retries);
    if (!Number.isInteger(retries) || retries < 0 || retries > 20) throw new UsageError(`--retries must be 0..20, not "${values.retries}"`);
    const retried = new Map<string, number>();
    const seen = new Map<string, { state: string; evidence: number }>();
    let service: PlaybookService | undefined;
    const answer = (snap: RunSnapshot): void => {
      const p = snap.prompt;
      if (!p || !service) return;
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
      if (json) jsonLine(io, { event: 'answer', step: p.stepId, question: p.text, choice });
      else io.err(`? ${p.text} → ${choice}`);
      const id = p.id;
      setImmediate(() => {
        try {
          service!.respond(snap.runId, id, choice, input);
        } catch {
          // already answered
        }
      });
    };
    const monitor = new FailsafeMonitor({ datagram: () => undefined, state: () => undefined });
    const serial = new SerialService({ data: () => undefined, match: () => undefined, session: () => undefined }, { dataDir: dataDir() });
    service = new PlaybookService(dataDir(), { [FAILSAFE_PLAYBOOK_ID]: failsafeRegistration(failsafeDeps(monitor, { openSerial: serialViaService(serial) })) }, {
      snapshot: (snap) => {
        snap.steps.forEach((st, i) => {
          const prev = seen.get(st.id) ?? { state: 'pending', evidence: 0 };
          for (const ev of st.evidence.slice(prev.evidence)) {
            if (json) jsonLine(io, { event: 'evidence', step: st.id, at: ev.at, text: ev.text });
            else io.out(`    ${ev.text}`);
          }
          if (st.state !== prev.state) {
            if (json) jsonLine(io, { event: 'step', step: st.id, index: i + 1, of: snap.steps.length, state: st.state, ...(st.error ? { error: st.error } : {}) });
            else io.out(`[${i + 1}/${snap.steps.length}] ${st.title}: ${st.state}${st.state === 'active' ? ` — ${st.doNow}` : ''}${st.error ? ` — ${st.error.message} ${st.error.fix ?? ''}` : ''}`);
          }
          seen.set(st.id, { state: st.state, evidence: st.evidence.length });
        });
        answer(snap);
      },
      transcript: (l) => {
        if (json) jsonLine(io, { event: 'transcript', step: l.stepId, dir: l.dir, text: l.text });
        else io.out(`    ${l.dir === 'sent' ? '>' : l.dir === 'received' ? '<' : '#'} ${l.text.replace(/\n/g, '\n      ')}`);
      },
    });
    const first = service.start(FAILSAFE_PLAYBOOK_ID, parsed.data);
    const stopping = io.stopped.then(() => service!.stop());
    await Promise.race([service.settled(), stopping]);
    await service.settled();
    await monitor.stop(false);
    await serial.dispose();
    const snap = service.status().run;
    if (json) jsonLine(io, { event: 'end', runId: first.runId, state: snap?.state, summary: snap?.summary, journal: `${service.journalDir}/${first.runId}.jsonl` });
    else io.out(`${snap?.state === 'done' ? 'Done' : 'Ended'}: ${snap?.summary ?? ''}`);
    return snap?.state === 'done' ? 0 : 1;
  },
};
