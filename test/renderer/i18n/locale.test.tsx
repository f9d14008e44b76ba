/**
 * The language shown (issue 19): it follows the system until the person picks one in the app, the pick is
 * remembered, <html lang> names the language shown, and the section words in the catalogue are the
 * descriptors' own English.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ApiContext } from '../../../src-renderer/api/context';
import type { RbApi } from '../../../src-renderer/api/types';
import { App } from '../../../src-renderer/App';
import { useApp } from '../../../src-renderer/app/store';
import { SECTIONS, SECTION_WORDS } from '../../../src-renderer/app/sections';
import { startLocale, useLocale } from '../../../src-renderer/i18n';
import { clockTime, bytes } from '../../../src-renderer/format';
import { english } from '../../../src-shared/i18n';

const api: RbApi = { transport: 'websocket', invoke: (async () => ({ ports: [], sessions: [] })) as RbApi['invoke'], on: () => () => undefined };

beforeEach(async () => {
  localStorage.clear();
  useLocale.setState({ chosen: false });
  await useLocale.getState().setLocale('en');
  useApp.setState({ section: 'start', connection: { status: 'open' } });
});
afterEach(async () => {
  cleanup();
  localStorage.clear();
  useLocale.setState({ chosen: false });
  await useLocale.getState().setLocale('en');
});

describe('the language shown', () => {
  it('follows the system languages on first start: Austrian German gets German, <html lang="de">', async () => {
    await useLocale.getState().followSystem(['de-AT', 'en-US']);
    expect(useLocale.getState().locale).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    render(
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Was möchten Sie tun?');
    expect(screen.getByRole('navigation').getAttribute('aria-label')).toBe('Bereiche');
  });

  it('the switcher changes the language at once, remembers it, and the system no longer decides', async () => {
    render(
      <ApiContext.Provider value={api}>
        <App />
      </ApiContext.Provider>,
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('What do you want to do?');
    fireEvent.change(screen.getByTestId('language'), { target: { value: 'es' } });
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('¿Qué quieres hacer?'));
    expect(document.documentElement.lang).toBe('es');
    expect(localStorage.getItem('rescueBench.language')).toBe('es');
    await act(() => useLocale.getState().followSystem(['de-DE']));
    expect(useLocale.getState().locale).toBe('es');
    // a new window starts in the remembered language
    await act(() => useLocale.getState().setLocale('en'));
    await act(() => startLocale(''));
    expect(useLocale.getState().locale).toBe('es');
  });

  it('?lang= picks the language for a test or a screenshot', async () => {
    await startLocale('?lang=de');
    expect(useLocale.getState().locale).toBe('de');
  });

  it('times keep the 24-hour clock with milliseconds; sizes use the language\'s decimal mark', async () => {
    const t = new Date(2026, 0, 2, 14, 2, 11, 204).getTime();
    expect(clockTime(t)).toBe('14:02:11.204');
    expect(bytes(1536)).toBe('1.5 KiB');
    await useLocale.getState().setLocale('de');
    expect(clockTime(t)).toBe('14:02:11,204');
    expect(clockTime(t, false)).toBe('14:02:11');
    expect(bytes(1536)).toBe('1,5 KiB');
    expect(bytes(5 * 1024 * 1024 * 1024 * 1024)).toBe('5.120 GiB');
  });

  it('each section\'s catalogue words are its descriptor\'s English', () => {
    for (const s of SECTIONS) {
      expect(english(SECTION_WORDS[s.id].label), s.id).toBe(s.label);
      expect(english(SECTION_WORDS[s.id].hint), s.id).toBe(s.hint);
    }
  });
});
