/**
 * The bench station in the browser (issue 17): three slots whose routers are in three states at once, driven by
 * the real services of a bench server in this process (loopback only):
 *  - slot 1 (card lo): a copy of the router's memory streaming with its bar, rate and time left (the stand-in
 *    copy playbook of test-support/station-rig.ts reading a paced loopback byte source);
 *  - slot 2 (the practice router's console): the real failsafe guide against the practice router on 127.0.0.2,
 *    answered in the page, until the router's real netmsg datagrams bring slot 2's PRESS-NOW cue;
 *  - slot 3 (a serial port): the copy against a router that does not answer, failed in three parts.
 * Screenshots at 1280×800 and 820 px, axe-core's WCAG 2.1 AA rules, a second slot on a taken card refused in
 * three parts, and a running job's report exported from slot 1's card and opened from the file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { browserSupport, failureScreenshot, openUiAt, reportSkipIfNeeded, saveScreenshot } from './support';
import { axeAudit, describeFindings } from '../test-support/axe';
import { closedPort, startByteSource, startRigBench, type RigBench, type RigRouter } from '../test-support/station-rig';
import type { BenchServer } from '../src-main/browser-server/server';
import { PracticeRouter } from '../src-main/capabilities/practice';
import type { StationService } from '../src-main/capabilities/station';
import type { JobsService } from '../src-main/capabilities/jobs';
import type { SerialService } from '../src-main/capabilities/serial';
import { practiceScenario, PRACTICE_CONSOLE_PATH } from '../src-shared/capabilities/practice';

const b = browserSupport();
const serialNode = ['/dev/ttyS0', '/dev/ttyS1', '/dev/ttyAMA0'].find((p) => fs.existsSync(p));
const support = !b.ok ? b : !serialNode ? { ok: false as const, reason: 'no serial device node (/dev/ttyS0) to name as slot 3’s port' } : { ok: true as const };
reportSkipIfNeeded('station e2e', support);

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!support.ok)('bench station in the browser', () => {
  let bench: RigBench;
  let dataDir: string;
  let out: string;
  let server: BenchServer;
  let container: RigBench['container'];
  let browser: Browser;
  let page: Page;
  let router: PracticeRouter;
  let closers: (() => Promise<void>)[] = [];
  const routers: Record<string, RigRouter> = {};

  beforeAll(async () => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-e2e-station-out-'));
    // slot 1's router: 64 MiB at 2 MiB/s (half a minute: the bar moves while the screenshots are taken)
    const src = await startByteSource({ bytes: 64 * 1048576, bytesPerS: 2 * 1048576 });
    closers.push(src.close);
    routers['1'] = { mac: 'c4:41:1e:5a:01:01', board: 'linksys,wrt3200acm', model: 'Linksys WRT3200ACM', host: src.host, port: src.port, bytes: 64 * 1048576 };
    routers['3'] = { mac: '00:90:4c:12:34:56', board: 'tplink,archer-c7-v2', model: 'TP-Link Archer C7 v2', host: '127.0.0.1', port: await closedPort(), bytes: 1048576 };
    bench = await startRigBench(routers);
    ({ container, server, browser, page, dataDir } = bench);
    // slot 2's router: the practice router with a 30 s button window, its console a serial port of this workstation
    const netmsgPort = await freeUdpPort();
    router = new PracticeRouter({ dataDir, scenario: practiceScenario('forgot-password')!, netmsgPort, windowS: 30, onChange: () => undefined });
    await router.listen();
    router.resetFlash();
    const serial = container.made.get('serial') as SerialService;
    const removePort = serial.addVirtualPort(router.consolePort());
    closers.push(async () => void removePort());
    const station = container.made.get('station') as StationService;
    // slots 1 and 3 through the service; slot 2 through the page below
    station.add({ interface: 'lo', name: '1' });
    await openUiAt(page, server.url);
    await page.getByTestId('nav-station').click();
    await page.locator('.st-add summary').click();
    await page.getByTestId('slot-add-card').fill('');
    await page.getByLabel('Serial port (optional)').fill(PRACTICE_CONSOLE_PATH);
    await page.getByTestId('slot-add-name').fill('2');
    await page.getByTestId('slot-add').click();
    await page.locator('[data-slot="slot-2"]').waitFor();
    station.add({ serialPath: serialNode!, name: '3' });
    await page.locator('[data-slot="slot-3"]').waitFor();
    (globalThis as { __netmsgPort?: number }).__netmsgPort = netmsgPort;
  }, 120_000);

  afterAll(async () => {
    await router?.stop().catch(() => undefined);
    await bench?.close();
    for (const c of closers) await c().catch(() => undefined);
    if (out) fs.rmSync(out, { recursive: true, force: true });
  });

  const card = (p: Page, slot: string) => p.locator(`[data-testid="slot-card"][data-slot="${slot}"]`);

  it('three routers in three states: copying with rate and time left, PRESS NOW for slot 2, slot 3 failed', async () => {
    const station = container.made.get('station') as StationService;
    const netmsgPort = (globalThis as { __netmsgPort?: number }).__netmsgPort!;
    try {
      // slot 3 first: its router does not answer
      await card(page, 'slot-3').locator('select').selectOption('bench-copy');
      await card(page, 'slot-3').getByTestId('slot-start').click();
      await expect.poll(() => card(page, 'slot-3').getAttribute('data-state'), { timeout: 15_000 }).toBe('failed');
      await expect(card(page, 'slot-3').getByTestId('error-card').first().textContent()).resolves.toMatch(/^The router did not answer at 127\.0\.0\.1 \(port \d+\)\.Nothing was copied; the router was not changed\.What to do/);
      // slot 1 copies from its router on this computer's loopback (the address given, as a technician would)
      const { RunOptionsSchema } = await import('../src-shared/capabilities/playbook');
      await station.start('slot-1', 'bench-copy', RunOptionsSchema.parse({ routerAddress: '127.0.0.1' }));
      await card(page, 'slot-1').getByTestId('slot-progress').waitFor({ timeout: 15_000 });
      await expect.poll(async () => (await card(page, 'slot-1').getByTestId('slot-progress').textContent()) ?? '', { timeout: 15_000 }).toMatch(/^\d+(\.\d)? % · [\d.]+ MiB\/s · \d+ s left · /);
      // loopback: no address was set on any card (the network safety rule)
      await expect(card(page, 'slot-1').locator('.st-where').textContent()).resolves.toBe('Card lo · via 127.0.0.1');
      await expect(card(page, 'slot-1').getByTestId('slot-router').textContent()).resolves.toBe('Router: Linksys WRT3200ACM · board linksys,wrt3200acm · MAC c4:41:1e:5a:01:01');
      // slot 2: the real failsafe guide against the practice router; its options are the technician's (CLI, API)
      await station.start('slot-2', 'failsafe', RunOptionsSchema.parse({ routerAddress: '127.0.0.2', bind: '127.0.0.1', port: netmsgPort, windowS: 30, autoSendF: false, watchTimeoutS: 60 }));
      await card(page, 'slot-2').getByTestId('slot-prompt').waitFor();
      await card(page, 'slot-2').locator('[data-testid^="slot-choice-"]').first().click();
      await expect.poll(() => card(page, 'slot-2').getByTestId('slot-step').textContent(), { timeout: 15_000 }).toBe('Step 3 of 7: Switch the router on');
      router.powerOn();
      const cue = card(page, 'slot-2').getByTestId('slot-cue');
      await cue.waitFor({ timeout: 30_000 });
      await expect(cue.textContent()).resolves.toMatch(/^SLOT 2: PRESS THE RESET BUTTON NOW/);
      await expect(page.getByTestId('station-cue-banner').textContent()).resolves.toBe('Slot 2 (red) — press the Reset button on that router now');
      expect(await page.getByTestId('slot-cue').count()).toBe(1);
      await page.evaluate(() => window.scrollTo(0, 0));
      // nothing in a card reaches past its edge (a guide's long name in the picker once did, off the screen)
      const spill = await page.evaluate(() =>
        [...document.querySelectorAll('.st-card')].flatMap((c) => {
          const edge = c.getBoundingClientRect().right;
          return [...c.querySelectorAll('*')].filter((el) => el.getBoundingClientRect().right > edge + 0.5).map((el) => `${c.getAttribute('data-slot')}: ${el.tagName} ${(el.textContent ?? '').slice(0, 40)}`);
        }),
      );
      expect(spill).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(page, 'station');

      // tablet width: three cards, no sideways scrolling, the cue still the biggest thing on slot 2's card
      const ctx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
      const tablet = await ctx.newPage();
      await openUiAt(tablet, server.url);
      await tablet.getByTestId('nav-station').click();
      await card(tablet, 'slot-2').getByTestId('slot-cue').waitFor();
      expect(await tablet.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await saveScreenshot(tablet, 'station-tablet');
      await ctx.close();

      // axe-core: WCAG 2.1 A/AA, the three states and the open "Add a slot" form
      const audit = await browser.newContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const a = await audit.newPage();
      await openUiAt(a, server.url);
      await a.getByTestId('nav-station').click();
      await card(a, 'slot-3').waitFor();
      await a.$$eval('details', (ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      expect(describeFindings(await axeAudit(a))).toEqual([]);
      await audit.close();
    } catch (e) {
      await failureScreenshot(page, 'station');
      throw e;
    }
  }, 180_000);

  it('a second slot on a taken card is refused in three parts', async () => {
    await page.getByTestId('slot-add-card').fill('lo');
    await page.getByTestId('slot-add').click();
    const err = page.locator('.station > [data-testid="error-card"]');
    await err.waitFor();
    await expect(err.getAttribute('data-code')).resolves.toBe('SLOT_CARD_TAKEN');
    await expect(err.textContent()).resolves.toContain('The network card lo is already slot 1.');
    await expect(err.textContent()).resolves.toContain('Plug the second router into its own network card');
  });

  it("slot 1's job, still running: its report saved from the card says so, and opens from the file asking for nothing", async () => {
    const report = card(page, 'slot-1').getByTestId('slot-report');
    await expect(report.textContent()).resolves.toBe('Save report so far');
    const [download] = await Promise.all([page.waitForEvent('download'), report.click()]);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    await expect(card(page, 'slot-1').getByRole('status').textContent()).resolves.toMatch(/This job is still running\. A report made now shows the steps so far/);
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const p = await ctx.newPage();
    const requests: string[] = [];
    p.on('request', (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await p.goto(url);
    await expect(p.locator('h1').textContent()).resolves.toBe('Copy the router memory (test stand-in)');
    const text = (await p.locator('body').textContent()) ?? '';
    expect(text).toMatch(/still running/i);
    expect(text).toContain('c4:41:1e:5a:01:01');
    expect(requests).toEqual([url]);
    await saveScreenshot(p, 'station-report');
    await ctx.close();
    // every slot's run is a job in the history (the jobs capability hears station.slot as it hears playbook.run)
    const jobs = container.made.get('jobs') as JobsService;
    await expect
      .poll(async () => (await jobs.list(undefined, 50)).jobs.map((j) => `${j.mac ?? '-'} ${j.state}`).sort(), { timeout: 15_000 })
      .toEqual(['- running', '00:90:4c:12:34:56 failed', 'c4:41:1e:5a:01:01 running']);
  });
});
