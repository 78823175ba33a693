// A request with its answers as a PDF, in a language the officer chooses: the questions,
// predefined answers and labels in that language; free text as its author wrote it, marked
// with its language; the person concerned marked as personal data; the timeline of events.
// The font (DejaVu Sans) covers the Latin, Greek and Cyrillic scripts of all 26 languages.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { CallOutput } from '../../../shared/api/workstation-api';
import type { AnswerValue } from '../../../shared/cases/case-documents';
import { icuLocale, type UiLanguage } from '../../../shared/languages';
import { questionOf } from '../../../shared/requests/question-catalogue';
import type { QuestionTexts } from '../../../shared/requests/question-sets';

const here = typeof __filename === 'string' ? __filename : fileURLToPath(import.meta.url);
const localesFolder = join(dirname(here), '..', '..', '..', 'locales');
const fontFile = () => createRequire(here).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const boldFontFile = () => createRequire(here).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Strings = Record<string, unknown>;
const cache = new Map<string, unknown>();
function readJson<T>(path: string): T {
  if (!cache.has(path)) cache.set(path, JSON.parse(readFileSync(path, 'utf8')));
  return cache.get(path) as T;
}

export function questionTexts(language: UiLanguage): QuestionTexts {
  try {
    return readJson<QuestionTexts>(join(localesFolder, 'questions', `${language}.json`));
  } catch {
    return readJson<QuestionTexts>(join(localesFolder, 'questions', 'en.json'));
  }
}

function interfaceStrings(language: UiLanguage): (key: string, values?: Record<string, string>) => string {
  const read = (lang: string) => readJson<Strings>(join(localesFolder, 'ui', `${lang}.json`));
  const lookup = (tree: Strings, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Strings | undefined)?.[part], tree);
  return (key, values = {}) => {
    const text = lookup(read(language), key) ?? lookup(read('en'), key) ?? key;
    return String(text).replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  };
}

type Request = NonNullable<CallOutput<'cases.get'>>;

class Writer {
  page: PDFPage;
  y: number;
  constructor(
    private readonly document: PDFDocument,
    private readonly font: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.page = document.addPage([595, 842]);
    this.y = 800;
  }

  private lines(text: string, size: number, width: number, font: PDFFont): string[] {
    const result: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/)) {
        const candidate = line ? `${line} ${word}` : word;
        if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
        else {
          result.push(line);
          line = word;
        }
      }
      result.push(line);
    }
    return result;
  }

  text(text: string, options: { size?: number; bold?: boolean; indent?: number; color?: [number, number, number]; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.bold : this.font;
    const indent = options.indent ?? 0;
    for (const line of this.lines(text, size, 515 - indent, font)) {
      if (this.y < 50) {
        this.page = this.document.addPage([595, 842]);
        this.y = 800;
      }
      this.page.drawText(line, { x: 40 + indent, y: this.y, size, font, color: rgb(...(options.color ?? [0.1, 0.1, 0.1])) });
      this.y -= size * 1.35;
    }
    this.y -= options.gap ?? 2;
  }

  rule() {
    this.page.drawLine({ start: { x: 40, y: this.y + 4 }, end: { x: 555, y: this.y + 4 }, thickness: 0.5, color: rgb(0.7, 0.7, 0.7) });
    this.y -= 8;
  }
}

