// Two workstations of authorities in different countries exchange a request and its answer
// through the exchange relay, all real processes: a PouchDB server, the relay, three cores
// (the third in a process of its own: RxDB's open-source build holds at most 13 collections
// per process). A third authority never receives the case.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDatabaseName } from '../../../shared/cases/case-documents';
import { CentralClient } from '../../../server/central-client';
import { provisionAuthorityDatabase } from '../../../server/provisioning';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { startCentralProcess, type CentralProcess } from '../../../server/testing/central-process';
import { startRelayProcess } from '../../../server/testing/relay-process';
import type { StartedProcess } from '../../../server/testing/typescript-process';
import { waitFor } from '../testing/wait-for';
import { startWorkstationProcess, type WorkstationInProcess } from '../testing/workstation-in-process';
import { openWorkstationCore, type WorkstationCore } from '../workstation-core';
import { createCarrierEndpoint } from '../carrier-endpoint';
import { PDFDocument } from 'pdf-lib';
import { maximumAttachmentBytes } from '../../../shared/cases/case-documents';

const directorySize = 300;
const directory = generateDirectory({ authorities: directorySize });
const austrian = directory.find((a) => a.country === 'AT')!;
const romanian = directory.find((a) => a.country === 'RO')!;
const hungarian = directory.find((a) => a.country === 'HU')!;

let folder: string;
let server: CentralProcess;
let relay: StartedProcess;
let client: CentralClient;
const cores: Record<'at' | 'ro', WorkstationCore> = {} as never;
let hungary: WorkstationInProcess;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'imi-desk-exchange-'));
  server = await startCentralProcess({ authorities: directorySize });
  client = new CentralClient(server.url);
  for (const authority of [austrian, romanian, hungarian]) await provisionAuthorityDatabase(client, authority.id);
  relay = await startRelayProcess(server.url);
  hungary = await startWorkstationProcess(join(folder, 'hu'), server.url, hungarian.id);
  for (const [key, authority] of [['at', austrian], ['ro', romanian]] as const) {
    cores[key] = await openWorkstationCore({ dataFolder: join(folder, key), centralUrl: server.url, workspace: 'connected', version: 'test', authorityId: authority.id, longPollMs: 2_000 });
    await cores[key].initialSync;
  }
}, 180_000);

afterAll(async () => {
  for (const core of Object.values(cores)) await core?.close();
  await hungary?.close();
  await relay?.kill();
  await server?.kill();
  await rm(folder, { recursive: true, force: true });
});

const caseOf = (core: WorkstationCore, caseId: string) => core.calls['cases.get']({ caseId });

async function centralDocumentIds(authorityId: string): Promise<string[]> {
  const body = (await client.expect('GET', `${authorityDatabaseName(authorityId)}/_all_docs`, [200])) as { rows: { id: string }[] };
  return body.rows.map((row) => row.id).filter((id) => !id.startsWith('_design/'));
}

const minimalPdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Stages a file through the pieces API, as the renderer does. */
async function stage(core: WorkstationCore, name: string, bytes: Buffer) {
  const { uploadId } = await core.calls['files.begin']({ name, size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += 30) await core.calls['files.append']({ uploadId, data: bytes.subarray(offset, offset + 30).toString('base64') });
  return core.calls['files.finish']({ uploadId });
}

const questions = ['pq-general.diploma-authentic', 'pq-general.training-level', 'pq-general.registration-date', 'pq-general.certificate-current-status'];
const list = (core: WorkstationCore, box: 'incoming' | 'outgoing' | 'all' = 'all') => core.calls['cases.list']({ box, sort: 'updated', offset: 0, limit: 100 });

describe('a request from Austria to Romania through the exchange relay', () => {
  let caseId: string;

  it('arrives at the Romanian authority with its questions, person concerned and file', async () => {
    const file = await stage(cores.at, 'diploma.pdf', minimalPdf);
    ({ caseId } = await cores.at.calls['cases.send']({
      recipient: romanian.id,
      area: 'PQ',
      subject: 'Doctor: certificate of current professional status',
      competence: 'profession:doctor',
      questionSet: 'pq-general',
      questions,
      concerned: { name: 'Dr. Andrei Popescu', dateOfBirth: '1980-05-03' },
      answerBy: '2026-12-05',
      files: [{ id: file.id }],
    }));
    const received = await waitFor('the request in the Romanian workstation', async () => (await caseOf(cores.ro, caseId))?.state === 'sent' && caseOf(cores.ro, caseId));
    expect(received.roles).toEqual(['recipient', 'allocator']);
    expect(received.allowed.sort()).toEqual(['accepted', 'allocated', 'forwarded', 'info-requested', 'linked', 'split'].sort());
    expect(received.header).toMatchObject({ requester: austrian.id, recipient: romanian.id, questions, concerned: { name: 'Dr. Andrei Popescu' } });
    expect(received.events[0]!.files).toEqual([expect.objectContaining({ name: 'diploma.pdf', type: 'application/pdf', size: minimalPdf.length })]);
    await waitFor('the file in the Romanian replica', () => cores.ro.calls['cases.file']({ caseId, eventId: `${caseId}~0`, fileId: file.id }).then(() => true, () => false));
    const copy = await cores.ro.calls['cases.file']({ caseId, eventId: `${caseId}~0`, fileId: file.id });
    const read = await cores.ro.calls['files.read']({ fileId: copy.fileId, offset: 0, length: 100_000 });
    expect(Buffer.from(read.data, 'base64').equals(minimalPdf)).toBe(true);
  });

  it('is accepted and answered with predefined answers and a file', async () => {
    await cores.ro.calls['cases.record']({ caseId, type: 'allocated', handler: 'Ioana Pop' });
    await cores.ro.calls['cases.record']({ caseId, type: 'accepted', answerBy: '2026-12-05' });
    const certificate = await stage(cores.ro, 'certificate.pdf', minimalPdf);
    await cores.ro.calls['cases.record']({
      caseId,
      type: 'answered',
      answers: { 'pq-general.diploma-authentic': ['yes'], 'pq-general.training-level': ['diploma-university'], 'pq-general.registration-date': '2006-09-01' },
      files: [{ id: certificate.id, question: 'pq-general.certificate-current-status' }],
    });
    const answered = await waitFor('the answer in the Austrian workstation', async () => (await caseOf(cores.at, caseId))?.state === 'answered' && caseOf(cores.at, caseId));
    expect(answered.events.map((event) => [event.number, event.type, event.author])).toEqual([
      [0, 'sent', austrian.id],
      [1, 'allocated', romanian.id],
      [2, 'accepted', romanian.id],
      [3, 'answered', romanian.id],
    ]);
    expect(answered.events[3]!.answers).toEqual({ 'pq-general.diploma-authentic': ['yes'], 'pq-general.training-level': ['diploma-university'], 'pq-general.registration-date': '2006-09-01' });
    expect(answered.allowed.sort()).toEqual(['closed', 'disputed', 'linked']);
    await waitFor('the answer’s file in the Austrian replica', () => cores.at.calls['cases.file']({ caseId, eventId: `${caseId}~3`, fileId: certificate.id }).then(() => true, () => false));
    expect(await cores.at.calls['cases.file']({ caseId, eventId: `${caseId}~3`, fileId: certificate.id })).toMatchObject({ name: 'certificate.pdf', size: minimalPdf.length });
  });

  it('is closed by Austria, and Romania sees it closed', async () => {
    await cores.at.calls['cases.record']({ caseId, type: 'closed' });
    await waitFor('the closed case in the Romanian workstation', async () => (await caseOf(cores.ro, caseId))?.state === 'closed');
    expect((await list(cores.ro)).rows).toEqual([expect.objectContaining({ id: caseId, state: 'closed', role: 'recipient', refused: 0, handler: 'Ioana Pop' })]);
    expect((await list(cores.ro, 'outgoing')).total).toBe(0);
    expect((await list(cores.at, 'outgoing')).rows).toEqual([expect.objectContaining({ id: caseId, counterpart: { id: romanian.id, name: romanian.officialName, country: 'RO' } })]);
  });

  it('exports the request with its answers as a PDF in a chosen language', async () => {
    for (const [language, title] of [['ro', 'Cerere de informații'], ['el', 'Αίτημα παροχής πληροφοριών'], ['de', 'Auskunftsersuchen']] as const) {
      const { fileId, name, size } = await cores.at.calls['cases.pdf']({ caseId, language });
      expect(name).toBe(`${caseId}-${language}.pdf`);
      const { data } = await cores.at.calls['files.read']({ fileId, offset: 0, length: 150_000 });
      const bytes = Buffer.from(data, 'base64');
      expect(bytes.length).toBe(size);
      const document = await PDFDocument.load(bytes);
      expect(document.getTitle()).toBe(`${title}: Doctor: certificate of current professional status`);
      expect(document.getPageCount()).toBeGreaterThanOrEqual(1);
    }
  });

  it('refuses, in the workstation, what the workflow or the questions do not allow, writing nothing', async () => {
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.diploma-authentic': ['no'] } })).rejects.toMatchObject({ code: 'not-allowed' });
    await expect(hungary.call('cases.record', { caseId, type: 'accepted', answerBy: '2026-12-01' })).rejects.toMatchObject({ code: 'not-found' });
    expect((await caseOf(cores.ro, caseId))!.events).toHaveLength(5);
  });

  it('never reaches the Hungarian authority: neither its central database nor its replica', async () => {
    await hungary.call('awaitInSync');
    expect(await hungary.call('cases.list', { box: 'all' })).toMatchObject({ total: 0 });
    expect(await hungary.call('cases.get', { caseId })).toBeNull();
    expect(await centralDocumentIds(hungarian.id)).toEqual([]);
    const romanianIds = await centralDocumentIds(romanian.id);
    expect(romanianIds.sort()).toEqual([`case:${caseId}`, ...[0, 1, 2, 3, 4].map((n) => `event:${caseId}~${n}`)].sort());
  });

  it('tells the author when the relay refuses an event written past the workstation’s checks', async () => {
    // As an out-of-date or tampered client would: an event the workflow does not allow.
    const database = authorityDatabaseName(austrian.id);
    await client.expect('PUT', `${database}/${encodeURIComponent(`event:${caseId}~5`)}`, [201], {
      caseId, number: 5, type: 'accepted', author: austrian.id, at: new Date().toISOString(), answerBy: '2026-12-01',
    });
    const refused = await waitFor('the refusal in the Austrian workstation', async () => {
      const found = await caseOf(cores.at, caseId);
      return found && found.refusals.length > 0 && found;
    });
    expect(refused.refusals[0]).toMatchObject({ id: `${caseId}~5`, code: 'not-allowed-now' });
    expect((await list(cores.at)).rows[0]).toMatchObject({ id: caseId, refused: 1 });
    // The Romanian side never sees it.
    expect(await centralDocumentIds(romanian.id)).not.toContain(`event:${caseId}~5`);
  });
});

describe('a request split and forwarded by its recipient', () => {
  const others = directory.filter((a) => a.country === 'RO' && a.id !== romanian.id);
  const [splitTo, forwardTo] = [others[0]!, others[1]!];
  let caseId: string;

  it('moves the split questions to a new request of the requester, delivered to the other authority', async () => {
    ({ caseId } = await cores.at.calls['cases.send']({ recipient: romanian.id, area: 'PQ', subject: 'Nurse: registration', questionSet: 'pq-general', questions }));
    await waitFor('the request in Romania', async () => (await caseOf(cores.ro, caseId))?.state === 'sent');
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'split', to: splitTo.id, questions })).rejects.toMatchObject({ code: 'not-allowed', message: expect.stringContaining('forward') });
    const { otherCase } = await cores.ro.calls['cases.record']({ caseId, type: 'split', to: splitTo.id, questions: [questions[3]!] });
    const child = await waitFor('the split request in Austria', async () => (await caseOf(cores.at, otherCase!)) ?? false);
    expect(child).toMatchObject({ state: 'sent', recipient: splitTo.id, questions: [questions[3]], header: { requester: austrian.id, splitFrom: caseId } });
    await waitFor('the split request in the other authority’s database', async () => (await centralDocumentIds(splitTo.id)).includes(`event:${otherCase}~0`));
    expect((await caseOf(cores.at, caseId))!.questions).toEqual(questions.slice(0, 3));
  });

  it('delivers the whole request to the authority it is forwarded to; the former recipient keeps it, read-only', async () => {
    await cores.ro.calls['cases.record']({ caseId, type: 'forwarded', to: forwardTo.id, note: 'The Bucharest chamber keeps this register.' });
    await waitFor('the forwarded request in the new authority’s database', async () => (await centralDocumentIds(forwardTo.id)).includes(`event:${caseId}~2`));
    expect((await centralDocumentIds(forwardTo.id)).sort()).toEqual([`case:${caseId}`, `event:${caseId}~0`, `event:${caseId}~1`, `event:${caseId}~2`].sort());
    const forwarded = await waitFor('the forward in Austria', async () => (await caseOf(cores.at, caseId))?.state === 'forwarded' && caseOf(cores.at, caseId));
    expect(forwarded.recipient).toBe(forwardTo.id);
    const former = (await caseOf(cores.ro, caseId))!;
    expect(former).toMatchObject({ roles: [], allowed: [] });
    expect((await list(cores.ro, 'incoming')).rows.find((row) => row.id === caseId)).toMatchObject({ role: 'former-recipient', state: 'forwarded' });
  });
});

