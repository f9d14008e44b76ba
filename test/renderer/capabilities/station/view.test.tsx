/**
 * The station view: one card per slot from station.slot events, the bar from station.progress (only that
 * slot's card renders again), the PRESS-NOW cue of the right slot with its label and colour name, a slot's
 * problems and its failed step in three parts, and a report for a running job labelled as such. The API is a
 * recorder that answers like the workstation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { StationView } from '../../../../src-renderer/capabilities/station/View';
import { useStation } from '../../../../src-renderer/capabilities/station/store';
import type { RunSnapshot } from '../../../../src-shared/capabilities/playbook';
import type { SlotStatus } from '../../../../src-shared/capabilities/station';

const T = Date.now();
const run = (over: Partial<RunSnapshot> = {}): RunSnapshot => ({
  runId: 'r1',
  playbookId: 'bench-copy',
  title: 'Copy',
  state: 'running',
  startedAt: T,
  current: 1,
  options: {},
  steps: [
    { id: 'identify', kind: 'action', title: 'Find out which router it is', state: 'done', doNow: '', explain: '', attempts: 1, evidence: [] },
    { id: 'copy', kind: 'action', title: 'Copy the whole memory', state: 'active', doNow: 'Copying. Keep the cable plugged in.', explain: '', attempts: 1, evidence: [] },
  ],
  ...over,
});
const slot = (id: string, over: Partial<SlotStatus> = {}): SlotStatus => ({ id, name: id.slice(5), colour: Number(id.slice(5)) - 1, interface: `eth${id.slice(5)}`, state: 'idle', router: {}, problems: [], ...over });

function apiWith(answers: Record<string, (p: unknown) => unknown>): { api: RbApi; calls: { name: string; payload: unknown }[] } {
  const calls: { name: string; payload: unknown }[] = [];
  const api: RbApi = {
    transport: 'websocket',
    invoke: (async (name: string, payload: unknown) => {
      calls.push({ name, payload });
      const a = answers[name];
      if (!a) throw new Error(`unexpected ${name}`);
      return a(payload);
    }) as RbApi['invoke'],
    on: () => () => undefined,
  };
  return { api, calls };
}

afterEach(() => {
  cleanup();
  useStation.setState({ slots: {}, order: [], playbooks: [] });
});

describe('Station view', () => {
  it('one card per slot: router, step, bar with rate and time left, the cue of the right slot, problems', async () => {
    const { api, calls } = apiWith({ 'jobs.report': () => ({ fileName: 'job-r1.html', mime: 'text/html', base64: btoa('<html></html>'), running: true }) });
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => undefined;
    useStation.getState().replace({ slots: [slot('slot-1'), slot('slot-2'), slot('slot-3')], playbooks: [{ id: 'bench-copy', title: 'Copy' }] });
    render(
      <ApiContext.Provider value={api}>
        <StationView />
      </ApiContext.Provider>,
    );
    expect(screen.getAllByTestId('slot-card')).toHaveLength(3);
    act(() => {
      useStation.getState().onSlot(slot('slot-1', { state: 'running', run: run(), router: { mac: 'c4:41:1e:00:00:01', board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM' } }));
      useStation.getState().onProgress({ slotId: 'slot-1', runId: 'r1', stepId: 'copy', done: 3 * 1048576, total: 12 * 1048576, bytesPerS: 1048576, etaS: 9, at: T });
    });
    const one = screen.getAllByTestId('slot-card')[0]!;
    expect(one.querySelector('[data-testid="slot-router"]')!.textContent).toBe('Router: Linksys WRT3200ACM · board linksys,wrt3200acm · MAC c4:41:1e:00:00:01');
    expect(one.querySelector('[data-testid="slot-step"]')!.textContent).toBe('Step 2 of 2: Copy the whole memory');
    expect(one.querySelector('[data-testid="slot-progress"]')!.textContent).toBe('25 % · 1.0 MiB/s · 9 s left · 3.0 MiB / 12 MiB');
    // a later snapshot of the same step without progress keeps the bar
    act(() => useStation.getState().onSlot(slot('slot-1', { state: 'running', run: run() })));
    expect(screen.getAllByTestId('slot-card')[0]!.querySelector('[data-testid="slot-progress"]')).not.toBeNull();

    // slot 2 wants the button pressed: its card and the banner name slot 2 and its colour
    const cueRun = run({ runId: 'r2', playbookId: 'failsafe', current: 1 });
    cueRun.steps[1] = { ...cueRun.steps[1]!, id: 'press', hint: { kind: 'cue', shownAt: T, deadline: T + 30_000, windowMs: 30_000, source: 'network' } };
    act(() => useStation.getState().onSlot(slot('slot-2', { state: 'running', run: cueRun })));
    expect(screen.getAllByTestId('slot-cue')).toHaveLength(1);
    expect(screen.getByTestId('slot-cue').closest('[data-slot]')!.getAttribute('data-slot')).toBe('slot-2');
    expect(screen.getByTestId('slot-cue').textContent).toMatch(/^SLOT 2: PRESS THE RESET BUTTON NOW/);
    expect(screen.getByTestId('station-cue-banner').textContent).toBe('Slot 2 (red) — press the Reset button on that router now');

    // slot 3: its card lost the link, and its step failed: both in three parts
    const failed = run({ runId: 'r3', state: 'failed', current: 1, summary: 'The router did not answer.' });
    failed.steps[1] = { ...failed.steps[1]!, state: 'failed', error: { code: 'ROUTER_NO_ANSWER', message: 'The router did not answer at 127.0.0.3 (port 1).', meaning: 'Nothing was copied.', fix: 'Check the cable.' } };
    act(() =>
      useStation.getState().onSlot(
        slot('slot-3', { state: 'failed', run: failed, problems: [{ code: 'SLOT_NO_LINK', message: 'Slot 3 lost its cable: the network card eth3 has no link since 14:02:11.', meaning: 'Its job waits before its next step; the other slots go on.', fix: 'Check the cable.', values: { slot: '3', card: 'eth3', time: '14:02:11' } }] }),
      ),
    );
    const three = screen.getAllByTestId('slot-card')[2]!;
    expect([...three.querySelectorAll('[data-testid="error-card"]')].map((e) => e.getAttribute('data-code'))).toEqual(['SLOT_NO_LINK', 'ROUTER_NO_ANSWER']);
    expect(three.getAttribute('data-state')).toBe('failed');

    // a running job's report is "so far", and the saved note says it is still running
    const report = one.querySelector('[data-testid="slot-report"]') as HTMLButtonElement;
    expect(report.textContent).toBe('Save report so far');
    fireEvent.click(report);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved job-r1.html to your downloads. This job is still running/));
    expect(calls.map((c) => c.payload)).toEqual([{ id: 'r1', format: 'html', lang: 'en' }]);
  });

  it("a progress event moves only its own slot's bar, and only for that slot's run", () => {
    useStation.getState().replace({ slots: [slot('slot-1', { state: 'running', run: run() }), slot('slot-2', { state: 'running', run: run({ runId: 'r2' }) })], playbooks: [] });
    const { api } = apiWith({});
    render(
      <ApiContext.Provider value={api}>
        <StationView />
      </ApiContext.Provider>,
    );
    const before = screen.getAllByTestId('slot-card').map((c) => c.querySelector('[data-testid="slot-router"]'));
    act(() => useStation.getState().onProgress({ slotId: 'slot-2', runId: 'r2', stepId: 'copy', done: 10, total: 100, at: T }));
    const after = screen.getAllByTestId('slot-card').map((c) => c.querySelector('[data-testid="slot-router"]'));
    expect(after[0]).toBe(before[0]);
    expect(screen.getAllByTestId('slot-progress')).toHaveLength(1);
    expect(screen.getByTestId('slot-progress').closest('[data-slot]')!.getAttribute('data-slot')).toBe('slot-2');
    // another run's progress does not move this slot's bar
    act(() => useStation.getState().onProgress({ slotId: 'slot-1', runId: 'old', stepId: 'copy', done: 10, total: 100, at: T }));
    expect(screen.getAllByTestId('slot-progress')).toHaveLength(1);
  });

  it('a size not known yet (total 0, the settings backup): a moving bar with the bytes so far and the rate, no percent', () => {
    useStation.getState().replace({ slots: [slot('slot-1', { state: 'running', run: run() })], playbooks: [] });
    const { api } = apiWith({});
    render(
      <ApiContext.Provider value={api}>
        <StationView />
      </ApiContext.Provider>,
    );
    act(() => useStation.getState().onProgress({ slotId: 'slot-1', runId: 'r1', stepId: 'copy', done: 20_480, total: 0, at: T }));
    const bar = screen.getByTestId('slot-progress');
    expect(bar.getAttribute('data-indeterminate')).toBe('true');
    expect(bar.querySelector('progress')!.hasAttribute('value')).toBe(false);
    expect(bar.textContent).toBe('20 KiB so far');
    act(() => useStation.getState().onProgress({ slotId: 'slot-1', runId: 'r1', stepId: 'copy', done: 40_960, total: 0, bytesPerS: 20_480, at: T + 1000 }));
    expect(screen.getByTestId('slot-progress').textContent).toBe('40 KiB so far · 20 KiB/s');
  });

  it('adding a slot on a taken card shows the three-part error', async () => {
    const { api } = apiWith({
      'station.add': () => {
        throw Object.assign(new Error('x'), { code: 'SLOT_CARD_TAKEN', message: 'The network card eth1 is already slot 1.', meaning: 'Nothing was added.', fix: 'Pick another card.' });
      },
    });
    render(
      <ApiContext.Provider value={api}>
        <StationView />
      </ApiContext.Provider>,
    );
    expect(screen.getByText('No slots yet. Add one for each router you plug in.')).toBeTruthy();
    fireEvent.change(screen.getByTestId('slot-add-card'), { target: { value: 'eth1' } });
    fireEvent.click(screen.getByTestId('slot-add'));
    const card = await screen.findByTestId('error-card');
    expect(card.textContent).toContain('already slot 1');
  });
});
