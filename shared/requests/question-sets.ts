// Pre-translated question sets. The structure (codes, kinds of answer, predefined answers,
// which answers hold personal data) is data in question-sets.json beside this file; the texts of
// every set, category, question, predefined answer and info text are in
// locales/questions/<language>.json, so that each side reads a request in its own language.
import { z } from 'zod';
import { legislativeAreaCodes } from '../directory/legislative-areas';

export const answerKinds = ['yes-no', 'one-option', 'several-options', 'date', 'number', 'free-text', 'attachment'] as const;
export type AnswerKind = (typeof answerKinds)[number];

/** Predefined answers of every yes/no question, translated once in `answers`. */
export const yesNoOptions = ['yes', 'no', 'unknown'] as const;

const code = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'lower-case letters, digits, dots and dashes');

export const questionSchema = z
  .object({
    code,
    answer: z.enum(answerKinds),
    /** The predefined answers (codes) of a one- or several-options question. */
    options: z.array(code).min(2).max(20).optional(),
    /** The answer holds personal data (marked in the interface; protected and retained as such). */
    personal: z.boolean(),
  })
  .strict()
  .refine((question) => (question.answer === 'one-option' || question.answer === 'several-options') === (question.options !== undefined), {
    message: 'options are given exactly for one-option and several-options questions',
  });
export type Question = z.infer<typeof questionSchema>;

export const questionCategorySchema = z.object({ code, questions: z.array(questionSchema).min(1) }).strict();

export const questionSetSchema = z
  .object({
    code,
    area: z.enum(legislativeAreaCodes),
    /** Professions (PQ) or service activities (SERVICES) it serves: a list of codes, or every one. */
    appliesTo: z.union([z.literal('all'), z.array(z.string()).min(1)]),
    categories: z.array(questionCategorySchema).min(1),
  })
  .strict();
export type QuestionSet = z.infer<typeof questionSetSchema>;

export const questionSetsFileSchema = z.object({ sets: z.array(questionSetSchema).min(1) }).strict();

const text = z.string().trim().min(1);
/** The texts of one language. */
export const questionTextsSchema = z
  .object({
    sets: z.record(z.string(), z.object({ name: text, description: text }).strict()),
    categories: z.record(z.string(), text),
    /** Labels of the yes/no answers. */
    answers: z.object({ yes: text, no: text, unknown: text }).strict(),
    questions: z.record(z.string(), z.object({ text, info: text, options: z.record(z.string(), text).optional() }).strict()),
  })
  .strict();
export type QuestionTexts = z.infer<typeof questionTextsSchema>;
