// The one contract between the renderer and its host. Every call and event stream the
// renderer may use is listed here with zod schemas for its input and output; the host
// validates inputs where they enter the core, and the carrier moves any of them.
import { z } from 'zod';
import { countryCodes } from '../countries';
import { uiLanguages } from '../languages';
import { authoritySchema, authoritySummarySchema } from '../directory/authority';
import { registerEntrySchema, registerSchema, registerSummarySchema } from '../directory/register';
import { legislativeAreaCodes } from '../directory/legislative-areas';
import { syncStatusSchema } from '../sync/sync-status';
import { answerValueSchema, attachedFileSchema, calendarDateSchema, caseEventSchema, caseEventTypes, caseHeaderSchema, caseIdSchema, concernedSchema, refusalSchema } from '../cases/case-documents';
import { caseRoles, caseStates } from '../cases/case-workflow';

const noInput = z.object({}).strict();

export const directoryFilterSchema = z
  .object({
    country: z.enum(countryCodes).optional(),
    area: z.enum(legislativeAreaCodes).optional(),
  })
  .strict();
export type DirectoryFilter = z.infer<typeof directoryFilterSchema>;

/** A named filter of the request lists, kept with the user's settings. */
export const savedViewSchema = z
  .object({
    name: z.string().trim().min(1).max(80),
    box: z.enum(['incoming', 'outgoing']),
    states: z.array(z.enum(caseStates)).max(caseStates.length).optional(),
    overdue: z.boolean().optional(),
    words: z.string().max(200).optional(),
  })
  .strict();
export type SavedView = z.infer<typeof savedViewSchema>;

export const settingsSchema = z
  .object({
    language: z.enum(uiLanguages),
    savedViews: z.array(savedViewSchema).max(50).optional(),
    /** The name the officer allocates and signs with, until sign-in knows it. */
    officerName: z.string().max(200).optional(),
  })
  .strict();
export type Settings = z.infer<typeof settingsSchema>;

export const replicaProblemSchema = z.object({
  kind: z.enum(['damaged', 'newer-version', 'cannot-open', 'disk-full']),
  file: z.string(),
});
export type ReplicaProblemInfo = z.infer<typeof replicaProblemSchema>;

export const workspaceInfoSchema = z.object({
  version: z.string(),
  workspace: z.enum(['training', 'connected']),
  centralUrl: z.string(),
  dataFolder: z.string(),
  /** Set when the local data on disk cannot be used; the workstation then waits for the user. */
  replicaProblem: replicaProblemSchema.nullable(),
  /** Whether the local data waits for a passphrase (where no secure key store protects it). */
  lock: z.enum(['open', 'choose-passphrase', 'enter-passphrase']),
  /** The authority this workstation acts for (and whether it coordinates), once it is known. */
  actingFor: z.object({ id: z.string(), country: z.enum(countryCodes), officialName: z.string(), coordinator: z.boolean() }).nullable(),
});

/** Passphrases protect personal data on machines without a secure key store. */
export const minimumPassphraseLength = 12;

