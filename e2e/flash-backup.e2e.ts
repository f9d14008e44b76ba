/**
 * Backup & restore in the bench UI against the stand-in router (real dropbear in the router namespace; the
 * bench server and Chromium in the station namespace): read the partition map, back up everything, restore a
 * partition after checking the plan, and the refusal of a dangerous partition until its name is typed.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { browserSupport, failureScreenshot } from '../test-support/browser';
import { createRescueLan, netnsSupport, reportSkip, type RescueLan } from '../test-support/netns';
import { startNsBench, type NsBench } from '../test-support/ns-bench';
import { startStandinRouter, type StandinRouter } from '../test-support/router-standin';

const b = browserSupport();
const n = netnsSupport();
const support = !b.ok ? b : !n.ok ? n : { ok: true as const };
if (!support.ok) reportSkip('flash backup e2e', support.reason);

describe.skipIf(!support.ok)('backup & restore in the bench UI', () => {
  let lan: RescueLan;
  let bench: NsBench;
  let router: StandinRouter;
  beforeAll(async () => {
    lan = createRescueLan('fle2e');
    router = await startStandinRouter(lan, {
      partitions: [
        { name: 'u-boot', size: 0x40000, readOnly: true },
        { name: 'u-boot-env', size: 0x10000 },
        { name: 'art', size: 0x10000 },
        { name: 'kernel1', size: 0x200000 },
        { name: 'rootfs1', size: 0x600000 },
        { name: 'kernel2', size: 0x200000 },
        { name: 'rootfs2', size: 0x600000 },
      ],
      cmdline: 'console=ttyS0,115200 root=/dev/mtdblock4',
      model: 'Stand-in dual-firmware router',
    });
    bench = await startNsBench(lan.station);
  });
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === 'fail') await failureScreenshot(bench?.page, ctx.task.name);
  });
  afterAll(async () => {
    await bench?.close();
    router?.stop();
    lan?.destroy();
  });

  it('reads the map, backs up everything, restores rootfs2 after the plan, and refuses art until its name is typed', async () => {
    const page = await bench.openUi();
    await page.getByRole('button', { name: /Backup & restore/ }).click();
    await page.getByTestId('flash-host').fill('192.168.1.1');
    await page.getByTestId('flash-read').click();
    await page.getByTestId('flash-map').waitFor();
    expect(await page.getByTestId('flash-connected').textContent()).toMatch(/SSH to 192\.168\.1\.1: Stand-in dual-firmware router/);
    // dangerous ones marked; the running slot (root=/dev/mtdblock4 → rootfs1, slot 1) too
    expect(await page.getByTestId('flash-box-0').getAttribute('data-danger')).toBe('true');
    expect(await page.getByTestId('flash-box-2').getAttribute('data-danger')).toBe('true');
    expect(await page.getByTestId('flash-box-4').getAttribute('aria-label')).toMatch(/running now/);
    expect(await page.getByTestId('flash-box-6').getAttribute('data-danger')).toBe('false');
    // tiny partitions keep a readable width
    const w = await page.getByTestId('flash-box-1').boundingBox();
    expect(w!.width).toBeGreaterThan(30);
    await page.getByTestId('flash-map').scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 200);
    await bench.screenshot('flash-map');

    await page.getByTestId('flash-backup-start').click();
    await page.locator('[data-testid="flash-backup-result"][data-ok="true"]').waitFor({ timeout: 60_000 });
    const done = await page.getByTestId('flash-backup-result').textContent();
    expect(done).toMatch(/Done\. All 7 partitions .* are copied and checked/);
    expect(await page.locator('[data-testid^="flash-part-"][data-status="ok"]').count()).toBe(7);
    await page.getByTestId('flash-backup').scrollIntoViewIfNeeded();
    await bench.screenshot('flash-backup-done');

    // damage rootfs2 on the "router", then restore it from the backup
    const f = router.partFile(6);
    const before = router.sha256(6);
    const fd = fs.openSync(f, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x55), 0, 4096, 8192);
    fs.closeSync(fd);
    await page.getByTestId('flash-partition').selectOption('rootfs2');
    await page.getByTestId('flash-plan').click();
    await page.locator('[data-testid="flash-plan-result"][data-ok="true"]').waitFor();
    await page.getByText('Commands that will run on the router').click();
    expect(await page.getByTestId('flash-commands').textContent()).toMatch(/mtd -q write \/tmp\/rb-restore-mtd6\.bin mtd6/);
    await page.getByTestId('flash-write').click();
    await page.getByTestId('flash-restore-done').waitFor({ timeout: 60_000 });
    expect(router.sha256(6)).toBe(before);
    await page.getByTestId('flash-restore').scrollIntoViewIfNeeded();
    await bench.screenshot('flash-restore-done');

    // a dangerous partition: refused until its name is typed
    await page.getByTestId('flash-partition').selectOption('art');
    await page.getByTestId('flash-plan').click();
    await page.locator('[data-testid="flash-plan-result"][data-ok="false"]').waitFor();
    expect(await page.locator('[data-testid="error-card"][data-code="DANGEROUS_PARTITION"]').count()).toBe(1);
    await page.getByTestId('flash-restore').scrollIntoViewIfNeeded();
    await bench.screenshot('flash-restore-refused');
    await page.getByTestId('flash-typed').fill('art');
    await page.getByTestId('flash-plan').click();
    await page.locator('[data-testid="flash-plan-result"][data-ok="true"]').waitFor();

    // tablet width
    await page.setViewportSize({ width: 820, height: 1100 });
    await page.getByTestId('flash-map').scrollIntoViewIfNeeded();
    await bench.screenshot('flash-map-tablet');
  });

  it('logs in with a key file typed in the form (the router has a password nobody typed), and says plainly when the file is not a key', async () => {
    // the router now wants a password we do not give, and knows one key
    // in the bench's data folder: from a browser, only files there (or in --allow-folder folders) are used (decision 0007)
    const dir = fs.mkdtempSync(path.join(bench.dataDir, 'keys-'));
    const keyFile = path.join(dir, 'id_ed25519');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const sshDir = path.join(router.root, 'root/.ssh');
    fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(sshDir, 'authorized_keys'), fs.readFileSync(`${keyFile}.pub`), { mode: 0o600 });
    const shadow = path.join(router.root, 'etc/shadow');
    const before = fs.readFileSync(shadow, 'utf8');
    fs.writeFileSync(shadow, `root:${execFileSync('openssl', ['passwd', '-6', 'nobody-typed-this'], { encoding: 'utf8' }).trim()}:19000:0:99999:7:::\n`, { mode: 0o600 });
    try {
      const page = await bench.openUi();
      await page.setViewportSize({ width: 1280, height: 800 });
      await page.getByRole('button', { name: /Backup & restore/ }).click();
      await page.getByTestId('flash-host').fill('192.168.1.1');
      await page.getByTestId('flash-method').selectOption('ssh');
      // without the key: refused
      await page.getByTestId('flash-read').click();
      await page.locator('[data-testid="error-card"][data-code="AUTH_FAILED"]').waitFor({ timeout: 30_000 });
      // the public half by mistake: a plain three-part error, no login attempt
      const key = page.getByLabel('Key file (optional)');
      await key.fill(`${keyFile}.pub`);
      await key.press('Enter');
      const card = page.locator('[data-testid="error-card"][data-code="KEY_FILE_UNUSABLE"]');
      await card.waitFor({ timeout: 30_000 });
      expect(await card.textContent()).toMatch(/not an SSH private key[\s\S]*did not try to log in[\s\S]*not id_ed25519\.pub/);
      // the private key, typed and submitted from the keyboard
      await key.fill(keyFile);
      await key.press('Enter');
      await page.getByTestId('flash-map').waitFor({ timeout: 30_000 });
      expect(await page.getByTestId('flash-connected').textContent()).toMatch(/SSH to 192\.168\.1\.1/);
      await page.getByTestId('flash-connect').scrollIntoViewIfNeeded();
      await bench.screenshot('flash-connect-key');
      await page.setViewportSize({ width: 820, height: 1100 });
      await bench.screenshot('flash-connect-key-tablet');
    } finally {
      fs.writeFileSync(shadow, before, { mode: 0o600 });
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
