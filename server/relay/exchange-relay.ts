// The exchange relay: the one privileged component of the central side. It follows the
// databases of the authorities, checks each new case event with the workflow rules the
// workstation uses, and copies it (with its case header) into the database of every party
// entitled to it. What it refuses it records, with the reason, in the author's database.
//
// Exactly once: a delivery is a `_bulk_docs` with `new_edits: false` and the author's own
// revision, so writing it again changes nothing; each verdict is written down (in the relay's
// database) before anything is delivered, so a relay restarted after a crash repeats the same
// verdict; the checkpoint of a database moves only past events fully handled.
import { caseEventDocumentPrefix, caseEventSchema, caseHeaderSchema, authorityDatabaseName, caseDocumentPrefix, refusalDocumentPrefix, type CaseEvent, type CaseHeader } from '../../shared/cases/case-documents';
import { caseStateOf, checkEvent, partiesOf, type Verdict } from '../../shared/cases/case-workflow';
import type { CentralClient } from '../central-client';
import { provisionAuthorityDatabase } from '../provisioning';
import { retryDelayMs } from '../../shared/sync/sync-status';
import { wakeableSleep } from '../../shared/wakeable-sleep';

export const relayDatabaseName = 'exchange-relay';
const authorityDatabasePrefix = 'authority-';

type ServerDocument = Record<string, unknown> & { _id: string; _rev: string };
type Decision = { _id: string; _rev?: string; caseId: string; event: ServerDocument; verdict: Verdict; decidedAt: string };
type Checkpoint = { _id: string; _rev?: string; since: string | number };

export interface ExchangeRelayOptions {
  client: CentralClient;
  /** Pause between rounds when nothing moved. */
  pollMs?: number;
  batchSize?: number;
  log?: (line: string) => void;
}

export interface ExchangeRelay {
  /** One pass over every authority database; resolves with the number of events handled. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

function withoutServerFields(document: Record<string, unknown>, prefix: string) {
  const { _id, _rev, _revisions, _conflicts, ...content } = document;
  void _rev;
  void _revisions;
  void _conflicts;
  return { ...content, id: String(_id).slice(prefix.length) };
}

export async function startExchangeRelay(options: ExchangeRelayOptions): Promise<ExchangeRelay> {
  const { client } = options;
  const log = options.log ?? (() => {});
  const provisioned = new Set<string>();
  const checkpoints = new Map<string, Checkpoint>();
  const headers = new Map<string, ServerDocument>();
  let stopped = false;
  await client.expect('PUT', relayDatabaseName, [201, 202, 412]);

  async function get<T>(path: string): Promise<T | undefined> {
    const result = await client.request('GET', path);
    if (result.status === 404) return undefined;
    if (result.status !== 200) throw new Error(`GET /${path}: HTTP ${result.status}`);
    return result.body as T;
  }

  /** Creates a document once; resolves with whichever version is stored (ours or an earlier one). */
  async function createOnce<T extends { _id: string }>(database: string, document: T): Promise<T> {
    const result = await client.request('PUT', `${database}/${encodeURIComponent(document._id)}`, document);
    if (result.status === 201 || result.status === 202) return document;
    if (result.status === 409) return (await get<T>(`${database}/${encodeURIComponent(document._id)}`))!;
    throw new Error(`PUT /${database}/${document._id}: HTTP ${result.status} ${JSON.stringify(result.body)}`);
  }

  async function ensureProvisioned(authorityId: string) {
    const name = authorityDatabaseName(authorityId);
    if (provisioned.has(name)) return name;
    await provisionAuthorityDatabase(client, authorityId);
    provisioned.add(name);
    return name;
  }

  async function headerOf(caseId: string, authorDatabase: string): Promise<ServerDocument | undefined> {
    const cached = headers.get(caseId);
    if (cached) return cached;
    const id = encodeURIComponent(`${caseDocumentPrefix}${caseId}`);
    const header = (await get<ServerDocument>(`${relayDatabaseName}/${id}`)) ?? (await get<ServerDocument>(`${authorDatabase}/${id}`));
    if (header) headers.set(caseId, header);
    return header;
  }

  async function acceptedEvents(caseId: string): Promise<CaseEvent[]> {
    const range = `startkey=${encodeURIComponent(JSON.stringify(`decision:${caseId}~`))}&endkey=${encodeURIComponent(JSON.stringify(`decision:${caseId}~\uffff`))}`;
    const body = (await client.expect('GET', `${relayDatabaseName}/_all_docs?include_docs=true&${range}`, [200])) as { rows: { doc: Decision }[] };
    return body.rows.filter((row) => row.doc.verdict.ok).map((row) => caseEventSchema.parse(withoutServerFields(row.doc.event, caseEventDocumentPrefix)));
  }

  async function refuse(authorDatabase: string, eventId: string, caseId: string, code: string, detail: string) {
    await createOnce(authorDatabase, { _id: `${refusalDocumentPrefix}${eventId}`, caseId, code, detail, at: new Date().toISOString() });
    log(`refused ${eventId}: ${code}`);
  }

