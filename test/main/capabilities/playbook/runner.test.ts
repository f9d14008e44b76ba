import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PlaybookService } from '../../../../src-main/capabilities/playbook/service';
import type { StepExecutor } from '../../../../src-main/capabilities/playbook/runner';
import type { PlaybookDef, StepDef } from '../../../../src-shared/capabilities/playbook/model';
import { validatePlaybook } from '../../../../src-shared/capabilities/playbook/model';
import { failsafePlaybook } from '../../../../src-shared/capabilities/failsafe/playbook';
import { parseJournal, replayJournal } from '../../../../src-shared/capabilities/playbook/journal';
import type { RunSnapshot, RunStepsChange } from '../../../../src-shared/capabilities/playbook/contract';
import { applyStepsChange } from '../../../../src-shared/capabilities/playbook/updates';
import { english, loadCatalog, said, sayIn, translator } from '../../../../src-shared/i18n';
import { fault } from '../../../../src-shared/errors';

const step = (id: string, over: Partial<StepDef> = {}): StepDef => ({
  id,
  kind: 'action',
  title: `Step ${id.toUpperCase()}`,
  doNow: `Do ${id}`,
  explain: '',
  preconditions: [],
  success: `${id} ok`,
  failure: `${id} failed`,
  onFailure: { kind: 'abort' },
  run: id,
  ...over,
});

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function harness(def: PlaybookDef, executors: Record<string, StepExecutor>, dir?: string) {
  const dataDir = dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'rb-pb-'));
  if (!dir) dirs.push(dataDir);
  const snaps: RunSnapshot[] = [];
  const svc = new PlaybookService(dataDir, { [def.id]: { def, executors } }, { snapshot: (s) => snaps.push(s), transcript: () => undefined });
  const waitPrompt = async (): Promise<RunSnapshot> => {
    for (let i = 0; i < 200; i++) {
      const s = svc.status().run;
      if (s?.prompt || (s && s.state !== 'running')) return s;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('no prompt');
  };
  return { svc, snaps, dataDir, waitPrompt };
}

const journalOf = (dataDir: string, runId: string) => parseJournal(fs.readFileSync(path.join(dataDir, 'journals', `${runId}.jsonl`), 'utf8'));

