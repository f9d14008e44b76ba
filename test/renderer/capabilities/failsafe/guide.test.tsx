/**
 * The failsafe guide renders what the runner reports: snapshots are built with the shared journal reducer
 * (the same code the runner and the crash replay use), the API is a recorder of the commands the view sends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { FailsafeView } from '../../../../src-renderer/capabilities/failsafe/View';
import { usePlaybook } from '../../../../src-renderer/capabilities/playbook/store';
import { applyRecord, startRecord, type JournalRecord } from '../../../../src-shared/capabilities/playbook/journal';
import { failsafePlaybook } from '../../../../src-shared/capabilities/failsafe/playbook';
import type { RunSnapshot } from '../../../../src-shared/capabilities/playbook/contract';
import { Transcript } from '../../../../src-renderer/capabilities/failsafe/Transcript';
import { useLocale } from '../../../../src-renderer/i18n';
import { said } from '../../../../src-shared/i18n';

const calls: { name: string; payload: unknown }[] = [];
const api: RbApi = {
  transport: 'websocket',
  invoke: (async (name: string, payload: unknown) => {
    calls.push({ name, payload });
    return {};
  }) as RbApi['invoke'],
  on: () => () => undefined,
};

const T0 = new Date(2026, 0, 2, 14, 2, 10, 0).getTime();
function snapshot(extra: JournalRecord[]): RunSnapshot {
  let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-1', failsafePlaybook, {}, T0));
  const done = (id: string, at: number): JournalRecord[] => [
    { type: 'step', at, stepId: id, state: 'active' },
    { type: 'step', at: at + 100, stepId: id, state: 'done' },
  ];
  for (const r of [...done('cables', T0), ...done('address', T0 + 200), ...extra]) s = applyRecord(s, r);
  return s!;
}

function show(s: RunSnapshot): void {
  act(() => usePlaybook.getState().setStatus({ run: s, transcript: [] }));
}

afterEach(() => {
  cleanup();
  calls.length = 0;
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
});

const ui = () =>
  render(
    <ApiContext.Provider value={api}>
      <FailsafeView />
    </ApiContext.Provider>,
  );

describe('failsafe guide', () => {
  it('shows the one thing to do now, every step with its state and evidence, and the LED guide in words', () => {
    ui();
    show(
      snapshot([
        { type: 'step', at: T0 + 1000, stepId: 'watch', state: 'active' },
        { type: 'hint', at: T0 + 1000, stepId: 'watch', hint: { kind: 'led', pattern: 'preinit' } },
        { type: 'evidence', at: T0 + 1204, stepId: 'watch', text: 'Listening for the router\'s message on UDP port 4919.' },
      ]),
    );
    expect(screen.getByTestId('fs-do-now').textContent).toBe('Switch the router on now. Watch its lights.');
    expect(screen.getByText('Step 3 of 7: Switch the router on')).toBeTruthy();
    const steps = screen.getAllByTestId('fs-step');
    expect(steps.map((s) => s.dataset.state)).toEqual(['done', 'done', 'active', 'pending', 'pending', 'pending', 'pending']);
    expect(steps[0]!.textContent).toContain('Done');
    expect(steps[0]!.textContent).toContain('100 ms');
    expect(steps[2]!.textContent).toContain('14:02:11.204');
    const led = screen.getByTestId('fs-led');
    expect(led.dataset.onMs).toBe('100');
    expect(led.textContent).toMatch(/on 0\.1 s, off 0\.1 s/);
    expect(screen.queryByTestId('failsafe-cue')).toBeNull();
  });

  it('the cue fills the window with a countdown and can be hidden with Escape', async () => {
    ui();
    const now = Date.now();
    show(
      snapshot([
        { type: 'step', at: T0 + 1000, stepId: 'watch', state: 'active' },
        { type: 'step', at: T0 + 1100, stepId: 'watch', state: 'done' },
        { type: 'step', at: T0 + 1100, stepId: 'press', state: 'active' },
        { type: 'hint', at: T0 + 1100, stepId: 'press', hint: { kind: 'cue', shownAt: now, deadline: now + 2000, windowMs: 2000, source: 'network' } },
      ]),
    );
    const cue = screen.getByTestId('failsafe-cue');
    expect(cue.getAttribute('role')).toBe('alertdialog');
    expect(cue.textContent).toMatch(/PRESS THE RESET BUTTON NOW/);
    expect(cue.textContent).toMatch(/[12]\.\d s left/);
    // speech and focus come once the cue has been painted (a timer here: the test DOM has no frames)
    await waitFor(() => {
      expect(cue.dataset.sound).toBe('silent'); // no audio device in the test DOM: the cue stays visual
      expect(document.activeElement).toBe(cue);
    });
    fireEvent.keyDown(cue, { key: 'Escape' });
    expect(screen.queryByTestId('failsafe-cue')).toBeNull();
  });

  it('a secret answer is sent only when long enough, and never shown', async () => {
    ui();
    show(
      snapshot([
        { type: 'step', at: T0 + 1000, stepId: 'fix', state: 'active' },
        {
          type: 'prompt',
          at: T0 + 1000,
          prompt: { id: 'q9', stepId: 'fix', text: 'Type the new administrator password.', choices: [{ id: 'set', label: 'Set password', primary: true }, { id: 'cancel', label: 'Cancel' }], input: { label: 'New password', secret: true, minLength: 6 } },
        },
      ]),
    );
    const input = screen.getByTestId('fs-prompt-input') as HTMLInputElement;
    expect(input.type).toBe('password');
    const set = screen.getByTestId('fs-choice-set') as HTMLButtonElement;
    fireEvent.change(input, { target: { value: 'abc' } });
    expect(set.disabled).toBe(true);
    fireEvent.change(input, { target: { value: 'abcdef7' } });
    expect(set.disabled).toBe(false);
    await act(async () => fireEvent.click(set));
    expect(calls).toEqual([{ name: 'playbook.respond', payload: { runId: 'run-1', promptId: 'q9', choice: 'set', input: 'abcdef7' } }]);
  });

  it('a run that never finished is explained, with a way to continue', async () => {
    ui();
    const snap = snapshot([{ type: 'step', at: T0 + 1000, stepId: 'watch', state: 'active' }]);
    act(() =>
      usePlaybook.getState().setStatus({
        transcript: [],
        interrupted: { runId: 'run-1', title: snap.title, explanation: 'You were at step 3 of 7 (Switch the router on).', snapshot: { ...snap, state: 'interrupted' }, resumable: true },
      }),
    );
    expect(screen.getByTestId('fs-interrupted').textContent).toContain('You were at step 3 of 7 (Switch the router on).');
    await act(async () => fireEvent.click(screen.getByTestId('fs-resume')));
    expect(calls[0]).toEqual({ name: 'playbook.resume', payload: { runId: 'run-1' } });
  });

  it('the transcript says our notes in the language shown and the router\'s lines as they came (decision 0188)', async () => {
    await act(() => useLocale.getState().setLocale('de'));
    try {
      const note = said('failsafe.said.connecting', { router: '192.168.1.1', port: 22 });
      act(() =>
        usePlaybook.getState().setStatus({
          transcript: [
            { runId: 'run-1', stepId: 'login', at: T0, dir: 'note', text: note.text, msg: note.msg },
            { runId: 'run-1', stepId: 'login', at: T0 + 1, dir: 'received', text: 'BusyBox v1.36.1 built-in shell (ash)' },
          ],
        }),
      );
      render(<Transcript />);
      const pre = screen.getByLabelText(/.+/, { selector: 'pre' });
      expect(pre.textContent).toContain('# Verbindung zu 192.168.1.1 (SSH-Port 22, dann telnet) als root ohne Passwort …');
      expect(pre.textContent).toContain('< BusyBox v1.36.1 built-in shell (ash)');
      expect(pre.textContent).not.toContain('Connecting to');
    } finally {
      await act(() => useLocale.getState().setLocale('en'));
    }
  });
});
