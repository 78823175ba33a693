// Local data protected by a passphrase (as on a desktop without a secure key store): chosen
// once, asked for at each start, a wrong one refused, in English and in German.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment(400, { IMI_DESK_PASSPHRASE: 'required' });
});
test.afterAll(async () => {
  await environment?.close();
});

test('asks for a passphrase before showing local data, and for the same one after a restart', async ({ page }) => {
  await page.goto(environment.url);
  const screen = page.getByTestId('passphrase-screen');
  await expect(screen).toContainText('Protect the personal data on this computer');
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'paused');
  await keepScreenshot(page, '08-choose-passphrase');

  await page.getByLabel('Passphrase', { exact: true }).fill('too short');
  await page.getByRole('button', { name: 'Open IMI Desk' }).click();
  await expect(screen.getByRole('alert')).toHaveText('Use at least 12 characters.');

  await page.getByLabel('Passphrase', { exact: true }).fill('Gemeinde Wels 2010');
  await page.getByLabel('Repeat the passphrase').fill('Gemeinde Wels 2011');
  await page.getByRole('button', { name: 'Open IMI Desk' }).click();
  await expect(screen.getByRole('alert')).toHaveText('The two passphrases are not the same.');

  await page.getByLabel('Repeat the passphrase').fill('Gemeinde Wels 2010');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('directory-count')).toHaveText('400 authorities');

  // In German, after a restart: the passphrase is asked for again.
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('menuitem', { name: /^Deutsch/ }).click();
  // The choice is saved by the workstation a moment later: restart only once it is on disk.
  const settingsFile = join(environment.home, 'connected', 'settings.json');
  await expect.poll(async () => (await readFile(settingsFile, 'utf8').catch(() => '')).includes('"de"')).toBe(true);
  const url = await environment.restartWorkstation();
  await page.goto(url);
  await expect(screen).toBeVisible();
  await page.getByRole('textbox').first().fill('Gemeinde Wels 2099');
  await page.keyboard.press('Enter');
  await expect(screen.getByRole('alert')).toBeVisible();
  const refusal = await screen.getByRole('alert').textContent();
  expect(refusal).not.toContain('passphrase');
  await keepScreenshot(page, '09-wrong-passphrase-german');
  await page.getByRole('textbox').first().fill('Gemeinde Wels 2010');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('directory-count')).toHaveText('400 Behörden');
});
