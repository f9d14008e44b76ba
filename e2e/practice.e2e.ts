/**
 * The practice router as a newcomer meets it, run by an UNPRIVILEGED user (uid 65534 through setpriv): the built
 * CLI `serve --practice` from a world-readable staging folder (test-support/other-user.ts), no namespace, no root.
 * Chromium drives the screen at 1280x800 and 820 px. "Forgot password" is walked end to end through the real
 * failsafe guide: switch on, the PRESS NOW cue, the Reset button on the picture, SSH without a password, a new
 * password, a restart — then the new password opens the router and the old one does not. "Return to factory
 * firmware" through the New firmware screen (the real return-to-stock playbook: plan, FORCE, the drop, slot 2,
 * the maker's web page) and "Bricked TP-Link" through Vendor recovery (our TFTP server, Reset held at power on).
 * Every socket of the server process is on 127.0.0.0/8, and the practice journals are not in the real history.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSupport, CHROMIUM_FLAGS, chromiumPath, failureScreenshot, openUiAt, saveScreenshot } from './support';
import { reportSkip } from '../test-support/netns';
import { CliLines } from '../test-support/cli-lines';
import { stageCliForOtherUser, type StagedCli } from '../test-support/other-user';
import { socketsOf } from './practice-helpers';
import { openSession } from '../src-main/session';

const NOBODY = 65534;
const root = process.getuid?.() === 0;
const hasSetpriv = spawnSync('setpriv', ['--version']).status === 0;
const b = browserSupport();
const rendererBuilt = fs.existsSync('dist/renderer/index.html');
const staged: StagedCli = root && hasSetpriv && b.ok && rendererBuilt ? stageCliForOtherUser() : { ok: false, reason: 'not staged' };
const reason = !b.ok ? b.reason : !root ? 'needs root to run the server as another user' : !hasSetpriv ? 'setpriv (util-linux) missing' : !rendererBuilt ? 'dist/renderer is not built (npm run build:renderer)' : !staged.ok ? staged.reason : undefined;
if (reason) reportSkip('practice router e2e', reason);

async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

describe.skipIf(!!reason)('practice router, as an unprivileged user', () => {
  let server: ChildProcess;
  let out: CliLines;
  let url = '';
  let dataDir = '';
  let browser: Browser;
  let page: Page;
  let netmsgPort = 0;

  beforeAll(async () => {
    const s = staged as Extract<StagedCli, { ok: true }>;
    fs.cpSync('dist/renderer', path.join(s.dir, 'dist/renderer'), { recursive: true });
    spawnSync('chmod', ['-R', 'a+rX', path.join(s.dir, 'dist/renderer')]);
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-practice-e2e-'));
    fs.chownSync(dataDir, NOBODY, NOBODY);
    netmsgPort = await freeUdpPort();
    const args = ['serve', '--port', '0', '--json', '--practice', '--netmsg-port', String(netmsgPort), '--renderer', path.join(s.dir, 'dist/renderer')];
    server = spawn('setpriv', [`--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', 'env', 'HOME=/tmp', `RESCUE_BENCH_DATA_DIR=${dataDir}`, process.execPath, s.cli, ...args], { cwd: s.dir, stdio: ['ignore', 'pipe', 'pipe'] });
    out = new CliLines(server);
    url = String((await out.waitFor('cli.listening', undefined, 30_000, 'the bench server')).url);
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: CHROMIUM_FLAGS });
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  }, 120_000);

  afterAll(async () => {
    await browser?.close().catch(() => undefined);
    server?.kill('SIGTERM');
    await new Promise((r) => (server?.exitCode !== null ? r(null) : server.once('exit', r)));
    if (staged.ok) staged.cleanup();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const step = (id: string) => page.locator(`[data-testid="fs-step"][data-step="${id}"]`);
  /** A console left open with "Stop U-Boot's countdown for me" stops every start at the bootloader, as on a real router: close it. */
  const closeConsoles = async () => {
    await page.getByTestId('nav-console').click();
    const open = page.locator('[data-testid="console-session"]').getByRole('button', { name: 'Close' });
    while ((await open.count()) > 0) {
      await open.first().click();
      await page.waitForTimeout(200);
    }
  };
  const choose = (id: string) => page.getByTestId(`fs-choice-${id}`).click();

  it('runs as uid 65534; the start screen shows PRACTICE; every socket of the server is on loopback', async () => {
    const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
    // setpriv execs node: the server process itself runs as nobody
    expect(/^Uid:\s+(\d+)/m.exec(status)?.[1]).toBe(String(NOBODY));
    await openUiAt(page, url);
    await page.getByTestId('practice-banner').waitFor();
    await expect(page.locator('.frame').getAttribute('data-practice')).resolves.toBe('on');
    await saveScreenshot(page, 'start-screen-practice');
    const socks = socketsOf(server.pid!);
    expect(socks.length).toBeGreaterThanOrEqual(2);
    for (const sck of socks) expect(sck).toMatch(/^(tcp|udp) 127\.\d+\.\d+\.\d+:\d+$/);
  });

  it('"forgot password": the failsafe guide, the PRESS NOW cue, the picture\'s Reset button, a new password, a restart', async () => {
    try {
      await page.getByTestId('nav-failsafe').click();
      await page.getByTestId('fs-practice').waitFor();
      await page.getByTestId('fs-start-button').click();
      await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
      await choose('ok');
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
      await expect(step('address').textContent()).resolves.toMatch(/on this computer itself \(the practice router\)/);
      await expect(page.getByTestId('fs-run-practice').textContent()).resolves.toMatch(/PRACTICE/);
      await page.getByTestId('practice-power').click();
      const cue = page.getByTestId('failsafe-cue');
      await cue.waitFor({ timeout: 15_000 });
      await saveScreenshot(page, 'practice-cue');
      await page.getByTestId('practice-button').click(); // the dock stays above the cue
      await cue.waitFor({ state: 'detached', timeout: 15_000 });
      await page.locator('[data-testid="fs-now"][data-step="fix"]').waitFor({ timeout: 30_000 });
      await expect(step('connect').textContent()).resolves.toMatch(/Logged in over SSH to 127\.0\.0\.\d+/);
      await choose('password');
      await page.getByTestId('fs-prompt-input').fill('practice pass 9');
      await choose('set');
      await page.locator('[data-testid="fs-step"][data-step="fix"]', { hasText: 'New administrator password set' }).waitFor({ timeout: 20_000 });
      await saveScreenshot(page, 'practice-forgot-password-fixed');
      await choose('reboot');
      await page.getByTestId('fs-result').waitFor({ timeout: 20_000 });
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Running normally' }).waitFor({ timeout: 20_000 });

      // the router now wants the new password, and only that one
      await page.getByTestId('nav-practice').click();
      const target = /(127\.0\.0\.\d+) · SSH (\d+)/.exec((await page.getByTestId('practice-now').textContent()) ?? '');
      expect(target).not.toBeNull();
      await expect(openSession({ host: target![1]!, port: Number(target![2]), method: 'ssh', password: 'nobody-remembers', hostKeyPolicy: 'session-only', timeoutMs: 5000 })).rejects.toMatchObject({ code: 'AUTH_FAILED' });
      const s = await openSession({ host: target![1]!, port: Number(target![2]), method: 'ssh', password: 'practice pass 9', hostKeyPolicy: 'session-only', timeoutMs: 5000 });
      expect((await s.exec('uci get network.lan.ipaddr')).stdout.toString().trim()).toBe('192.168.7.1');
      await s.close();
      await saveScreenshot(page, 'practice-router');

      // the practice journal is apart from the real history
      expect(fs.readdirSync(path.join(dataDir, 'practice', 'journals')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(1);
      expect(fs.existsSync(path.join(dataDir, 'journals'))).toBe(false);
    } catch (err) {
      await failureScreenshot(page, 'practice-forgot-password');
      throw err;
    }
  });

  it('"broken settings": started from the practice screen, fixed with "reset the network settings", checked after the restart; then reset', async () => {
    try {
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-start-broken-settings').click();
      await page.locator('[data-testid="practice-now"]', { hasText: 'Broken settings' }).waitFor();
      await page.getByTestId('practice-go').click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Rescue mode');
      await page.getByTestId('fs-start-button').click();
      await page.locator('[data-testid="fs-now"][data-step="cables"]').waitFor();
      await choose('ok');
      await page.locator('[data-testid="fs-now"][data-step="watch"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('practice-power').click();
      await page.getByTestId('failsafe-cue').waitFor({ timeout: 15_000 });
      await page.getByTestId('practice-button').click();
      await page.locator('[data-testid="fs-now"][data-step="fix"]').waitFor({ timeout: 30_000 });
      await choose('lan-ip');
      await page.getByTestId('fs-do-now').filter({ hasText: 'After a normal start, the router is at 10.99.0.1.' }).waitFor({ timeout: 20_000 });
      await choose('reset-network');
      await choose('confirm');
      await page.locator('[data-testid="fs-step"][data-step="fix"]', { hasText: 'Network and firewall settings renamed' }).waitFor({ timeout: 20_000 });
      await saveScreenshot(page, 'practice-broken-settings-fixed');
      await choose('reboot');
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Running normally' }).waitFor({ timeout: 20_000 });
      await page.getByTestId('nav-practice').click();
      const target = /(127\.0\.0\.\d+) · SSH (\d+)/.exec((await page.getByTestId('practice-now').textContent()) ?? '');
      const s = await openSession({ host: target![1]!, port: Number(target![2]), method: 'ssh', hostKeyPolicy: 'session-only', timeoutMs: 5000 });
      expect((await s.exec('uci get network.lan.ipaddr')).stdout.toString().trim()).toBe('192.168.1.1');
      expect((await s.exec('ls /etc/config')).stdout.toString()).toMatch(/network\.bak/);
      await s.close();
      // reset: the scenario is broken again, and the router is off
      await page.getByTestId('practice-reset').click();
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Switched off' }).first().waitFor();
      const flashFile = path.join(dataDir, 'practice', 'broken-settings', 'flash', 'rootfs_data.bin');
      await expect.poll(() => fs.readFileSync(flashFile, 'utf8').includes('network.bak'), { timeout: 5000 }).toBe(false);
      expect(fs.readFileSync(flashFile, 'utf8')).toContain('10.99.0.1');
      expect(fs.readdirSync(path.join(dataDir, 'practice', 'journals')).filter((f) => f.endsWith('.jsonl'))).toHaveLength(2);
    } catch (err) {
      await failureScreenshot(page, 'practice-broken-settings');
      throw err;
    }
  });

  it('"bricked: bootloader only": the serial console opens the practice port, the U-Boot panel loads a uImage from our TFTP server and starts it', async () => {
    try {
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-start-bootloader-only').click();
      await page.locator('[data-testid="practice-now"]', { hasText: 'only the bootloader' }).waitFor();
      await page.getByTestId('practice-go').click();
      await expect(page.locator('h1').textContent()).resolves.toBe('Serial console');
      await page.getByTestId('console-path').fill('practice:router-console');
      await page.getByTestId('console-open').click();
      await page.locator('[data-testid="console-session"][data-state="open"]').waitFor();
      await page.getByTestId('practice-power').click();
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Bootloader' }).waitFor();
      await page.locator('[data-testid="practice-router"][data-led="steady"]').waitFor({ timeout: 10_000 }); // stopped at its prompt
      const image = path.join(dataDir, 'openwrt-practice-initramfs.uimage');
      const h = Buffer.alloc(64);
      h.writeUInt32BE(0x27051956, 0);
      h.writeUInt32BE(150_000, 12);
      h.write('OpenWrt practice initramfs', 32, 'latin1');
      fs.writeFileSync(image, Buffer.concat([h, Buffer.alloc(150_000, 0x3c)]), { mode: 0o644 });
      await page.getByTestId('uboot-file').fill(image);
      await page.getByTestId('uboot-start').click();
      await page.getByTestId('uboot-done').waitFor({ timeout: 40_000 });
      await expect(page.locator('[data-testid="uboot-steps"]').getAttribute('data-state')).resolves.toBe('done');
      await page.locator('[data-testid="practice-mode"]', { hasText: /Starting|Running normally/ }).waitFor({ timeout: 15_000 });
      await saveScreenshot(page, 'practice-bootloader-only');
    } catch (err) {
      await failureScreenshot(page, 'practice-bootloader-only');
      throw err;
    }
  });

  it('"return to factory firmware": the New firmware screen, the practice Linksys file, the plan, FORCE, the drop, slot 2, the maker\'s web page', async () => {
    if (page.url() === 'about:blank') await openUiAt(page, url); // run alone (-t)
    try {
      await closeConsoles();
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-start-factory-firmware').click();
      await page.locator('[data-testid="practice-now"]', { hasText: 'Return to factory firmware' }).waitFor();
      await page.getByTestId('practice-power').first().click();
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Running normally' }).first().waitFor({ timeout: 30_000 });
      await page.getByTestId('practice-go').click();
      await page.getByTestId('up-practice').waitFor();
      await expect(page.getByTestId('up-host').inputValue()).resolves.toMatch(/^127\.0\.0\.\d+$/);
      await page.getByTestId('up-practice-file').click();
      await expect(page.getByTestId('up-file').inputValue()).resolves.toMatch(/FW_WRT32X_1\.0\.0\.0_PRACTICE\.img$/);
      await page.getByTestId('up-plan-btn').click();
      await page.getByTestId('up-plan').waitFor({ timeout: 30_000 });
      await expect(page.getByTestId('up-plan').textContent()).resolves.toMatch(/rootfs1 is 0x7800000 bytes in \/proc\/mtd \(the 3 MB kernel layout\)/);
      await expect(page.getByTestId('up-slot-2').textContent()).resolves.toMatch(/Gets: FW_WRT32X_1\.0\.0\.0_PRACTICE\.img/);
      await page.getByTestId('up-plan').scrollIntoViewIfNeeded();
      await saveScreenshot(page, 'practice-factory-firmware-plan');
      await page.getByTestId('up-start-btn').click();
      await page.getByRole('button', { name: 'Go ahead' }).click({ timeout: 60_000 });
      await page.getByRole('button', { name: 'Skip the backup' }).click({ timeout: 60_000 });
      const prompt = page.getByTestId('fs-prompt');
      await prompt.getByText(/Image metadata not present/).first().waitFor({ timeout: 60_000 });
      await prompt.getByRole('textbox').fill('FORCE');
      await prompt.getByRole('button', { name: /Write it anyway/ }).click();
      await page.locator('[data-testid="practice-mode"]', { hasText: "Maker's firmware running" }).first().waitFor({ timeout: 60_000 });
      await page.getByTestId('up-done').waitFor({ timeout: 90_000 });
      await page.getByTestId('up-done').scrollIntoViewIfNeeded();
      await expect(page.getByTestId('up-done').textContent()).resolves.toMatch(/Done\. The router now runs Linksys firmware 1\.0\.0\.0 from slot 2\. Its address is 127\.0\.0\.\d+\./);
      await saveScreenshot(page, 'practice-factory-firmware-done');
      // the maker's web page is one more listener: still loopback only
      for (const sck of socketsOf(server.pid!)) expect(sck).toMatch(/^(tcp|udp) 127\.\d+\.\d+\.\d+:\d+$/);
      expect(fs.existsSync(path.join(dataDir, 'journals'))).toBe(false);
    } catch (err) {
      await failureScreenshot(page, 'practice-factory-firmware');
      throw err;
    }
  });

  it('"bricked TP-Link": Vendor recovery with the practice file, Reset held at power on, fetched from our TFTP server, written, OpenWrt again', async () => {
    if (page.url() === 'about:blank') await openUiAt(page, url); // run alone (-t)
    try {
      await closeConsoles();
      await page.getByTestId('nav-practice').click();
      await page.getByTestId('practice-start-tplink-recovery').click();
      await page.locator('[data-testid="practice-now"]', { hasText: 'Bricked TP-Link' }).waitFor();
      await page.getByTestId('practice-go').click();
      await page.getByTestId('rc-practice').waitFor();
      await page.getByTestId('rc-practice-file').click();
      await page.getByTestId('rc-check').click();
      await page.getByTestId('rc-plan').waitFor();
      await page.getByTestId('rc-start').click();
      await page.locator('[data-testid="rc-now"][data-step="cables"]').waitFor();
      await page.getByTestId('rc-choice-ok').click();
      await page.locator('[data-testid="rc-now"][data-step="transfer"]').waitFor({ timeout: 30_000 });
      await expect(page.locator('[data-testid="rc-step"][data-step="network"]').textContent()).resolves.toMatch(/PRACTICE: the practice router .* is on this computer/);
      // the TFTP server is up: loopback only
      for (const sck of socketsOf(server.pid!)) expect(sck).toMatch(/^(tcp|udp) 127\.\d+\.\d+\.\d+:\d+$/);
      await saveScreenshot(page, 'practice-tplink-recovery-hold');
      await page.getByTestId('practice-button').click(); // "Hold Reset (then switch on)"
      await page.getByTestId('practice-power').click();
      await page.getByTestId('rc-writing').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid="rc-result"][data-state="done"]').waitFor({ timeout: 120_000 });
      await page.getByTestId('rc-result').scrollIntoViewIfNeeded();
      await page.locator('[data-testid="practice-mode"]', { hasText: 'Running normally' }).first().waitFor({ timeout: 30_000 });
      await saveScreenshot(page, 'practice-tplink-recovery-done');
    } catch (err) {
      await failureScreenshot(page, 'practice-tplink-recovery');
      await page.getByTestId('nav-practice').click({ timeout: 5000 }).catch(() => undefined);
      console.error(`practice router log:\n${await page.getByTestId('practice-log').textContent({ timeout: 5000 }).catch(() => '(none)')}`);
      throw err;
    }
  });

  it('holds its layout at tablet width (820 px): start screen and the practice router', async () => {
    const ctx = await browser.newContext({ viewport: { width: 820, height: 1180 } });
    const p = await ctx.newPage();
    await openUiAt(p, url);
    await p.getByTestId('practice-banner').waitFor();
    const overflow = () => p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(p, 'start-screen-practice-tablet');
    await p.getByTestId('nav-practice').click();
    await p.getByTestId('practice-now').waitFor();
    await saveScreenshot(p, 'practice-router-tablet');
    expect(await overflow()).toBeLessThanOrEqual(0);
    await p.getByTestId('nav-upgrade').click();
    await p.getByTestId('up-start').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(p, 'practice-new-firmware-tablet');
    await p.getByTestId('nav-recover').click();
    await p.getByTestId('rc-pick').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await saveScreenshot(p, 'practice-recover-tablet');
    await ctx.close();
  });
});
