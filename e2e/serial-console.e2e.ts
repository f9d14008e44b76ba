/**
 * The serial console in the browser. (1) Over a socat pty: open, recognition banners, typing reaches the
 * router, live speed change, a second port in its own tab, unplug and return. (2) Against the real U-Boot on
 * the QEMU rig: the bench server and Chromium run in the rig's namespace (ns-bench), and the U-Boot panel
 * stops autoboot, sends the FIT from our TFTP server, verifies it and boots it to the shell.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SerialPort } from 'serialport';
import { openPeer, ptyPair as makePair, type PtyPair } from '../test-support/rig/pty';
import { browserSupport, failureScreenshot, reportSkipIfNeeded, startBench, type Bench } from './support';
import { netnsSupport, reportSkip } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { buildGuest, rigSupport } from '../test-support/rig/guest';
import { startRig, type Rig } from '../test-support/rig/qemu';

const support = browserSupport();
reportSkipIfNeeded('serial console e2e', support);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rb-serial-e2e-'));
const procs: ChildProcess[] = [];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function ptyPair(name: string): Promise<PtyPair> {
  const pair = await makePair(dir, name);
  procs.push(pair.proc);
  return pair;
}

afterAll(() => {
  for (const p of procs) p.kill();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!support.ok)('serial console in the browser (pty)', () => {
  let bench: Bench;
  const peers: SerialPort[] = [];
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
    for (const p of peers.splice(0)) if (p.isOpen) await new Promise((r) => p.close(() => r(undefined)));
    await bench?.close();
  });

  it('opens a port, shows banners for what it recognises, sends what you type, changes speed live, survives an unplug', async () => {
    bench = await startBench({ allowFolders: [dir] }); // the ptys' links live in dir (decision 0007)
    const a = await ptyPair('ui-a');
    const page = await bench.openUi();
    await page.getByRole('button', { name: /Serial console/ }).click();
    await page.getByTestId('console-path').fill(a.ours);
    await page.getByTestId('console-open').click();
    const session = page.locator('[data-testid="console-session"][data-state="open"]');
    await session.waitFor();
    await expect(page.getByTestId('console-settings').textContent()).resolves.toMatch(/Asked for 115200 baud 8N1 · the port runs at 115200 baud/);
    const peer = await openPeer(a.peer);
    peers.push(peer);
    const got: Buffer[] = [];
    peer.on('data', (d: Buffer) => got.push(d));
    peer.write('\r\nU-Boot 2023.01 (Jun 22 2026)\r\n\r\nDRAM:  256 MiB\r\nHit any key to stop autoboot:  3 ');
    const banner = page.locator('[data-testid="console-banner"][data-kind="uboot-autoboot"]');
    await banner.waitFor();
    await expect(banner.textContent()).resolves.toContain('U-Boot is counting down — stopping autoboot (pressing a key for you)');
    for (let i = 0; i < 100 && Buffer.concat(got).toString() !== ' '; i++) await sleep(20);
    expect(Buffer.concat(got).toString()).toBe(' '); // auto-stop answered with a space, never Enter
    got.length = 0;
    // xterm renders only while the terminal is on screen
    await page.getByTestId('console-term').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.xterm-rows').textContent(), { timeout: 5000 }).toContain('Hit any key to stop autoboot:  3');
    // typing in the console goes to the router
    await page.locator('.xterm-helper-textarea').focus();
    await page.keyboard.type('printenv');
    await page.keyboard.press('Enter');
    for (let i = 0; i < 100 && Buffer.concat(got).toString() !== 'printenv\r'; i++) await sleep(20);
    expect(Buffer.concat(got).toString()).toBe('printenv\r');
    peer.write('printenv\r\nbootdelay=3\r\n=> ');
    await page.locator('[data-testid="console-banner"][data-kind="uboot-prompt"]').waitFor();
    peer.write('\r\nPress the [f] key and hit [enter] to enter failsafe mode\r\n');
    await page.locator('[data-testid="console-banner"][data-kind="preinit-failsafe-prompt"]').waitFor();
    // search finds text in the scrollback
    await page.getByTestId('console-search').fill('bootdelay');
    await page.getByTestId('console-search').press('Enter');
    await expect(page.locator('.console-search .tag.warn').count()).resolves.toBe(0);
    await page.getByTestId('console-term').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.xterm-rows').textContent(), { timeout: 5000 }).toContain('bootdelay=3');
    await page.evaluate(() => window.scrollTo(0, 430));
    await bench.screenshot('console-session');
    // Save log: the whole session as a file
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('console-save').click()]);
    expect(download.suggestedFilename()).toMatch(/^serial-.*ui-a-ours-\d{4}-\d\d-\d\dT\d{6}\.log$/);
    expect(fs.readFileSync((await download.path())!, 'latin1')).toContain('Hit any key to stop autoboot:  3 printenv\r\nbootdelay=3\r\n=> ');
    // live speed change: requested and actual both follow
    await page.getByTestId('console-live-baud').selectOption('57600');
    await expect.poll(async () => page.getByTestId('console-settings').textContent(), { timeout: 5000 }).toMatch(/Asked for 57600 baud 8N1 · the port runs at 57600 baud/);
    // DTR/RTS/break on a pty: greyed out with the reason shown, not an error after a click
    await expect(page.getByRole('button', { name: /^DTR/ }).isDisabled()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Send break' }).isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('console-session').textContent()).resolves.toContain('This port has no DTR, RTS or break lines');
    // unplug: a three-part message; the console reconnects when the port returns
    a.proc.kill();
    await page.locator('[data-testid="console-session"][data-state="unplugged"]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid="error-card"][data-code="SERIAL_UNPLUGGED"]').textContent()).resolves.toMatch(/unplugged.*reconnects by itself/);
    await ptyPair('ui-a');
    await page.locator('[data-testid="console-session"][data-state="open"]').waitFor({ timeout: 10_000 });
    await expect(page.getByTestId('console-settings').textContent()).resolves.toContain('reconnected 1×');
  });

  it('a second port opens in its own tab; the layout holds at tablet width', async () => {
    bench = await startBench({ viewport: { width: 820, height: 1180 }, allowFolders: [dir] });
    const a = await ptyPair('ui-b');
    const b = await ptyPair('ui-c');
    const page = await bench.openUi();
    await page.getByRole('button', { name: /Serial console/ }).click();
    for (const p of [a, b]) {
      await page.getByTestId('console-path').fill(p.ours);
      // the keyboard way (Enter submits the form): a click here could land while the port list arriving late
      // re-lays out the panel, and the first test already clicks the button
      await page.getByTestId('console-path').press('Enter');
      await page.locator(`h2:has-text("${p.ours}")`).waitFor();
    }
    await expect(page.getByRole('tab').count()).resolves.toBe(2);
    await page.getByRole('tab', { name: a.ours }).click();
    await page.locator(`h2:has-text("${a.ours}")`).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(820);
    await bench.screenshot('console-tablet');
  });
});

const n = netnsSupport();
const r = rigSupport();
const rigOk = support.ok && n.ok && r.ok;
if (support.ok && !rigOk) reportSkip('U-Boot panel on the QEMU rig', !n.ok ? n.reason : !r.ok ? r.reason : '');

describe.skipIf(!rigOk)('U-Boot panel against the real U-Boot (QEMU rig)', () => {
  let rig: Rig | undefined;
  let bench: NsBench | undefined;
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
  });
  afterAll(async () => {
    await bench?.close();
    await rig?.stop();
  });

  it('stops autoboot, chooses a load address with a reason, sends and verifies the FIT, boots it to the shell', async () => {
    const guest = buildGuest();
    rig = await startRig({ tag: 'ube2e' });
    // From a browser the bench opens serial ports by name or links to them in an allowed folder, and images from
    // its data folder (decision 0007): link QEMU's pty into dir, copy the FIT into the data folder.
    const consoleLink = path.join(dir, 'rig-console');
    fs.rmSync(consoleLink, { force: true });
    fs.symlinkSync(rig.serialPath, consoleLink);
    bench = await startNsBench(rig.ns, { allowFolders: [dir] });
    const fit = path.join(bench.dataDir, path.basename(guest.fit));
    fs.copyFileSync(guest.fit, fit);
    const page = await bench.openUi();
    await page.getByRole('button', { name: /Serial console/ }).click();
    await page.getByTestId('console-path').fill(consoleLink);
    await page.getByTestId('console-open').click();
    await page.locator('[data-testid="console-session"][data-state="open"]').waitFor();
    await page.getByTestId('uboot-file').fill(fit);
    await page.getByText('Expert settings').click();
    await page.getByPlaceholder('console=ttyS0,115200').fill('console=ttyAMA0');
    await page.getByTestId('uboot-start').click();
    await page.locator('[data-step="stop-autoboot"][data-state="running"]').waitFor();
    await expect(page.getByTestId('uboot-now').textContent()).resolves.toContain('Switch the router on now');
    rig.powerOn();
    await page.locator('[data-step="tftpboot"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="uboot-steps"][data-state="done"]').waitFor({ timeout: 240_000 });
    await expect(page.locator('[data-step="choose-load-address"]').textContent()).resolves.toMatch(/cannot be used: the kernel inside this image is copied to 0x40400000/);
    await expect(page.locator('[data-step="verify"]').textContent()).resolves.toMatch(/Verified: size [\d,]+ bytes and CRC-32 [0-9a-f]{8} match/);
    await expect(page.getByTestId('uboot-done').textContent()).resolves.toContain('root@rig:/#');
    await page.locator('[data-step="choose-load-address"] summary').click();
    await page.locator('[data-testid="console-banner"][data-kind="shell-prompt"]').waitFor();
    await page.getByTestId('console-term').scrollIntoViewIfNeeded();
    await expect.poll(() => page.locator('.xterm-rows').textContent(), { timeout: 5000 }).toContain('root@rig:/#');
    await page.locator('[data-step="read-memory"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await bench.screenshot('uboot-steps');
  }, 300_000);
});
