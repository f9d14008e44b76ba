/**
 * "Send a file to a router" in the bench UI: the bench server and Chromium in the station namespace, tftpd-hpa in
 * the router namespace at 192.168.1.1 standing in for ASUS rescue mode (a TFTP server that accepts the upload). The
 * upload shows its progress, then the router's acknowledgement with the checksum; the file tftpd-hpa wrote is
 * byte-exact. Screenshots at 1280x800 and at tablet width.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { browserSupport, failureScreenshot } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : !fs.existsSync('/usr/sbin/in.tftpd') ? { ok: false as const, reason: 'tftpd-hpa is not installed' } : { ok: true as const };
if (!support.ok) reportSkip('tftp put e2e', support.reason);

describe.skipIf(!support.ok)('sending a file to a router in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let hpa: ChildProcess;
  let base: string;
  let srv: string;
  let fw: Buffer;
  beforeAll(async () => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-put-e2e-'));
    fs.chmodSync(base, 0o755);
    srv = path.join(base, 'router');
    fs.mkdirSync(srv, { mode: 0o777 });
    fs.chmodSync(srv, 0o777);
    fs.mkdirSync(path.join(base, 'fw'));
    fw = crypto.randomBytes(24 * 1024 * 1024);
    fs.writeFileSync(path.join(base, 'fw', 'RT-AC68U_3.0.0.4_386.trx'), fw);
    lan = createRescueLan('pute2e');
    hpa = lan.router.spawn('in.tftpd', ['-L', '-c', '-u', 'root', '-s', srv, '-a', '192.168.1.1:69'], { stdio: 'ignore' });
    bench = await startNsBench(lan.station, { allowFolders: [path.join(base, 'fw')] });
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
  });
  afterAll(async () => {
    await bench?.close();
    hpa?.kill('SIGKILL');
    lan?.destroy();
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  it('sends the firmware, shows progress, then the acknowledgement with the checksum; the router got it byte-exact', async () => {
    const page = await bench.openUi();
    await page.getByRole('button', { name: /File server/ }).click();
    await page.getByTestId('tftp-put-host').fill('192.168.1.1');
    await page.getByTestId('tftp-put-file').fill(path.join(base, 'fw', 'RT-AC68U_3.0.0.4_386.trx'));
    await page.getByTestId('tftp-put-send').click();
    const done = page.locator('[data-testid="tftp-put"][data-state="done"]');
    await done.waitFor({ timeout: 60_000 });
    const sha = crypto.createHash('sha256').update(fw).digest('hex');
    await expect(done.getByTestId('tftp-put-done').textContent()).resolves.toContain(sha);
    await expect(done.textContent()).resolves.toMatch(/Sending RT-AC68U_3\.0\.0\.4_386\.trx to 192\.168\.1\.1.*100% 24 MiB of 24 MiB/);
    const written = path.join(srv, 'RT-AC68U_3.0.0.4_386.trx');
    await expect.poll(() => (fs.existsSync(written) ? fs.statSync(written).size : 0)).toBe(fw.length);
    expect(crypto.createHash('sha256').update(fs.readFileSync(written)).digest('hex')).toBe(sha);
    await done.scrollIntoViewIfNeeded();
    await bench.screenshot('tftp-put');
  }, 120_000);

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByRole('button', { name: /File server/ }).click();
    await page.getByTestId('tftp-put-send').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('tftp-put-tablet', page);
    await ctx.close();
  }, 60_000);
});
