// The first slice end to end: the directory flows from a real central server into the
// replica and onto the screen, in the browser, in three languages, by mouse and keyboard.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startWorkstationEnvironment, type WorkstationEnvironment } from '../support/workstation-environment';

let environment: WorkstationEnvironment;

test.beforeAll(async () => {
  environment = await startWorkstationEnvironment();
});
test.afterAll(async () => {
  await environment?.close();
});

async function openWorkstation(page: Page) {
  await page.goto(environment.url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
}

async function chooseLanguage(page: Page, current: RegExp, target: string) {
  await page.getByRole('button', { name: current }).click();
  await page.getByRole('menuitem', { name: new RegExp(`^${target}`) }).click();
}

async function expectNoSeriousAccessibilityViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(serious.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('shows the 5,737 authorities of the directory and filters them by country', async ({ page }) => {
  await openWorkstation(page);
  await expect(page.getByTestId('sync-status')).toHaveAttribute('data-connection', 'online');
  await expect(page.getByRole('option').first()).toContainText(/\w/);
  await keepScreenshot(page, '01-directory');

  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: /^Austria \(56\)$/ }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('56 authorities');
  await expect(page.getByRole('listbox', { name: 'Authorities' }).getByRole('option').first()).toContainText('AT');

  await page.getByRole('button', { name: 'Services' }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('52 authorities'); // 46 services only + 6 both
  await page.getByRole('button', { name: 'All areas' }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('56 authorities');
});

test('opens an authority with its contact details, by keyboard', async ({ page }) => {
  await openWorkstation(page);
  await page.getByLabel('Country').click();
  await page.getByRole('option', { name: /^Romania/ }).click();
  await expect(page.getByTestId('directory-count')).toHaveText('43 authorities');
  const list = page.getByRole('listbox', { name: 'Authorities' });
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(list.getByRole('option', { selected: true })).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('Enter');
  const detail = page.getByTestId('authority-detail');
  await expect(detail).toContainText('Contact details');
  await expect(detail).toContainText('+40');
  await expect(detail).toContainText('Official name, in Romanian');
  await expect(page.getByRole('region', { name: 'Details of the selected authority' })).toBeFocused();
  await keepScreenshot(page, '02-authority-detail');
  await expectNoSeriousAccessibilityViolations(page);
});

test('switches the interface language at once, and remembers it', async ({ page }) => {
  await openWorkstation(page);
  await chooseLanguage(page, /English/, 'Deutsch');
  await expect(page.getByRole('navigation').getByText('Verzeichnis')).toBeVisible();
  await expect(page.getByTestId('directory-count')).toHaveText('5.737 Behörden');
  await page.getByLabel('Land').click();
  await page.getByRole('option', { name: /^Österreich/ }).click();
  await page.getByRole('listbox').getByRole('option').first().click();
  await expect(page.getByTestId('authority-detail')).toContainText('Kontaktdaten');
  await keepScreenshot(page, '03-directory-german');

  await chooseLanguage(page, /Deutsch/, 'Français');
  await expect(page.getByRole('navigation').getByText('Répertoire')).toBeVisible();
  await expect(page.getByTestId('authority-detail')).toContainText('Coordonnées');
  await keepScreenshot(page, '04-directory-french');

  await page.reload();
  await expect(page.getByRole('navigation').getByText('Répertoire')).toBeVisible();
  await chooseLanguage(page, /Français/, 'English');
  await expect(page.getByRole('navigation').getByText('Directory')).toBeVisible();
});

test('lists the 26 languages, and every section says what it offers', async ({ page }) => {
  await openWorkstation(page);
  await page.getByRole('button', { name: /English/ }).click();
  await expect(page.getByRole('menuitem')).toHaveCount(26);
  await keepScreenshot(page, '05-language-menu');
  await page.keyboard.press('Escape');

  for (const [section, text] of [
    ['Requests', 'does not act for an authority'],
    ['Alerts', 'serious damage to health'],
    ['Monitoring', 'more than 30 days'],
    ['Help', 'Keyboard'],
    ['Settings', 'Connected to the central server'],
  ] as const) {
    await page.getByRole('navigation').getByText(section, { exact: true }).click();
    await expect(page.getByRole('main')).toContainText(text);
    await keepScreenshot(page, `06-section-${section.toLowerCase()}`);
    await expectNoSeriousAccessibilityViolations(page);
  }
});

test('names countries and writes dates in Icelandic, Irish and Maltese too', async ({ page }) => {
  await openWorkstation(page);
  await chooseLanguage(page, /English/, 'Íslenska');
  await expect(page.getByTestId('directory-count')).toHaveText(/^5\.737 /);
  await page.getByRole('combobox', { name: 'Land' }).click();
  await page.getByRole('option', { name: /^Austurríki/ }).click();
  await page.getByRole('listbox').getByRole('option').first().click();
  const detail = page.getByTestId('authority-detail');
  await expect(detail).toContainText('Austurríki');
  await expect(detail).toContainText(/\d{1,2}\. (janúar|febrúar|mars|apríl|maí|júní|júlí|ágúst|september|október|nóvember|desember) 2010/);
  await keepScreenshot(page, '11-directory-icelandic');

  await chooseLanguage(page, /Íslenska/, 'Gaeilge');
  await expect(detail).toContainText('an Ostair');
  await chooseLanguage(page, /Gaeilge/, 'Malti');
  await expect(detail).toContainText('l-Awstrija');
  await chooseLanguage(page, /Malti/, 'English');
});
