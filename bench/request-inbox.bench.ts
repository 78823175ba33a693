// The request lists with 10,000 requests of one authority (half incoming, half outgoing, at
// every stage of the workflow) in the SQLite replica: the first 100 rows of the incoming
// list, and the same list filtered (two states, words, ordered by answer-by date), through
// the core's derived-state cache, against a plain RxDB query that reads the requests and
// their events and derives each state again (the baseline). The cache's one-time build at
// start-up is timed too.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import { z } from 'zod';
import { caseListInputSchema, type CaseSummary } from '../shared/api/workstation-api';
import type { CaseEvent, CaseHeader } from '../shared/cases/case-documents';
import { caseFactsOf } from '../shared/cases/case-workflow';
import { foldText } from '../shared/search/text-folding';
import { CaseInbox, daysBetween } from '../electron/core/cases/case-inbox';
import { openReplica } from '../electron/core/database';
import { getRxStorageSQLite } from '../electron/core/storage';
import { generateDirectory } from '../server/seed/directory-generator';
import { createRandom } from '../server/seed/random';
import { measure, percentile, printTable } from './measure';
import type { BenchmarkSuite } from './run';

const requestCount = Number(process.env['IMI_DESK_BENCH_REQUESTS'] ?? 10_000);
const me = 'AT-000001';

function generateRequests(counterparts: string[]) {
  const random = createRandom(6);
  const headers: CaseHeader[] = [];
  const events: CaseEvent[] = [];
  const start = Date.parse('2026-01-05T08:00:00Z');
  for (let index = 0; index < requestCount; index++) {
    const other = random.pick(counterparts);
    const outgoing = index % 2 === 0;
    const createdAt = new Date(start + index * 2_400_000).toISOString();
    const header: CaseHeader = {
      id: `${outgoing ? me : other}-r${index}`,
      requester: outgoing ? me : other,
      recipient: outgoing ? other : me,
      area: 'PQ',
      subject: ['Doctor: certificate of current status', 'Nurse: diploma', 'Architect: registration', 'Pharmacist: sanctions'][index % 4]!,
      createdAt,
      questions: ['pq-general.diploma-authentic', 'pq-general.registered'],
      answerBy: new Date(Date.parse(createdAt) + 14 * 86_400_000).toISOString().slice(0, 10),
    };
    headers.push(header);
    const stages = random.int(1, 5); // sent … answered
    const chain: [CaseEvent['type'], string, Partial<CaseEvent>][] = [
      ['sent', header.requester, {}],
      ['accepted', header.recipient, { answerBy: header.answerBy! }],
      ['info-requested', header.recipient, { note: 'Please give the date of birth.' }],
      ['info-provided', header.requester, { note: 'Born on 3 May 1980.' }],
      ['answered', header.recipient, { answers: { 'pq-general.diploma-authentic': ['yes'] } }],
    ];
    for (let number = 0; number < stages; number++) {
      const [type, author, content] = chain[number]!;
      events.push({ id: `${header.id}~${number}`, caseId: header.id, number, type, author, at: new Date(Date.parse(createdAt) + number * 3_600_000).toISOString(), ...content });
    }
  }
  return { headers, events };
}

type ListInput = z.output<typeof caseListInputSchema>;

