// The same request as in request-exchange.spec.ts, with the link to the central server cut
// at each step: the step is taken offline (the workstation says it is queued), nothing is
// lost, and everything is delivered once the link returns.
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startExchangeEnvironment, type ExchangeEnvironment } from '../support/exchange-environment';
import { asked, composeAndSend, openIn, pdf, question, text, yesLabel } from '../support/request-steps';

const austrian = 'AT-000001';
const romanian = 'RO-000011';
let environment: ExchangeEnvironment;

test.beforeAll(async () => {
  environment = await startExchangeEnvironment([austrian, romanian]);
});
test.afterAll(async () => {
  await environment?.close();
});

const ro = (key: string, values?: Record<string, string | number>) => text('ro', key, values);
const de = (key: string, values?: Record<string, string | number>) => text('de', key, values);

/** Cuts the link and waits until both workstations know it. */
async function cut(...pages: Page[]) {
  await environment.stopCentral();
  for (const page of pages) await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'offline', { timeout: 60_000 });
}
async function reconnect(...pages: Page[]) {
  await environment.restartCentral();
  for (const page of pages) await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online', { timeout: 90_000 });
}

async function openOnly(page: Page, language: 'de' | 'ro', box: 'incoming' | 'outgoing') {
  await page.getByRole('button', { name: text(language, `requests.boxes.${box}`), exact: true }).click();
  const list = page.getByRole('listbox', { name: text(language, 'requests.listLabel') });
  await expect(list.getByRole('option')).toHaveCount(1, { timeout: 90_000 });
  await list.getByRole('option').first().click();
  return page.getByTestId('request-page');
}

test('every step taken while the link is cut is kept, and delivered once it returns', async ({ browser }) => {
  test.setTimeout(600_000);
  const at = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const rom = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await openIn(at, environment.urls[austrian]!, /^Deutsch/, 'de');
  await openIn(rom, environment.urls[romanian]!, /^Română/, 'ro');

  // 1. Sent offline: queued, and said so.
  await cut(at, rom);
  await composeAndSend(at, 'Colegiul Medicilor Centru', async () => {});
  await expect(at.getByText(de('requests.composer.queued', { name: 'Colegiul Medicilor Centru' }))).toBeVisible();
  await keepScreenshot(at, '28-request-queued-offline');
  await at.getByRole('button', { name: de('requests.back') }).click();
  await reconnect(at, rom);
  const page = await openOnly(rom, 'ro', 'incoming');
  await expect(page).toContainText(question('ro', asked[0]!).text);

  // 2. Accepted offline.
  await cut(at, rom);
  await page.getByRole('button', { name: ro('requests.action.accepted') }).click();
  await rom.getByRole('dialog', { name: ro('requests.action.accepted') }).getByRole('button', { name: ro('requests.action.accepted') }).click();
  await expect(page.getByText(ro('requests.action.queued'))).toBeVisible();
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.accepted'));
  await reconnect(at, rom);
  const atPage = await openOnly(at, 'de', 'outgoing');
  await expect(atPage.getByTestId('request-state')).toHaveText(de('requests.state.accepted'), { timeout: 90_000 });

  // 3. Answered offline, with a file.
  await cut(at, rom);
  await page.getByRole('button', { name: ro('requests.action.answered') }).click();
  const answer = rom.getByRole('dialog', { name: ro('requests.answer.title') });
  await answer.getByRole('radio', { name: yesLabel('ro'), exact: true }).first().check();
  await answer.locator('input[type=file]').setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: pdf('Certificat') });
  await expect(answer).toContainText(/certificat\.pdf \(\d+ KB\)/);
  await answer.getByRole('button', { name: ro('requests.answer.send') }).click();
  await expect(page.getByText(ro('requests.action.queued'))).toBeVisible();
  await reconnect(at, rom);
  await expect(atPage.getByTestId('request-state')).toHaveText(de('requests.state.answered'), { timeout: 90_000 });
  await expect(atPage.getByTestId('question-answers')).toContainText(yesLabel('de'));
  await expect(atPage).toContainText('certificat.pdf');

  // 4. Closed offline.
  await cut(at, rom);
  await atPage.getByRole('button', { name: de('requests.action.closed') }).click();
  await at.getByRole('dialog', { name: de('requests.action.closed') }).getByRole('button', { name: de('requests.action.closed') }).click();
  await expect(atPage.getByText(de('requests.action.queued'))).toBeVisible();
  await reconnect(at, rom);
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.closed'), { timeout: 90_000 });

  // Nothing lost, nothing twice: four steps on each side.
  for (const side of [page, atPage]) await expect(side.getByTestId('request-timeline').getByRole('listitem')).toHaveCount(4);
  await page.getByTestId('request-timeline').scrollIntoViewIfNeeded();
  await keepScreenshot(rom, '29-closed-after-every-cut-romanian');
});
