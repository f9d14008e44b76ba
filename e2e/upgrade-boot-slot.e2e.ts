/**
 * The boot-slot action in the bench UI (the Linksys "which slot runs / switch back" card): a WRT32X on OpenWrt
 * 19.07.9 (3 MB layout) is sent back to its factory firmware, but the written slot does not start — the stand-in
 * models the failed-start fallback (its TEST MODEL: the slot it ran before starts again, OpenWrt with LuCI's page,
 * boot_part left at the written slot). The run fails with the router's own evidence; the card appears only after a
 * read of the boot settings answered, offers the slot that ran before, and needs "slot 1" typed. Stand-in router
 * in the router namespace (real dropbear, real fw_printenv/fw_setenv); bench server and Chromium in the station
 * namespace. Screenshots at 1280×800 and 820 px.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { browserSupport, failureScreenshot } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { startStandinRouter, type StandinRouter } from '../test-support/router-standin';
import { linksysStockLike } from '../test-support/firmware-images';
import { ROOTFS_3M, VENDOR_FILE, WRT_ENV_3M, stageVendorFiles, wrt32x } from '../test-support/upgrade-rig';
import { planReturnToStock } from './upgrade-helpers';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('upgrade boot-slot e2e', support.reason);

describe.skipIf(!support.ok)('after a failed return to stock: start the other slot again', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let router: StandinRouter;
  let files: string;
  const vendor = linksysStockLike();
  beforeAll(async () => {
    lan = createRescueLan('upbse');
    router = await startStandinRouter(lan, {
      partitions: wrt32x(ROOTFS_3M),
      boardName: 'linksys,wrt32x',
      model: 'Linksys WRT32X',
      ubootEnv: WRT_ENV_3M,
      openwrt: { release: '19.07.9', revision: 'r11407-a96cc1d2e5' },
      // the written image starts as nothing (not in the list): the router falls back to slot 1
      upgrade: { bootDelayMs: 2000, images: {}, fallbackToOtherSlot: true },
    });
    files = stageVendorFiles('upbse', vendor);
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

  it('the run says it still runs OpenWrt; the card reads boot_part=2, offers slot 1 with "slot 1" typed, and the change is read back', async () => {
    const page = await bench.openUi();
    await planReturnToStock(page, path.join(files, VENDOR_FILE));
    await page.getByTestId('up-start-btn').click();
    await page.getByRole('button', { name: 'Go ahead' }).click({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Skip the backup' }).click({ timeout: 60_000 });
    const prompt = page.getByTestId('fs-prompt');
    await prompt.getByText(/Image metadata not present/).first().waitFor({ timeout: 60_000 });
    await prompt.getByRole('textbox').fill('FORCE');
    await prompt.getByRole('button', { name: /Write it anyway/ }).click();

    // the router wrote slot 2, could not start it and started slot 1 again: the check fails with its evidence; the
    // user stops there, and the card appears after a read of the boot settings answered
    await page.getByText(/The router still runs OpenWrt/).first().waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Stop here' }).click();
    const card = page.getByTestId('up-slot');
    await card.waitFor({ timeout: 60_000 });
    expect(router.reboots()).toMatchObject([{ part: 'kernel2', bootedAs: 'no-boot', fellBackTo: 'kernel1' }]);
    expect(router.env().boot_part).toBe('2');
    // specific: which slot it started, and the way out (not the 6 MB layout's advice: this is the 3 MB layout)
    const said = await page.locator('.fs-result.bad').textContent();
    expect(said).toMatch(/^The router still runs OpenWrt\. Set the router to start slot 1 again \("Start the other slot instead", or firmware boot-slot --slot 1\) so its next restart does not try slot 2\./);
    expect(said).not.toMatch(/6 MB/);
    expect(await card.textContent()).toMatch(/It is set to start slot 2\. Slot 1 still holds the firmware it ran before\./);
    expect(await card.textContent()).toMatch(/boot_part: 2 → 1/);
    const btn = page.getByTestId('up-slot-btn');
    expect(await btn.isDisabled()).toBe(true);
    await page.getByTestId('up-slot-confirm').fill('slot 1');
    // the run's words and the card together
    const top = async () => page.locator('.fs-result.bad').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await top();
    await bench.screenshot('upgrade-boot-slot');
    await page.setViewportSize({ width: 820, height: 1100 });
    await top();
    await bench.screenshot('upgrade-boot-slot-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });

    await btn.click();
    const done = page.getByTestId('up-slot-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toMatch(/Done: the router will start slot 1 \(boot_part=1, bootcmd=run nandboot, read back from the router\)/);
    // the real environment image, read by the real fw_printenv outside our code
    expect(router.env()).toMatchObject({ boot_part: '1', bootcmd: 'run nandboot' });
    await top();
    await bench.screenshot('upgrade-boot-slot-done');
  }, 300_000);
});
