/**
 * The practice screens in the person's language (issue 19): the running practice router (section and the dock on
 * every screen) rendered in the pseudo-locale has no text outside the catalogue (the router's own log is
 * sentences come as ids + values, decision 0137; a command it ran is data); in German the scenario, the mode, the
 * log and the buttons are German, and the Reset
 * button's accessible name is its visible text (axe label-content-name-mismatch).
 */
import fs from 'node:fs';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ApiContext } from '../../../../src-renderer/api/context';
import type { RbApi } from '../../../../src-renderer/api/types';
import { App } from '../../../../src-renderer/App';
import { useApp } from '../../../../src-renderer/app/store';
import { usePractice } from '../../../../src-renderer/capabilities/practice/store';
import { useLocale } from '../../../../src-renderer/i18n';
import { PRACTICE_SCENARIOS, type PracticeState } from '../../../../src-shared/capabilities/practice';
import { english, knownId } from '../../../../src-shared/i18n';
import { scanForEscapes } from '../../../../test-support/pseudo-scan';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({ ports: [], sessions: [], interfaces: [], jobs: [] })) as RbApi['invoke'], on: () => () => undefined };

const running: PracticeState = {
  ready: true,
  scenario: 'tplink-recovery',
  mode: 'off',
  led: 'off',
  target: { routerAddress: '127.0.0.2', sshPort: 40001, telnetPort: 40002, netmsgPort: 4919, consolePath: 'practice:router-console', profileId: 'tplink,archer-c7-v2', tftpPort: 40003, windowS: 4, webPort: 40004 },
  startedInMs: 12,
  log: [
    { at: 1, text: 'Power on.', msg: { id: 'practice.said.powerOn' } },
    { at: 2, text: 'Start-up: the rescue window is open for 4 s (press the button, or f + Enter on the console).', msg: { id: 'practice.said.window', values: { seconds: '4' } } },
    { at: 3, text: 'fw_setenv boot_part 2' },
    { at: 4, text: 'Scenario "Forgot the password" loaded: flash written to /tmp/p/flash.', msg: { id: 'practice.said.scenarioLoaded', values: { title: 'Forgot the password', dir: '/tmp/p/flash' } } },
  ],
};

function show(section: 'practice' | 'failsafe'): HTMLElement {
  act(() => useApp.setState({ section, intent: undefined, connection: { status: 'open' } }));
  return render(
    <ApiContext.Provider value={api}>
      <App />
    </ApiContext.Provider>,
  ).container;
}

afterEach(() => {
  cleanup();
  usePractice.setState({ state: { ready: false, mode: 'off', led: 'off', log: [] }, busy: false, error: undefined });
});
afterAll(async () => {
  await useLocale.getState().setLocale('en');
});

describe('practice router: words', () => {
  it("the scenarios' catalogue English is the model's (a reworded scenario without its entry fails here)", () => {
    for (const s of PRACTICE_SCENARIOS)
      for (const part of ['title', 'story', 'tryThis'] as const) expect(english(knownId(`practice.scenario.${s.id}.${part}`)!), `${s.id}.${part}`).toBe(s[part]);
  });

  it('pseudo-locale: the running practice router, its section and the dock on another screen', async () => {
    await useLocale.getState().setLocale('en-XA');
    usePractice.setState({ state: running });
    const DATA = ['127.0.0.2', 'practice:router-console', 'SSH', 'Rescue Bench', 'TP-Link', 'OpenWrt', 'English', 'Deutsch', 'Español', 'en-XA'];
    expect(scanForEscapes(show('practice'), DATA)).toEqual([]);
    cleanup();
    const other = show('failsafe');
    expect(other.ownerDocument.querySelector('[data-testid="practice-dock"]')).not.toBeNull();
    expect(scanForEscapes(other.ownerDocument.querySelector('[data-testid="practice-dock"]')!, DATA)).toEqual([]);
  });

  it('German: scenario, mode and buttons; the Reset button is named by what it shows', async () => {
    await useLocale.getState().setLocale('de');
    usePractice.setState({ state: { ...running, scenario: 'forgot-password', mode: 'preinit', led: 'preinit' } });
    show('practice');
    expect(screen.getAllByText('Passwort vergessen').length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('practice-mode')[0]!.textContent).toBe('Startet – Rettungsfenster offen');
    const reset = screen.getAllByTestId('practice-button')[0]!;
    expect(reset.textContent).toBe('Reset drücken');
    expect(reset.getAttribute('aria-label')).toBeNull();
    expect(screen.getAllByRole('img')[0]!.getAttribute('aria-label')).toBe('Übungsrouter: Startet – Rettungsfenster offen');
    // what the practice router did: its sentences in German, a command as it ran, a reworded line as it came
    const log = () => [...screen.getByTestId('practice-log').querySelectorAll('li')].map((l) => l.textContent);
    expect(log()).toEqual(['Strom an.', 'Start: Das Rettungsfenster ist 4 s offen (drücken Sie den Knopf oder f + Enter auf der Konsole).', 'fw_setenv boot_part 2', 'Szenario „Passwort vergessen“ geladen: Flash-Speicher nach /tmp/p/flash geschrieben.']);
    act(() => usePractice.setState({ state: { ...running, log: [{ at: 1, text: 'Power on now.', msg: { id: 'practice.said.powerOn' } }] } }));
    expect(log()).toEqual(['Power on now.']);
  });

  it("every sentence the practice router logs is said through the catalogue (only a command as typed is not)", () => {
    const src = fs.readFileSync('src-main/capabilities/practice/router.ts', 'utf8');
    const raw = [...src.matchAll(/this\.note\(([^;]*)\);/g)].map((m) => m[1]);
    expect(raw).toEqual(['text, values ? { id, values } : { id }', "`fw_setenv ${args.join(' ')}`"]);
    for (const m of src.matchAll(/this\.say\('([\w.]+)'/g)) expect(knownId(m[1]!), m[1]).toBeDefined();
  });
});
