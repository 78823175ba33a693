// The exchange relay: the one privileged component of the central side. It follows the
// databases of the authorities, checks each new case event with the workflow rules the
// workstation uses, and copies it (with its case header) into the database of every party
// entitled to it. What it refuses it records, with the reason, in the author's database.
//
// Exactly once: a delivery is a `_bulk_docs` with `new_edits: false` and the author's own
// revision, so writing it again changes nothing; each verdict is written down (in the relay's
// database) before anything is delivered, so a relay restarted after a crash repeats the same
// verdict; the checkpoint of a database moves only past events fully handled.
import { caseEventId, caseEventDocumentPrefix, caseEventSchema, caseHeaderSchema, authorityDatabaseName, caseDocumentPrefix, refusalDocumentPrefix, type CaseEvent, type CaseHeader } from '../../shared/cases/case-documents';
import { applyEvent, caseFactsOf, checkEvent, partiesOf, type Verdict } from '../../shared/cases/case-workflow';
import { createHash } from 'node:crypto';
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
        verdict = checkEvent(header.data, caseFactsOf(header.data, events), events.length, event);
      }
      decision = await createOnce<Decision>(relayDatabaseName, { _id: decisionId, caseId: event.caseId, event: eventDocument, verdict, decidedAt: new Date().toISOString() });
      if (decision.verdict.ok) await createOnce(relayDatabaseName, headerDocument);
    }
    if (!decision.verdict.ok) {
      await refuse(authorDatabase, event.id, event.caseId, decision.verdict.code, decision.verdict.detail);
      return true;
    }
    const header = caseHeaderSchema.parse(withoutServerFields(headerDocument!, caseDocumentPrefix)) as CaseHeader;
    const earlier = (await acceptedEvents(event.caseId)).filter((accepted) => accepted.number < event.number);
    const before = caseFactsOf(header, earlier);
    const after = applyEvent(before, event, decision.verdict.next);
    const eventCopy = await withAttachments(authorDatabase, decision.event);
    // A party that joins now (the authority it is forwarded to, a coordinator called in) gets
    // the whole request: its header and every earlier event.
    const joining = partiesOf(header, after).filter((party) => !partiesOf(header, before).includes(party));
    const parties = partiesOf(header, before, after);
    for (const party of parties) {
      const database = await ensureProvisioned(party);
      const documents = [headerDocument!, eventCopy];
      if (joining.includes(party)) for (const document of await earlierDocuments(event.caseId, event.number)) documents.push(document);
      const results = (await client.expect('POST', `${database}/_bulk_docs`, [201, 202], { docs: documents, new_edits: false })) as { error?: string; reason?: string; id?: string }[];
      const failed = results.filter((result) => result.error);
      if (failed.length > 0) throw new Error(`Delivering ${event.id} to ${database} failed: ${JSON.stringify(failed)}`);
    }
    if (event.type === 'split') await startSplitRequest(header, event);
    log(`delivered ${event.id} (${event.type}) to ${parties.join(', ')}`);
    return true;
  }

  /** An event as its author stored that revision, with its attachments inline. */
  async function withAttachments(authorDatabase: string, document: ServerDocument): Promise<ServerDocument> {
    if (!document['_attachments']) return document;
    const path = `${authorDatabase}/${encodeURIComponent(document._id)}?rev=${encodeURIComponent(document._rev)}&attachments=true&revs=true`;
    return (await client.expect('GET', path, [200])) as ServerDocument;
  }

  /** The delivered events of a case before position `number`, as their authors stored them. */
  async function earlierDocuments(caseId: string, number: number): Promise<ServerDocument[]> {
    const range = `startkey=${encodeURIComponent(JSON.stringify(`decision:${caseId}~`))}&endkey=${encodeURIComponent(JSON.stringify(`decision:${caseId}~\uffff`))}`;
    const body = (await client.expect('GET', `${relayDatabaseName}/_all_docs?include_docs=true&${range}`, [200])) as { rows: { doc: Decision }[] };
    const documents: ServerDocument[] = [];
    for (const { doc } of body.rows) {
      if (!doc.verdict.ok || Number(doc.event['number']) >= number) continue;
      documents.push(await withAttachments(authorityDatabaseName(String(doc.event['author'])), doc.event));
    }
    return documents;
  }

  /**
   * The request a split creates: the questions moved, asked of the new authority in the
   * requester's name. It is written once into the requester's database, with a revision
   * fixed by its content (so a relay restarted halfway writes the same thing), and from there
   * it is delivered like any request.
   */
  async function startSplitRequest(parent: CaseHeader, split: CaseEvent) {
    const caseId = split.otherCase!;
    const child: CaseHeader = {
      ...parent,
      id: caseId,
      recipient: split.to!,
      questions: [...split.questions!],
      createdAt: split.at,
      splitFrom: parent.id,
    };
    const sent: CaseEvent = { id: caseEventId(caseId, 0), caseId, number: 0, type: 'sent', author: parent.requester, at: split.at, note: `Questions moved from request ${parent.id} by ${split.author}.` };
    const fixedRevision = (content: unknown) => `1-${createHash('md5').update(JSON.stringify(content)).digest('hex')}`;
    const { id: headerId, ...headerContent } = child;
    const { id: eventId, ...eventContent } = sent;
    const docs = [
      { _id: `${caseDocumentPrefix}${headerId}`, _rev: fixedRevision(child), ...headerContent },
      { _id: `${caseEventDocumentPrefix}${eventId}`, _rev: fixedRevision(sent), ...eventContent },
    ];
    const database = await ensureProvisioned(parent.requester);
    await client.expect('POST', `${database}/_bulk_docs`, [201, 202], { docs, new_edits: false });
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
