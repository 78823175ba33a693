// The exchange relay in-process against a PouchDB server process: an event with an
// attachment reaches the other party with the attachment, byte for byte; an event of a
// stranger to the case is refused and recorded in the stranger's database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDatabaseName } from '../../shared/cases/case-documents';
import { CentralClient } from '../central-client';
import { provisionAuthorityDatabase } from '../provisioning';
import { startCentralProcess, type CentralProcess } from '../testing/central-process';
import { startExchangeRelay, type ExchangeRelay } from './exchange-relay';

let server: CentralProcess;
let client: CentralClient;
let relay: ExchangeRelay;
const [austria, romania, hungary] = ['AT-000001', 'RO-000002', 'HU-000003'];

beforeAll(async () => {
  server = await startCentralProcess({ authorities: 0 });
  client = new CentralClient(server.url);
  for (const authority of [austria, romania, hungary]) await provisionAuthorityDatabase(client, authority);
  relay = await startExchangeRelay({ client, pollMs: 60_000 }); // rounds are run by the test
}, 120_000);

afterAll(async () => {
  await relay?.stop();
  await server?.kill();
});

describe('the exchange relay', () => {
  it('delivers an event with its attachment to the other party', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200_000, 7)]);
    await client.expect('POST', `${authorityDatabaseName(austria)}/_bulk_docs`, [201], {
      docs: [
        { _id: 'case:AT-000001-a1', requester: austria, recipient: romania, area: 'PQ', subject: 'Doctor', createdAt: '2026-11-28T10:00:00Z' },
        {
          _id: 'event:AT-000001-a1~0', caseId: 'AT-000001-a1', number: 0, type: 'sent', author: austria, at: '2026-11-28T10:00:00Z',
          _attachments: { 'diploma.pdf': { content_type: 'application/pdf', data: pdf.toString('base64') } },
        },
      ],
    });
    await relay.runOnce();
    const response = await fetch(`${server.url}/${authorityDatabaseName(romania)}/${encodeURIComponent('event:AT-000001-a1~0')}/diploma.pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
    const copy = (await client.expect('GET', `${authorityDatabaseName(romania)}/${encodeURIComponent('event:AT-000001-a1~0')}`, [200])) as { _rev: string };
    const original = (await client.expect('GET', `${authorityDatabaseName(austria)}/${encodeURIComponent('event:AT-000001-a1~0')}`, [200])) as { _rev: string };
    expect(copy._rev).toBe(original._rev);
  });

  it('refuses an event by an authority that is not a party, and tells that authority', async () => {
    await client.expect('POST', `${authorityDatabaseName(hungary)}/_bulk_docs`, [201], {
      docs: [{ _id: 'event:AT-000001-a1~1', caseId: 'AT-000001-a1', number: 1, type: 'accepted', author: hungary, at: '2026-11-28T11:00:00Z' }],
    });
    await relay.runOnce();
    const refusal = (await client.expect('GET', `${authorityDatabaseName(hungary)}/${encodeURIComponent('refusal:AT-000001-a1~1')}`, [200])) as { code: string };
    expect(refusal.code).toBe('not-a-party');
    const romanian = (await client.expect('GET', `${authorityDatabaseName(romania)}/_all_docs`, [200])) as { rows: { id: string }[] };
    expect(romanian.rows.map((row) => row.id)).not.toContain('event:AT-000001-a1~1');
  });
});
