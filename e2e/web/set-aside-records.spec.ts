// A record from the central server that fails the workstation's checks is set aside, not
// lost and not blocking: the user sees it in the sync status, with why; trying it again
// while it is still wrong keeps it aside; once corrected on the server it comes in.
import { expect, test } from '@playwright/test';
import { CentralClient } from '../../server/central-client';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment();
});
test.afterAll(async () => {
  await environment?.close();
});

test('shows a record set aside, why, and takes it in once corrected', async ({ page }) => {
  const client = new CentralClient(environment.central.url);
  const path = `directory/${encodeURIComponent('authority:ZZ-999999')}`;
  const broken = (await client.expect('PUT', path, [201], { officialName: 'Stadtamt Beispielstadt', country: 'AT', legislativeAreas: 'PQ' })) as { rev: string };

  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  const status = page.getByTestId('sync-status');
  await status.click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('1 record set aside');
  await dialog.getByRole('button', { name: 'Show the records set aside' }).click();
  await expect(dialog).toContainText('Directory: ZZ-999999');
  await expect(dialog).toContainText('does not pass the checks of this workstation');
  await keepScreenshot(page, '12-records-set-aside');
  await dialog.getByRole('button', { name: 'Try them again' }).click();
  await expect(dialog.getByRole('button', { name: 'Try them again' })).toBeEnabled();
  await expect(dialog).toContainText('Directory: ZZ-999999'); // still wrong: still aside

  // Corrected on the server: a whole, valid authority record.
  const valid = (await client.expect('GET', `directory/${encodeURIComponent('authority:AT-000001')}`, [200])) as Record<string, unknown>;
  await client.expect('PUT', path, [201], { ...valid, _id: 'authority:ZZ-999999', _rev: broken.rev, officialName: 'Stadtamt Beispielstadt', sortName: 'stadtamt beispielstadt' });
  await expect(dialog).not.toContainText('set aside', { timeout: 30_000 });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('directory-count')).toHaveText('5,738 authorities');
});
