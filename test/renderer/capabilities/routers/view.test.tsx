/** The Routers card: public sources as links, and each paragraph said once (issue 18). */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { DevicesView } from '../../../../src-renderer/capabilities/routers/View';
import { DEVICE_PROFILES } from '../../../../src-shared/profiles/profiles';

afterEach(cleanup);

describe('Routers view', () => {
  it.each(DEVICE_PROFILES.map((p) => [p.id] as const))('%s: sources are links to public pages; no paragraph is shown twice', (id) => {
    render(<DevicesView />);
    fireEvent.click(screen.getByTestId(`device-${id}`));
    const card = screen.getByTestId('device-details');
    const p = DEVICE_PROFILES.find((x) => x.id === id)!;
    const links = within(screen.getByTestId('device-sources')).queryAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(p.sources.map((c) => c.url));
    for (const a of links) expect(a.getAttribute('rel')).toContain('noopener');
    expect(card.textContent).not.toMatch(/§|seeds\//);
    const paragraphs = [...card.querySelectorAll('p, dd')].map((e) => e.textContent!.trim()).filter((t) => t.length > 40);
    const seen = new Set<string>();
    for (const t of paragraphs) {
      expect(seen.has(t), `shown twice: ${t}`).toBe(false);
      seen.add(t);
    }
    if (p.recovery.summary.length > 40) expect(card.textContent!.split(p.recovery.summary).length - 1).toBe(1);
  });
});
