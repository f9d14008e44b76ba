/**
 * The practice screens in the person's language (issue 19): the running practice router (section and the dock on
 * every screen) rendered in the pseudo-locale has no text outside the catalogue (the router's own log is
 * evidence, marked as data); in German the scenario, the mode and the buttons are German, and the Reset
 * button's accessible name is its visible text (axe label-content-name-mismatch).
 */
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
  log: [{ at: 1, text: 'Power on.' }],
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
  });
});
