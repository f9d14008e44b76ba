/**
 * A page that fails to draw (decision 0189): the serial console's terminal throws while it mounts (the browser's
 * ResizeObserver made to fail, as a real browser fault would), and the page says so in three parts while the
 * navigation stays; "Open this page again" brings the console back once the fault is gone. Then the connection
 * line when the workstation goes away: words, not a close code. Screenshots at 1280×800 and tablet width.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ptyPair, socatSupport, type PtyPair } from '../test-support/rig/pty';
import { browserSupport, failureScreenshot, reportSkipIfNeeded, startBench, type Bench } from './support';

const browser = browserSupport();
const socat = socatSupport();
const support = !browser.ok ? browser : socat;
reportSkipIfNeeded('section failure e2e', support);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-section-e2e-'));
const pairs: PtyPair[] = [];
afterAll(() => {
  for (const p of pairs) p.proc.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!support.ok)('a page that fails to draw', () => {
  let bench: Bench | undefined;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
    await bench?.close();
    bench = undefined;
  });

  it('says what happened in three parts, keeps the navigation, and opens again; the connection line says why it is down', async () => {
    bench = await startBench({ allowFolders: [dir] });
    const pair = await ptyPair(dir, 'sf');
    pairs.push(pair);
    const page = bench.page;
    await page.addInitScript(() => {
      const Real = window.ResizeObserver;
      const w = window as unknown as { __breakResize?: boolean };
      window.ResizeObserver = class extends Real {
        constructor(cb: ResizeObserverCallback) {
          if (w.__breakResize) throw new Error('ResizeObserver is not available');
          super(cb);
        }
      };
    });
    await bench.openUi();
    await page.evaluate(() => ((window as unknown as { __breakResize?: boolean }).__breakResize = true));
    await page.getByRole('button', { name: /Serial console/ }).click();
    await page.getByTestId('console-path').fill(pair.ours);
    await page.getByTestId('console-path').press('Enter');
    const card = page.locator('[data-testid="section-failed"] [data-testid="error-card"][data-code="SCREEN_FAILED"]');
    await card.waitFor();
    const text = await card.innerText();
    expect(text).toContain('This page of the screen stopped working.');
    expect(text).toContain('nothing was sent to the router because of this');
    expect(text).toContain('Open this page again');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Serial console');
    await bench.screenshot('section-failed');
    await page.setViewportSize({ width: 820, height: 1180 });
    await bench.screenshot('section-failed-tablet');
    await page.setViewportSize({ width: 1280, height: 800 });
    // the navigation still works, and the page opens again once the fault is gone (the port stayed open)
    await page.evaluate(() => ((window as unknown as { __breakResize?: boolean }).__breakResize = false));
    await page.getByTestId('section-retry').click();
    await page.locator('[data-testid="console-session"][data-state="open"]').waitFor();
    await page.getByTestId('nav-start').click();
    await page.getByRole('heading', { level: 1, name: 'What do you want to do?' }).waitFor();
    // the workstation goes away: the line says so in words and keeps trying
    await bench.server.close();
    const line = page.getByTestId('connection');
    await expect.poll(() => line.getAttribute('data-status'), { timeout: 10_000 }).not.toBe('open');
    await expect.poll(() => line.textContent(), { timeout: 10_000 }).toMatch(/^\s*(Not connected\. Trying again…|Connecting to the workstation…)$/);
    expect(await line.textContent()).not.toMatch(/closed \(\d+\)/);
  });
});
