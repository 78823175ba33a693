// The request lists answered from the derived-state cache: incoming and outgoing, filtered by
// state, by being past the answer-by date and by words, sorted, paged; and kept current as
// events arrive in the replica (a SQLite file), without reading every request again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RxStorage } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseListInputSchema } from '../../../shared/api/workstation-api';
import type { CaseEvent, CaseHeader } from '../../../shared/cases/case-documents';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { openReplica, type Replica } from '../database';
import { getRxStorageSQLite } from '../storage';
import { waitFor } from '../testing/wait-for';
import { CaseInbox } from './case-inbox';

const directory = generateDirectory({ authorities: 300 });
const me = directory.find((authority) => authority.country === 'AT')!;
const romanian = directory.find((authority) => authority.country === 'RO')!;
const hungarian = directory.find((authority) => authority.country === 'HU')!;
let folder: string;
let replica: Replica;
let inbox: CaseInbox;

const header = (id: string, requester: string, recipient: string, subject: string, answerBy: string): CaseHeader => ({
  id, requester, recipient, area: 'PQ', subject, createdAt: '2026-11-01T09:00:00Z', questions: ['pq-general.diploma-authentic'], answerBy,
});
const event = (caseId: string, number: number, type: CaseEvent['type'], author: string, content: Partial<CaseEvent> = {}): CaseEvent => ({
  id: `${caseId}~${number}`, caseId, number, type, author, at: `2026-11-0${number + 2}T09:00:00Z`, ...content,
});
const list = (input: Record<string, unknown>, today = new Date('2026-11-29T12:00:00Z')) => inbox.list(caseListInputSchema.parse(input), today);

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-inbox-'));
  replica = await openReplica(getRxStorageSQLite({ folder }) as RxStorage<unknown, unknown>);
  await replica.authorities.bulkInsert([me, romanian, hungarian]);
  await replica.cases.bulkInsert([
    header('out-1', me.id, romanian.id, 'Doctor: certificate', '2026-11-20'),
    header('out-2', me.id, hungarian.id, 'Nurse: diploma', '2026-12-20'),
    header('in-1', romanian.id, me.id, 'Architect: registration', '2026-11-25'),
    header('other', romanian.id, hungarian.id, 'Not ours', '2026-12-01'),
  ]);
  await replica.caseEvents.bulkInsert([
    event('out-1', 0, 'sent', me.id),
    event('out-1', 1, 'accepted', romanian.id, { answerBy: '2026-11-20' }),
    event('out-2', 0, 'sent', me.id),
    event('in-1', 0, 'sent', romanian.id),
    event('other', 0, 'sent', romanian.id),
  ]);
  inbox = new CaseInbox({ authorityId: me.id, collections: () => replica.collections });
  await inbox.ready;
}, 60_000);

afterAll(async () => {
  inbox?.close();
  await replica?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the request lists', () => {
  it('separate incoming from outgoing, leave out requests of others, and name the counterpart', async () => {
    expect((await list({ box: 'outgoing' })).rows.map((row) => row.id).sort()).toEqual(['out-1', 'out-2']);
    const incoming = await list({ box: 'incoming' });
    expect(incoming).toMatchObject({ total: 1, rows: [{ id: 'in-1', role: 'recipient', state: 'sent', counterpart: { id: romanian.id, name: romanian.officialName, country: 'RO' } }] });
    expect((await list({ box: 'all' })).total).toBe(3);
  });

  it('filter by state, by the answer-by date passed, and by words in the subject or the counterpart’s name', async () => {
    expect((await list({ box: 'outgoing', states: ['accepted'] })).rows.map((row) => row.id)).toEqual(['out-1']);
    expect((await list({ box: 'all', overdue: true })).rows.map((row) => row.id).sort()).toEqual(['in-1', 'out-1']);
    expect((await list({ box: 'all', words: 'nurse' })).rows.map((row) => row.id)).toEqual(['out-2']);
    expect((await list({ box: 'all', words: romanian.officialName.split(' ')[0]! })).rows.map((row) => row.id).sort()).toContain('out-1');
  });

  it('sort by answer-by date and page', async () => {
    const sorted = await list({ box: 'all', sort: 'answer-by' });
    expect(sorted.rows.map((row) => row.answerBy)).toEqual(['2026-11-20', '2026-11-25', '2026-12-20']);
    expect((await list({ box: 'all', sort: 'answer-by', offset: 1, limit: 1 })).rows.map((row) => row.id)).toEqual(['in-1']);
    expect(sorted.rows[0]!.daysOpen).toBe(27);
  });

  it('follow events as they arrive in the replica', async () => {
    await replica.caseEvents.insert(event('in-1', 1, 'accepted', me.id, { answerBy: '2026-12-24' }));
    await waitFor('the accepted request in the list', async () => (await list({ box: 'incoming' })).rows[0]?.state === 'accepted');
    expect((await list({ box: 'incoming' })).rows[0]).toMatchObject({ answerBy: '2026-12-24', overdue: false });
    await replica.caseEvents.insert(event('out-1', 2, 'answered', romanian.id, { answers: { 'pq-general.diploma-authentic': ['yes'] } }));
    await waitFor('the answered request', async () => (await list({ box: 'outgoing', states: ['answered'] })).total === 1);
    // An event whose header has not arrived yet waits for it.
    await replica.caseEvents.insert(event('late', 0, 'sent', romanian.id));
    await replica.cases.insert(header('late', romanian.id, me.id, 'Pharmacist: sanctions', '2026-12-30'));
    await waitFor('the late request', async () => (await list({ box: 'incoming', words: 'pharmacist' })).rows[0]?.state === 'sent');
  });
});
