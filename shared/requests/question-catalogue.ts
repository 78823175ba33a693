// The question sets as the product ships them (question-sets.json beside this file, checked against
// its schema when first read), and the rule for what a well-formed answer to each kind of
// question is: used by the composer, the answer form, the core and the relay alike.
import setsFile from './question-sets.json';
import type { AnswerValue } from '../cases/case-documents';
import type { LegislativeArea } from '../directory/legislative-areas';
import { questionSetsFileSchema, yesNoOptions, type Question, type QuestionSet } from './question-sets';

let catalogue: { sets: QuestionSet[]; questions: Map<string, Question & { set: string; category: string }> } | undefined;

function load() {
  if (catalogue) return catalogue;
  const { sets } = questionSetsFileSchema.parse(setsFile);
  const questions = new Map<string, Question & { set: string; category: string }>();
  for (const set of sets) {
    for (const category of set.categories) {
      for (const question of category.questions) {
        if (questions.has(question.code)) throw new Error(`Question ${question.code} appears twice in the question sets.`);
        questions.set(question.code, { ...question, set: set.code, category: category.code });
      }
    }
  }
  catalogue = { sets, questions };
  return catalogue;
}

export function questionSets(): QuestionSet[] {
  return load().sets;
}

/** The sets that serve a legislative area (and a profession or service activity, if given). */
export function questionSetsFor(area: LegislativeArea, competence?: string): QuestionSet[] {
  const code = competence?.replace(/^(profession|serviceActivity):/, '');
  return load().sets.filter((set) => set.area === area && (set.appliesTo === 'all' || !code || set.appliesTo.includes(code)));
}

export function questionOf(code: string): (Question & { set: string; category: string }) | undefined {
  return load().questions.get(code);
}

/** The predefined answers of a question: yes/no/not known, or its own options. */
export function optionsOf(question: Question): readonly string[] {
  return question.answer === 'yes-no' ? yesNoOptions : (question.options ?? []);
}

export const maximumFreeTextLength = 20_000;

/** Why `value` is not a well-formed answer to `question`; undefined when it is. */
export function answerProblem(question: Question, value: AnswerValue): string | undefined {
  const options = optionsOf(question);
  switch (question.answer) {
    case 'yes-no':
    case 'one-option':
      if (!Array.isArray(value) || value.length !== 1 || !options.includes(value[0]!)) return 'Choose one of the predefined answers.';
      return undefined;
    case 'several-options':
      if (!Array.isArray(value) || value.some((option) => !options.includes(option))) return 'Choose among the predefined answers.';
      if (new Set(value).size !== value.length) return 'Each predefined answer is chosen once.';
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'Enter a date.';
      return undefined;
    case 'number':
      if (typeof value !== 'string' || !/^-?\d+(?:[.,]\d+)?$/.test(value.trim())) return 'Enter a number.';
      return undefined;
    case 'free-text':
    case 'attachment':
      if (typeof value !== 'string' || !value.trim()) return 'Enter an answer.';
      if (value.length > maximumFreeTextLength) return `An answer holds at most ${maximumFreeTextLength.toLocaleString('en')} characters.`;
      return undefined;
  }
}
