import { describe, expect, it } from 'vitest';
import { caseEventTypes, type CaseEvent, type CaseEventType, type CaseHeader } from './case-documents';
import { allowedEvents, applyEvent, caseFactsOf, caseRoles, caseStates, checkEvent, decide, partiesOf, rolesOf, type CaseRole, type CaseState } from './case-workflow';

// What the workflow must allow, written out by hand from the description of the real system:
// a second statement of the rules to check the table against. Anything not listed is refused.
type Expected = { by: CaseRole[]; next: CaseState | 'same' | 'back' };
const whileAwaitingAcceptance: Partial<Record<CaseEventType, Expected>> = {
  accepted: { by: ['recipient'], next: 'accepted' },
  forwarded: { by: ['recipient'], next: 'forwarded' },
  split: { by: ['recipient'], next: 'same' },
  'info-requested': { by: ['recipient'], next: 'info-requested' },
  withdrawn: { by: ['requester'], next: 'closed' },
  linked: { by: ['requester', 'recipient'], next: 'same' },
  allocated: { by: ['allocator'], next: 'same' },
};
const expected: Record<CaseState, Partial<Record<CaseEventType, Expected>>> = {
  draft: { sent: { by: ['requester'], next: 'sent' } },
  sent: whileAwaitingAcceptance,
  forwarded: whileAwaitingAcceptance,
  accepted: {
    answered: { by: ['recipient'], next: 'answered' },
    disputed: { by: ['requester', 'recipient'], next: 'referred' },
    forwarded: { by: ['recipient'], next: 'forwarded' },
    split: { by: ['recipient'], next: 'same' },
    'info-requested': { by: ['recipient'], next: 'info-requested' },
    withdrawn: { by: ['requester'], next: 'closed' },
    linked: { by: ['requester', 'recipient'], next: 'same' },
    allocated: { by: ['allocator'], next: 'same' },
  },
  'info-requested': {
    'info-provided': { by: ['requester'], next: 'back' },
    withdrawn: { by: ['requester'], next: 'closed' },
    linked: { by: ['requester', 'recipient'], next: 'same' },
    allocated: { by: ['allocator'], next: 'same' },
  },
  answered: {
    closed: { by: ['requester'], next: 'closed' },
    disputed: { by: ['requester'], next: 'referred' },
    linked: { by: ['requester', 'recipient'], next: 'same' },
  },
  referred: {
    resolved: { by: ['coordinator'], next: 'back' },
    forwarded: { by: ['coordinator'], next: 'forwarded' },
    linked: { by: ['requester', 'recipient'], next: 'same' },
    allocated: { by: ['allocator'], next: 'same' },
  },
  closed: { linked: { by: ['requester', 'recipient'], next: 'same' } },
};

describe('the workflow table, every state × action × role', () => {
  for (const state of caseStates) {
    for (const type of caseEventTypes) {
      for (const role of caseRoles) {
        const rule = expected[state][type];
        const outcome = !rule ? 'refused: not allowed now' : rule.by.includes(role) ? 'allowed' : 'refused: wrong party';
        it(`${state}: ${type} by the ${role} is ${outcome}`, () => {
          const verdict = decide(state, type, role);
          if (!rule) expect(verdict).toMatchObject({ ok: false, code: 'not-allowed-now', detail: `A request that is ${state} cannot be ${type}.` });
          else if (!rule.by.includes(role)) {
            expect(verdict).toMatchObject({ ok: false, code: 'wrong-party' });
            if (!verdict.ok) for (const allowed of rule.by) expect(verdict.detail).toContain(allowed);
          } else expect(verdict).toEqual({ ok: true });
          expect(allowedEvents(state, [role]).includes(type)).toBe(outcome === 'allowed');
        });
      }
    }
  }
});

// The same rules at the level of events between authorities.
const requester = 'AT-000010';
const recipient = 'RO-000020';
const other = 'RO-000030';
const coordinator = 'RO-000001';
const outsider = 'HU-000040';
const header: CaseHeader = {
  id: 'AT-000010-x1',
  requester,
  recipient,
  area: 'PQ',
  subject: 'Doctor',
  createdAt: '2026-11-01T10:00:00Z',
  questions: ['q1', 'q2', 'q3'],
  answerBy: '2026-11-20',
};

