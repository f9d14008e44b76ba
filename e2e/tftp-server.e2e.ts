import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';
import { RawClient, run } from '../test-support/tftp';

const support = browserSupport();
reportSkipIfNeeded('tftp server e2e', support);

describe.skipIf(!support.ok)('TFTP file server in the browser', () => {
  let bench: Bench;
  let dir: string;
  let fw: Buffer;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-tftp-e2e-'));
    fw = crypto.randomBytes(8 * 1024 * 1024);
    fs.writeFileSync(path.join(dir, 'openwrt-initramfs.bin'), fw);
    fs.writeFileSync(path.join(dir, 'slow.bin'), crypto.randomBytes(512 * 400));
    bench = await startBench({ allowFolders: [dir] }); // the folder is outside the data folder: allowed as `serve --allow-folder` would
  });
  afterAll(async () => {
    await bench?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves a folder; a finished, a running and a refused transfer each show what happened', async () => {
    const page = await bench.openUi();
    await page.getByRole('button', { name: /File server/ }).click();
    await page.getByTestId('tftp-root').fill(dir);
    await page.getByTestId('tftp-bind').selectOption('127.0.0.1');
    await page.getByRole('region', { name: 'File server for the router' }).getByText('Advanced').click();
    await page.getByTestId('tftp-port').fill('0');
    await page.getByTestId('tftp-toggle').click();
    const status = page.locator('[data-testid="tftp-status"][data-state="listening"]');
    await status.waitFor();
    const port = Number(/UDP port (\d+)/.exec((await status.textContent()) ?? '')?.[1]);
    expect(port).toBeGreaterThan(0);
    await expect(page.getByTestId('tftp-uboot-hint').textContent()).resolves.toContain(`setenv tftpdstp ${port}`);
    await expect.poll(async () => page.getByTestId('tftp-file').allTextContents()).toEqual(['openwrt-initramfs.bin 8.0 MiB', 'slow.bin 200 KiB']);

    // 1) a real client fetches the firmware: the row ends "done" with the same SHA-256
    const out = path.join(dir, 'got.bin');
    expect((await run('curl', ['-s', '--tftp-blksize', '1468', '-o', out, `tftp://127.0.0.1:${port}/openwrt-initramfs.bin`])).code).toBe(0);
    const done = page.locator('[data-testid="tftp-transfer"][data-state="done"][data-file="openwrt-initramfs.bin"]');
    await done.waitFor();
    await expect(done.getByTestId('tftp-sha').textContent()).resolves.toBe(crypto.createHash('sha256').update(fw).digest('hex'));
    await expect(done.textContent()).resolves.toMatch(/100%.*8\.0 MiB of 8\.0 MiB/);

    // 2) a router asks for a name that is not there: a three-part error naming the file
    await run('curl', ['-s', '-o', '/dev/null', `tftp://127.0.0.1:${port}/ArcherC7v2_tp_recovery.bin`]);
    const refused = page.locator('[data-testid="tftp-transfer"][data-state="error"][data-file="ArcherC7v2_tp_recovery.bin"]');
    await refused.waitFor();
    await expect(refused.textContent()).resolves.toMatch(/not in the served folder.*What to do/);

    // 3) a slow client: the running row shows a progress bar with percent, rate and time left
    const c = await RawClient.open();
    c.request(port, 'rrq', 'slow.bin', { tsize: '0' });
    const oack = await c.next();
    expect(oack?.type).toBe('oack');
    c.ack(oack!.from, 0);
    const running = page.locator('[data-testid="tftp-transfer"][data-state="running"][data-file="slow.bin"]');
    let stop = false;
    const slow = (async () => {
      for (let i = 1; !stop && i < 400; i++) {
        const r = await c.next();
        if (!r || r.type !== 'data') break;
        await new Promise((res) => setTimeout(res, 8));
        c.ack(oack!.from, r.block);
      }
    })();
    await running.waitFor();
    await expect.poll(async () => (await running.getByTestId('tftp-numbers').textContent()) ?? '', { timeout: 10_000 }).toMatch(/[1-9]\d*%.*KiB\/s.*left/);
    await bench.screenshot('tftp-server');
    stop = true;
    await slow;
    c.close();
  });

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByRole('button', { name: /File server/ }).click();
    await page.getByTestId('tftp-transfer').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('tftp-server-tablet', page);
    await ctx.close();
  });

  it('stopping the server says so', async () => {
    const page = bench.page;
    await page.getByTestId('tftp-toggle').click();
    await page.locator('[data-testid="tftp-status"][data-state="stopped"]').waitFor();
  });
});
