/**
 * Shared by the upgrade e2e tests: the seller's first screen of a return to factory firmware (New firmware →
 * "Back to factory firmware", the router's address and the file, "Check and plan") up to a plan that is OK.
 */
import type { Page } from 'playwright-core';

export async function planReturnToStock(page: Page, file: string, host = '192.168.1.1'): Promise<void> {
  await page.getByRole('button', { name: /New firmware/ }).click();
  await page.getByTestId('up-mode-stock').check();
  await page.getByTestId('up-host').fill(host);
  await page.getByTestId('up-file').fill(file);
  await page.getByTestId('up-plan-btn').click();
  await page.locator('[data-testid="up-plan"][data-ok="true"]').waitFor({ timeout: 60_000 });
}
