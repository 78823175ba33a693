// Finding the counterpart abroad: a German-speaking officer types a profession in German,
// picks a country, opens the authority found (whose texts are in Romanian) and reads its
// contact details in German, by keyboard; strange input is answered calmly.
import AxeBuilder from '@axe-core/playwright';
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

test('forgives a typing error and explains an empty result', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  const search = page.getByRole('searchbox', { name: 'Search the directory' });
  await search.fill('Bundeszahnarztekamer');
  await expect(page.getByRole('listbox', { name: 'Search results' }).getByRole('option').first()).toContainText('Bundeszahnärztekammer');
  await search.fill('.*+?^$ 👩‍⚕️');
  await expect(page.getByTestId('search-empty')).toContainText('No authority matches');
  await expect(page.getByTestId('search-empty')).toContainText('try the name of the profession or activity in another language');
  await keepScreenshot(page, '15-search-nothing-found');
  await search.press('Escape');
  await expect(search).toHaveValue('');
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
});

test('narrows the directory with filter chips: a profession, a region, a role', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  const chips = page.getByTestId('filter-chips');
  const results = page.getByRole('listbox', { name: 'Search results' });

  // A profession, without typing any words: the authorities competent for it, in name order.
  await chips.getByRole('button', { name: 'Profession or activity' }).click();
  await page.getByRole('combobox', { name: 'Profession or activity' }).fill('dentis');
  await page.getByRole('option', { name: 'Dentist', exact: true }).click();
  await expect(chips.getByRole('button', { name: 'Profession or activity: Dentist' })).toBeVisible();
  await expect(page.getByTestId('directory-count')).toHaveText('14 authorities');

  // A country, then one of its regions (named and counted): only that region's dentists' authorities.
  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: /^Poland/ }).click();
  await chips.getByRole('button', { name: 'Region' }).click();
  const regionBox = page.getByRole('combobox', { name: 'Region' });
  await regionBox.fill('Warszawski');
  await page.getByRole('option', { name: /^Warszawski stołeczny/ }).click();
  await expect(chips.getByRole('button', { name: 'Region: Warszawski stołeczny' })).toBeVisible();
  await expect(results.getByRole('option').first()).toBeVisible();
  const shown = await results.getByRole('option').allInnerTexts();
  expect(shown.length).toBeGreaterThan(0);
  expect(shown.every((text) => text.includes('Warszawski stołeczny') && text.startsWith('PL'))).toBe(true);
  await expect(results.getByRole('option').first()).toContainText('Naczelna Rada Lekarska – Komisja Stomatologiczna');
  await keepScreenshot(page, '16-search-filter-chips');

  // Words and filters combine; a filter goes with its cross or with Backspace.
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('stomatologiczna');
  await expect(results.getByRole('option').first()).toContainText('Komisja Stomatologiczna');
  await chips.getByRole('button', { name: 'Region: Warszawski stołeczny' }).focus();
  await page.keyboard.press('Backspace');
  await expect(chips.getByRole('button', { name: /^Region: / })).toHaveCount(0);
  await chips.getByRole('button', { name: 'Profession or activity: Dentist' }).locator('.MuiChip-deleteIcon').click();
  await expect(chips.getByRole('button', { name: 'Profession or activity', exact: true })).toBeVisible();

  // A role: the coordinators of Poland.
  await page.getByRole('searchbox', { name: 'Search the directory' }).fill('');
  await chips.getByRole('button', { name: 'Role' }).click();
  await page.getByRole('menuitem', { name: 'Coordinator' }).click();
  await expect(results.getByRole('option').first()).toBeVisible();
  const coordinators = await results.getByRole('option').allInnerTexts();
  expect(coordinators.every((text) => text.startsWith('PL'))).toBe(true);
});

// Runs last: it leaves the workstation in German.
test('finds a Romanian authority from a profession typed in German, and shows its contact details in German', async ({ page }) => {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('menuitem', { name: /^Deutsch/ }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('5.737 Behörden');

  const search = page.getByRole('searchbox', { name: 'Verzeichnis durchsuchen' });
  await search.fill('Tierarzt');
  const results = page.getByRole('listbox', { name: 'Suchergebnisse' });
  await expect(results.getByRole('option').first()).toBeVisible();
  await page.getByLabel('Land').click();
  await page.getByRole('option', { name: /^Rumänien/ }).click();
  const first = results.getByRole('option').first();
  await expect(first).toContainText('Colegiul Medicilor Veterinari din România');
  await expect(first).toContainText('Tierarzt'); // why it matched, in German
  await keepScreenshot(page, '13-search-german-profession');

  // Keyboard: from the search box down into the results, Enter opens the details.
  await search.focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.getByRole('option', { selected: true })).toContainText('Colegiul Medicilor Veterinari');
  await page.keyboard.press('Enter');
  const detail = page.getByRole('region', { name: 'Angaben zur ausgewählten Behörde' });
  await expect(detail).toBeFocused();
  await expect(detail).toContainText('Kontaktdaten');
  await expect(detail).toContainText('Telefon');
  await expect(detail).toContainText('+40');
  // This workstation acts for no authority: no request can leave it, and it says why.
  await expect(detail.getByRole('button', { name: 'Ersuchen senden' })).toBeDisabled();
  await keepScreenshot(page, '14-search-authority-contact-german');
  // The filter chips speak German too: professions by their German names.
  await page.getByTestId('filter-chips').getByRole('button', { name: 'Beruf oder Tätigkeit' }).click();
  await page.getByRole('combobox', { name: 'Beruf oder Tätigkeit' }).fill('zahn');
  await expect(page.getByRole('option', { name: 'Zahnarzt' })).toBeVisible();
  await keepScreenshot(page, '17-search-filter-profession-german');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const results_ = await new AxeBuilder({ page }).analyze();
  expect(results_.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});
