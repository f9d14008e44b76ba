/**
 * Every view rendered in the pseudo-locale (en-XA): a plain English word on the screen or in a screen
 * reader's name did not come from the catalogue, and the test names it (issue 19). Data shown as it is
 * (router models, makers, the product's name) is allowed. Sections still to be moved into the catalogue are
 * listed in REMAINING: the test checks they still have inline text, so moving one makes it fail until it is
 * listed as done.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { App } from '../../../src-renderer/App';
import { useApp } from '../../../src-renderer/app/store';
import { SECTIONS } from '../../../src-renderer/app/sections';
import { useLocale } from '../../../src-renderer/i18n';
import { usePractice } from '../../../src-renderer/capabilities/practice/store';
import { usePlaybook } from '../../../src-renderer/capabilities/playbook/store';
import { DEVICE_PROFILES } from '../../../src-shared/profiles/profiles';
import { applyRecord, startRecord, type JournalRecord } from '../../../src-shared/capabilities/playbook/journal';
import { FAILSAFE_ACTIONS, failsafePlaybook } from '../../../src-shared/capabilities/failsafe/playbook';
import type { RunSnapshot } from '../../../src-shared/capabilities/playbook/contract';
import type { SectionId } from '../../../src-renderer/capabilities';
import { scanForEscapes } from '../../../test-support/pseudo-scan';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({ ports: [], sessions: [], interfaces: [], jobs: [] })) as RbApi['invoke'], on: () => () => undefined };

/** What the screen shows as data, not words: router names and makers, the product's name, example paths. */
const DATA = [
  'Rescue Bench',
  ...DEVICE_PROFILES.map((d) => `${d.vendor} ${d.model}`),
  ...DEVICE_PROFILES.map((d) => d.vendor),
  ...DEVICE_PROFILES.map((d) => d.model),
  'TP-Link',
  'ASUS',
  'Netgear',
  'Linksys',
  'Ubiquiti',
  'D-Link',
  'English',
  'Deutsch',
  'Español',
  'en-XA',
  // binary size units, as the router's tools print them (format.ts)
  'KiB',
  'MiB',
  'GiB',
];

/** Sections whose every text comes from the catalogue. */
const DONE: SectionId[] = ['failsafe', 'devices', 'console', 'flash', 'tftp', 'firmware', 'net', 'recover', 'station', 'nmrp', 'practice', 'jobs', 'upgrade'];
/** Sections not moved yet (this session: upgrade, nmrp and practice belong to other work in progress). */
const REMAINING: SectionId[] = SECTIONS.map((s) => s.id).filter((id) => !DONE.includes(id));

beforeAll(async () => {
  await useLocale.getState().setLocale('en-XA');
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});
beforeEach(() => {
  usePractice.setState({ state: { ready: false, mode: 'off', led: 'off', log: [] } });
});
afterEach(() => {
  cleanup();
  usePlaybook.setState({ run: undefined, transcript: [], interrupted: undefined });
});

function show(section: 'start' | SectionId): HTMLElement {
  act(() => useApp.setState({ section, intent: undefined, connection: { status: 'open' } }));
  return render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  ).container;
}

const T0 = new Date(2026, 0, 2, 14, 2, 10, 0).getTime();
function run(extra: JournalRecord[]): RunSnapshot {
  let s: RunSnapshot | undefined = applyRecord(undefined, startRecord('run-1', failsafePlaybook, {}, T0));
  for (const r of extra) s = applyRecord(s, r);
  return s!;
}

