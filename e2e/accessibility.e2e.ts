/**
 * Accessibility audit (issue 19): axe-core's WCAG 2.1 A/AA rules on every view of the built screen, at
 * 1280×800 and at tablet width (820 px), in English and in German (longer words, other layout). 0 violations.
 * Keyboard: the skip link leads to the content, every section is reachable with Tab and Enter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSupport, reportSkipIfNeeded, startBench, failureScreenshot, type Bench } from './support';
import { axeAudit, describeFindings } from '../test-support/axe';
import dgram from 'node:dgram';

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

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
          await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 10_000 }).toBe(lang);
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

  it('the rescue-mode guide in German with the practice router, audited at every step: the cue takes focus, the typed password works by keyboard; screenshots', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
    const page = await ctx.newPage();
    const found: string[] = [];
    // the practice router's picture is audited too: its Reset button is named by its visible text
    const audit = async (where: string) => {
      for (const line of describeFindings(await axeAudit(page))) found.push(`${where}: ${line}`);
    };
    try {
      await page.goto(`${bench.server.url}&lang=de`);
      await page.locator('[data-testid="connection"][data-status="open"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('practice-offer').waitFor();
      await bench.screenshot('de-start-screen', page);
      await bench.services.practice.start('forgot-password', await freeUdpPort());
      await page.getByTestId('practice-banner').waitFor();
      await page.getByTestId('goal-locked').click();
      await page.getByTestId('goal-router').selectOption({ index: 1 });
      await page.getByTestId('goal-see-password').check();
      await audit('start');
      await page.getByTestId('nav-failsafe').click();
      await page.getByTestId('fs-start-button').press('Enter');
      await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
      await expect(page.getByTestId('fs-do-now').textContent()).resolves.toMatch(/^Schalten Sie den Router aus\./);
      await audit('cables');
      // the first choice has the focus: Enter answers it
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('fs-choice-ok');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('fs-led').waitFor();
      await audit('watch');
      await page.evaluate(() => window.scrollTo(0, 0));
      await bench.screenshot('de-failsafe-guide', page);
      await page.getByTestId('practice-power').click();
      const cue = page.getByTestId('failsafe-cue');
      await cue.waitFor({ timeout: 15_000 });
      await expect(page.locator('#fs-cue-title').textContent()).resolves.toMatch(/^JETZT DIE RESET-TASTE.* DRÜCKEN$/);
      await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'failsafe-cue');
      await audit('cue');
      await bench.screenshot('de-failsafe-cue', page);
      await page.getByTestId('practice-button').click();
      await cue.waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator('[data-testid="fs-now"][data-step="fix"]').waitFor({ timeout: 30_000 });
      await audit('fix');
      await expect(page.locator('.fs-question').textContent()).resolves.toBe('Was soll Rescue Bench reparieren?');
      // the run's own lines in German too (decision 0188): the outcome, the session's key, the transcript's notes
      const timeline = (await page.locator('.fs-evidence').allTextContents()).join('\n');
      expect(timeline).toContain('Der Router ist im Rettungsmodus.');
      expect(timeline).toMatch(/nur für diese Sitzung angenommen, nicht gespeichert/);
      expect(timeline).not.toMatch(/The router is in rescue mode|accepted for this session only|Broadcast received/);
      await expect(page.getByTestId('fs-transcript').textContent()).resolves.toMatch(/# Verbindung zu .* als root ohne Passwort/);
      await expect(page.getByTestId('fs-choice-password').textContent()).resolves.toBe('Ein neues Administrator-Passwort setzen');
      await page.getByTestId('fs-choice-password').click();
      const input = page.getByTestId('fs-prompt-input');
      await input.waitFor();
      await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('fs-prompt-input');
      await page.keyboard.type('practice pass 9');
      await audit('password');
      await page.getByTestId('fs-choice-set').focus();
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="fs-step"][data-step="fix"][data-state]').waitFor();
      await page.locator('[data-testid="fs-now"][data-step="fix"] [data-testid="fs-prompt"]').waitFor({ timeout: 20_000 });
      await audit('fixed');
      expect(found).toEqual([]);
    } catch (e) {
      await failureScreenshot(page, 'axe-de-guide');
      throw e;
    } finally {
      await ctx.close();
      await bench.services.practice.stop().catch(() => undefined);
    }
  });
});
