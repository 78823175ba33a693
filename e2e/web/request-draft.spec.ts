// A request being composed is saved as the officer types: it survives the workstation
// being stopped and started again, opens where it was left, and sending it before it is
// complete leads to the step that lacks something, saying what.
import { expect, test } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';
import { question, vocabulary } from '../support/request-steps';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment(5_737, { IMI_DESK_AUTHORITY: 'AT-000001' });
});
test.afterAll(async () => {
  await environment?.close();
});

test('a draft survives a restart and sending an incomplete one says what is missing', async ({ page }) => {
  await page.goto(environment.url);
  await page.getByRole('button', { name: 'Requests' }).click();
  await page.getByRole('button', { name: 'New request' }).click();
  await page.getByLabel('Legislative area').click();
  await page.getByRole('option', { name: vocabulary('en', 'legislativeArea', 'SERVICES') }).click();
  await page.getByLabel('Profession or service activity').fill(vocabulary('en', 'serviceActivity', 'travel-agency'));
  await page.getByRole('option', { name: vocabulary('en', 'serviceActivity', 'travel-agency'), exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('Question set').click();
  await page.getByRole('option', { name: 'Establishment and legal status' }).click();
  const chosen = ['svc-establishment.lawfully-established', 'svc-establishment.legal-form'];
  for (const code of chosen) await page.getByLabel(question('en', code).text).check();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('textbox', { name: /^Name/ }).fill('Cestovná kancelária Tatry s.r.o.');
  await expect(page.getByTestId('draft-status')).toContainText('Saving the draft');
  await expect(page.getByTestId('draft-status')).toContainText('Draft saved');

  const url = await environment.restartWorkstation();
  await page.goto(url);
  await page.getByRole('button', { name: 'Requests' }).click();
  await page.getByRole('button', { name: 'Drafts', exact: true }).click();
  await page.getByRole('list', { name: 'Drafts' }).getByRole('button').first().click();
  await expect(page.getByText('Your draft was restored.')).toBeVisible();
  await page.getByRole('tab', { name: /Person or provider/ }).click();
  await expect(page.getByRole('textbox', { name: /^Name/ })).toHaveValue('Cestovná kancelária Tatry s.r.o.');
  await page.getByRole('tab', { name: /Questions/ }).click();
  for (const code of chosen) await expect(page.getByLabel(question('en', code).text)).toBeChecked();

  // Sent before it is complete: the composer goes to the step that lacks something.
  await page.getByRole('tab', { name: /Review and send/ }).click();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByText('Choose the authority you send the request to.').first()).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Requested authority' })).toBeVisible();
  await keepScreenshot(page, '30-draft-restored-recipient-missing');
});