function event(type: CaseEventType, number: number, author: string, content: Partial<CaseEvent> = {}): CaseEvent {
  return { id: `${header.id}~${number}`, caseId: header.id, number, type, author, at: `2026-11-0${Math.min(number + 1, 9)}T10:00:00Z`, ...content };
}

/** A well-formed event of each type (its content fits any state that allows it). */
function wellFormed(type: CaseEventType, number: number, author: string, holder: string): CaseEvent {
  const content: Record<CaseEventType, Partial<CaseEvent>> = {
    sent: {},
    accepted: { answerBy: '2026-11-25' },
    forwarded: { to: holder === other ? 'RO-000050' : other },
    split: { to: 'RO-000060', questions: ['q3'], otherCase: `${header.id}-s` },
    'info-requested': { note: 'Please send the date of birth.' },
    'info-provided': { note: 'Born on 3 May 1980.' },
    answered: { answers: { q1: ['yes'] } },
    closed: {},
    withdrawn: {},
    disputed: { to: coordinator, note: 'The proposed date is too late.' },
    resolved: { note: 'Agreed on the 25th.' },
    allocated: { handler: 'Ioana Pop' },
    linked: { otherCase: 'AT-000010-x9' },
  };
  return event(type, number, author, content[type]);
}

/** Events that bring the request into each state; `holder` is its recipient then. */
const chains: Record<CaseState, { events: CaseEvent[]; holder: string }> = {
  draft: { events: [], holder: recipient },
  sent: { events: [event('sent', 0, requester)], holder: recipient },
  forwarded: { events: [event('sent', 0, requester), event('forwarded', 1, recipient, { to: other })], holder: other },
  accepted: { events: [event('sent', 0, requester), event('accepted', 1, recipient, { answerBy: '2026-11-20' })], holder: recipient },
  'info-requested': {
    events: [event('sent', 0, requester), event('accepted', 1, recipient, { answerBy: '2026-11-20' }), event('info-requested', 2, recipient, { note: 'Which diploma?' })],
    holder: recipient,
  },
  answered: {
    events: [event('sent', 0, requester), event('accepted', 1, recipient, { answerBy: '2026-11-20' }), event('answered', 2, recipient, { answers: { q1: ['yes'] } })],
    holder: recipient,
  },
  referred: {
    events: [event('sent', 0, requester), event('accepted', 1, recipient, { answerBy: '2026-12-20' }), event('disputed', 2, requester, { to: coordinator, note: 'Too late.' })],
    holder: recipient,
  },
  closed: {
    events: [event('sent', 0, requester), event('accepted', 1, recipient, { answerBy: '2026-11-20' }), event('answered', 2, recipient, { answers: { q1: ['no'] } }), event('closed', 3, requester)],
    holder: recipient,
  },
};

describe('events between authorities, every state × event × party', () => {
  for (const state of caseStates) {
    const { events, holder } = chains[state];
    const facts = caseFactsOf(header, events);
    it(`the chain for "${state}" reaches it`, () => expect(facts.state).toBe(state));
    const parties = { requester, recipient: holder, coordinator: state === 'referred' ? coordinator : undefined, outsider } as const;
    for (const type of caseEventTypes) {
      for (const [party, author] of Object.entries(parties)) {
        if (!author) continue;
        it(`${state}: ${type} written by the ${party}`, () => {
          const verdict = checkEvent(header, facts, events.length, wellFormed(type, events.length, author, holder));
          const roles = rolesOf(header, facts, author);
          const rule = expected[state][type];
          if (party === 'outsider') expect(verdict).toMatchObject({ ok: false, code: 'not-a-party' });
          else if (!rule) expect(verdict).toMatchObject({ ok: false, code: 'not-allowed-now' });
          else if (!rule.by.some((role) => roles.includes(role))) expect(verdict).toMatchObject({ ok: false, code: 'wrong-party' });
          else if (type === 'sent') expect(verdict).toEqual({ ok: true, next: 'sent' });
          else {
            const next = rule.next === 'same' ? state : rule.next === 'back' ? 'accepted' : rule.next;
            expect(verdict).toEqual({ ok: true, next });
          }
        });
      }
    }
  }
});

