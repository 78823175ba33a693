// The local replica's file is damaged while the workstation is stopped: at the next start
// the workstation says so, changes nothing, and on request sets the data aside (kept) and
// downloads the directory again.
import { readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment(300);
});
test.afterAll(async () => {
  await environment?.close();
});

test('reports damaged local data and recovers it from the server on request', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('300 authorities');

  const replicaFolder = join(environment.home, 'connected', 'replica');
  const url = await environment.restartWorkstation(async () => {
    const file = join(replicaFolder, readdirSync(replicaFolder).find((name) => name.endsWith('.sqlite'))!);
    const handle = await open(file, 'r+');
    await handle.write(Buffer.alloc(4096, 0x42), 0, 4096, 4096);
    await handle.close();
  });
  await page.goto(url);
  const notice = page.getByTestId('replica-problem');
  await expect(notice).toContainText('The local data on this computer is damaged');
  await expect(page.getByTestId('sync-status')).toHaveText('Not synchronising');
  await keepScreenshot(page, '10-damaged-local-data');

  await notice.getByRole('button', { name: 'Set the local data aside and download it again' }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('300 authorities');
  await expect(notice).toHaveCount(0);
  const kept = readdirSync(join(environment.home, 'connected')).filter((name) => name.startsWith('replica.set-aside-'));
  expect(kept).toHaveLength(1);
});
