// Reads a CouchDB-compatible `_changes` feed. Sequences are opaque (integers on PouchDB
// server, strings on CouchDB 3): they are only passed back as received.
import { z } from 'zod';

export type Sequence = string | number;

const changeRowSchema = z.object({
  id: z.string(),
  seq: z.union([z.string(), z.number()]),
  deleted: z.boolean().optional(),
  doc: z.record(z.string(), z.unknown()).optional(),
});
export type ChangeRow = z.infer<typeof changeRowSchema>;

const changesSchema = z.object({
  results: z.array(changeRowSchema),
  last_seq: z.union([z.string(), z.number()]),
});

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

async function getJson(url: string, signal: AbortSignal): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
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
  return body;
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
  return parse(changesSchema, await getJson(`${databaseUrl}/_changes?${query}`, signal), 'list of changes');
}
