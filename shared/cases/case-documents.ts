// A case (an information request) is a header written once by the requesting authority and a
// chain of events, each written once by its author and never changed. The state of the case
// is derived from the events (see case-workflow.ts), so two parties acting at the same time
// cannot overwrite each other's action.
import { z } from 'zod';
import { legislativeAreaCodes } from '../directory/legislative-areas';
import { uiLanguages } from '../languages';

const authorityId = z.string().min(1).max(64);
const timestamp = z.string().min(10).max(40);

/** Case ids start with the requesting authority, so that two authorities never pick the same id. */
export const caseIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'letters, digits and dashes');

const questionCode = z.string().min(1).max(80);
/** A calendar date, YYYY-MM-DD. */
export const calendarDateSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a date (YYYY-MM-DD)');

/** The person or provider a request is about: personal data, shown only to the parties. */
export const concernedSchema = z
  .object({
    name: z.string().trim().min(1).max(300),
    dateOfBirth: calendarDateSchema.optional(),
    nationality: z.string().max(100).optional(),
    registrationNumber: z.string().max(100).optional(),
    address: z.string().max(500).optional(),
  })
  .strict();
export type Concerned = z.infer<typeof concernedSchema>;

export const caseHeaderSchema = z.object({
  id: caseIdSchema,
  requester: authorityId,
  /** The first recipient; forwarding moves the request on (see case-workflow.ts). */
  recipient: authorityId,
  area: z.enum(legislativeAreaCodes),
  /** Short, non-personal subject (e.g. the profession concerned). */
  subject: z.string().min(1).max(300),
  createdAt: timestamp,
  /** The profession (PQ) or service activity (SERVICES) concerned, as a vocabulary code. */
  competence: z.string().max(80).optional(),
  /** The question set the questions come from, and the codes of the questions asked. */
  questionSet: z.string().max(80).optional(),
  questions: z.array(questionCode).max(200).optional(),
  concerned: concernedSchema.optional(),
  /** The answer-by date the requester asks for. */
  answerBy: calendarDateSchema.optional(),
  /** The language the requester writes free text in. */
  language: z.enum(uiLanguages).optional(),
  /** The request this one was split off from (its questions moved to another authority). */
  splitFrom: caseIdSchema.optional(),
});
export type CaseHeader = z.infer<typeof caseHeaderSchema>;

export const caseEventTypes = [
  'sent',
  'accepted',
  'forwarded',
  'split',
  'info-requested',
  'info-provided',
  'answered',
  'closed',
  'withdrawn',
  'disputed',
  'resolved',
  'allocated',
  'linked',
] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

/** One answer: text (free text, a date, a number), or the codes of predefined answers. */
export const answerValueSchema = z.union([z.string().max(20_000), z.array(z.string().min(1).max(80)).min(1).max(20)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** Attachments accepted: PDF and images, recognised by their content. */
export const attachmentTypes = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const maximumAttachmentBytes = 10 * 1024 * 1024;

export const attachedFileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(255),
    type: z.enum(attachmentTypes),
    size: z.number().int().min(1).max(maximumAttachmentBytes),
    question: questionCode.optional(),
  })
  .strict();
export type AttachedFile = z.infer<typeof attachedFileSchema>;

export const caseEventSchema = z.object({
  /** `<case id>~<number>`: one event per position in the chain. */
  id: z.string().min(3).max(120),
  caseId: caseIdSchema,
  /** Its position in the case's chain of events, from 0 (sent). */
  number: z.number().int().min(0).max(10_000),
  type: z.enum(caseEventTypes),
  /** The authority that wrote it. */
  author: authorityId,
  at: timestamp,
  /** Answer-by date agreed or proposed (accepted). */
  answerBy: z.string().max(40).optional(),
  /** A message from the author (free text, in `language`). */
  note: z.string().max(20_000).optional(),
  /** The language the author wrote free text in. */
  language: z.enum(uiLanguages).optional(),
  /** Answers by question code (answered). */
  answers: z.record(questionCode, answerValueSchema).optional(),
  /** The authority the request goes to (forwarded, split) or the coordinator (disputed). */
  to: authorityId.optional(),
  /** The questions moved to another authority (split). */
  questions: z.array(questionCode).max(200).optional(),
  /** The request created by a split, or the request linked (linked). */
  otherCase: caseIdSchema.optional(),
  /** The officer a request is allocated to (allocated). */
  handler: z.string().max(200).optional(),
  /** Files attached to the event (kept as its attachments, under `id`), and the question each answers. */
  files: z.array(attachedFileSchema).max(20).optional(),
});
export type CaseEvent = z.infer<typeof caseEventSchema>;

export function caseEventId(caseId: string, number: number): string {
  return `${caseId}~${number}`;
}

/** What the exchange relay tells an author whose event it did not deliver. */
export const refusalSchema = z.object({
  /** The refused event's id. */
  id: z.string().min(3).max(120),
  caseId: caseIdSchema,
  code: z.string().max(64),
  detail: z.string().max(1_000),
  at: timestamp,
});
export type Refusal = z.infer<typeof refusalSchema>;

/** Kinds of documents in an authority's central database, told apart by id prefix. */
export const caseDocumentPrefix = 'case:';
export const caseEventDocumentPrefix = 'event:';
export const refusalDocumentPrefix = 'refusal:';

/** The central database of one authority: its cases, their events, the relay's refusals. */
export function authorityDatabaseName(authorityId: string): string {
  return `authority-${authorityId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}
