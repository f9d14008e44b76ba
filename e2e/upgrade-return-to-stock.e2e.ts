/**
 * The seller's path in the bench UI: a Linksys WRT32X running OpenWrt 19.07.9 (3 MB layout) goes back to its
 * factory firmware. Stand-in router in the router namespace (real dropbear, real fw_printenv/fw_setenv, the
 * marked sysupgrade stand-in that writes the other slot, flips boot_part and comes back as a "vendor firmware"
 * answering HTTP); the bench server and Chromium in the station namespace. Screenshots at 1280×800 and 820 px.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { browserSupport, failureScreenshot } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { startStandinRouter, type StandinRouter } from '../test-support/router-standin';
import { linksysStockLike } from '../test-support/firmware-images';
import { ROOTFS_3M, VENDOR_FILE, WRT_ENV, stageVendorFiles, wrt32x } from '../test-support/upgrade-rig';
import { planReturnToStock } from './upgrade-helpers';
import crypto from 'node:crypto';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('upgrade e2e', support.reason);

describe.skipIf(!support.ok)('return to factory firmware in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let router: StandinRouter;
  let files: string;
  const vendor = linksysStockLike();
  beforeAll(async () => {
    lan = createRescueLan('upe2e');
    router = await startStandinRouter(lan, {
      partitions: wrt32x(ROOTFS_3M),
      boardName: 'linksys,venom',
      model: 'Linksys WRT32X',
      ubootEnv: WRT_ENV,
      openwrt: { release: '19.07.9', revision: 'r11407-a96cc1d2e5' },
      upgrade: {
        bootDelayMs: 7000,
        settingsBackupStallS: 5,
        images: { [crypto.createHash('sha256').update(vendor).digest('hex')]: { kind: 'vendor', title: 'Linksys Smart Wi-Fi', version: '1.0.180404.58', needsRootfsSize: ROOTFS_3M } },
      },
    });
    files = stageVendorFiles('upe2e', vendor);
    bench = await startNsBench(lan.station, { allowFolders: [files] });
  }, 90_000);
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
  });
  afterAll(async () => {
    await bench?.close();
    router?.stop();
    lan?.destroy();
    if (files) fs.rmSync(files, { recursive: true, force: true });
  });

  it('plan with both slots, a typed FORCE, the wait with elapsed time, and "Done. … from slot 2"', async () => {
    const page = await bench.openUi();
    await planReturnToStock(page, path.join(files, VENDOR_FILE));
    expect(await page.getByTestId('up-slot-1').textContent()).toMatch(/running now/);
    expect(await page.getByTestId('up-slot-2').textContent()).toMatch(/Gets: FW_WRT32X_1\.0\.180404\.58\.img/);
    expect(await page.getByTestId('up-plan').textContent()).toMatch(/rootfs1 is 0x7800000 bytes in \/proc\/mtd \(the 3 MB kernel layout\)/);
    await bench.screenshot('upgrade-stock-plan');

    await page.getByTestId('up-start-btn').click();
    // the run reads the router again and asks once more before anything is written
    await page.getByRole('button', { name: 'Go ahead' }).click({ timeout: 60_000 });
    // the settings are copied to this computer first, without asking (the maker's firmware cannot keep them): the
    // card shows the bytes so far while the router packs them
    const settings = page.locator('[data-testid="up-progress"][data-stage="settings-backup"]');
    await settings.waitFor({ timeout: 30_000 });
    expect(await settings.textContent()).toMatch(/Your settings: .+ so far/);
    expect(await page.getByTestId('fs-do-now').textContent()).toBe('Wait a moment: your settings are being copied to this computer.');
    await page.getByTestId('fs-now').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await bench.screenshot('upgrade-stock-settings');
    // the same moment on a tablet at the bench (the router is still packing its settings: a 5 s stall)
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.getByTestId('fs-now').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    expect(await page.locator('[data-testid="up-progress"][data-stage="settings-backup"]').isVisible()).toBe(true);
    await bench.screenshot('upgrade-stock-settings-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    // the full backup question: skipped here
    await page.getByRole('button', { name: 'Skip the backup' }).click({ timeout: 60_000 });
    // the router's refusal and the typed confirmation
    const prompt = page.getByTestId('fs-prompt');
    await prompt.getByText(/Image metadata not present/).first().waitFor({ timeout: 60_000 });
    await page.getByTestId('fs-now').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await bench.screenshot('upgrade-stock-force');
    await prompt.getByRole('textbox').fill('FORCE');
    await prompt.getByRole('button', { name: /Write it anyway/ }).click();
    await page.locator('[data-testid="up-progress"][data-stage="wait"]').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(2500);
    expect(await page.getByTestId('up-progress').textContent()).toMatch(/Do not unplug/);
    await page.getByTestId('up-progress').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await bench.screenshot('upgrade-stock-wait');
    await page.getByTestId('up-done').waitFor({ timeout: 90_000 });
    expect(await page.getByTestId('up-done').textContent()).toContain('Done. The router now runs Linksys firmware 1.0.180404.58 from slot 2. Its address is 192.168.1.1.');
    expect(router.env().boot_part).toBe('2');
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('upgrade-stock-done');
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('upgrade-stock-done-tablet');
  }, 240_000);
});
