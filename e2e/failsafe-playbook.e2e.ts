/**
 * The whole failsafe playbook as a new user meets it, in the bench UI, against a virtual router:
 * Chromium and the bench server run inside the station namespace (decision 0050), the preinit stand-in and the
 * router's dropbear/telnetd inside the router namespace. Paths: success over SSH (cue, sound, press, login,
 * new password, LAN address, journal), missed window, telnet-only router, and a changed host key on a new boot.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserSupport } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { startFailsafeRouter, type FailsafeRouter, type FailsafeRouterOptions } from '../test-support/failsafe-router';
import { parseJournal, replayJournal } from '../src-shared/capabilities/playbook';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('failsafe playbook e2e', support.reason);

describe.skipIf(!support.ok)('failsafe playbook in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let router: FailsafeRouter | undefined;
  beforeAll(async () => {
    lan = createRescueLan('fse2e');
    bench = await startNsBench(lan.station);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') {
      // what the page showed when the test failed: a temp file, named in the output (not a docs screenshot)
      const file = path.join(os.tmpdir(), `rb-failsafe-fail-${ctx.task.name.slice(0, 24).replace(/\W+/g, '-')}.png`);
      await bench.page.screenshot({ path: file }).then(() => process.stderr.write(`[e2e] failure screenshot: ${file}\n`), () => undefined);
    }
    // a failed test must not leave its run going for the next one
    const stop = bench.page.getByTestId('fs-stop');
    if (await stop.isVisible().catch(() => false)) await stop.click().catch(() => undefined);
    router?.stop();
    router = undefined;
  });
  afterAll(async () => {
    await bench?.close();
    lan?.destroy();
  });

  async function newRouter(opts: FailsafeRouterOptions): Promise<FailsafeRouter> {
    router?.stop();
    router = await startFailsafeRouter(lan, opts);
    return router;
  }
  const step = (page: Page, id: string) => page.locator(`[data-testid="fs-step"][data-step="${id}"]`);
  const choose = (page: Page, id: string) => page.getByTestId(`fs-choice-${id}`).click();

  /** Start, confirm the cables, pass the address check, and wait for the "switch it on" step. */
  async function startToWatch(page: Page, extra: { window?: string; probe?: string } = {}): Promise<void> {
    if (extra.window || extra.probe) {
      await page.getByText('Timing (for technicians)').click();
      if (extra.window) await page.getByTestId('fs-window').fill(extra.window);
      if (extra.probe) await page.getByTestId('fs-probe').fill(extra.probe);
    }
    await page.getByTestId('nav-failsafe').click(); // the app opens on the start screen (issue 18)
    await page.getByTestId('fs-start-button').click();
    await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
    await choose(page, 'ok');
    await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
    await step(page, 'address').and(page.locator('[data-state="done"]')).waitFor();
    await page.getByTestId('fs-led').and(page.locator('[data-pattern="preinit"]')).waitFor();
  }

  async function connectAndFix(page: Page, r: FailsafeRouter, method: 'SSH' | 'telnet'): Promise<void> {
    const fix = page.locator('[data-testid="fs-prompt"][data-prompt-step="fix"]');
    const retry = page.locator('[data-testid="fs-prompt"][data-prompt-step="connect"] [data-testid="fs-choice-again"]');
    // a login that fails on a loaded machine is offered again, as a user would press "Try again"
    for (let i = 0; i < 120 && !(await fix.isVisible()); i++) {
      if (await retry.isVisible()) await retry.click();
      await page.waitForTimeout(500);
    }
    await fix.waitFor({ timeout: 5_000 });
    await expect(step(page, 'connect').textContent()).resolves.toContain(`Logged in over ${method}`);
    void r;
  }

  it('success over SSH: cue with countdown and sound, press, login, new password, LAN address; all on the timeline and in the journal', async () => {
    const r = await newRouter({ lanIp: '192.168.7.1' });
    const page = await bench.openUi();
    await startToWatch(page);
    await expect(step(page, 'address').textContent()).resolves.toMatch(/Nothing answers at 192\.168\.1\.1 yet/);
    await r.boot();
    const cue = page.getByTestId('failsafe-cue');
    await cue.waitFor({ timeout: 15_000 });
    await expect(cue.textContent()).resolves.toMatch(/PRESS THE RESET BUTTON NOW/);
    await expect(cue.textContent()).resolves.toMatch(/\d\.\d s left/);
    await page.locator('[data-testid="failsafe-cue"][data-sound^="beep"]').waitFor({ timeout: 2000 }); // set once the cue is painted
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).resolves.toBe('failsafe-cue');
    await bench.screenshot('failsafe-cue');
    r.press();
    expect(await r.outcome()).toBe('failsafe');
    await cue.waitFor({ state: 'detached', timeout: 15_000 });
    await connectAndFix(page, r, 'SSH');
    await expect(step(page, 'connect').textContent()).resolves.toMatch(/accepted for this session only/);

    await choose(page, 'password');
    await page.getByTestId('fs-prompt-input').fill('correct horse 7');
    await choose(page, 'set');
    await page.locator('[data-testid="fs-step"][data-step="fix"]', { hasText: 'New administrator password set' }).waitFor({ timeout: 20_000 });
    await choose(page, 'lan-ip');
    await page.getByTestId('fs-do-now').filter({ hasText: 'After a normal start, the router is at 192.168.7.1.' }).waitFor({ timeout: 20_000 });
    expect(r.calls()).toContain('passwd root [correct horse 7]');
    expect(r.calls()).toContain('uci get network.lan.ipaddr');
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('failsafe-timeline');
    await page.getByTestId('fs-transcript').locator('summary').click();
    await expect(page.getByTestId('fs-transcript').textContent()).resolves.toContain('FAILSAFE MODE active');
    await expect(page.getByTestId('fs-transcript').textContent()).resolves.not.toContain('correct horse');
    await bench.screenshot('failsafe-transcript');
    await choose(page, 'finish');
    await page.locator('[data-testid="fs-result"][data-state="done"]').waitFor();
    const states = await page.getByTestId('fs-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')));
    expect(states).toEqual(['done', 'done', 'done', 'done', 'done', 'done', 'done']);
    // the journal in the data folder tells the same story
    const dir = path.join(bench.dataDir, 'journals');
    const file = fs.readdirSync(dir).sort().at(-1)!;
    const text = fs.readFileSync(path.join(dir, file), 'utf8');
    expect(text).not.toContain('correct horse');
    const snap = replayJournal(parseJournal(text))!;
    expect(snap.state).toBe('done');
    expect(snap.steps.find((s) => s.id === 'watch')!.evidence.map((e) => e.text).join('\n')).toMatch(/Broadcast received from 192\.168\.1\.1 at/);
  });

  it('SSH with a changed host key on the next boot: accepted for the session, and said plainly', async () => {
    const r = await newRouter({});
    const page = bench.page;
    await page.getByTestId('fs-start-button').click();
    await choose(page, 'ok');
    await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
    await r.boot();
    await page.getByTestId('failsafe-cue').waitFor({ timeout: 15_000 });
    r.press();
    await connectAndFix(page, r, 'SSH');
    await expect(step(page, 'connect').textContent()).resolves.toMatch(/differs from the key seen at .* rescue mode makes a new key every start/);
    await choose(page, 'finish');
    await page.locator('[data-testid="fs-result"][data-state="done"]').waitFor();
  });

  it('missed window: the router says it continues normally; specific advice and "try again"', async () => {
    const r = await newRouter({ showNetmsg: true });
    const page = await bench.openUi();
    await startToWatch(page);
    await r.boot();
    await page.getByTestId('failsafe-cue').waitFor({ timeout: 15_000 });
    expect(await r.outcome()).toBe('regular');
    await step(page, 'outcome').and(page.locator('[data-state="failed"]')).waitFor({ timeout: 15_000 });
    const card = page.getByTestId('error-card');
    await expect(card.getAttribute('data-code')).resolves.toBe('MISSED_WINDOW');
    await expect(card.textContent()).resolves.toMatch(/continuing its normal start/);
    await expect(card.textContent()).resolves.toMatch(/Linksys/);
    await page.getByTestId('fs-led').and(page.locator('[data-pattern="regular"]')).waitFor();
    await expect(page.getByTestId('fs-led').textContent()).resolves.toMatch(/on 0\.2 s, off 0\.2 s/);
    await page.evaluate(() => window.scrollTo(0, 0));
    await bench.screenshot('failsafe-missed');
    await choose(page, 'again');
    await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor();
    await expect(page.getByTestId('fs-do-now').textContent()).resolves.toMatch(/Switch the router off, wait 5 seconds/);
    await page.getByTestId('fs-stop').click();
    await page.locator('[data-testid="fs-result"][data-state="stopped"]').waitFor();
  });

  it('telnet-only router (old release): logs in over telnet and shows the LAN address', async () => {
    const r = await newRouter({ login: 'telnet', showNetmsg: true, lanIp: '10.20.30.1' });
    const page = await bench.openUi();
    await startToWatch(page);
    await r.boot();
    await page.getByTestId('failsafe-cue').waitFor({ timeout: 15_000 });
    r.press();
    await connectAndFix(page, r, 'telnet');
    await expect(step(page, 'outcome').textContent()).resolves.toMatch(/"Entering Failsafe!"/);
    await choose(page, 'lan-ip');
    await page.getByTestId('fs-do-now').filter({ hasText: '10.20.30.1' }).waitFor({ timeout: 20_000 });
    await choose(page, 'finish');
    await page.locator('[data-testid="fs-result"][data-state="done"]').waitFor();
  });

  it('after a crash: the next start says where the run stopped, and continues from the safe step', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-crash-'));
    const first = await startNsBench(lan.station, { dataDir });
    let second: NsBench | undefined;
    try {
      await newRouter({});
      const page = await first.openUi();
      await startToWatch(page);
      first.server.kill('SIGKILL'); // the workstation dies while waiting for the router
      await first.browser.close();
      second = await startNsBench(lan.station, { dataDir });
      const p2 = await second.openUi();
      await p2.getByTestId('start-resume').getByRole('button').click(); // the start screen offers the interrupted guide
      const card = p2.getByTestId('fs-interrupted');
      await card.waitFor();
      await expect(card.textContent()).resolves.toMatch(/You were at step 3 of 7 \(Switch the router on\)\. 2 steps were done\./);
      await second.screenshot('failsafe-interrupted', p2);
      await p2.getByTestId('fs-resume').click();
      await p2.locator('[data-testid="fs-now"][data-step="watch"]').waitFor();
      await expect(p2.getByTestId('fs-do-now').textContent()).resolves.toMatch(/Switch the router off, wait 5 seconds/);
      await p2.getByTestId('fs-stop').click();
      await p2.locator('[data-testid="fs-result"][data-state="stopped"]').waitFor();
      const file = fs.readdirSync(path.join(dataDir, 'journals'))[0]!;
      const records = parseJournal(fs.readFileSync(path.join(dataDir, 'journals', file), 'utf8'));
      expect(records.filter((r) => r.type === 'resume')).toHaveLength(1);
      expect(records.at(-1)).toMatchObject({ type: 'end', state: 'stopped' });
    } finally {
      await second?.close();
      await first.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('holds its layout at tablet width during a run', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    await page.getByTestId('nav-failsafe').click(); // the app opens on the start screen (issue 18)
    await page.getByTestId('fs-start-button').click();
    await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('failsafe-guide-tablet', page);
    await page.getByTestId('fs-stop').click();
    await ctx.close();
  });
});