describe('what an event must carry', () => {
  const accepted = caseFactsOf(header, chains.accepted.events);
  const check = (type: CaseEventType, author: string, content: Partial<CaseEvent>) => checkEvent(header, accepted, 2, event(type, 2, author, content));

  it('refuses an answer to a question that was not asked, and names it', () => {
    expect(check('answered', recipient, { answers: { q1: ['yes'], q9: 'secret' } })).toMatchObject({ ok: false, code: 'bad-content', detail: expect.stringContaining('q9') });
    expect(check('answered', recipient, { files: [{ id: 'f1', name: 'a.pdf', type: 'application/pdf', size: 10, question: 'q7' }] })).toMatchObject({ code: 'bad-content' });
    expect(check('answered', recipient, {})).toMatchObject({ code: 'bad-content' });
    expect(check('answered', recipient, { answers: { q2: 'Registered since 2004.' } })).toEqual({ ok: true, next: 'answered' });
  });

  it('refuses an answer that does not fit its question (the relay applies this rule too)', () => {
    const real = { ...header, questions: ['pq-general.diploma-authentic', 'pq-general.registration-date'] };
    const facts = caseFactsOf(real, chains.accepted.events);
    const answer = (answers: CaseEvent['answers']) => checkEvent(real, facts, 2, event('answered', 2, recipient, { answers }));
    expect(answer({ 'pq-general.diploma-authentic': ['perhaps'] })).toMatchObject({ code: 'bad-content', detail: expect.stringContaining('predefined answers') });
    expect(answer({ 'pq-general.registration-date': 'last spring' })).toMatchObject({ code: 'bad-content', detail: expect.stringContaining('Enter a date') });
    expect(answer({ 'pq-general.diploma-authentic': ['yes'], 'pq-general.registration-date': '2006-09-01' })).toEqual({ ok: true, next: 'answered' });
  });

  it('refuses a split that moves unknown questions, none, or all of them', () => {
    const split = (questions: string[], to = 'RO-000060') => check('split', recipient, { to, questions, otherCase: 'AT-000010-x1-s' });
    expect(split(['q4'])).toMatchObject({ code: 'bad-content', detail: expect.stringContaining('q4') });
    expect(split([])).toMatchObject({ code: 'bad-content' });
    expect(split(['q1', 'q2', 'q3'])).toMatchObject({ code: 'bad-content', detail: expect.stringContaining('forward') });
    expect(split(['q2'], requester)).toMatchObject({ code: 'bad-content' });
    expect(split(['q2', 'q3'])).toEqual({ ok: true, next: 'accepted' });
  });

  it('refuses a forward to a party the request already has, and one without an authority', () => {
    expect(check('forwarded', recipient, { to: requester })).toMatchObject({ code: 'bad-content' });
    expect(check('forwarded', recipient, { to: recipient })).toMatchObject({ code: 'bad-content' });
    expect(check('forwarded', recipient, {})).toMatchObject({ code: 'bad-content' });
  });

  it('needs a date to accept, a message to ask or refer, a handler to allocate, another request to link', () => {
    const sent = caseFactsOf(header, chains.sent.events);
    expect(checkEvent(header, sent, 1, event('accepted', 1, recipient, {}))).toMatchObject({ code: 'bad-content' });
    expect(checkEvent(header, sent, 1, event('accepted', 1, recipient, { answerBy: 'soon' }))).toMatchObject({ code: 'bad-content' });
    expect(check('info-requested', recipient, { note: '  ' })).toMatchObject({ code: 'bad-content' });
    expect(check('disputed', requester, { to: coordinator })).toMatchObject({ code: 'bad-content' });
    expect(check('allocated', recipient, {})).toMatchObject({ code: 'bad-content' });
    expect(check('linked', recipient, { otherCase: header.id })).toMatchObject({ code: 'bad-content' });
  });

  it('refuses an event of another request, and one that takes a position already taken', () => {
    expect(checkEvent(header, accepted, 2, { ...event('answered', 2, recipient, { answers: { q1: ['yes'] } }), caseId: 'other' })).toMatchObject({ code: 'wrong-case' });
    expect(checkEvent(header, accepted, 2, event('answered', 1, recipient, { answers: { q1: ['yes'] } }))).toMatchObject({ code: 'out-of-order' });
  });
});

