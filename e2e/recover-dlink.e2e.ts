/**
 * A D-Link recovery as a seller meets it, in the bench UI (decision 0050: bench server and Chromium inside the
 * station namespace), against the uIP stand-in in the router namespace: pick maker and model, check the file,
 * the guide with the button and light cues, the upload with its progress bar, the writing timer, and the result
 * once the router's new page answers. Screenshots at 1280×800 and at tablet width (820 px).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { ChildProcess } from 'node:child_process';
import { browserSupport } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { noise } from '../test-support/firmware-images';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('vendor recovery e2e', support.reason);

describe.skipIf(!support.ok)('vendor recovery (D-Link) in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let standin: ChildProcess;
  let dir: string;
  const received: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    lan = createRescueLan('rce2e', { routerCidr: '192.168.0.1/24', stationCidr: '192.168.0.2/24' });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-recover-e2e-'));
    fs.writeFileSync(path.join(dir, 'DIR860LB1_FW203b03.bin'), noise(768 * 1024, 21));
    // slow reads so the progress bar is seen; a "reboot" of 4 s after the upload, then the new firmware's page
    standin = lan.router.spawn('python3', [path.resolve('test-support/uip-recovery-standin.py'), '--bind', '192.168.0.1', '--out', path.join(dir, 'got.bin'), '--read-delay-ms', '2', '--reboot-ms', '4000'], { stdio: ['ignore', 'pipe', 'inherit'] });
    readline.createInterface({ input: standin.stdout! }).on('line', (l) => received.push(JSON.parse(l) as Record<string, unknown>));
    bench = await startNsBench(lan.station, { allowFolders: [dir] });
  });
  afterAll(async () => {
    await bench?.close();
    standin?.kill('SIGKILL');
    lan?.destroy();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('picks the model, checks the file, guides the button, uploads with progress, times the writing, confirms the router is back', async () => {
    const page = await bench.openUi();
    await page.getByRole('button', { name: /Vendor recovery/ }).click();
    await page.getByTestId('rc-maker-dlink').click();
    await page.getByTestId('rc-model').selectOption('dlink,dir-860l-b1');
    await expect(page.getByTestId('rc-cues').textContent()).resolves.toMatch(/paper clip.*10 seconds.*blinks orange/s);
    await page.getByTestId('rc-file').fill(path.join(dir, 'DIR860LB1_FW203b03.bin'));
    await page.getByText('Technician settings').click();
    await page.getByTestId('rc-write-seconds').fill('6');
    await page.getByTestId('rc-verify-timeout').fill('60');
    await page.getByTestId('rc-check').click();
    await page.getByTestId('rc-plan').waitFor();
    await expect(page.getByTestId('rc-plan').textContent()).resolves.toMatch(/unchanged.*no model id/s);
    await page.getByTestId('rc-network').waitFor();
    await bench.screenshot('recover-check');
    await page.getByTestId('rc-start').click();
    await page.locator('[data-testid="rc-now"][data-step="cables"]').waitFor();
    await page.getByTestId('rc-choice-ok').click();
    await page.locator('[data-testid="rc-now"][data-step="button"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('rc-do-now').textContent()).resolves.toMatch(/Hold the Reset button, switch the router on, and keep holding it for about 10 seconds/);
    await expect(page.getByTestId('rc-now').textContent()).resolves.toMatch(/Let go when the power light blinks orange/);
    await bench.screenshot('recover-guide');
    await page.getByTestId('rc-choice-ready').click();
    const bar = page.getByTestId('rc-transfer');
    await bar.waitFor({ timeout: 30_000 });
    await expect.poll(async () => Number(await bar.getAttribute('data-bytes')), { timeout: 30_000 }).toBeGreaterThan(0);
    await bench.screenshot('recover-transfer');
    await page.getByTestId('rc-writing').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('rc-writing').textContent()).resolves.toMatch(/left.*Do not switch it off/s);
    await bench.screenshot('recover-writing');
    const result = page.getByTestId('rc-result');
    await result.waitFor({ timeout: 90_000 });
    expect(await result.getAttribute('data-state')).toBe('done');
    await expect(result.textContent()).resolves.toMatch(/works again.*D-LINK SYSTEMS/s);
    await expect(page.locator('[data-testid="rc-step"][data-step="transfer"]').textContent()).resolves.toMatch(/Upload successfully/);
    await bench.screenshot('recover-done');
    expect(received.find((e) => e.event === 'received')).toMatchObject({ bytes: 768 * 1024 });
  });

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByRole('button', { name: /Vendor recovery/ }).click();
    await page.getByTestId('rc-result').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow > 0) {
      const wide = await page.evaluate(() => [...document.querySelectorAll('*')].filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible').slice(0, 8).map((e) => `${e.tagName}.${e.className} ${e.scrollWidth}/${e.clientWidth}`));
      process.stderr.write(`[e2e] wider than the page: ${wide.join(', ')}\n`);
    }
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('recover-tablet', page);
    await ctx.close();
  });
});