export const requestInboxBenchmark: BenchmarkSuite = {
  name: `request lists (${requestCount.toLocaleString('en')} requests of one authority, SQLite replica)`,
  async run() {
    const folder = await mkdtemp(join(tmpdir(), 'imi-desk-bench-inbox-'));
    const replica = await openReplica(getRxStorageSQLite({ folder }) as RxStorage<unknown, unknown>);
    const directory = generateDirectory();
    await replica.authorities.bulkInsert(directory);
    const { headers, events } = generateRequests(directory.filter((authority) => authority.country !== 'AT').map((authority) => authority.id));
    for (let offset = 0; offset < headers.length; offset += 2_000) await replica.cases.bulkInsert(headers.slice(offset, offset + 2_000));
    for (let offset = 0; offset < events.length; offset += 5_000) await replica.caseEvents.bulkInsert(events.slice(offset, offset + 5_000));
    console.log(`${headers.length.toLocaleString('en')} requests, ${events.length.toLocaleString('en')} events in the replica.\n`);
    const source = { authorityId: me, collections: () => replica.collections };
    const firstRows = caseListInputSchema.parse({ box: 'incoming', limit: 100 });
    const filtered = caseListInputSchema.parse({ box: 'incoming', states: ['accepted', 'info-requested'], words: 'kammer', sort: 'answer-by', limit: 100 });

    // The baseline: a plain RxDB query, each state derived again from the events.
    async function plainQuery(input: ListInput): Promise<{ total: number; rows: Pick<CaseSummary, 'id' | 'state'>[] }> {
      const [headerDocuments, eventDocuments] = await Promise.all([replica.cases.find().exec(), replica.caseEvents.find().exec()]);
      const byCase = new Map<string, CaseEvent[]>();
      for (const document of eventDocuments) {
        const event = document.toJSON() as CaseEvent;
        const list = byCase.get(event.caseId) ?? [];
        list.push(event);
        byCase.set(event.caseId, list);
      }
      let rows = headerDocuments
        .map((document) => document.toJSON() as CaseHeader)
        .filter((header) => (input.box === 'incoming' ? header.requester !== me : header.requester === me))
        .map((header) => ({ header, facts: caseFactsOf(header, byCase.get(header.id) ?? []) }))
        .filter(({ facts }) => !input.states || input.states.includes(facts.state));
      if (input.words) {
        const names = await replica.authorities.findByIds(rows.map(({ header }) => header.requester)).exec();
        const words = foldText(input.words).split(/\s+/);
        rows = rows.filter(({ header }) => words.every((word) => foldText(`${header.subject} ${names.get(header.requester)?.officialName ?? ''} ${header.id}`).includes(word)));
      }
      const key = (row: (typeof rows)[number]) => (input.sort === 'answer-by' ? (row.facts.answerBy ?? '9999') : (row.header.createdAt ?? ''));
      rows.sort((a, b) => (input.sort === 'answer-by' ? key(a).localeCompare(key(b)) : key(b).localeCompare(key(a))));
      return { total: rows.length, rows: rows.slice(input.offset, input.offset + input.limit).map(({ header, facts }) => ({ id: header.id, state: facts.state, days: daysBetween(header.createdAt, new Date()) })) };
    }

    // Ours: the cache is built once when the workstation starts, then every list is served from it.
    const builds: number[] = [];
    let inbox!: CaseInbox;
    for (let run = 0; run < 5; run++) {
      inbox?.close();
      const start = performance.now();
      inbox = new CaseInbox(source);
      await inbox.ready;
      builds.push(performance.now() - start);
    }
    const ours = await inbox.list(firstRows);
    const theirs = await plainQuery(firstRows);
    const oursFiltered = await inbox.list(filtered);
    const theirsFiltered = await plainQuery(filtered);
    console.log(`Incoming: ${ours.total} (baseline ${theirs.total}); filtered: ${oursFiltered.total} (baseline ${theirsFiltered.total}).`);
    if (ours.total !== theirs.total || oursFiltered.total !== theirsFiltered.total) throw new Error('The cache and the plain query disagree on the lists.');
    const stateOf = new Map(theirsFiltered.rows.map((row) => [row.id, row.state]));
    if (oursFiltered.rows.some((row) => stateOf.get(row.id) !== row.state)) throw new Error('The cache and the plain query disagree on a state.');

    const rows = [
      { name: 'first 100 incoming rows: plain RxDB query (baseline)', durations: await measure(() => plainQuery(firstRows), 10, 1) },
      { name: 'first 100 incoming rows: derived-state cache', durations: await measure(() => inbox.list(firstRows), 30, 3) },
      { name: 'filtered (2 states, words, by answer-by date): plain RxDB query', durations: await measure(() => plainQuery(filtered), 10, 1) },
      { name: 'filtered (2 states, words, by answer-by date): derived-state cache', durations: await measure(() => inbox.list(filtered), 30, 3) },
    ];
    printTable(rows, rows[0]!.name);
    console.log(`\nBuilding the cache at start-up (once): p50 ${percentile(builds, 50).toFixed(0)} ms over ${builds.length} builds.`);
    const goal = percentile(rows[1]!.durations, 50) < 100 && percentile(rows[3]!.durations, 50) < 100;
    console.log(`Goal (first rows and filtered rows under 100 ms): ${goal ? 'met' : 'not met'}.`);
    inbox.close();
    await replica.close();
    await rm(folder, { recursive: true, force: true });
  },
};