  /** Handles one event written in its author's database; false when it must wait (no header yet). */
  async function handleEvent(authorDatabase: string, eventDocument: ServerDocument): Promise<boolean> {
    const parsed = caseEventSchema.safeParse(withoutServerFields(eventDocument, caseEventDocumentPrefix));
    const eventId = String(eventDocument._id).slice(caseEventDocumentPrefix.length);
    if (!parsed.success) {
      const caseId = typeof eventDocument['caseId'] === 'string' ? eventDocument['caseId'] : '';
      await refuse(authorDatabase, eventId, caseId, 'invalid-event', parsed.error.issues[0]?.message ?? 'invalid');
      return true;
    }
    const event = parsed.data;
    const decisionId = `decision:${event.id}`;
    let decision = await get<Decision>(`${relayDatabaseName}/${encodeURIComponent(decisionId)}`);
    const headerDocument = await headerOf(event.caseId, authorDatabase);
    if (!decision) {
      if (!headerDocument) {
        if (event.type === 'sent') return false; // its header is on its way
        await refuse(authorDatabase, event.id, event.caseId, 'unknown-case', `Case ${event.caseId} is unknown.`);
        return true;
      }
      const header = caseHeaderSchema.safeParse(withoutServerFields(headerDocument, caseDocumentPrefix));
      let verdict: Verdict;
      if (!header.success) verdict = { ok: false, code: 'wrong-case', detail: `The case header is invalid: ${header.error.issues[0]?.message}` };
      else {
        const events = await acceptedEvents(event.caseId);
        verdict = checkEvent(header.data, caseStateOf(header.data, events), events.length, event);
      }
      decision = await createOnce<Decision>(relayDatabaseName, { _id: decisionId, caseId: event.caseId, event: eventDocument, verdict, decidedAt: new Date().toISOString() });
      if (decision.verdict.ok) await createOnce(relayDatabaseName, headerDocument);
    }
    if (!decision.verdict.ok) {
      await refuse(authorDatabase, event.id, event.caseId, decision.verdict.code, decision.verdict.detail);
      return true;
    }
    const header = caseHeaderSchema.parse(withoutServerFields(headerDocument!, caseDocumentPrefix)) as CaseHeader;
    // Attachments travel with the event: read inline from the author's copy of that revision.
    let eventCopy = decision.event;
    if (eventCopy['_attachments']) {
      const path = `${authorDatabase}/${encodeURIComponent(eventCopy._id)}?rev=${encodeURIComponent(eventCopy._rev)}&attachments=true&revs=true`;
      eventCopy = (await client.expect('GET', path, [200])) as ServerDocument;
    }
    for (const party of partiesOf(header)) {
      const database = await ensureProvisioned(party);
      const documents = [headerDocument!, eventCopy];
      const results = (await client.expect('POST', `${database}/_bulk_docs`, [201, 202], { docs: documents, new_edits: false })) as { error?: string; reason?: string; id?: string }[];
      const failed = results.filter((result) => result.error);
      if (failed.length > 0) throw new Error(`Delivering ${event.id} to ${database} failed: ${JSON.stringify(failed)}`);
    }
    log(`delivered ${event.id} (${event.type}) to ${partiesOf(header).join(', ')}`);
    return true;
  }

  async function checkpointOf(database: string): Promise<Checkpoint> {
    let checkpoint = checkpoints.get(database);
    if (!checkpoint) {
      checkpoint = (await get<Checkpoint>(`${relayDatabaseName}/${encodeURIComponent(`checkpoint:${database}`)}`)) ?? { _id: `checkpoint:${database}`, since: 0 };
      checkpoints.set(database, checkpoint);
    }
    return checkpoint;
  }

  async function saveCheckpoint(database: string, checkpoint: Checkpoint, since: string | number) {
    const next = { ...checkpoint, since };
    const result = (await client.expect('PUT', `${relayDatabaseName}/${encodeURIComponent(checkpoint._id)}`, [201, 202], next)) as { rev: string };
    checkpoints.set(database, { ...next, _rev: result.rev });
  }

  async function handleDatabase(database: string): Promise<number> {
    const checkpoint = await checkpointOf(database);
    const query = `since=${encodeURIComponent(String(checkpoint.since))}&include_docs=true&style=main_only&limit=${options.batchSize ?? 200}`;
    const changes = (await client.expect('GET', `${database}/_changes?${query}`, [200])) as { results: { id: string; seq: string | number; deleted?: boolean; doc?: ServerDocument }[]; last_seq: string | number };
    let since = checkpoint.since;
    let handled = 0;
    for (const row of changes.results) {
      const document = row.doc;
      const authored = document && !row.deleted && row.id.startsWith(caseEventDocumentPrefix) && authorityDatabaseName(String(document['author'] ?? '')) === database;
      if (authored && !(await handleEvent(database, document))) break;
      if (authored) handled++;
      since = row.seq;
    }
    if (changes.results.length > 0 && since === changes.results[changes.results.length - 1]?.seq) since = changes.last_seq;
    if (since !== checkpoint.since) await saveCheckpoint(database, checkpoint, since);
    return handled;
  }

  // Rounds never overlap (the loop's and one asked for by runOnce).
  let round: Promise<unknown> = Promise.resolve();
  function runOnce(): Promise<number> {
    const next = round.catch(() => {}).then(() => oneRound());
    round = next;
    return next;
  }

  async function oneRound(): Promise<number> {
    const databases = ((await client.expect('GET', '_all_dbs', [200])) as string[]).filter((name) => name.startsWith(authorityDatabasePrefix));
    let handled = 0;
    for (const database of databases) {
      if (stopped) break;
      provisioned.add(database);
      handled += await handleDatabase(database);
    }
    return handled;
  }

  const { sleep, wake } = wakeableSleep();

  const loop = (async () => {
    let failures = 0;
    while (!stopped) {
      try {
        const handled = await runOnce();
        failures = 0;
        if (handled === 0) await sleep(options.pollMs ?? 1_000);
      } catch (error) {
        failures++;
        log(`round failed: ${(error as Error).message}`);
        await sleep(retryDelayMs(failures - 1));
      }
    }
  })();

  return {
    runOnce,
    async stop() {
      stopped = true;
      wake();
      await loop;
    },
  };
}
