import dgram from 'node:dgram';
import type { Page } from 'playwright-core';

/** A UDP port free on loopback right now (the failsafe e2e tests listen there instead of 4919). */
export async function freeUdpPort(): Promise<number> {
  const s = dgram.createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', () => r()));
  const port = s.address().port;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

/** In the "Listen only" panel: listen on `port` and wait until the monitor says so. */
export async function listenOn(page: Page, port: number): Promise<void> {
  await page.getByTestId('nav-failsafe').click(); // the app opens on the start screen (issue 18)
  await page.getByText('Advanced').click();
  await page.getByTestId('failsafe-port').fill(String(port));
  await page.getByTestId('failsafe-toggle').click();
  await page.locator('[data-testid="failsafe-status"][data-state="listening"]').waitFor();
}