describe('the facts a chain of events leads to', () => {
  it('goes back to where it was once information is provided or a disagreement resolved', () => {
    const asked = chains['info-requested'].events;
    const provided = caseFactsOf(header, [...asked, event('info-provided', 3, requester, { note: 'The 2004 diploma.' })]);
    expect(provided.state).toBe('accepted');
    const askedBeforeAccepting = [event('sent', 0, requester), event('info-requested', 1, recipient, { note: 'Which one?' }), event('info-provided', 2, requester, { note: 'That one.' })];
    expect(caseFactsOf(header, askedBeforeAccepting).state).toBe('sent');
    const referred = chains.referred.events;
    const resolved = caseFactsOf(header, [...referred, event('resolved', 3, coordinator, { note: 'Answer by the 10th.' })]);
    expect(resolved).toMatchObject({ state: 'accepted', coordinator: undefined });
  });

  it('moves the request to the authority it is forwarded to; the former recipient can no longer act', () => {
    const facts = caseFactsOf(header, chains.forwarded.events);
    expect(facts).toMatchObject({ recipient: other, formerRecipients: [recipient] });
    expect(rolesOf(header, facts, recipient)).toEqual([]);
    expect(checkEvent(header, facts, 2, event('accepted', 2, recipient, { answerBy: '2026-11-20' }))).toMatchObject({ code: 'not-a-party' });
    expect(checkEvent(header, facts, 2, event('accepted', 2, other, { answerBy: '2026-11-20' }))).toEqual({ ok: true, next: 'accepted' });
  });

  it('notes a proposed date, the split questions, the answers and when each step happened', () => {
    const events = [
      event('sent', 0, requester),
      event('accepted', 1, recipient, { answerBy: '2026-11-27' }),
      event('split', 2, recipient, { to: 'RO-000060', questions: ['q3'], otherCase: 'AT-000010-x1-s2' }),
      event('answered', 3, recipient, { answers: { q1: ['yes'], q2: '2004-06-30' } }),
    ];
    const facts = caseFactsOf(header, events);
    expect(facts).toMatchObject({
      state: 'answered',
      answerBy: '2026-11-27',
      dateProposed: true,
      questions: ['q1', 'q2'],
      splits: [{ caseId: 'AT-000010-x1-s2', to: 'RO-000060', questions: ['q3'] }],
      answers: { q1: ['yes'], q2: '2004-06-30' },
      sentAt: '2026-11-01T10:00:00Z',
      answeredAt: '2026-11-04T10:00:00Z',
    });
  });

  it('stops at the first event the rules refuse, in whatever order the events arrive', () => {
    const events = [event('answered', 2, recipient, { answers: { q1: ['yes'] } }), event('sent', 0, requester), event('closed', 1, requester)];
    expect(caseFactsOf(header, events).state).toBe('sent');
  });

  it('delivers to the requester, the recipient before and after, and the coordinator', () => {
    const before = caseFactsOf(header, chains.sent.events);
    const forward = event('forwarded', 1, recipient, { to: other });
    const after = applyEvent(before, forward, 'forwarded');
    expect(partiesOf(header, before, after).sort()).toEqual([requester, recipient, other].sort());
    const referred = caseFactsOf(header, chains.referred.events);
    expect(partiesOf(header, referred).sort()).toEqual([requester, recipient, coordinator].sort());
    expect(partiesOf(header, before)).not.toContain(outsider);
  });
});