describe('pseudo-locale scan: text that escaped the catalogue', () => {
  it('the html element names the language shown', () => {
    expect(document.documentElement.lang).toBe('en');
    expect(useLocale.getState().locale).toBe('en-XA');
  });

  it('start screen (the shell, the goals, the technicians\' list)', () => {
    const root = show('start');
    expect(scanForEscapes(root, DATA)).toEqual([]);
  });

  for (const id of DONE) {
    it(`section ${id}`, () => {
      expect(scanForEscapes(show(id), DATA)).toEqual([]);
    });
  }

  it('the failsafe guide while it runs: step, timeline, LED guide and the PRESS-NOW cue', () => {
    const now = Date.now();
    const s = run([
      { type: 'step', at: T0, stepId: 'cables', state: 'active' },
      { type: 'step', at: T0 + 100, stepId: 'cables', state: 'done' },
      { type: 'step', at: T0 + 200, stepId: 'address', state: 'active' },
      { type: 'step', at: T0 + 350, stepId: 'address', state: 'done' },
      { type: 'step', at: T0 + 1000, stepId: 'watch', state: 'active' },
      { type: 'hint', at: T0 + 1000, stepId: 'watch', hint: { kind: 'led', pattern: 'preinit' } },
      { type: 'step', at: now, stepId: 'watch', state: 'done' },
      { type: 'step', at: now, stepId: 'press', state: 'active' },
      { type: 'hint', at: now, stepId: 'press', hint: { kind: 'cue', deadline: now + 2000, windowMs: 2000, shownAt: now, source: 'network' } },
    ]);
    const root = show('failsafe');
    act(() => usePlaybook.getState().setStatus({ run: s, transcript: [{ runId: 'run-1', stepId: 'watch', at: T0, dir: 'note', text: 'data' }] }));
    expect(root.ownerDocument.querySelector('[data-testid="failsafe-cue"]')).not.toBeNull();
    expect(scanForEscapes(root.ownerDocument.body, [...DATA, 'data'])).toEqual([]);
  });

  it('the failsafe guide\'s questions: the list of fixes, a destructive confirmation, the typed password', () => {
    const steps = ['cables', 'address', 'watch', 'press', 'outcome', 'connect'];
    const done: JournalRecord[] = steps.flatMap((id, i) => [
      { type: 'step', at: T0 + i * 100, stepId: id, state: 'active' },
      { type: 'step', at: T0 + i * 100 + 50, stepId: id, state: 'done' },
    ]);
    const fixList: JournalRecord = {
      type: 'prompt',
      at: T0 + 1000,
      prompt: {
        id: 'p1',
        stepId: 'fix',
        text: 'What should Rescue Bench fix?',
        choices: [
          ...FAILSAFE_ACTIONS.map((x) => ({ id: x.id, label: x.label, detail: x.explain, ...(x.destructive ? { destructive: true } : {}) })),
          { id: 'finish', label: 'Finish', detail: 'Leave the router in rescue mode. Switch it off and on to start it normally.' },
        ],
      },
    };
    const erase = FAILSAFE_ACTIONS.find((a) => a.id === 'factory-reset')!;
    const confirm: JournalRecord = {
      type: 'prompt',
      at: T0 + 2000,
      prompt: {
        id: 'p2',
        stepId: 'fix',
        text: `${erase.label}?`,
        detail: `${erase.explain} ${erase.consequence}`,
        choices: [
          { id: 'cancel', label: 'Cancel', primary: true },
          { id: 'confirm', label: 'Erase everything', destructive: true },
        ],
      },
    };
    const password: JournalRecord = {
      type: 'prompt',
      at: T0 + 3000,
      prompt: {
        id: 'p3',
        stepId: 'fix',
        text: 'Type the new administrator password.',
        detail: 'At least 6 characters. You need it for the router web page (LuCI) and SSH.',
        choices: [
          { id: 'set', label: 'Set password', primary: true },
          { id: 'cancel', label: 'Cancel' },
        ],
        input: { label: 'New password', secret: true, minLength: 6 },
      },
    };
    const root = show('failsafe');
    for (const p of [fixList, confirm, password]) {
      act(() => usePlaybook.getState().setStatus({ run: run([...done, { type: 'step', at: T0 + 900, stepId: 'fix', state: 'active' }, p]), transcript: [] }));
      expect(root.querySelector('[data-testid="fs-prompt"]')).not.toBeNull();
      expect(scanForEscapes(root, DATA), (p as { prompt: { id: string } }).prompt.id).toEqual([]);
    }
  });

  for (const id of REMAINING) {
    it(`section ${id} still has inline English (move it to DONE when it is in the catalogue)`, () => {
      expect(scanForEscapes(show(id), DATA).length).toBeGreaterThan(0);
    });
  }
});
