// The directory of registers, on the workstation of an Austrian coordinator: a register is
// found by its nature named in another language, its details say how to consult it, and the
// coordinator adds a register of Austria (a malformed web address is caught first), which
// is then found like any other; in German, the natures and texts are German.
import { expect, test } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  // AT-000001 coordinates for Austria in the generated directory.
  environment = await startWorkstationEnvironment(5_737, { IMI_DESK_AUTHORITY: 'AT-000001' });
});
test.afterAll(async () => {
  await environment?.close();
});

test('finds a register by its nature in another language, and a coordinator adds one', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  await page.getByRole('button', { name: 'Registers', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Directory of registers' })).toBeVisible();
  await expect(page.getByTestId('registers-count')).toHaveText('427 registers');

  // "Insolvenzregister" (German) finds the insolvency registers of every country.
  const search = page.getByRole('searchbox', { name: 'Search the registers' });
  await search.fill('Insolvenzregister');
  const results = page.getByRole('listbox', { name: 'Registers found' });
  await expect(results.getByRole('option').first()).toContainText('Insolvency register');
  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: /^Romania/ }).click();
  await expect(results.getByRole('option')).toHaveCount(1);
  await results.getByRole('option').first().click();
  const detail = page.getByTestId('register-detail');
  await expect(detail).toContainText('Insolvency, bankruptcy and restructuring proceedings');
  await expect(detail).toContainText('Public: free online search.');
  await expect(detail.getByRole('link').first()).toHaveAttribute('href', /^https:\/\/register\./);
  await keepScreenshot(page, '18-registers-found-by-nature');

  // The coordinator adds a register of Austria.
  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: 'All countries' }).click();
  await page.getByRole('button', { name: 'Add a register' }).click();
  const editor = page.getByRole('dialog', { name: 'Add a register' });
  await editor.getByLabel('Name of the register').fill('Zentrales Verzeichnis der Bergführer');
  await editor.getByLabel('Nature of the register').click();
  await page.getByRole('option', { name: 'Register of a professional body' }).click();
  await editor.getByLabel('What it holds').fill('State-certified mountain and ski guides entitled to practise.');
  await editor.getByLabel('Web address').fill('http://bergfuehrer.example.at');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toContainText('Please correct the fields marked in red.');
  await expect(editor).toContainText('Enter a web address beginning with https://');
  await keepScreenshot(page, '19-register-editor-checks');
  await editor.getByLabel('Web address').fill('https://bergfuehrer.example.at/verzeichnis');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByText('Saved. The other workstations receive it at their next sync.')).toBeVisible();

  await search.fill('Bergführer');
  await expect(results.getByRole('option').first()).toContainText('Zentrales Verzeichnis der Bergführer');
  await results.getByRole('option').first().click();
  await expect(detail).toContainText('State-certified mountain and ski guides');
  await expect(detail.getByRole('button', { name: 'Edit this register' })).toBeVisible();

  // In German: the nature and the interface in German, the English-only text marked as such.
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('menuitem', { name: /^Deutsch/ }).click();
  await expect(detail).toContainText('Register einer Berufskammer');
  await expect(detail).toContainText('nicht übersetzt');
  await keepScreenshot(page, '20-register-detail-german');
});

test('starts a request from an authority’s page, addressed to it, and none to its own authority', async ({ page }) => {
  await page.goto(environment.url);
  await page.getByRole('button', { name: /Deutsch|English/ }).click();
  await page.getByRole('menuitem', { name: /^English/ }).click();
  const search = page.getByRole('searchbox', { name: 'Search the directory' });
  await search.fill('Colegiul Medicilor Veterinari');
  const results = page.getByRole('listbox', { name: 'Search results' });
  // Clicked once the results answer these words (not the results of the words before).
  await expect(results.getByRole('option').first()).toContainText('Colegiul Medicilor Veterinari din România');
  await results.getByRole('option').first().click();
  const detail = page.getByTestId('authority-detail');
  await detail.getByRole('button', { name: 'Send a request' }).click();
  // The composer opens on a draft addressed to that authority.
  const composer = page.getByTestId('request-composer');
  await expect(composer).toContainText('Request being composed');
  await page.getByRole('tab', { name: /Recipient and date/ }).click();
  await expect(page.getByRole('combobox', { name: 'Requested authority' })).toHaveValue(/Colegiul Medicilor Veterinari din România/);
  await keepScreenshot(page, '21-request-started-from-directory');
  await page.getByRole('button', { name: 'Back to the list' }).click();
  await page.getByRole('button', { name: 'Drafts', exact: true }).click();
  await expect(page.getByRole('list', { name: 'Drafts' }).getByRole('button')).toHaveCount(1);
  await page.getByRole('button', { name: 'Directory' }).click();
  // Its own authority: no request to itself.
  await search.fill('Zentralstelle für ausländisches Bildungswesen');
  await expect(results.getByRole('option').first()).toContainText('Zentralstelle für ausländisches Bildungswesen');
  await results.getByRole('option').first().click();
  await expect(detail).toContainText('Zentralstelle für ausländisches Bildungswesen');
  await expect(detail.getByRole('button', { name: 'Send a request' })).toBeDisabled();
  await expect(detail).toContainText('This is your own authority.');
});
