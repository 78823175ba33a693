// The heart of the product, end to end in Chromium on the training data: an officer of an
// Austrian authority composes a request about a doctor in German and sends it to a Romanian
// authority; there, the questions appear in Romanian, the request is accepted and answered
// with predefined answers and a file; back in Austria the answers appear in German, the
// request is closed, and the timeline shows every step with its date. The Austrian officer
// works in the training workspace (its embedded central server and exchange relay); the
// Romanian workstation, a process of its own, is connected to that training central server.
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot } from '../support/screenshots';
import { startTrainingExchange, type ExchangeEnvironment } from '../support/exchange-environment';
import { asked, composeAndSend, openIn, pdf, question, text, yesLabel } from '../support/request-steps';

const austrian = 'AT-000001';
const romanian = 'RO-000011'; // Colegiul Medicilor Centru, Brașov: registers doctors
let environment: Pick<ExchangeEnvironment, 'urls' | 'close'>;

test.beforeAll(async () => {
  environment = await startTrainingExchange(austrian, romanian);
});
test.afterAll(async () => {
  await environment?.close();
});

const ro = (key: string, values?: Record<string, string | number>) => text('ro', key, values);
const de = (key: string, values?: Record<string, string | number>) => text('de', key, values);

async function openFirstRequest(page: Page, box: string) {
  await page.getByRole('button', { name: box, exact: true }).click();
  const list = page.getByRole('listbox', { name: text(box === ro('requests.boxes.incoming') ? 'ro' : 'de', 'requests.listLabel') });
  await expect(list.getByRole('option')).toHaveCount(1, { timeout: 60_000 });
  await list.getByRole('option').first().click();
  return page.getByTestId('request-page');
}