describe('playbook runner', () => {
  it('the failsafe playbook is consistent data', () => {
    expect(validatePlaybook(failsafePlaybook)).toEqual([]);
    expect(failsafePlaybook.steps).toHaveLength(7);
    expect(validatePlaybook({ id: 'x', title: 'x', summary: '', steps: [step('a', { preconditions: ['b'] }), step('b', { onFailure: { kind: 'branch', to: 'zz', label: 'x' } })] })).toEqual([
      'a: precondition b is not an earlier step',
      'b: branch target zz unknown',
    ]);
  });

  it('runs steps in order with evidence, and the journal replays to the same timeline', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a'), step('b', { preconditions: ['a'] })] };
    const { svc, dataDir } = harness(def, {
      a: async (ctx) => {
        ctx.evidence('seen A');
        return { ok: true };
      },
      b: async (ctx) => {
        ctx.setDoNow('Now B');
        ctx.transcript('sent', 'echo hi');
        return { ok: true, summary: 'B worked' };
      },
    });
    const first = svc.start('p', { routerAddress: '1', bind: '0.0.0.0', port: 1, serialBaud: 1, autoSendF: true, watchTimeoutS: 1, windowS: 1, loginProbeS: 1, sshPort: 22, telnetPort: 23, firstbootTimeoutS: 1 });
    await svc.settled();
    const live = svc.status().run!;
    expect(live.state).toBe('done');
    expect(live.steps.map((s) => [s.state, s.attempts])).toEqual([
      ['done', 1],
      ['done', 1],
    ]);
    expect(live.steps[0]!.evidence.map((e) => e.text)).toEqual(['seen A']);
    expect(live.steps[1]!.doNow).toBe('Now B');
    expect(live.steps[1]!.endedAt).toBeGreaterThanOrEqual(live.steps[1]!.startedAt!);
    expect(replayJournal(journalOf(dataDir, first.runId))).toEqual(live);
    expect(svc.status().transcript.map((l) => l.text)).toEqual(['echo hi']);
  });

  it('said words (decision 0130): English as before, the id and values beside it, kept by the journal', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a'), step('b')] };
    const { svc, dataDir, waitPrompt } = harness(def, {
      a: async (ctx) => {
        ctx.evidence(said('upgrade.said.ev.tmpFree', { size: '52.3 MiB' }));
        ctx.evidence('the router said: ok');
        ctx.setDoNow(said('upgrade.said.wait.restarting'));
        const q = await ctx.ask({ text: said('upgrade.said.ask.backup'), choices: [{ id: 'full', label: said('upgrade.said.choice.fullBackup') }, { id: 'skip', label: 'Skip' }] });
        return { ok: true, summary: said('upgrade.said.takes', { cmd: 'sysupgrade x', keep: q.choice === 'full' ? 'yes' : 'no' }) };
      },
      b: (ctx) => new Promise<never>((_, reject) => ctx.signal.addEventListener('abort', () => reject(new Error('stopped')))),
    });
    const first = svc.start('p', {} as never);
    const s = await waitPrompt();
    expect(s.prompt).toMatchObject({ text: 'Make a full backup of the router first?', msg: { id: 'upgrade.said.ask.backup' } });
    expect(s.prompt!.choices.map((c) => [c.label, c.labelMsg?.id])).toEqual([
      ['Full backup first', 'upgrade.said.choice.fullBackup'],
      ['Skip', undefined],
    ]);
    expect(s.steps[0]!).toMatchObject({ doNow: english('upgrade.said.wait.restarting'), doNowMsg: { id: 'upgrade.said.wait.restarting' } });
    svc.respond(first.runId, s.prompt!.id, 'full');
    for (let i = 0; i < 200 && svc.status().run!.steps[1]!.state !== 'active'; i++) await new Promise((r) => setTimeout(r, 5));
    await svc.stop();
    const live = svc.status().run!;
    expect(live.steps[0]!.evidence).toEqual([
      { at: expect.any(Number), text: 'Free memory for the image (/tmp): 52.3 MiB.', msg: { id: 'upgrade.said.ev.tmpFree', values: { size: '52.3 MiB' } } },
      { at: expect.any(Number), text: 'the router said: ok' },
      { at: expect.any(Number), text: 'The router takes the image: sysupgrade x (settings kept).', msg: { id: 'upgrade.said.takes', values: { cmd: 'sysupgrade x', keep: 'yes' } } },
    ]);
    expect(live).toMatchObject({ state: 'stopped', summary: 'You stopped the run. Nothing more is sent to the router.', summaryMsg: { id: 'playbook.said.youStopped' } });
    expect(replayJournal(journalOf(dataDir, first.runId))).toEqual(live);
  });

  it('a transcript note of ours keeps its id (decision 0188); sent and received lines are the router\'s, without one; the journal keeps both', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a')] };
    const note = said('upgrade.said.connecting', { host: '192.168.1.1', method: 'auto', user: 'root' });
    const { svc, dataDir } = harness(def, {
      a: async (ctx) => {
        ctx.transcript('note', note);
        ctx.transcript('sent', 'cat /proc/mtd');
        ctx.transcript('received', 'dev:    size   erasesize  name');
        return { ok: true };
      },
    });
    const { runId } = svc.start('p', {} as never);
    for (let i = 0; i < 200 && svc.status().run?.state !== 'done'; i++) await new Promise((r) => setTimeout(r, 5));
    const lines = svc.status().transcript.map(({ dir, text, msg }) => ({ dir, text, ...(msg ? { msg } : {}) }));
    expect(lines).toEqual([
      { dir: 'note', text: 'Connecting to 192.168.1.1 (SSH, then telnet) as root…', msg: note.msg },
      { dir: 'sent', text: 'cat /proc/mtd' },
      { dir: 'received', text: 'dev:    size   erasesize  name' },
    ]);
    const de = translator('de', await loadCatalog('de'));
    expect(sayIn(de, lines[0]!.msg, lines[0]!.text)).toBe('Verbindung zu 192.168.1.1 (SSH, dann telnet) als root …');
    // a workstation that reopens the run (resume) reads the note's id back from the journal
    const fromJournal = journalOf(dataDir, runId).filter((r) => r.type === 'transcript');
    expect(fromJournal.map((r) => (r.type === 'transcript' ? r.msg : undefined))).toEqual([note.msg, undefined, undefined]);
  });

  it('retry: a failed step asks, and runs again when told to', async () => {
    let n = 0;
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a', { onFailure: { kind: 'retry', max: 3, label: 'Check again' } })] };
    const { svc, waitPrompt } = harness(def, {
      a: async () => (++n < 2 ? { ok: false, error: { code: 'NOPE', message: 'Not yet.', fix: 'Plug it in.' } } : { ok: true }),
    });
    const run = svc.start('p', {} as never);
    const s = await waitPrompt();
    expect(s.prompt).toMatchObject({ text: 'Not yet.', detail: 'Plug it in.' });
    expect(s.prompt!.choices.map((c) => c.label)).toEqual(['Check again', 'Stop here']);
    expect(s.steps[0]!.state).toBe('failed');
    expect(() => svc.respond(run.runId, 'bogus', 'again')).toThrow(/already answered/);
    svc.respond(run.runId, s.prompt!.id, 'again');
    await svc.settled();
    expect(svc.status().run!.state).toBe('done');
    expect(svc.status().run!.steps[0]!.attempts).toBe(2);
  });

  it('retry: the question says a catalogue fault from its ids (decision 0180), an unknown one as it came', async () => {
    const e = fault('ROUTER_NOT_BACK', { time: '8 s', host: '192.168.1.1', seen: 'silent', sign: '', after: '', service: 'web', slot: 'none', old: '', model: 'router' }).toShape();
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a', { onFailure: { kind: 'retry', max: 3, label: 'Check again' } })] };
    const { svc, waitPrompt } = harness(def, { a: async () => ({ ok: false, error: e }) });
    const run = svc.start('p', {} as never);
    const s = await waitPrompt();
    expect(s.prompt).toMatchObject({ text: 'The router has not answered for 8 s since it started writing.', msg: { id: 'error.ROUTER_NOT_BACK.message' }, detail: e.fix, detailMsg: { id: 'error.ROUTER_NOT_BACK.fix' } });
    const de = translator('de', await loadCatalog('de'));
    expect(sayIn(de, s.prompt!.msg, s.prompt!.text)).toBe('Seit er vor 8 s zu schreiben begann, hat der Router nicht geantwortet.');
    expect(sayIn(de, s.prompt!.detailMsg, s.prompt!.detail!)).toBe('Warten Sie noch ein paar Minuten („Weiter warten“). Antwortet er dann immer noch nicht: Prüfen Sie seine Lämpchen und nutzen Sie den Rettungsmodus.');
    svc.respond(run.runId, s.prompt!.id, 'stop');
    await svc.settled();
    // a fault with no catalogue entry: its English, no ids
    const h2 = harness(def, { a: async () => ({ ok: false, error: { code: 'NOPE', message: 'Not yet.', fix: 'Plug it in.' } }) });
    h2.svc.start('p', {} as never);
    const s2 = await h2.waitPrompt();
    expect(s2.prompt!.msg).toBeUndefined();
    expect(s2.prompt!.detailMsg).toBeUndefined();
  });

  it('branch: a missed attempt goes back to an earlier step and resets the later ones', async () => {
    let tries = 0;
    const def: PlaybookDef = {
      id: 'p',
      title: 'P',
      summary: '',
      steps: [step('a'), step('b'), step('c', { onFailure: { kind: 'branch', to: 'b', label: 'Try again' } })],
    };
    const { svc, waitPrompt } = harness(def, {
      a: async () => ({ ok: true }),
      b: async () => ({ ok: true }),
      c: async () => (++tries === 1 ? { ok: false, error: { code: 'MISSED', message: 'Missed.' } } : { ok: true }),
    });
    const run = svc.start('p', {} as never);
    const s = await waitPrompt();
    svc.respond(run.runId, s.prompt!.id, 'again');
    await svc.settled();
    const end = svc.status().run!;
    expect(end.state).toBe('done');
    expect(end.steps.map((x) => x.attempts)).toEqual([1, 2, 2]);
  });

  it('abort and stop end the run with words, and a stopped step is marked skipped', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a')] };
    const { svc } = harness(def, { a: async () => ({ ok: false, error: { code: 'X', message: 'Broken.', fix: 'Fix it.' } }) });
    svc.start('p', {} as never);
    await svc.settled();
    expect(svc.status().run).toMatchObject({ state: 'failed', summary: 'Broken. Fix it.' });

    const def2: PlaybookDef = { id: 'q', title: 'Q', summary: '', steps: [step('a', { kind: 'decision' })] };
    const h2 = harness(def2, { a: async (ctx) => ((await ctx.ask({ text: 'Which?', choices: [{ id: 'x', label: 'X' }] })), { ok: true }) });
    h2.svc.start('q', {} as never);
    await h2.waitPrompt();
    await h2.svc.stop();
    expect(h2.svc.status().run).toMatchObject({ state: 'stopped' });
    expect(h2.svc.status().run!.steps[0]!.state).toBe('skipped');
  });

  it('screens get the changed steps when only steps changed, the whole run otherwise, and see the same run (decision 0175)', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-pb-'));
    dirs.push(dataDir);
    let tries = 0;
    const tick = () => new Promise((r) => setTimeout(r, 3));
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a'), step('b'), step('c', { onFailure: { kind: 'branch', to: 'b', label: 'Try again' } })] };
    // what a screen holds: the whole runs it was sent, with the step changes applied onto them
    let screen: RunSnapshot | undefined;
    const told: string[] = [];
    const svc = new PlaybookService(
      dataDir,
      {
        p: {
          def,
          executors: {
            // each step takes a moment, as a real one does: its changes go out one burst at a time
            a: async (ctx) => (await tick(), ctx.evidence('seen A'), await tick(), { ok: true }),
            b: async (ctx) => (await tick(), ctx.evidence('seen B'), ctx.setDoNow('Now B'), await tick(), { ok: true }),
            c: async () => (await tick(), ++tries === 1 ? { ok: false, error: { code: 'MISSED', message: 'Missed.' } } : { ok: true }),
          },
        },
      },
      {
        change: (c: RunStepsChange) => {
          told.push(`step ${c.from}→${c.revision}`);
          const next = applyStepsChange(screen, c);
          expect(next, 'a step change applies onto the run the screen holds').toBeDefined();
          screen = next;
        },
        snapshot: (s, covered) => {
          if (covered) expect(screen).toEqual(s);
          else {
            told.push(`run ${s.revision} ${s.state}${s.prompt ? ' prompt' : ''}`);
            screen = s;
          }
        },
        transcript: () => undefined,
      },
    );
    const run = svc.start('p', {} as never);
    // answer as a screen does: once the question was sent to it (emits are coalesced, so on a loaded machine the
    // live run can hold the question a moment before any screen was told)
    for (let i = 0; i < 400 && !told.some((t) => t.endsWith('prompt')); i++) await new Promise((r) => setTimeout(r, 5));
    svc.respond(run.runId, svc.status().run!.prompt!.id, 'again');
    await svc.settled();
    await new Promise((r) => setImmediate(r));
    expect(screen).toEqual(svc.status().run);
    expect(screen!.revision).toBe(journalOf(dataDir, run.runId).length); // every record here changed the run
    expect(told[0]).toMatch(/^run \d+ running$/);
    expect(told.at(-1)).toMatch(/^run \d+ done$/);
    expect(told.some((t) => t.endsWith('prompt'))).toBe(true);
    expect(told.filter((t) => t.startsWith('step')).length).toBeGreaterThan(2);
  });

  it('never journals typed secrets, only the chosen answer', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a')] };
    let got = '';
    const { svc, dataDir, waitPrompt } = harness(def, {
      a: async (ctx) => {
        const r = await ctx.ask({ text: 'Password?', choices: [{ id: 'set', label: 'Set' }], input: { label: 'pw', secret: true, minLength: 1 } });
        got = r.input ?? '';
        return { ok: true };
      },
    });
    const run = svc.start('p', {} as never);
    const s = await waitPrompt();
    svc.respond(run.runId, s.prompt!.id, 'set', 'hunter22');
    await svc.settled();
    expect(got).toBe('hunter22');
    expect(fs.readFileSync(path.join(dataDir, 'journals', `${run.runId}.jsonl`), 'utf8')).not.toContain('hunter22');
  });

  it('after a crash: explains "you were at step N of M" and resumes from the safe step', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-pb-'));
    dirs.push(dataDir);
    const def: PlaybookDef = {
      id: 'p',
      title: 'Rescue',
      summary: '',
      steps: [step('a'), step('b'), step('c', { kind: 'wait-event', resumeAt: 'b' }), step('d')],
    };
    const ran: string[] = [];
    let cRuns = 0;
    const ex = (id: string): StepExecutor => async (ctx) => {
      ran.push(id);
      if (id === 'c' && ++cRuns === 1) await ctx.ask({ text: 'waiting', choices: [{ id: 'ok', label: 'OK' }] });
      return { ok: true };
    };
    const executors = { a: ex('a'), b: ex('b'), c: ex('c'), d: ex('d') };
    const first = harness(def, executors, dataDir);
    const run = first.svc.start('p', {} as never);
    await first.waitPrompt();
    // the process "dies" here: nothing more is written. Add a torn line as a crash mid-write would.
    fs.appendFileSync(path.join(dataDir, 'journals', `${run.runId}.jsonl`), '{"type":"evid');

    const second = harness(def, executors, dataDir);
    const it = second.svc.status().interrupted!;
    expect(it.runId).toBe(run.runId);
    expect(it.explanation).toMatch(/^You were at step 3 of 4 \(Step C\)\. 2 steps were done\. Rescue Bench stopped at \d\d:\d\d:\d\d/);
    expect(it.snapshot.state).toBe('interrupted');
    expect(it.resumable).toBe(true);
    ran.length = 0;
    second.svc.resume(run.runId);
    await second.svc.settled();
    expect(ran).toEqual(['b', 'c', 'd']);
    const end = second.svc.status();
    expect(end.run!.state).toBe('done');
    expect(end.interrupted).toBeUndefined();
    const replay = replayJournal(journalOf(dataDir, run.runId))!;
    expect(replay.state).toBe('done');
    // a finished journal is not reported as interrupted again
    expect(harness(def, executors, dataDir).svc.status().interrupted).toBeUndefined();
  });

  it('one run at a time', async () => {
    const def: PlaybookDef = { id: 'p', title: 'P', summary: '', steps: [step('a')] };
    const { svc, waitPrompt } = harness(def, { a: async (ctx) => ((await ctx.ask({ text: '?', choices: [{ id: 'ok', label: 'OK' }] })), { ok: true }) });
    svc.start('p', {} as never);
    await waitPrompt();
    expect(() => svc.start('p', {} as never)).toThrow(/still running/);
    await svc.stop();
  });
});
