/**
 * The network assistant in the bench UI, with the bench server and Chromium inside the station namespace
 * (decision 0050) and a "router" namespace at 192.168.0.86 (a TP-Link in recovery asks this computer to be
 * 192.168.0.66): the technician's table and check, then the seller's step — cable found, one button sets the
 * address (we are root here: no prompt), the checks with their meanings — and Remove gives it back.
 * Screenshots at 1280×800 and tablet width.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserSupport, failureScreenshot } from './support';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('network assistant e2e', support.reason);

describe.skipIf(!support.ok)('network assistant in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let current: Page | undefined;
  beforeAll(async () => {
    lan = createRescueLan('nete2e', { routerCidr: '192.168.0.86/24', stationCidr: '10.99.0.2/24' });
    bench = await startNsBench(lan.station);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(current, ctx.task.name);
  });
  afterAll(async () => {
    await bench?.close();
    lan?.destroy();
  });

  const addrs = (): string[] => (JSON.parse(lan.station.exec('ip', ['-j', '-4', 'addr', 'show', 'dev', lan.stationIf]).toString()) as { addr_info: { local: string; prefixlen: number }[] }[])[0]!.addr_info.map((a) => `${a.local}/${a.prefixlen}`);

  it('technician: the table and a check; seller: cable → address with one button → checks; Remove undoes it', async () => {
    const page = (current = await bench.openUi());
    await page.getByRole('button', { name: /Network/ }).click();
    const row = page.locator(`[data-testid="net-interfaces"] tr[data-if="${lan.stationIf}"]`);
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Cable \(virtual\).*Link · 10 Gbit\/s.*10\.99\.0\.2\/24/);

    await page.getByTestId('net-target').fill('192.168.0.86');
    await page.getByTestId('net-need').fill('192.168.0.66/24');
    await page.getByTestId('net-check').click();
    const result = page.getByTestId('net-check-result');
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/This computer does not have the address 192\.168\.0\.66 yet\..*192\.168\.0\.86 was not tried\./);
    await bench.screenshot('net-view');

    await page.getByTestId('net-show-step').click();
    const step = page.getByTestId('net-step');
    await step.locator('text=This computer needs the address 192.168.0.66.').waitFor();
    await expect(page.getByTestId('net-step-cable').textContent()).resolves.toContain(`The router’s cable is in ${lan.stationIf} (it has a link, 10 Gbit/s).`);
    await step.scrollIntoViewIfNeeded();
    await bench.screenshot('net-step-address');

    await page.getByTestId('net-step-set').click();
    await step.locator('text=Nothing stands in the way of the recovery.').waitFor({ timeout: 30_000 });
    expect(addrs()).toContain('192.168.0.66/24');
    const findings = page.getByTestId('net-step-findings');
    await expect(findings.textContent()).resolves.toMatch(/Something answers at 192\.168\.0\.86 \(its hardware address is [0-9a-f:]{17}; it answers ping\)/);
    await expect(findings.textContent()).resolves.toMatch(/No DHCP server answered on this cable\..*normal for a router in recovery mode/);
    await page.getByTestId('net-step-address').scrollIntoViewIfNeeded();
    await bench.screenshot('net-step-checks');

    // tablet width: the same step, one column
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const tablet = (current = await bench.openUi(await ctx.newPage()));
    await tablet.getByRole('button', { name: /Network/ }).click();
    await tablet.getByTestId('net-target').fill('192.168.0.86');
    await tablet.getByTestId('net-need').fill('192.168.0.66/24');
    await tablet.getByTestId('net-show-step').click();
    await tablet.getByTestId('net-step').locator('text=Nothing stands in the way of the recovery.').waitFor({ timeout: 30_000 });
    await tablet.getByTestId('net-step').scrollIntoViewIfNeeded();
    await bench.screenshot('net-step-tablet', tablet);
    await ctx.close();

    // the lease is listed; Remove gives the address back
    current = page;
    const lease = page.getByTestId('net-leases').locator('li');
    await expect(lease.textContent()).resolves.toContain(`192.168.0.66/24 on ${lan.stationIf}`);
    await lease.getByRole('button', { name: 'Remove' }).click();
    await page.locator('text=None. Rescue Bench removes each address it sets').waitFor();
    expect(addrs()).toEqual(['10.99.0.2/24']);
  });
});
