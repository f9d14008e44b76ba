/**
 * Netgear recovery in the browser: the file check with the board to compare with the label (the real
 * nmrp.check through the bench server), then a run as the screen shows it. The run's stages are put on the
 * services' bus as the contract events a real run emits (the screen cannot tell the difference): a real run needs
 * a router on a wired connection, which exists only in the namespace tests (test/integration/nmrp), and this
 * browser test runs in the root namespace, where no 10.x address may be set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';
import * as W from '../test-support/firmware-images';
import { dniImage } from '../test-support/nmrp';
import type { NmrpStage } from '../src-shared/capabilities/nmrp';
import { doNowPart, sayPart } from '../src-shared/capabilities/nmrp';
import { said } from '../src-shared/i18n';

const support = browserSupport();
reportSkipIfNeeded('nmrp e2e', support);

const counters = { malformed: 0, ignored: 0, confAcks: 1, uploadRequests: 1, keepAlives: 0, advertisements: 14 };

describe.skipIf(!support.ok)('Netgear recovery in the browser', () => {
  let bench: Bench;
  let dir: string;
  let image: string;
  let notNetgear: string;
  beforeAll(async () => {
    dir = W.tmpDir('e2e-nmrp');
    image = path.join(dir, 'R7800-V1.0.2.94.img');
    fs.writeFileSync(image, dniImage(W.noise(200_000, 5)));
    notNetgear = path.join(dir, 'openwrt-sysupgrade.bin');
    fs.writeFileSync(notNetgear, W.noise(50_000, 6));
    bench = await startBench({ allowFolders: [dir] });
  });
  afterAll(async () => {
    await bench?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks the file, names the board for the label, and keeps Start off until the label is confirmed', async () => {
    const page = await bench.openUi();
    await page.getByTestId('nav-nmrp').click();
    await page.getByTestId('nmrp-file').fill(notNetgear);
    await page.getByTestId('nmrp-check').click();
    await page.locator('[data-testid="error-card"][data-code="NMRP_NOT_NETGEAR_IMAGE"]').waitFor();
    await page.getByTestId('nmrp-file').fill(image);
    await page.getByTestId('nmrp-check').click();
    const card = page.getByTestId('nmrp-image');
    await card.waitFor();
    await expect(card.getAttribute('data-kind')).resolves.toBe('dni-img');
    await expect(card.textContent()).resolves.toMatch(/label under the router says R7800/);
    await page.getByTestId('nmrp-interface').fill('eth1');
    expect(await page.getByTestId('nmrp-start').isDisabled()).toBe(true);
    await page.getByTestId('nmrp-confirm').check();
    expect(await page.getByTestId('nmrp-start').isDisabled()).toBe(false);
    await bench.screenshot('nmrp-setup');
  });

  it('a run: one thing to do now, the upload bar, the writing timer, then the specific success', async () => {
    const page = bench.page;
    const runId = 'e2e-run';
    const t0 = Date.now();
    const emit = (s: Omit<NmrpStage, 'runId' | 'counters' | 'at'> & { counters?: NmrpStage['counters'] }, at = Date.now()) =>
      bench.services.bus.emit('nmrp.stage', { runId, at, counters, ...s });
    const image = await bench.services.nmrp.check(path.join(dir, 'R7800-V1.0.2.94.img'));
    emit({ stage: 'checking-image', say: image.say, ...(image.sayMsg ? { sayMsg: image.sayMsg } : {}), image }, t0);
    emit({ stage: 'preparing-network', ...sayPart(said('nmrp.said.preparing', { name: 'eth1', address: '10.164.183.252' })) }, t0 + 100);
    emit({ stage: 'advertising', ...sayPart(said('nmrp.said.calling')), ...doNowPart(said('nmrp.said.switchOnHow')) }, t0 + 300);
    await expect.poll(() => page.getByTestId('nmrp-do-now').textContent()).toBe('Switch the router on now (power button or plug).');
    await bench.screenshot('nmrp-switch-on');
    emit({ stage: 'router-found', ...sayPart(said('nmrp.said.found', { mac: '20:e5:2a:01:02:03' })), routerMac: '20:e5:2a:01:02:03' });
    emit({ stage: 'configured', ...sayPart(said('nmrp.said.settings', { address: '10.164.183.253' })) });
    emit({ stage: 'upload-requested', ...sayPart(said('nmrp.said.askedName', { name: 'firmware' })), remoteName: 'firmware' });
    emit({ stage: 'uploading', ...sayPart(said('nmrp.said.sending')), remoteName: 'firmware', upload: { bytes: 0, total: 200_129, bytesPerSecond: 0 } });
    bench.services.bus.emit('nmrp.progress', { runId, bytes: 120_000, total: 200_129, bytesPerSecond: 60_000 });
    await page.getByTestId('nmrp-progress').waitFor();
    await expect.poll(() => page.getByTestId('nmrp-progress').getAttribute('aria-valuenow')).toBe('59');
    await bench.screenshot('nmrp-uploading');
    emit({ stage: 'uploaded', ...sayPart(said('nmrp.said.uploaded')), upload: { bytes: 200_129, total: 200_129, bytesPerSecond: 61_000, blksize: 1456, sha256: 'ab'.repeat(32), ms: 3280 } }, Date.now() - 65_000);
    emit({ stage: 'writing', ...sayPart(said('nmrp.said.busy')), keepAlives: 4, counters: { ...counters, keepAlives: 4 } });
    await expect.poll(() => page.getByTestId('nmrp-writing').textContent()).toMatch(/Writing for 1:0\d — usually 2 to 5 minutes \(the router said it is busy 4 times\)/);
    await bench.screenshot('nmrp-writing');
    emit({
      stage: 'done',
      ...sayPart(said('nmrp.said.done')),
      ...doNowPart(said('nmrp.said.doneDoNow')),
      keepAlives: 4,
    });
    await page.getByTestId('nmrp-done').waitFor();
    await expect.poll(() => page.getByTestId('nmrp-done').textContent()).toMatch(/took R7800-V1.0.2.94.img \(for the R7800\)/);
    await expect.poll(() => page.getByTestId('nmrp-do-now').textContent()).toMatch(/^Switch the router off now/);
    await bench.screenshot('nmrp-done');
    await page.setViewportSize({ width: 820, height: 1100 });
    await bench.screenshot('nmrp-done-tablet');
    // the same run in German: the stages' ids + values are said in the language shown
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('language').selectOption('de');
    await expect.poll(() => page.getByTestId('nmrp-do-now').textContent()).toMatch(/^Schalten Sie den Router jetzt aus/);
    await page.locator('[data-testid="nmrp-run"] details summary').click();
    await expect.poll(() => page.getByTestId('nmrp-log').textContent()).toContain('Der Router hat geantwortet (Hardware-Adresse 20:e5:2a:01:02:03).');
    await page.getByTestId('language').selectOption('en');
  });
});