test('a request about a doctor from Austria to Romania, composed, accepted, answered and closed, each side in its language', async ({ browser }) => {
  test.setTimeout(360_000);
  const at = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  const rom = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
  await openIn(at, environment.urls[austrian]!, /^Deutsch/, 'de');
  await openIn(rom, environment.urls[romanian]!, /^Română/, 'ro');

  await composeAndSend(at, 'Colegiul Medicilor Centru', (name) => keepScreenshot(at, `22${name}`));
  await expect(at.getByText(de('requests.composer.sent', { name: 'Colegiul Medicilor Centru' }))).toBeVisible();
  await at.getByRole('button', { name: de('requests.back') }).click();

  // In Romania: the request arrives, its questions in Romanian.
  let page = await openFirstRequest(rom, ro('requests.boxes.incoming'));
  for (const code of asked) await expect(page).toContainText(question('ro', code).text);
  await expect(page).toContainText('Dr. Andrei Popescu');
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.sent'));
  await keepScreenshot(rom, '23-request-arrives-in-romanian');

  // Allocated to a colleague, who accepts it.
  await page.getByRole('button', { name: ro('requests.action.allocated') }).click();
  const allocate = rom.getByRole('dialog', { name: ro('requests.action.allocated') });
  await allocate.getByLabel(ro('requests.dialog.handler')).fill('Ioana Pop');
  await allocate.getByRole('button', { name: ro('requests.action.allocated') }).click();
  await expect(rom.getByRole('listbox', { name: ro('requests.listLabel') }).getByRole('option').first()).toContainText('Ioana Pop');

  await page.getByRole('button', { name: ro('requests.action.accepted') }).click();
  const accept = rom.getByRole('dialog', { name: ro('requests.action.accepted') });
  await accept.getByRole('button', { name: ro('requests.action.accepted') }).click();
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.accepted'));

  await page.getByRole('button', { name: ro('requests.action.answered') }).click();
  const answer = rom.getByRole('dialog', { name: ro('requests.answer.title') });
  await answer.getByRole('group', { name: new RegExp(escape(question('ro', asked[0]!).text)) }).getByLabel(yesLabel('ro'), { exact: true }).check();
  await answer.getByRole('group', { name: new RegExp(escape(question('ro', asked[1]!).text)) }).getByLabel(question('ro', asked[1]!).options!['diploma-university']!).check();
  await answer.getByRole('group', { name: new RegExp(escape(question('ro', asked[2]!).text)) }).getByLabel(ro('requests.answer.date')).fill('2006-09-01');
  await answer.getByRole('group', { name: new RegExp(escape(question('ro', asked[3]!).text)) }).locator('input[type=file]').setInputFiles({ name: 'certificat.pdf', mimeType: 'application/pdf', buffer: pdf('Certificat') });
  await expect(answer).toContainText(/certificat\.pdf \(\d+ KB\)/);
  await keepScreenshot(rom, '24-answer-in-romanian');
  await answer.getByRole('button', { name: ro('requests.answer.send') }).click();
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.answered'));

  // Back in Austria: the answers in German; the request is closed.
  page = await openFirstRequest(at, de('requests.boxes.outgoing'));
  await expect(page.getByTestId('request-state')).toHaveText(de('requests.state.answered'), { timeout: 60_000 });
  const answers = page.getByTestId('question-answers');
  await expect(answers).toContainText(question('de', asked[0]!).text);
  await expect(answers).toContainText(yesLabel('de'));
  await expect(answers).toContainText(question('de', asked[1]!).options!['diploma-university']!);
  await expect(answers).toContainText('certificat.pdf');
  await keepScreenshot(at, '25-answers-in-german');
  await page.getByRole('button', { name: de('requests.action.closed') }).click();
  const close = at.getByRole('dialog', { name: de('requests.action.closed') });
  await close.getByRole('button', { name: de('requests.action.closed') }).click();
  await expect(page.getByTestId('request-state')).toHaveText(de('requests.state.closed'));

  // The timeline shows every step, with its date, on both sides.
  const steps = ['sent', 'allocated', 'accepted', 'answered', 'closed'];
  const timeline = page.getByTestId('request-timeline');
  await expect(timeline.getByRole('listitem')).toHaveCount(5);
  for (const [index, step] of steps.entries()) await expect(timeline.getByRole('listitem').nth(index)).toContainText(new RegExp(`${escape(de(`requests.event.${step}`))} · \\d{2}\\.\\d{2}\\.\\d{4}`));
  await timeline.scrollIntoViewIfNeeded();
  await keepScreenshot(at, '26-closed-with-timeline-german');
  await rom.reload();
  await rom.getByRole('button', { name: ro('navigation.requests') }).click();
  page = await openFirstRequest(rom, ro('requests.boxes.incoming'));
  await expect(page.getByTestId('request-state')).toHaveText(ro('requests.state.closed'), { timeout: 60_000 });
  await expect(page.getByTestId('request-timeline').getByRole('listitem')).toHaveCount(5);

  // A saved view: closed requests, kept under a name and chosen again after clearing the filters.
  await at.getByLabel(de('requests.filter.state')).click();
  await at.getByRole('option', { name: de('requests.state.closed') }).click();
  await at.keyboard.press('Escape');
  await expect(at.getByTestId('requests-count')).toHaveText(de('requests.count_one', { count: 1 }));
  await at.getByRole('button', { name: de('requests.views.label') }).click();
  await at.getByRole('menuitem', { name: de('requests.views.save') }).click();
  await at.getByRole('dialog').getByLabel(de('requests.views.name')).fill('Abgeschlossene Ersuchen');
  await at.getByRole('dialog').getByRole('button', { name: de('requests.action.confirm') }).click();
  await at.getByRole('button', { name: de('requests.filter.clear') }).click();
  await at.getByRole('button', { name: de('requests.views.label') }).click();
  await expect(at.getByRole('menuitem', { name: /Abgeschlossene Ersuchen/ })).toBeVisible();
  await keepScreenshot(at, '27-saved-views-german');
  await at.getByRole('menuitem', { name: /Abgeschlossene Ersuchen/ }).click();
  await expect(at.getByLabel(de('requests.filter.state'))).toContainText(de('requests.state.closed'));
});

function escape(value: string) {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
