import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';
import * as W from '../test-support/firmware-images';

const support = browserSupport();
reportSkipIfNeeded('firmware check e2e', support);

const WRT32X_3M_PROC_MTD = [
  'dev:    size   erasesize  name',
  'mtd5: 07b00000 00020000 "kernel1"',
  'mtd6: 07800000 00020000 "rootfs1"',
  'mtd7: 07b00000 00020000 "kernel2"',
  'mtd8: 07800000 00020000 "rootfs2"',
].join('\n');

describe.skipIf(!support.ok)('firmware check in the browser', () => {
  let bench: Bench;
  let dir: string;
  let stock: string;
  let big: string;
  beforeAll(async () => {
    dir = W.tmpDir('e2e');
    bench = await startBench({ allowFolders: [dir] }); // paths typed on the page must be in an allowed folder (decision 0007)
    stock = path.join(dir, 'FW_WRT32X_1.0.180404.58.img');
    fs.writeFileSync(stock, W.linksysStockLike());
    // a 3 MiB OpenWrt upgrade image: several upload chunks
    const tar = W.tarOf([
      { name: 'sysupgrade-linksys_wrt32x/CONTROL', data: Buffer.from('BOARD=linksys_wrt32x\n') },
      { name: 'sysupgrade-linksys_wrt32x/kernel', data: W.uimageOf(W.armZImage(W.noise(3 * 1024 * 1024, 3))) },
      { name: 'sysupgrade-linksys_wrt32x/root', data: W.fakeSquashfs(64 * 1024) },
    ]);
    big = path.join(dir, 'openwrt-24.10.4-mvebu-cortexa9-linksys_wrt32x-squashfs-sysupgrade.bin');
    fs.writeFileSync(big, W.appendFwtool(tar, W.openwrtMeta({ devices: ['linksys,wrt32x', 'linksys,venom'], compat: '2.0' })));
  });
  afterAll(async () => {
    await bench?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a dropped Linksys image: report card, verdict with the 19.07.9 step, checksum comparison', async () => {
    const page = await bench.openUi();
    await page.getByTestId('nav-firmware').click();
    await page.getByTestId('fw-file').setInputFiles(stock);
    const report = page.getByTestId('fw-report');
    await report.waitFor();
    await expect(page.getByTestId('fw-headline').textContent()).resolves.toBe('This looks like the Linksys firmware for the WRT32X.');
    await expect(report.getAttribute('data-integrity')).resolves.toBe('partly-checked');
    const sha = crypto.createHash('sha256').update(fs.readFileSync(stock)).digest('hex');
    await expect(page.getByTestId('fw-sha256').textContent()).resolves.toBe(sha);

    // The router is known from the image; without its partition sizes we assume current OpenWrt (6 MB layout).
    const verdict = page.getByTestId('fw-verdict');
    await verdict.waitFor();
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('needs-factory');
    await expect(verdict.textContent()).resolves.toMatch(/19\.07\.9 factory image/);
    await expect(page.getByTestId('fw-sysupgrade-says').textContent()).resolves.toBe(
      'Image metadata not present\nUse sysupgrade -F to override this check when downgrading or flashing to vendor firmware',
    );

    await page.getByTestId('fw-expected').fill(sha.replace(/^./, sha[0] === 'a' ? 'b' : 'a'));
    await expect(page.getByTestId('fw-match').getAttribute('data-match')).resolves.toBe('no');
    await page.getByTestId('fw-expected').fill(`${sha.toUpperCase()}  FW_WRT32X_1.0.180404.58.img`);
    await expect(page.getByTestId('fw-match').getAttribute('data-match')).resolves.toBe('yes');
    await bench.screenshot('firmware-report');

    // With /proc/mtd from a router that still has the 3 MB layout, -F -n is enough.
    await page.getByText('What the router reports').click();
    await page.getByTestId('fw-procmtd').fill(WRT32X_3M_PROC_MTD);
    await page.locator('[data-testid="fw-verdict"][data-verdict="needs-F"]').waitFor();
    await expect(verdict.textContent()).resolves.toContain('sysupgrade -F -n /tmp/FW_WRT32X_1.0.180404.58.img');
    await page.getByTestId('fw-procmtd').fill('');
    await page.locator('[data-testid="fw-verdict"][data-verdict="needs-factory"]').waitFor();
    await verdict.scrollIntoViewIfNeeded();
    await bench.screenshot('firmware-verdict');
    await page.getByTestId('fw-procmtd').fill(WRT32X_3M_PROC_MTD);
    await page.locator('[data-testid="fw-verdict"][data-verdict="needs-F"]').waitFor();

    await page.getByTestId('fw-expert').locator('summary').first().click();
    await expect(page.locator('.fw-node[data-type="sysupgrade-tar"]').count()).resolves.toBe(1);
    await expect(page.locator('.fw-node[data-type="squashfs"]').count()).resolves.toBe(1);
    await bench.screenshot('firmware-expert-tree');

    // a second file replaces the first
    await page.getByTestId('fw-file').setInputFiles(big);
    await page.locator('[data-testid="fw-report"][data-kind="openwrt-sysupgrade"]').waitFor({ timeout: 30_000 });
  });

  it('uploads a 3 MiB image in chunks under the frame cap and checks it', async () => {
    const page = await bench.openUi();
    await page.getByTestId('nav-firmware').click();
    await page.getByTestId('fw-file').setInputFiles(big);
    await Promise.race([page.locator('[data-testid="fw-report"][data-kind="openwrt-sysupgrade"]').waitFor({ timeout: 30_000 }), page.getByTestId('error-card').waitFor({ timeout: 30_000 })]);
    if (await page.getByTestId('error-card').count()) throw new Error(`upload failed: ${await page.getByTestId('error-card').textContent()}`);
    await expect(page.getByTestId('fw-integrity').textContent()).resolves.toMatch(/^Its checksum is intact/);
    await page.locator('[data-testid="fw-verdict"][data-verdict="compatible"]').waitFor();
    const uploads = path.join(bench.dataDir, 'uploads');
    const stored = fs.readdirSync(uploads).flatMap((d) => fs.readdirSync(path.join(uploads, d)));
    expect(stored).toContain(path.basename(big));
  });

  it('drag and drop onto the drop zone works in the browser bench', async () => {
    const page = await bench.openUi();
    await page.getByTestId('nav-firmware').click();
    const b64 = fs.readFileSync(stock).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const t = new DataTransfer();
      const bin = atob(data);
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      t.items.add(new File([bytes], 'dropped-FW_WRT32X.img'));
      return t;
    }, b64);
    await page.dispatchEvent('[data-testid="fw-drop"]', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('[data-testid="fw-drop"]', 'drop', { dataTransfer: dt });
    await page.locator('[data-testid="fw-report"][data-kind="vendor"]').waitFor();
    await expect(page.getByTestId('fw-report').textContent()).resolves.toContain('dropped-FW_WRT32X.img');
  });

  it('explains a path that does not exist', async () => {
    const page = bench.page;
    await page.getByText('The file is already on the workstation').click();
    await page.getByTestId('fw-path').fill(path.join(dir, 'missing.bin'));
    await page.getByTestId('fw-path-go').click();
    const card = page.getByTestId('error-card');
    await card.waitFor();
    await expect(card.getAttribute('data-code')).resolves.toBe('FILE_NOT_FOUND');
    await expect(card.textContent()).resolves.toMatch(/What to do/);
  });

  it('refuses a path outside the folders the bench may use, and says where to put the file', async () => {
    const page = bench.page;
    await page.getByTestId('fw-path').fill('/etc/hostname');
    await page.getByTestId('fw-path-go').click();
    const card = page.locator('[data-testid="error-card"][data-code="HOST_PATH_NOT_ALLOWED"]');
    await card.waitFor();
    await expect(card.textContent()).resolves.toMatch(/Drop the file on this page instead[\s\S]*--allow-folder/);
  });

  it('the Routers section lists the profiles and shows the WRT32X layouts', async () => {
    const page = bench.page;
    await page.getByTestId('nav-devices').click();
    await page.getByTestId('device-search').fill('venom');
    await page.getByTestId('device-linksys,wrt32x').click();
    const d = page.getByTestId('device-details');
    await expect(d.getAttribute('data-id')).resolves.toBe('linksys,wrt32x');
    await expect(d.textContent()).resolves.toMatch(/0x7500000/);
    await bench.screenshot('routers');
    await page.getByTestId('device-search').fill('archer');
    await page.getByTestId('device-tplink,archer-c7-v2').click();
    await expect(page.getByTestId('device-details').textContent()).resolves.toMatch(/tpl/);
  });

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByTestId('nav-firmware').click();
    await page.getByTestId('fw-file').setInputFiles(stock);
    await page.getByTestId('fw-verdict').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('firmware-report-tablet', page);
    await page.getByTestId('nav-devices').click();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    await ctx.close();
  });
});
