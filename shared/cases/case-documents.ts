// A case (an information request) is a header written once by the requesting authority and a
// chain of events, each written once by its author and never changed. The state of the case
// is derived from the events (see case-workflow.ts), so two parties acting at the same time
// cannot overwrite each other's action.
import { z } from 'zod';
import { legislativeAreaCodes } from '../directory/legislative-areas';

const authorityId = z.string().min(1).max(64);
const timestamp = z.string().min(10).max(40);

/** Case ids start with the requesting authority, so that two authorities never pick the same id. */
export const caseIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,100}$/, 'letters, digits and dashes');

export const caseHeaderSchema = z.object({
  id: caseIdSchema,
  requester: authorityId,
  recipient: authorityId,
  area: z.enum(legislativeAreaCodes),
  /** Short, non-personal subject (e.g. the profession concerned). */
  subject: z.string().min(1).max(300),
  createdAt: timestamp,
});
export type CaseHeader = z.infer<typeof caseHeaderSchema>;

export const caseEventTypes = ['sent', 'accepted', 'answered', 'closed'] as const;
export type CaseEventType = (typeof caseEventTypes)[number];

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
  /** Answer-by date (accepted) or a note from the author. */
  answerBy: z.string().max(40).optional(),
  note: z.string().max(10_000).optional(),
  /** Answers by question code (answered). */
  answers: z.record(z.string().max(64), z.string().max(10_000)).optional(),
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
