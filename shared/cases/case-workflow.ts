// The workflow of a case as one table: in which state, which party may write which event,
// and the state it leads to. Used by the workstation (to offer only allowed actions and to
// refuse the rest), and by the exchange relay (to check each event before delivering it).
import type { CaseEvent, CaseEventType, CaseHeader } from './case-documents';

export const caseStates = ['none', 'sent', 'accepted', 'answered', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

export type CaseRole = 'requester' | 'recipient';

/** state → event → who may write it and the next state. */
export const workflowTable: Record<CaseState, Partial<Record<CaseEventType, { by: CaseRole; next: CaseState }>>> = {
  none: { sent: { by: 'requester', next: 'sent' } },
  sent: { accepted: { by: 'recipient', next: 'accepted' } },
  accepted: { answered: { by: 'recipient', next: 'answered' } },
  answered: { closed: { by: 'requester', next: 'closed' } },
  closed: {},
};

export type RefusalReason = { code: 'not-a-party' | 'wrong-party' | 'not-allowed-now' | 'out-of-order' | 'wrong-case'; detail: string };
export type Verdict = { ok: true; next: CaseState } | ({ ok: false } & RefusalReason);

export function roleOf(header: CaseHeader, authorityId: string): CaseRole | undefined {
  if (authorityId === header.requester) return 'requester';
  if (authorityId === header.recipient) return 'recipient';
  return undefined;
}

/** The state reached by a chain of events, checked event by event; stops at the first bad one. */
export function caseStateOf(header: CaseHeader, events: readonly CaseEvent[]): CaseState {
  let state: CaseState = 'none';
  const ordered = [...events].sort((a, b) => a.number - b.number);
  for (const [position, event] of ordered.entries()) {
    const verdict = checkEvent(header, state, position, event);
    if (!verdict.ok) break;
    state = verdict.next;
  }
  return state;
}

/**
 * Whether `event` may follow a chain of `length` events that reached `state`: its author must
 * be the party the table names, in that state, and the event must take the next position
 * (two parties writing at once: the first one delivered wins, the other is refused).
 */
export function checkEvent(header: CaseHeader, state: CaseState, length: number, event: CaseEvent): Verdict {
  if (event.caseId !== header.id) return { ok: false, code: 'wrong-case', detail: `The event belongs to case ${event.caseId}, not ${header.id}.` };
  const role = roleOf(header, event.author);
  if (!role) return { ok: false, code: 'not-a-party', detail: `Authority ${event.author} is not a party to case ${header.id}.` };
  const rule = workflowTable[state][event.type];
  if (!rule) return { ok: false, code: 'not-allowed-now', detail: `A case in state "${state}" cannot be ${event.type}.` };
  if (rule.by !== role) return { ok: false, code: 'wrong-party', detail: `Only the ${rule.by} may record "${event.type}"; ${event.author} is the ${role}.` };
  if (event.number !== length) {
    return { ok: false, code: 'out-of-order', detail: `The case moved on meanwhile: the event takes position ${event.number}, the next one is ${length}.` };
  }
  return { ok: true, next: rule.next };
}

/** The events a party may write now, for the actions the workstation offers. */
export function allowedEvents(state: CaseState, role: CaseRole): CaseEventType[] {
  return (Object.entries(workflowTable[state]) as [CaseEventType, { by: CaseRole }][]).filter(([, rule]) => rule.by === role).map(([type]) => type);
}

/** The authorities entitled to a case's documents (coordinators in scope join with sign-in). */
export function partiesOf(header: CaseHeader): string[] {
  return header.requester === header.recipient ? [header.requester] : [header.requester, header.recipient];
}
