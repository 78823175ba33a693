// The central server goes away while the workstation runs: the status says so, the
// directory stays browsable from the replica, and the link comes back without a reload.
import { expect, test } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment();
});
test.afterAll(async () => {
  await environment?.close();
});

test('keeps working offline and reconnects by itself', async ({ page }) => {
  await page.goto(environment.url);
  const status = page.getByTestId('sync-status');
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  await expect(status).toHaveAttribute('data-connection', 'online');

  await environment.stopCentral();
  await expect(status).toHaveAttribute('data-connection', 'offline');
  await expect(status).toHaveText('Offline');

  // Still browsable from the local replica.
  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: /^Slovakia \(21\)$/ }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('21 authorities');
  await page.getByRole('listbox').getByRole('option').nth(3).click();
  await expect(page.getByTestId('authority-detail')).toContainText('+421');
  await status.click();
  await expect(page.getByRole('dialog')).toContainText('cannot be reached');
  await keepScreenshot(page, '07-offline');
  await page.keyboard.press('Escape');

  await environment.restartCentral();
  await expect(status).toHaveAttribute('data-connection', 'online', { timeout: 60_000 });
  await expect(page.getByTestId('directory-count')).toHaveText('21 authorities');
});