describe('bad input: refused with a clear message, nothing else lost', () => {
  let caseId: string;
  let messageId = 0;
  /** A call as the renderer makes it: through the carrier, which checks the input against the contract. */
  async function call(core: WorkstationCore, method: string, input: unknown) {
    const endpoint = createCarrierEndpoint(core.calls, core.streams, () => {});
    return endpoint.handle({ kind: 'call', id: ++messageId, method, input });
  }
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

  it('refuses a file that is not what its name says, one that is no accepted type, and one over the limit', async () => {
    await expect(stage(cores.ro, 'certificate.pdf', png)).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('does not hold what its name says: its content is a PNG image') });
    await expect(stage(cores.ro, 'certificate.pdf', Buffer.from('MZ\x90 an executable'))).rejects.toMatchObject({ message: expect.stringContaining('is not a PDF document or a PNG or JPEG image') });
    await expect(cores.ro.calls['files.begin']({ name: 'scan.pdf', size: maximumAttachmentBytes + 1 })).rejects.toMatchObject({ code: 'invalid-input', message: expect.stringContaining('at most 10 MB') });
    // Announcing a small file and sending more is caught too.
    const { uploadId } = await cores.ro.calls['files.begin']({ name: 'scan.pdf', size: 10 });
    await expect(cores.ro.calls['files.append']({ uploadId, data: minimalPdf.toString('base64') })).rejects.toMatchObject({ message: expect.stringContaining('larger than announced') });
    expect(await stage(cores.ro, 'photo.png', png)).toMatchObject({ type: 'image/png', name: 'photo.png' });
  });

  it('refuses a 1 MB free-text answer, an answer to a question not asked, and a step the table forbids; the request stays as it was', async () => {
    ({ caseId } = await cores.at.calls['cases.send']({ recipient: romanian.id, area: 'PQ', subject: 'Dentist: sanctions', questionSet: 'pq-general', questions: ['pq-general.profession-title', 'pq-general.diploma-authentic'] }));
    await waitFor('the request in Romania', async () => (await caseOf(cores.ro, caseId))?.state === 'sent');
    await cores.ro.calls['cases.record']({ caseId, type: 'accepted', answerBy: '2026-12-20' });
    await waitFor('the acceptance in Austria', async () => (await caseOf(cores.at, caseId))?.state === 'accepted');

    const huge = 'x'.repeat(1_048_576);
    const tooLong = await call(cores.ro, 'cases.record', { caseId, type: 'answered', answers: { 'pq-general.profession-title': huge } });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [expect.objectContaining({ path: expect.stringContaining('answers') })] } });
    // Even past the contract, the core checks the length itself.
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.profession-title': 'y'.repeat(20_001) } })).rejects.toMatchObject({ message: expect.stringContaining('at most 20,000 characters') });
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.registered': ['yes'] } })).rejects.toMatchObject({ code: 'invalid-input', message: 'Question pq-general.registered was not asked in this request; its answer was not recorded.' });
    await expect(cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.diploma-authentic': ['perhaps'] } })).rejects.toMatchObject({ message: expect.stringContaining('Choose one of the predefined answers') });
    await expect(cores.at.calls['cases.record']({ caseId, type: 'closed' })).rejects.toMatchObject({ code: 'not-allowed', message: 'A request that is accepted cannot be closed.' });
    await expect(cores.at.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.diploma-authentic': ['yes'] } })).rejects.toMatchObject({ code: 'not-allowed', message: expect.stringContaining('Only the recipient') });

    // Nothing was written by the refused calls; a good answer still goes through.
    expect((await caseOf(cores.ro, caseId))!.events.map((event) => event.type)).toEqual(['sent', 'accepted']);
    await cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.profession-title': 'Medic stomatolog', 'pq-general.diploma-authentic': ['yes'] } });
    const answered = await waitFor('the answer in Austria', async () => (await caseOf(cores.at, caseId))?.state === 'answered' && caseOf(cores.at, caseId));
    expect(answered.events[2]).toMatchObject({ answers: { 'pq-general.profession-title': 'Medic stomatolog' }, language: 'en' });
  });
});