export async function requestPdf(request: Request, language: UiLanguage, now = new Date()): Promise<Uint8Array> {
  const t = interfaceStrings(language);
  const texts = questionTexts(language);
  const date = (iso: string) => new Intl.DateTimeFormat(icuLocale(language), { dateStyle: 'medium', ...(iso.length > 10 ? { timeStyle: 'short' } : {}) }).format(new Date(iso));
  const nameOf = (id: string) => `${request.authorities[id]?.name ?? id} (${request.authorities[id]?.country ?? id.slice(0, 2)})`;
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const font = await document.embedFont(readFileSync(fontFile()), { subset: true });
  const bold = await document.embedFont(readFileSync(boldFontFile()), { subset: true });
  document.setTitle(`${t('requests.pdf.title')}: ${request.header.subject}`);
  document.setLanguage(icuLocale(language));
  const out = new Writer(document, font, bold);
  const { header } = request;

  out.text(t('requests.pdf.title'), { size: 16, bold: true });
  out.text(header.subject, { size: 13, bold: true, gap: 6 });
  out.text(`${t('requests.field.id')}: ${header.id}`);
  out.text(`${t('requests.field.state')}: ${t(`requests.state.${request.state}`)}`);
  out.text(`${t('requests.field.requester')}: ${nameOf(header.requester)}`);
  out.text(`${t('requests.field.recipient')}: ${nameOf(request.recipient)}`);
  out.text(`${t('requests.field.sent')}: ${date(header.createdAt)}`);
  if (request.answerBy) out.text(`${t('requests.field.answerBy')}: ${date(request.answerBy)}`);
  out.rule();

  if (header.concerned) {
    out.text(`${t('requests.composer.concerned')} (${t('requests.personalData')})`, { bold: true, size: 11 });
    const { name, dateOfBirth, nationality, registrationNumber, address } = header.concerned;
    out.text(`${t('requests.concerned.name')}: ${name}`, { indent: 10 });
    if (dateOfBirth) out.text(`${t('requests.concerned.dateOfBirth')}: ${date(dateOfBirth)}`, { indent: 10 });
    if (nationality) out.text(`${t('requests.concerned.nationality')}: ${nationality}`, { indent: 10 });
    if (registrationNumber) out.text(`${t('requests.concerned.registrationNumber')}: ${registrationNumber}`, { indent: 10 });
    if (address) out.text(`${t('requests.concerned.address')}: ${address}`, { indent: 10 });
    out.rule();
  }

  const answers: Record<string, { value: AnswerValue; language?: string }> = {};
  for (const event of request.events) for (const [code, value] of Object.entries(event.answers ?? {})) answers[code] = { value, language: event.language };
  const asked = header.questions ?? [];
  if (asked.length > 0) {
    out.text(t('requests.questions'), { bold: true, size: 11 });
    for (const [index, code] of asked.entries()) {
      const question = questionOf(code);
      const text = texts.questions[code];
      out.text(`${index + 1}. ${text?.text ?? code}`, { bold: true, indent: 10 });
      const answer = answers[code];
      const attached = request.events.flatMap((event) => (event.files ?? []).filter((file) => file.question === code));
      for (const file of attached) out.text(`${t('requests.files')}: ${file.name}`, { indent: 24 });
      if (!answer && attached.length > 0) {
        out.text('', { gap: 2 });
        continue;
      }
      if (!answer) {
        out.text(request.questions.includes(code) ? t('requests.notAnswered') : t('requests.movedElsewhere'), { indent: 24, color: [0.4, 0.4, 0.4], gap: 4 });
        continue;
      }
      if (Array.isArray(answer.value)) {
        const labels = answer.value.map((option) => (question?.answer === 'yes-no' ? texts.answers[option as 'yes'] : text?.options?.[option]) ?? option);
        out.text(labels.join('; '), { indent: 24, gap: 4 });
      } else if (question?.answer === 'date') out.text(date(answer.value), { indent: 24, gap: 4 });
      else {
        const marked = answer.language && answer.language !== language ? ` [${t('requests.originalLanguage', { language: answer.language.toUpperCase() })}]` : '';
        out.text(`${answer.value}${marked}`, { indent: 24, gap: 4 });
      }
    }
    out.rule();
  }

  const files = request.events.flatMap((event) => event.files ?? []);
  if (files.length > 0) {
    out.text(t('requests.files'), { bold: true, size: 11 });
    for (const file of files) out.text(`${file.name} (${Math.ceil(file.size / 1024)} KB)`, { indent: 10 });
    out.rule();
  }

  out.text(t('requests.timeline'), { bold: true, size: 11 });
  for (const event of request.events) {
    out.text(`${date(event.at)}: ${t(`requests.event.${event.type}`)}, ${nameOf(event.author)}`, { indent: 10 });
    if (event.note) out.text(`${event.note}${event.language && event.language !== language ? ` [${t('requests.originalLanguage', { language: event.language.toUpperCase() })}]` : ''}`, { indent: 24, color: [0.3, 0.3, 0.3] });
  }
  out.rule();
  out.text(t('requests.pdf.printed', { date: date(now.toISOString()) }), { size: 8, color: [0.4, 0.4, 0.4] });
  return document.save();
}
