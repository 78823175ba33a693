// The exchange relay killed (SIGKILL) at random moments while 1,000 case events flow between
// four authorities: every event reaches each party entitled to it exactly once (one
// revision, the author's, no conflicts), no other authority, and nothing is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorityDatabaseName, type CaseEventType } from '../../shared/cases/case-documents';
import { CentralClient } from '../central-client';
import { provisionAuthorityDatabase } from '../provisioning';
import { startCentralProcess, type CentralProcess } from '../testing/central-process';
import { startRelayProcess } from '../testing/relay-process';
import type { StartedProcess } from '../testing/typescript-process';
import { waitFor } from '../../electron/core/testing/wait-for';
import { relayDatabaseName } from './exchange-relay';

const kills = Number(process.env['IMI_DESK_RELAY_KILLS'] ?? 20);
// Four events per case (sent, accepted, answered, closed): 1,000 events for 20 kills, more for
// more kills so that every kill still falls while events flow.
const cases = 250 * Math.max(1, Math.ceil(kills / 20));
const authorities = ['AT-000001', 'RO-000002', 'HU-000003', 'DE-000004'];

let server: CentralProcess;
let client: CentralClient;
let relay: StartedProcess | undefined;

beforeAll(async () => {
  server = await startCentralProcess({ authorities: 0 });
  client = new CentralClient(server.url);
  for (const authority of authorities) await provisionAuthorityDatabase(client, authority);
}, 120_000);

afterAll(async () => {
  await relay?.kill();
  await server?.kill();
});

type Step = { type: CaseEventType; by: 'requester' | 'recipient'; waitsFor: number | null; content?: Record<string, unknown> };
// Each party writes a step once it has received the step before it (as a workstation would).
const steps: Step[] = [
  { type: 'sent', by: 'requester', waitsFor: null },
  { type: 'accepted', by: 'recipient', waitsFor: 0, content: { answerBy: '2026-12-20' } },
  { type: 'answered', by: 'recipient', waitsFor: 1, content: { note: 'The diploma is authentic.' } },
  { type: 'closed', by: 'requester', waitsFor: 2 },
];

interface Case {
  id: string;
  requester: string;
  recipient: string;
  written: number;
}

async function idsIn(authority: string): Promise<Set<string>> {
  const body = (await client.expect('GET', `${authorityDatabaseName(authority)}/_all_docs`, [200])) as { rows: { id: string }[] };
  return new Set(body.rows.map((row) => row.id));
}

async function documentsIn(authority: string) {
  const body = (await client.expect('GET', `${authorityDatabaseName(authority)}/_all_docs?include_docs=true&conflicts=true`, [200])) as {
    rows: { id: string; doc: Record<string, unknown> & { _rev: string; _conflicts?: string[] } }[];
  };
  return body.rows.filter((row) => !row.id.startsWith('_design/')).map((row) => row.doc);
}

describe('the exchange relay, killed at random moments', () => {
  it(`delivers ${cases * 4} events exactly once to each party through ${kills} kills`, async () => {
    const all: Case[] = Array.from({ length: cases }, (_, index) => {
      const requester = authorities[index % 4]!;
      const recipient = authorities[(index + 1 + (index % 3)) % 4]!;
      return { id: `${requester}-case${index}`, requester, recipient, written: 0 };
    });

    // The parties: each round, whoever has received what it waits for writes its next step.
    let partiesDone = false;
    const parties = (async () => {
      while (!all.every((c) => c.written === steps.length)) {
        const received = new Map(await Promise.all(authorities.map(async (a) => [a, await idsIn(a)] as const)));
        const writes = new Map<string, Record<string, unknown>[]>();
        for (const c of all) {
          const step = steps[c.written];
          if (!step) continue;
          const author = step.by === 'requester' ? c.requester : c.recipient;
          if (step.waitsFor !== null && !received.get(author)!.has(`event:${c.id}~${step.waitsFor}`)) continue;
          const documents = writes.get(author) ?? [];
          if (c.written === 0) documents.push({ _id: `case:${c.id}`, requester: c.requester, recipient: c.recipient, area: 'PQ', subject: 'Doctor', createdAt: new Date().toISOString() });
          documents.push({ _id: `event:${c.id}~${c.written}`, caseId: c.id, number: c.written, type: step.type, author, at: new Date().toISOString(), ...step.content });
          writes.set(author, documents);
          c.written++;
        }
        for (const [author, docs] of writes) await client.expect('POST', `${authorityDatabaseName(author)}/_bulk_docs`, [201], { docs });
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      partiesDone = true;
    })();

    // The killer: the relay runs for a random moment, is killed, and is started again.
    let killed = 0;
    let killedWhileFlowing = 0;
    while (killed < kills) {
      relay = await startRelayProcess(server.url, 50);
      await new Promise((resolve) => setTimeout(resolve, 200 + Math.random() * 1_300));
      await relay.kill();
      killed++;
      if (!partiesDone) killedWhileFlowing++;
    }
    relay = await startRelayProcess(server.url, 50);
    await parties;
    expect(partiesDone).toBe(true);

    // Every party holds each of its cases' documents once, at the author's revision.
    const expectedIds = (authority: string) =>
      all.filter((c) => c.requester === authority || c.recipient === authority).flatMap((c) => [`case:${c.id}`, ...steps.map((_, n) => `event:${c.id}~${n}`)]);
    const byAuthority = new Map<string, Awaited<ReturnType<typeof documentsIn>>>();
    await waitFor('the last deliveries', async () => {
      for (const authority of authorities) byAuthority.set(authority, await documentsIn(authority));
      return authorities.every((a) => byAuthority.get(a)!.length >= expectedIds(a).length);
    });
    let delivered = 0;
    for (const authority of authorities) {
      const documents = byAuthority.get(authority)!;
      expect(documents.map((d) => d['_id']).sort()).toEqual(expectedIds(authority).sort()); // nothing missing, nothing foreign, no refusal
      for (const document of documents) {
        expect(document._rev.startsWith('1-')).toBe(true);
        expect(document._conflicts).toBeUndefined();
      }
      delivered += documents.filter((d) => String(d['_id']).startsWith('event:')).length;
    }
    expect(delivered).toBe(cases * steps.length * 2); // each event at both parties

    // The same revision at both parties: copies, not rewrites.
    for (const c of all.slice(0, 50)) {
      for (let n = 0; n < steps.length; n++) {
        const id = `event:${c.id}~${n}`;
        const at = (a: string) => byAuthority.get(a)!.find((d) => d['_id'] === id)!._rev;
        expect(at(c.requester)).toBe(at(c.recipient));
      }
    }
    const decisions = (await client.expect('GET', `${relayDatabaseName}/_all_docs?startkey=%22decision%3A%22&endkey=%22decision%3A%EF%BF%BF%22&include_docs=true`, [200])) as {
      rows: { doc: { verdict: { ok: boolean } } }[];
    };
    expect(decisions.rows).toHaveLength(cases * steps.length);
    expect(decisions.rows.every((row) => row.doc.verdict.ok)).toBe(true);
    expect(killedWhileFlowing).toBe(kills); // every kill fell while events were still flowing
  }, 600_000);
});
