// Reads a CouchDB-compatible `_changes` feed. Sequences are opaque (integers on PouchDB
// server, strings on CouchDB 3): they are only passed back as received.
import { z } from 'zod';

export type Sequence = string | number;

export interface ChangeRow {
  id: string;
  seq: Sequence;
  deleted?: boolean;
  /** With include_docs; null for a row whose document is gone. */
  doc?: Record<string, unknown> | null;
}

const isSequence = (value: unknown): value is Sequence => typeof value === 'string' || typeof value === 'number';
const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isChangeRow(row: unknown): row is ChangeRow {
  if (!isPlainObject(row) || typeof row['id'] !== 'string' || !isSequence(row['seq'])) return false;
  if (row['deleted'] !== undefined && typeof row['deleted'] !== 'boolean') return false;
  return row['doc'] === undefined || row['doc'] === null || isPlainObject(row['doc']);
}

function isChanges(body: unknown): body is { results: ChangeRow[]; last_seq: Sequence } {
  return isPlainObject(body) && Array.isArray(body['results']) && isSequence(body['last_seq']) && body['results'].every(isChangeRow);
}

const databaseInfoSchema = z.object({
  doc_count: z.number().int().min(0),
  update_seq: z.union([z.string(), z.number()]),
});

export type SyncFailureCode = 'unreachable' | 'server-error' | 'invalid-response';

/** A failure to talk to the central endpoint, with a code the status can show. */
export class SyncFailure extends Error {
  constructor(readonly code: SyncFailureCode, message: string) {
    super(message);
    this.name = 'SyncFailure';
  }
}

async function getJsonWithSize(url: string, signal: AbortSignal, payload?: unknown): Promise<{ body: unknown; bytes: number }> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      method: payload === undefined ? 'GET' : 'POST',
      headers: payload === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
  } catch (error) {
    if (signal.aborted && (signal.reason as Error)?.name !== 'TimeoutError') throw error;
    throw new SyncFailure('unreachable', `Cannot reach the central server (${(error as Error).cause ? String((error as Error & { cause: unknown }).cause) : (error as Error).message}).`);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal.aborted && (signal.reason as Error)?.name !== 'TimeoutError') throw error;
    throw new SyncFailure('unreachable', 'The connection to the central server was cut.');
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new SyncFailure(response.ok ? 'invalid-response' : 'server-error', `The central server sent an unreadable answer (HTTP ${response.status}).`);
  }
  if (!response.ok) {
    const reason = (body as { reason?: unknown })?.reason;
    throw new SyncFailure('server-error', `The central server answered HTTP ${response.status}${typeof reason === 'string' ? `: ${reason}` : ''}.`);
  }
  return { body, bytes: text.length };
}

async function getJson(url: string, signal: AbortSignal, payload?: unknown): Promise<unknown> {
  return (await getJsonWithSize(url, signal, payload)).body;
}

function parse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new SyncFailure('invalid-response', `The central server sent a malformed ${what}.`);
  return result.data;
}

export async function readDatabaseInfo(databaseUrl: string, signal: AbortSignal) {
  return parse(databaseInfoSchema, await getJson(databaseUrl, signal), 'database description');
}

export interface ChangesRequest {
  since: Sequence;
  limit: number;
  includeDocs: boolean;
  /** Wait up to this long for a change (long-poll); 0 answers at once. */
  waitMs: number;
}

export async function readChanges(databaseUrl: string, request: ChangesRequest, signal: AbortSignal) {
  const query = new URLSearchParams({
    since: String(request.since),
    limit: String(request.limit),
    include_docs: String(request.includeDocs),
    style: 'main_only',
  });
  if (request.waitMs > 0) {
    query.set('feed', 'longpoll');
    query.set('timeout', String(request.waitMs));
  }
  const { body, bytes } = await getJsonWithSize(`${databaseUrl}/_changes?${query}`, signal);
  // Checked by hand, not with zod: a batch holds up to thousands of documents, which zod
  // would copy one by one.
  if (!isChanges(body)) throw new SyncFailure('invalid-response', 'The central server sent a malformed list of changes.');
  return { results: body.results, last_seq: body.last_seq, bytes };
}

const serverDocumentSchema = z.looseObject({ _id: z.string(), _rev: z.string(), _deleted: z.boolean().optional() });
export type ServerDocument = z.infer<typeof serverDocumentSchema>;

const allDocsSchema = z.object({
  rows: z.array(
    z.object({
      key: z.string().optional(),
      error: z.string().optional(),
      value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).optional(),
      doc: serverDocumentSchema.nullable().optional(),
    }),
  ),
});

/** The current revision of each of these documents (deleted or absent ones are left out). */
export async function readDocuments(databaseUrl: string, ids: readonly string[], signal: AbortSignal): Promise<Map<string, ServerDocument>> {
  const body = parse(allDocsSchema, await getJson(`${databaseUrl}/_all_docs?include_docs=true`, signal, { keys: ids }), 'list of documents');
  const found = new Map<string, ServerDocument>();
  for (const row of body.rows) if (row.doc) found.set(row.doc._id, row.doc);
  return found;
}

const bulkResultSchema = z.array(
  z.object({ id: z.string().optional(), ok: z.boolean().optional(), rev: z.string().optional(), error: z.string().optional(), reason: z.string().optional() }),
);
export type WriteResult = z.infer<typeof bulkResultSchema>[number];

/** Writes documents in one `_bulk_docs` call; each row succeeds or fails on its own. */
export async function writeDocuments(
  databaseUrl: string,
  documents: readonly Record<string, unknown>[],
  signal: AbortSignal,
  options: { newEdits?: boolean } = {},
): Promise<WriteResult[]> {
  const body = { docs: documents, ...(options.newEdits === false ? { new_edits: false } : {}) };
  return parse(bulkResultSchema, await getJson(`${databaseUrl}/_bulk_docs`, signal, body), 'result of a write');
}
