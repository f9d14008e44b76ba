import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import dgram from 'node:dgram';
import { browserSupport, reportSkipIfNeeded, startBench, type Bench } from './support';
import { freeUdpPort, listenOn } from './failsafe-helpers';
import { encodeNetmsg } from '../src-shared/capabilities/failsafe';

const support = browserSupport();
reportSkipIfNeeded('failsafe monitor e2e', support);

describe.skipIf(!support.ok)('failsafe monitor in the browser', () => {
  let bench: Bench;
  beforeAll(async () => {
    bench = await startBench();
  });
  afterAll(async () => bench?.close());

  it('shows a netmsg datagram as a row, and reports the latency', async () => {
    const page = await bench.openUi();
    const port = await freeUdpPort();
    await listenOn(page, port);

    const sock = dgram.createSocket('udp4');
    const t0 = performance.now();
    await new Promise<void>((r, j) => sock.send(encodeNetmsg('Please press button now to enter failsafe'), port, '127.0.0.1', (e) => (e ? j(e) : r())));
    const row = page.getByTestId('failsafe-event').first();
    await row.waitFor();
    const latency = performance.now() - t0;
    process.stdout.write(`[e2e] datagram sent → row visible: ${latency.toFixed(1)} ms\n`);
    await expect(row.getAttribute('data-kind')).resolves.toBe('failsafe-prompt');
    await expect(row.textContent()).resolves.toContain('Please press button now to enter failsafe');
    await expect(row.textContent()).resolves.toContain('127.0.0.1');
    await expect(row.textContent()).resolves.toContain('not a rescue address'); // loopback is not 192.168.1.x

    await new Promise<void>((r) => sock.send(Buffer.from('garbage \xff without prefix', 'latin1'), port, '127.0.0.1', () => r()));
    await page.getByTestId('failsafe-event').nth(1).waitFor();
    await expect(page.getByTestId('failsafe-event').first().getAttribute('data-kind')).resolves.toBe('unknown');
    sock.close();
    await bench.screenshot('failsafe-monitor');
  });

  it('explains a busy port in plain words', async () => {
    const page = bench.page;
    await page.getByTestId('failsafe-toggle').click(); // stop
    await page.locator('[data-testid="failsafe-status"][data-state="stopped"]').waitFor();
    const blocker = dgram.createSocket({ type: 'udp4', reuseAddr: false });
    await new Promise<void>((r) => blocker.bind({ port: 0, address: '0.0.0.0', exclusive: true }, () => r()));
    const port = blocker.address().port;
    await page.getByTestId('failsafe-port').fill(String(port));
    await page.getByTestId('failsafe-toggle').click();
    const card = page.getByTestId('error-card');
    await card.waitFor();
    await expect(card.getAttribute('data-code')).resolves.toBe('PORT_IN_USE');
    await expect(card.textContent()).resolves.toMatch(/Another program is already using UDP port/);
    await expect(card.textContent()).resolves.toMatch(/What to do/);
    blocker.close();
  });

  it('holds its layout at tablet width', async () => {
    const ctx = await bench.browser.newContext({ viewport: { width: 820, height: 1180 } });
    const page = await ctx.newPage();
    await bench.openUi(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await bench.screenshot('failsafe-monitor-tablet', page);
    await ctx.close();
  });
});
