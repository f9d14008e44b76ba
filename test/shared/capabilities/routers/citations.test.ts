/**
 * The Routers view shows each profile's sources to users: they must be public pages anyone can open, never a
 * path in our repository or a section of our research notes (issue 18).
 */
import { describe, expect, it } from 'vitest';
import { DEVICE_PROFILES, type DeviceProfile } from '../../../../src-shared/profiles/profiles';

/** Text that points into our own files or notes rather than at a public page. */
const INTERNAL = [/§/, /\bfacts\b/i, /\bseeds\//, /\b(src-shared|src-main|src-renderer|test-support|docs|shared\/reference)\//, /\.txt\b/, /\bour notes\b/i];

function internalReferences(p: DeviceProfile): string[] {
  const texts: string[] = [];
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'string') texts.push(`${at}: ${v}`);
    else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${at}[${i}]`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, at ? `${at}.${k}` : k);
  };
  walk(p, '');
  return texts.filter((t) => INTERNAL.some((re) => re.test(t.slice(t.indexOf(': ') + 2))));
}

describe('router profiles cite public sources', () => {
  it.each(DEVICE_PROFILES.map((p) => [p.id, p] as const))('%s: every source is a titled web link', (_id, p) => {
    for (const c of p.sources) {
      expect(c.title.trim().length, JSON.stringify(c)).toBeGreaterThan(8);
      const url = new URL(c.url);
      expect(['https:', 'http:'], c.url).toContain(url.protocol);
      expect(url.hostname, c.url).toMatch(/\./);
    }
  });

  it.each(DEVICE_PROFILES.map((p) => [p.id, p] as const))('%s: no text a user sees names a repository path or "facts §"', (_id, p) => {
    expect(internalReferences(p)).toEqual([]);
  });

  it('the check catches what it is for', () => {
    const bad = { ...DEVICE_PROFILES[0]!, sources: [{ title: 'facts §4.1 (dts)', url: 'https://openwrt.org/' }], recovery: { method: 'web-ui' as const, summary: 'see seeds/thread.txt' } };
    expect(internalReferences(bad)).toHaveLength(2);
  });
});