describe('a disagreement referred to a coordinator', () => {
  const coordinator = directory.find((authority) => authority.country === 'CZ' && authority.roles.some((role) => role.role === 'coordinator'))!;
  let caseId: string;

  it('gives the coordinator the whole request, and the requester can act again once it is resolved', async () => {
    ({ caseId } = await cores.at.calls['cases.send']({ recipient: romanian.id, area: 'PQ', subject: 'Midwife: training', questionSet: 'pq-general', questions: ['pq-general.minimum-training'] }));
    await waitFor('the request in Romania', async () => (await caseOf(cores.ro, caseId))?.state === 'sent');
    await cores.ro.calls['cases.record']({ caseId, type: 'accepted', answerBy: '2026-12-20' });
    await cores.ro.calls['cases.record']({ caseId, type: 'answered', answers: { 'pq-general.minimum-training': ['no'] } });
    await waitFor('the answer in Austria', async () => (await caseOf(cores.at, caseId))?.state === 'answered');
    await cores.at.calls['cases.record']({ caseId, type: 'disputed', to: coordinator.id, note: 'The training meets Article 40; please look at the curriculum.' });

    // The coordinator's database receives the request and every step so far.
    await waitFor('the request at the coordinator', async () => (await centralDocumentIds(coordinator.id)).includes(`event:${caseId}~3`));
    expect((await centralDocumentIds(coordinator.id)).sort()).toEqual([`case:${caseId}`, ...[0, 1, 2, 3].map((n) => `event:${caseId}~${n}`)].sort());
    const referred = await waitFor('the referral in Romania', async () => (await caseOf(cores.ro, caseId))?.state === 'referred' && caseOf(cores.ro, caseId));
    expect(referred.allowed.sort()).toEqual(['allocated', 'linked']); // only the coordinator moves it on

    // The coordinator resolves it (written in its database, as its workstation would).
    await client.expect('PUT', `${authorityDatabaseName(coordinator.id)}/${encodeURIComponent(`event:${caseId}~4`)}`, [201], {
      caseId, number: 4, type: 'resolved', author: coordinator.id, at: new Date().toISOString(), note: 'Article 40 is met; the answer is corrected to yes.',
    });
    const resolved = await waitFor('the resolution in Austria', async () => (await caseOf(cores.at, caseId))?.state === 'answered' && (await caseOf(cores.at, caseId))!.events.length === 5 && caseOf(cores.at, caseId));
    expect(resolved.allowed).toContain('closed');
    expect(resolved.events[4]).toMatchObject({ type: 'resolved', author: coordinator.id });
  });
});