export const caseSummarySchema = z.object({
  id: z.string(),
  requester: z.string(),
  /** The authority that holds the request now. */
  recipient: z.string(),
  area: z.enum(legislativeAreaCodes),
  subject: z.string(),
  competence: z.string().optional(),
  createdAt: z.string(),
  state: z.enum(caseStates),
  /** This workstation's authority's part in the case. */
  role: z.enum(['requester', 'recipient', 'former-recipient', 'coordinator']),
  /** The other party: its id, official name and country. */
  counterpart: z.object({ id: z.string(), name: z.string(), country: z.string() }),
  /** Days since it was sent (to today, or to its closing). */
  daysOpen: z.number().int().min(0),
  answerBy: z.string().optional(),
  /** Open and past its answer-by date. */
  overdue: z.boolean(),
  handler: z.string().optional(),
  /** When its last event was written. */
  updatedAt: z.string(),
  /** Events of this authority the exchange relay did not deliver. */
  refused: z.number().int().min(0),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListInputSchema = z
  .object({
    box: z.enum(['incoming', 'outgoing', 'all']),
    states: z.array(z.enum(caseStates)).max(caseStates.length).optional(),
    overdue: z.boolean().optional(),
    /** Words found in the subject, the counterpart's name or the request's id. */
    words: z.string().max(200).optional(),
    sort: z.enum(['updated', 'answer-by', 'days-open']).default('updated'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

/** A composition in progress, saved as the officer types; nothing in it is checked yet but sizes. */
export const requestDraftSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,60}$/),
    area: z.enum(legislativeAreaCodes).optional(),
    competence: z.string().max(80).optional(),
    questionSet: z.string().max(80).optional(),
    questions: z.array(z.string().max(80)).max(200),
    concerned: concernedSchema.partial().extend({ name: z.string().max(300).optional() }).strict(),
    recipient: z.string().max(64).optional(),
    answerBy: z.string().max(40).optional(),
    subject: z.string().max(300).optional(),
    note: z.string().max(20_000).optional(),
    files: z.array(attachedFileSchema).max(20),
    /** The request it was copied from. */
    copiedFrom: caseIdSchema.optional(),
    updatedAt: z.string().max(40),
  })
  .strict();
export type RequestDraft = z.infer<typeof requestDraftSchema>;

const stagedFileId = z.string().regex(/^[a-z0-9-]{1,40}$/);

/** What a request is sent with (from a draft or directly). */
export const sendRequestInputSchema = z
  .object({
    recipient: z.string().min(1).max(64),
    area: z.enum(legislativeAreaCodes),
    subject: z.string().trim().min(1).max(300),
    note: z.string().max(20_000).optional(),
    competence: z.string().max(80).optional(),
    questionSet: z.string().max(80).optional(),
    questions: z.array(z.string().max(80)).max(200).optional(),
    concerned: concernedSchema.optional(),
    answerBy: calendarDateSchema.optional(),
    /** Files staged with `files.begin` … `files.finish`. */
    files: z.array(z.object({ id: stagedFileId, question: z.string().max(80).optional() }).strict()).max(20).optional(),
    /** The draft it was composed in, removed once sent. */
    draftId: z.string().max(60).optional(),
  })
  .strict();

export const quarantineEntrySchema = z.object({
  collection: z.string(),
  documentId: z.string(),
  direction: z.enum(['pull', 'push']),
  reason: z.string(),
  at: z.string(),
});

export const searchFilterSchema = z
  .object({
    country: z.enum(countryCodes).optional(),
    /** A NUTS code or its beginning. */
    region: z.string().min(2).max(8).optional(),
    area: z.enum(legislativeAreaCodes).optional(),
    /** A competence, e.g. `profession:dentist` or `serviceActivity:travel-agency`. */
    competence: z.string().max(80).optional(),
    role: z.string().max(40).optional(),
  })
  .strict();
export type SearchFilter = z.infer<typeof searchFilterSchema>;

export const searchFields = ['officialName', 'competence', 'designation', 'region', 'city', 'description'] as const;

export const searchHitSchema = z.object({
  authority: authoritySummarySchema,
  score: z.number(),
  /** Why it matched: the fields, and for a competence its name in the reader's language. */
  reasons: z.array(z.object({ field: z.enum(searchFields), code: z.string().optional(), label: z.string().optional() })),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** What either search is asked: words, filters, the reader's language, how many hits. */
export const searchInputSchema = z
  .object({
    query: z.string().max(10_000),
    filter: searchFilterSchema,
    language: z.enum(uiLanguages),
    limit: z.number().int().min(1).max(100),
  })
  .strict();

export const registerHitSchema = z.object({
  register: registerSummarySchema,
  score: z.number(),
  reasons: searchHitSchema.shape.reasons,
});
export type RegisterHit = z.infer<typeof registerHitSchema>;

export const workstationCalls = {
  'workspace.info': { input: noInput, output: workspaceInfoSchema },
  'settings.get': { input: noInput, output: settingsSchema },
  'settings.update': { input: settingsSchema.partial().strict(), output: settingsSchema },
  'directory.page': {
    input: z
      .object({
        filter: directoryFilterSchema,
        language: z.enum(uiLanguages),
        offset: z.number().int().min(0).max(10_000_000),
        limit: z.number().int().min(1).max(500),
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(authoritySummarySchema) }),
  },
  'directory.authority': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: authoritySchema.nullable(),
  },
  /** Finds authorities by words in any language: names, competences, regions; typing errors forgiven. */
  'directory.search': {
    input: searchInputSchema,
    /** The first `limit` hits, best first, and how many authorities match in all. */
    output: z.object({ hits: z.array(searchHitSchema), total: z.number().int().min(0) }),
  },
  /** Finds registers of the directory of registers, as `directory.search` finds authorities. */
  'registers.search': {
    input: searchInputSchema,
    output: z.object({ hits: z.array(registerHitSchema), total: z.number().int().min(0) }),
  },
  /** One register, whole (null if there is none of that id). */
  'registers.get': {
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: registerSchema.nullable(),
  },
  /** Adds or updates a register: coordinators only, for their own country. */
  'registers.save': {
    input: registerEntrySchema,
    output: registerSchema,
  },
  /** The regions that have authorities (of one country, or all), with their names and how many. */
  'directory.regions': {
    input: z.object({ country: z.enum(countryCodes).optional() }).strict(),
    output: z.object({ regions: z.array(z.object({ code: z.string(), name: z.string(), country: z.enum(countryCodes), count: z.number().int() })) }),
  },
  'directory.countryCounts': {
    input: noInput,
    output: z.record(z.string(), z.number().int()),
  },
  'sync.retryNow': { input: noInput, output: z.object({ accepted: z.boolean() }) },
  /** Documents the sync set aside (refused by the server, or failing the schema), with why. */
  'sync.quarantine': { input: noInput, output: z.array(quarantineEntrySchema) },
  'sync.retryQuarantined': { input: noInput, output: z.object({ remaining: z.number().int().min(0) }) },
  /** Starts a request: its header and its first event ("sent"), queued for upload when offline. */
  'cases.send': { input: sendRequestInputSchema, output: z.object({ caseId: z.string() }) },
  /** Records the next step of a request, if the workflow allows it to this authority now. */
  'cases.record': {
    input: z
      .object({
        caseId: caseIdSchema,
        type: z.enum(caseEventTypes).exclude(['sent']),
        answerBy: calendarDateSchema.optional(),
        note: z.string().max(20_000).optional(),
        answers: z.record(z.string().max(80), answerValueSchema).optional(),
        to: z.string().max(64).optional(),
        questions: z.array(z.string().max(80)).max(200).optional(),
        otherCase: caseIdSchema.optional(),
        handler: z.string().max(200).optional(),
        files: z.array(z.object({ id: stagedFileId, question: z.string().max(80).optional() }).strict()).max(20).optional(),
      })
      .strict(),
    output: z.object({ eventId: z.string(), otherCase: z.string().optional() }),
  },
  /** The requests of this authority, incoming or outgoing, filtered and sorted, a page at a time. */
  'cases.list': { input: caseListInputSchema, output: z.object({ total: z.number().int(), rows: z.array(caseSummarySchema) }) },
  'cases.get': {
    input: z.object({ caseId: caseIdSchema }).strict(),
    output: z
      .object({
        header: caseHeaderSchema,
        events: z.array(caseEventSchema),
        state: z.enum(caseStates),
        /** The authority that holds it now, the date agreed, the questions still asked. */
        recipient: z.string(),
        answerBy: z.string().optional(),
        dateProposed: z.boolean(),
        questions: z.array(z.string()),
        handler: z.string().optional(),
        roles: z.array(z.enum(caseRoles)),
        allowed: z.array(z.enum(caseEventTypes)),
        refusals: z.array(refusalSchema),
        /** Official names and countries of the authorities the request names. */
        authorities: z.record(z.string(), z.object({ name: z.string(), country: z.string() })),
      })
      .nullable(),
  },
  /** A request and its answers as a PDF in a language; read it with `files.read`. */
  'cases.pdf': {
    input: z.object({ caseId: caseIdSchema, language: z.enum(uiLanguages) }).strict(),
    output: z.object({ fileId: stagedFileId, name: z.string(), size: z.number().int() }),
  },
  /** Makes a file of a request's event readable with `files.read`. */
  'cases.file': {
    input: z.object({ caseId: caseIdSchema, eventId: z.string().max(120), fileId: stagedFileId }).strict(),
    output: z.object({ fileId: stagedFileId, name: z.string(), size: z.number().int(), type: z.string() }),
  },
  /** Files travel in pieces (a message is small): begin, append base64 pieces, finish (checked). */
  'files.begin': {
    input: z.object({ name: z.string().trim().min(1).max(255), size: z.number().int().min(0) }).strict(),
    output: z.object({ uploadId: stagedFileId }),
  },
  'files.append': {
    input: z.object({ uploadId: stagedFileId, data: z.string().max(200_000) }).strict(),
    output: z.object({ received: z.number().int() }),
  },
  'files.finish': { input: z.object({ uploadId: stagedFileId }).strict(), output: attachedFileSchema },
  'files.read': {
    input: z.object({ fileId: stagedFileId, offset: z.number().int().min(0), length: z.number().int().min(1).max(150_000) }).strict(),
    output: z.object({ data: z.string(), size: z.number().int() }),
  },
  'drafts.list': { input: noInput, output: z.array(requestDraftSchema) },
  'drafts.get': { input: z.object({ id: z.string().max(60) }).strict(), output: requestDraftSchema.nullable() },
  /** Saves a draft (the officer's work so far); a new draft gets its id from the core. */
  'drafts.save': { input: requestDraftSchema.omit({ id: true, updatedAt: true }).extend({ id: z.string().max(60).optional() }).strict(), output: requestDraftSchema },
  'drafts.delete': { input: z.object({ id: z.string().max(60) }).strict(), output: z.object({ deleted: z.boolean() }) },
  /** A new draft with the questions, subject and person of an existing request. */
  'drafts.copyOf': { input: z.object({ caseId: caseIdSchema }).strict(), output: requestDraftSchema },
  /** Renames unusable local data (kept, never deleted) and starts again from the server. */
  'replica.setAside': { input: noInput, output: z.object({ keptAt: z.string() }) },
  'replica.unlock': {
    input: z.object({ passphrase: z.string().min(minimumPassphraseLength).max(1024) }).strict(),
    output: z.object({ unlocked: z.literal(true) }),
  },
} as const;

export const workstationStreams = {
  'sync.status': { input: noInput, event: syncStatusSchema },
  /** Emits whenever the directory under a filter changes: its size and a revision number. */
  'directory.live': {
    input: z.object({ filter: directoryFilterSchema }).strict(),
    event: z.object({ total: z.number().int(), revision: z.number().int() }),
  },
  /** Emits whenever a case, case event or refusal of this authority changes. */
  'cases.live': { input: noInput, event: z.object({ revision: z.number().int() }) },
} as const;

export type CallName = keyof typeof workstationCalls;
export type StreamName = keyof typeof workstationStreams;
export type CallInput<K extends CallName> = z.input<(typeof workstationCalls)[K]['input']>;
export type CallOutput<K extends CallName> = z.output<(typeof workstationCalls)[K]['output']>;
export type StreamInput<K extends StreamName> = z.input<(typeof workstationStreams)[K]['input']>;
export type StreamEvent<K extends StreamName> = z.output<(typeof workstationStreams)[K]['event']>;

export type Unsubscribe = () => void;

/** What the renderer sees of its host. */
export interface WorkstationApi {
  call<K extends CallName>(method: K, input: CallInput<K>): Promise<CallOutput<K>>;
  subscribe<K extends StreamName>(
    stream: K,
    input: StreamInput<K>,
    onEvent: (event: StreamEvent<K>) => void,
    onError?: (error: WorkstationApiError) => void,
  ): Unsubscribe;
}

/** What the core implements: one function per call, one per stream. */
export type CallHandlers = { [K in CallName]: (input: z.output<(typeof workstationCalls)[K]['input']>) => Promise<CallOutput<K>> };
export type StreamHandlers = {
  [K in StreamName]: (input: z.output<(typeof workstationStreams)[K]['input']>, emit: (event: StreamEvent<K>) => void) => Unsubscribe;
};

export const apiErrorCodes = [
  'malformed-message',
  'unknown-method',
  'invalid-input',
  'payload-too-large',
  'not-found',
  'not-allowed',
  'wrong-passphrase',
  'unavailable',
  'internal',
] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({
  code: z.enum(apiErrorCodes),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ApiErrorPayload = z.infer<typeof apiErrorSchema>;

/** An error the host returned for a call, with a code the renderer can translate. */
export class WorkstationApiError extends Error {
  readonly code: ApiErrorCode;
  readonly issues: ApiErrorPayload['issues'];
  constructor(payload: ApiErrorPayload) {
    super(payload.message);
    this.name = 'WorkstationApiError';
    this.code = payload.code;
    this.issues = payload.issues;
  }
}
