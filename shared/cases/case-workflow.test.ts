import { describe, expect, it } from 'vitest';
import { caseEventTypes, type CaseEvent, type CaseHeader } from './case-documents';
import { allowedEvents, caseStateOf, caseStates, checkEvent, partiesOf, workflowTable, type CaseRole } from './case-workflow';

const header: CaseHeader = { id: 'AT-000001-x1', requester: 'AT-000001', recipient: 'RO-000002', area: 'PQ', subject: 'Doctor', createdAt: '2026-11-01T10:00:00Z' };
const authorOf: Record<CaseRole | 'outsider', string> = { requester: 'AT-000001', recipient: 'RO-000002', outsider: 'HU-000003' };
const event = (type: CaseEvent['type'], number: number, author: string, caseId = header.id): CaseEvent => ({ id: `${caseId}~${number}`, caseId, number, type, author, at: '2026-11-02T10:00:00Z' });

// What the table says, written out by hand: a second statement of the rules to check it against.
const expected: Record<string, { by: CaseRole; next: string } | undefined> = {
  'none/sent': { by: 'requester', next: 'sent' },
  'sent/accepted': { by: 'recipient', next: 'accepted' },
  'accepted/answered': { by: 'recipient', next: 'answered' },
  'answered/closed': { by: 'requester', next: 'closed' },
};

describe('the workflow table, every state × event × party', () => {
  for (const state of caseStates) {
    for (const type of caseEventTypes) {
      for (const party of ['requester', 'recipient', 'outsider'] as const) {
        it(`${state}: ${type} by the ${party}`, () => {
          const rule = expected[`${state}/${type}`];
          const verdict = checkEvent(header, state, 3, event(type, 3, authorOf[party]));
          if (party === 'outsider') expect(verdict).toMatchObject({ ok: false, code: 'not-a-party' });
          else if (!rule) expect(verdict).toMatchObject({ ok: false, code: 'not-allowed-now' });
          else if (rule.by !== party) expect(verdict).toMatchObject({ ok: false, code: 'wrong-party' });
          else expect(verdict).toEqual({ ok: true, next: rule.next });
          if (party !== 'outsider') expect(allowedEvents(state, party).includes(type)).toBe(rule?.by === party);
        });
      }
    }
  }
  it('has no rule that the hand-written statement lacks', () => {
    const inTable = caseStates.flatMap((state) => Object.keys(workflowTable[state]).map((type) => `${state}/${type}`));
    expect(inTable.sort()).toEqual(Object.keys(expected).sort());
  });
});

describe('order and membership', () => {
  it('refuses an event that does not take the next position', () => {
    expect(checkEvent(header, 'sent', 1, event('accepted', 2, authorOf.recipient))).toMatchObject({ ok: false, code: 'out-of-order' });
    expect(checkEvent(header, 'sent', 1, event('accepted', 0, authorOf.recipient))).toMatchObject({ ok: false, code: 'out-of-order' });
  });
  it('refuses an event of another case', () => {
    expect(checkEvent(header, 'none', 0, event('sent', 0, authorOf.requester, 'AT-000001-other'))).toMatchObject({ ok: false, code: 'wrong-case' });
  });
  it('derives the state from the events, in position order, up to the first bad one', () => {
    const chain = [event('answered', 2, authorOf.recipient), event('sent', 0, authorOf.requester), event('accepted', 1, authorOf.recipient)];
    expect(caseStateOf(header, chain)).toBe('answered');
    expect(caseStateOf(header, [...chain, event('closed', 3, authorOf.requester)])).toBe('closed');
    expect(caseStateOf(header, [event('sent', 0, authorOf.requester), event('answered', 1, authorOf.recipient)])).toBe('sent');
    expect(caseStateOf(header, [])).toBe('none');
  });
  it('names both parties once', () => {
    expect(partiesOf(header)).toEqual(['AT-000001', 'RO-000002']);
    expect(partiesOf({ ...header, recipient: header.requester })).toEqual(['AT-000001']);
  });
});
