// The question sets: their structure, and every set, category, question, predefined answer
// and info text present, not empty, in all 26 languages (the recipient reads them in its own).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiLanguages } from '../shared/languages';
import { answerKinds, questionTextsSchema } from '../shared/requests/question-sets';
import { optionsOf, questionSets } from '../shared/requests/question-catalogue';
import { professionCodes } from '../shared/vocabulary/professions';

const sets = questionSets();
const questions = sets.flatMap((set) => set.categories.flatMap((category) => category.questions));

describe('the question sets', () => {
  it('hold at least 60 questions, each code once, every kind of answer', () => {
    expect(questions.length).toBeGreaterThanOrEqual(60);
    expect(new Set(questions.map((question) => question.code)).size).toBe(questions.length);
    for (const kind of answerKinds) expect(questions.filter((question) => question.answer === kind).length, kind).toBeGreaterThan(0);
    expect(questions.some((question) => question.personal)).toBe(true);
  });

  it('give Professional Qualifications three sets in the six categories, for all 35 professions', () => {
    const pq = sets.filter((set) => set.area === 'PQ');
    expect(pq.map((set) => set.code).sort()).toEqual(['pq-establishment', 'pq-general', 'pq-temporary']);
    for (const set of pq) {
      expect(set.categories.map((category) => category.code)).toEqual(['profession', 'professional', 'qualification', 'experience', 'exercise', 'attachments']);
      expect(set.appliesTo === 'all' || professionCodes.every((code) => (set.appliesTo as string[]).includes(code))).toBe(true);
    }
  });

  it('give Services sets on establishment, authorisations, insurance, sanctions and quality checks', () => {
    expect(sets.filter((set) => set.area === 'SERVICES').map((set) => set.code).sort()).toEqual(['svc-authorisation', 'svc-establishment', 'svc-insurance', 'svc-quality', 'svc-sanctions']);
  });
});

describe.each(uiLanguages.map((language) => [language]))('question texts in %s', (language) => {
  const file = join(import.meta.dirname, 'questions', `${language}.json`);
  it('exist', () => expect(existsSync(file)).toBe(true));
  if (!existsSync(file)) return;
  const texts = questionTextsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));

  it('are well formed, none empty', () => expect(texts.error?.issues ?? []).toEqual([]));
  if (!texts.success) return;

  it('name every set and category', () => {
    const missing = [
      ...sets.filter((set) => !texts.data.sets[set.code]).map((set) => `set ${set.code}`),
      ...sets.flatMap((set) => set.categories).filter((category) => !texts.data.categories[category.code]).map((category) => `category ${category.code}`),
    ];
    expect(missing).toEqual([]);
  });

  it('give every question its text, info text and every predefined answer, and nothing else', () => {
    const missing = questions.flatMap((question) => {
      const entry = texts.data.questions[question.code];
      if (!entry) return [question.code];
      const options = question.answer === 'yes-no' ? [] : optionsOf(question);
      return options.filter((option) => !entry.options?.[option]).map((option) => `${question.code}: ${option}`);
    });
    expect(missing).toEqual([]);
    const known = new Set(questions.map((question) => question.code));
    expect(Object.keys(texts.data.questions).filter((code) => !known.has(code))).toEqual([]);
  });
});
