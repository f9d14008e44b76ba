/**
 * Accessibility audit (issue 19): axe-core's WCAG 2.1 A/AA rules on every view of the built screen, at
 * 1280×800 and at tablet width (820 px), in English and in German (longer words, other layout). 0 violations.
 * Keyboard: the skip link leads to the content, every section is reachable with Tab and Enter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSupport, reportSkipIfNeeded, startBench, failureScreenshot, type Bench } from './support';
import { axeAudit, describeFindings } from '../test-support/axe';

const support = browserSupport();
reportSkipIfNeeded('accessibility e2e', support);

const VIEWPORTS = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: 'tablet', width: 820, height: 1180 },
];

async function sections(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid^="nav-"]', (els) => els.map((e) => e.getAttribute('data-testid')!.slice(4)));
}

describe.skipIf(!support.ok)('accessibility: axe-core, WCAG 2.1 AA', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(async () => bench?.close());

  for (const lang of ['en', 'de'] as const) {
    for (const vp of VIEWPORTS) {
      it(`every view, ${lang}, ${vp.name}: 0 violations`, async () => {
        // the page's CSP allows no inline script: the audit context lets axe-core in (the app itself is unchanged)
        const ctx = await bench.browser.newContext({ viewport: { width: vp.width, height: vp.height }, bypassCSP: true });
        const page = await ctx.newPage();
        try {
          await page.goto(`${bench.server.url}&lang=${lang}`);
          await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
          await expect(page.locator('html').getAttribute('lang')).resolves.toBe(lang);
          const found: string[] = [];
          for (const id of await sections(page)) {
            await page.getByTestId(`nav-${id}`).click();
            await page.locator('h1#section-title').waitFor();
            // open the folded parts too: their controls must pass as well
            await page.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
            for (const line of describeFindings(await axeAudit(page))) found.push(`${id}: ${line}`);
          }
          expect(found).toEqual([]);
        } catch (e) {
          await failureScreenshot(page, `axe-${lang}-${vp.name}`);
          throw e;
        } finally {
          await ctx.close();
        }
      });
    }
  }

  it('keyboard: the skip link is the first stop and lands in the content; sections open with Enter', async () => {
    const page = await bench.openUi();
    await page.keyboard.press('Tab');
    await expect(page.evaluate(() => document.activeElement?.className)).resolves.toBe('skip-link');
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).top)).resolves.toBe('8px');
    await page.keyboard.press('Enter');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main');
    await page.getByTestId('nav-failsafe').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('h1').textContent()).resolves.toBe('Rescue mode');
    // the focused control shows the focus ring (3 px outline)
    await expect(page.evaluate(() => getComputedStyle(document.activeElement!).outlineWidth)).resolves.toBe('3px');
  });
});
