/**
 * The start screen in Chromium (issue 18): each goal, its plain questions, and the screen it opens — the same
 * routing table the renderer tests check, here through real clicks on the built screen. Screenshots of the
 * empty start screen ("No router yet? Try the practice router") at 1280x800 and 820 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';

const support = browserSupport();
reportSkipIfNeeded('start screen e2e', support);

describe.skipIf(!support.ok)('start screen: what do you want to do?', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(async () => bench?.close());

  const routes: [string, string | undefined, string | undefined, string][] = [
    ['locked', 'linksys,wrt32x', 'password', 'Rescue mode'],
    ['locked', 'tp-link', 'unreachable', 'Rescue mode'],
    ['factory', 'linksys,wrt32x', 'runs', 'New firmware'],
    ['no-start', 'tplink,archer-c7-v2', 'blinks', 'Vendor recovery'],
    ['no-start', 'netgear,r7800', 'blinks', 'Netgear recovery'],
    ['no-start', 'ubnt,nanostation-m', 'blinks', 'Vendor recovery'],
    ['no-start', 'linksys,wrt32x', 'blinks', 'Serial console'],
    ['backup', undefined, undefined, 'Backup & restore'],
    ['check', undefined, undefined, 'Firmware check'],
  ];

  it('routes each goal to its screen; the techniques stay one click away; the practice router is offered', async () => {
    const page = await bench.openUi();
    await expect(page.locator('h1').textContent()).resolves.toBe('What do you want to do?');
    await page.getByTestId('practice-offer').waitFor();
    await bench.screenshot('start-screen');
    for (const [goal, router, see, heading] of routes) {
      await page.getByTestId('nav-start').click();
      await page.getByTestId(`goal-${goal}`).click();
      if (router) await page.getByTestId('goal-router').selectOption(router);
      if (see) await page.getByTestId(`goal-see-${see}`).check();
      await page.getByTestId('goal-go').click();
      await expect(page.locator('h1').textContent(), `${goal} ${router} ${see}`).resolves.toBe(heading);
    }
    await page.getByTestId('nav-start').click();
    await page.getByText('For technicians: every tool by its technique').click();
    await page.getByRole('button', { name: 'Routers', exact: true }).last().click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Routers');
    await page.getByTestId('nav-start').click();
    await page.getByTestId('practice-offer-go').click();
    await expect(page.locator('h1').textContent()).resolves.toBe('Practice router');
  });

  it('holds its layout at tablet width (820 px)', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByTestId('goal-no-start').click();
    await page.getByTestId('goal-router').selectOption('netgear,r7800');
    await page.getByTestId('goal-see-blinks').check();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('start-screen-tablet', page);
    await ctx.close();
  });
});
