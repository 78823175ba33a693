// The steps of a request between an Austrian and a Romanian authority, as their officers
// take them in the workstation: composing in German, accepting and answering in Romanian,
// closing in German. Shared by the plain run and the run with the link cut at each step.
import { expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Tree = { [key: string]: Tree | string };
const read = (kind: string, language: string) => JSON.parse(readFileSync(join(process.cwd(), 'locales', kind, `${language}.json`), 'utf8')) as Tree;

/** An interface string of a language, by its dotted key. */
export function text(language: string, key: string, values: Record<string, string | number> = {}): string {
  const found = key.split('.').reduce<Tree | string | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), read('ui', language));
  if (typeof found !== 'string') throw new Error(`No text ${key} in ${language}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function vocabulary(language: string, kind: string, code: string): string {
  return ((read('vocabularies', language)[kind] as Tree)[code] as Tree)['label'] as string;
}

type QuestionTexts = { questions: Record<string, { text: string; options?: Record<string, string> }>; answers: Record<string, string> };
export function question(language: string, code: string): QuestionTexts['questions'][string] {
  return (read('questions', language) as unknown as QuestionTexts).questions[code]!;
}
export function yesLabel(language: string): string {
  return (read('questions', language) as unknown as QuestionTexts).answers['yes']!;
}

export const asked = ['pq-general.diploma-authentic', 'pq-general.training-level', 'pq-general.registration-date', 'pq-general.certificate-current-status'];
export const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);

/** Opens a workstation and switches its interface to a language. */
export async function openIn(page: Page, url: string, languageName: RegExp, language: string) {
  await page.goto(url);
  await expect(page.getByTestId('directory-count')).toHaveText('5,737 authorities');
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('menuitem', { name: languageName }).click();
  await page.getByRole('button', { name: text(language, 'navigation.requests') }).click();
}

/** The Austrian officer composes the request in German and sends it. */
export async function composeAndSend(page: Page, recipientName: string, screenshot: (name: string) => Promise<void>) {
  const de = (key: string, values?: Record<string, string | number>) => text('de', key, values);
  await page.getByRole('button', { name: de('requests.new') }).click();
  await page.getByLabel(de('requests.composer.area')).click();
  await page.getByRole('option', { name: vocabulary('de', 'legislativeArea', 'PQ') }).click();
  await page.getByLabel(de('requests.composer.competence')).fill(vocabulary('de', 'profession', 'doctor'));
  await page.getByRole('option', { name: vocabulary('de', 'profession', 'doctor'), exact: true }).click();
  await page.getByRole('button', { name: de('requests.composer.next') }).click();

  for (const code of asked) await page.getByLabel(question('de', code).text).check();
  await expect(page.getByText(de('requests.composer.questionsChosen_other', { count: 4 }), { exact: false })).toBeVisible();
  await page.getByRole('button', { name: de('requests.info') }).first().click();
  await expect(page.getByRole('note')).toBeVisible();
  await screenshot('a-composer-questions');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: de('requests.composer.next') }).click();

  await page.getByLabel(de('requests.concerned.name')).fill('Dr. Andrei Popescu');
  await page.getByLabel(de('requests.concerned.dateOfBirth')).fill('1980-05-03');
  await page.getByLabel(de('requests.composer.subject')).fill('Arzt: Bescheinigung über den aktuellen beruflichen Status');
  await page.getByRole('button', { name: de('requests.composer.next') }).click();

  // A file whose name says PDF but whose content is not is refused; a real one is attached.
  await page.getByTestId('composer-files').setInputFiles({ name: 'lebenslauf.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ this is a program, not a document') });
  await expect(page.getByRole('alert')).toContainText(de('requests.fileErrors.notAccepted', { name: 'lebenslauf.pdf' }));
  await page.getByTestId('composer-files').setInputFiles({ name: 'diplom.pdf', mimeType: 'application/pdf', buffer: pdf('Diplom') });
  await expect(page.getByText(/diplom\.pdf \(\d+ KB\)/)).toBeVisible();
  await screenshot('b-composer-attachments');
  await page.getByRole('button', { name: de('requests.composer.next') }).click();

  await page.getByLabel(de('directory.filter.country')).click();
  await page.getByRole('option', { name: 'Rumänien' }).click();
  await page.getByRole('combobox', { name: de('requests.composer.recipient') }).fill(recipientName);
  await page.getByRole('option', { name: new RegExp(recipientName) }).first().click();
  await page.getByRole('button', { name: de('requests.composer.next') }).click();

  await expect(page.getByTestId('review-ro')).toContainText(question('ro', asked[0]!).text);
  await expect(page.getByTestId('review-de')).toContainText(question('de', asked[0]!).text);
  await screenshot('c-composer-review-german-romanian');
  await page.getByRole('button', { name: de('requests.composer.send') }).click();
}
