import { describe, expect, it } from 'vitest';
import { benchSocketUrl } from '../../../src-renderer/api/ws-bridge';

describe('bench socket URL', () => {
  it('takes the token out of the address bar, keeps it for reloads', () => {
    window.history.replaceState(null, '', '/?token=abc123&x=1');
    const url = benchSocketUrl(window.location, window.sessionStorage, window.history);
    expect(url).toBe(`ws://${window.location.host}/ws?token=abc123`);
    expect(window.location.search).toBe('?x=1');
    expect(benchSocketUrl(window.location, window.sessionStorage, window.history)).toBe(url);
  });
});
