// The workflow of a request as one table: in which state, which role may write which event,
// and the state it leads to. Used by the renderer (to offer only allowed actions), by the
// workstation's core (to refuse the rest with a reason) and by the exchange relay (to check
// each event before delivering it).
import { answerProblem, questionOf } from '../requests/question-catalogue';
import type { AnswerValue, CaseEvent, CaseEventType, CaseHeader } from './case-documents';

export const caseStates = ['draft', 'sent', 'forwarded', 'accepted', 'info-requested', 'answered', 'referred', 'closed'] as const;
export type CaseState = (typeof caseStates)[number];

/**
 * The requester and the (current) recipient are authorities; the allocator is the recipient's
 * officer who hands incoming requests to colleagues; the coordinator is the one a disagreement
 * was referred to. Until sign-in tells officers apart, every officer of the recipient
 * authority may act as its allocator.
 */
export const caseRoles = ['requester', 'recipient', 'allocator', 'coordinator'] as const;
export type CaseRole = (typeof caseRoles)[number];

/** `back`: the state the request was in before information was asked or a coordinator called in. */
type Next = CaseState | 'same' | 'back';
type Rule = { by: readonly CaseRole[]; next: Next };

const open = ['sent', 'forwarded', 'accepted', 'info-requested', 'answered', 'referred'] as const;
const awaitingAcceptance = ['sent', 'forwarded'] as const;

/** state → event → who may write it and the state it leads to. */
export const workflowTable: Record<CaseState, Partial<Record<CaseEventType, Rule>>> = {
  draft: { sent: { by: ['requester'], next: 'sent' } },
  sent: {},
  forwarded: {},
  accepted: {
    answered: { by: ['recipient'], next: 'answered' },
    disputed: { by: ['requester', 'recipient'], next: 'referred' },
  },
  'info-requested': { 'info-provided': { by: ['requester'], next: 'back' } },
  answered: {
    closed: { by: ['requester'], next: 'closed' },
    disputed: { by: ['requester'], next: 'referred' },
  },
  referred: {
    resolved: { by: ['coordinator'], next: 'back' },
    forwarded: { by: ['coordinator'], next: 'forwarded' },
  },
  closed: { linked: { by: ['requester', 'recipient'], next: 'same' } },
};
for (const state of awaitingAcceptance) {
  workflowTable[state] = {
    accepted: { by: ['recipient'], next: 'accepted' },
    forwarded: { by: ['recipient'], next: 'forwarded' },
    split: { by: ['recipient'], next: 'same' },
    'info-requested': { by: ['recipient'], next: 'info-requested' },
    withdrawn: { by: ['requester'], next: 'closed' },
  };
}
Object.assign(workflowTable.accepted, {
  forwarded: { by: ['recipient'], next: 'forwarded' },
  split: { by: ['recipient'], next: 'same' },
  'info-requested': { by: ['recipient'], next: 'info-requested' },
  withdrawn: { by: ['requester'], next: 'closed' },
} satisfies Partial<Record<CaseEventType, Rule>>);
workflowTable['info-requested'].withdrawn = { by: ['requester'], next: 'closed' };
for (const state of open) {
  workflowTable[state].linked = { by: ['requester', 'recipient'], next: 'same' };
  if (state !== 'answered') workflowTable[state].allocated = { by: ['allocator'], next: 'same' };
}

export type RefusalCode = 'not-a-party' | 'wrong-party' | 'not-allowed-now' | 'out-of-order' | 'wrong-case' | 'bad-content';
export type RefusalReason = { code: RefusalCode; detail: string };
export type Verdict = { ok: true; next: CaseState } | ({ ok: false } & RefusalReason);

/** Whether `role` may write `type` in `state`, by the table alone. */
export function decide(state: CaseState, type: CaseEventType, role: CaseRole): { ok: true } | ({ ok: false } & RefusalReason) {
  const rule = workflowTable[state][type];
  if (!rule) return { ok: false, code: 'not-allowed-now', detail: `A request that is ${state} cannot be ${type}.` };
  if (!rule.by.includes(role)) return { ok: false, code: 'wrong-party', detail: `Only the ${rule.by.join(' or the ')} may record "${type}" now; you act as the ${role}.` };
  return { ok: true };
}

/** The events a role may write in a state, for the actions the workstation offers. */
export function allowedEvents(state: CaseState, roles: readonly CaseRole[]): CaseEventType[] {
  return (Object.entries(workflowTable[state]) as [CaseEventType, Rule][]).filter(([, rule]) => rule.by.some((role) => roles.includes(role))).map(([type]) => type);
}

/** Everything the events say about a request, beyond its header. */
export interface CaseFacts {
  state: CaseState;
  /** The authority that holds the request now (changes when it is forwarded). */
  recipient: string;
  /** Authorities that held it before and forwarded it. */
  formerRecipients: string[];
  /** The coordinator a disagreement was referred to, while it is. */
  coordinator?: string;
  /** The state to go back to once information is provided or a disagreement resolved. */
  resumeState?: CaseState;
  /** Questions still asked of the recipient (a split moves some to another request). */
  questions: string[];
  /** The answer-by date agreed or proposed by the recipient, else the one asked for. */
  answerBy?: string;
  /** Whether the recipient accepted with another date than the one asked for. */
  dateProposed: boolean;
  handler?: string;
  links: string[];
  splits: { caseId: string; to: string; questions: string[] }[];
  answers: Record<string, AnswerValue>;
  sentAt?: string;
  answeredAt?: string;
  closedAt?: string;
}

export function initialFacts(header: CaseHeader): CaseFacts {
  return {
    state: 'draft',
    recipient: header.recipient,
    formerRecipients: [],
    questions: [...(header.questions ?? [])],
    answerBy: header.answerBy,
    dateProposed: false,
    links: [],
    splits: [],
    answers: {},
  };
}

/** The roles an authority holds in a request with these facts. */
export function rolesOf(header: CaseHeader, facts: CaseFacts, authorityId: string): CaseRole[] {
  const roles: CaseRole[] = [];
  if (authorityId === header.requester) roles.push('requester');
  if (authorityId === facts.recipient) roles.push('recipient', 'allocator');
  if (authorityId === facts.coordinator) roles.push('coordinator');
  return roles;
}

/** What an event of this type must carry, given the facts; undefined when it is well formed. */
function contentProblem(header: CaseHeader, facts: CaseFacts, event: CaseEvent): string | undefined {
  switch (event.type) {
    case 'sent':
      if (event.number !== 0) return 'A request is sent once, as its first event.';
      if ((header.questions?.length ?? 1) === 0) return 'A request asks at least one question.';
      return undefined;
    case 'accepted':
      if (!event.answerBy || !/^\d{4}-\d{2}-\d{2}$/.test(event.answerBy)) return 'Accepting a request needs an answer-by date.';
      return undefined;
    case 'forwarded':
    case 'disputed':
      if (!event.to) return `"${event.type}" needs the authority it goes to.`;
      if (event.to === header.requester || event.to === facts.recipient || event.to === event.author) return 'A request cannot be passed to a party it already has.';
      if (event.type === 'disputed' && !event.note?.trim()) return 'Referring a disagreement needs a message saying what it is about.';
      return undefined;
    case 'split': {
      if (!event.to || !event.otherCase) return 'A split needs the authority the questions go to and the new request.';
      if (event.to === header.requester || event.to === facts.recipient) return 'Questions are split off to another authority.';
      const moved = event.questions ?? [];
      if (moved.length === 0) return 'A split moves at least one question.';
      const unknown = moved.filter((code) => !facts.questions.includes(code));
      if (unknown.length > 0) return `These questions are not asked in this request: ${unknown.join(', ')}.`;
      if (moved.length >= facts.questions.length) return 'A split keeps at least one question in this request; forward it instead.';
      return undefined;
    }
    case 'info-requested':
    case 'info-provided':
      if (!event.note?.trim()) return `"${event.type}" needs a message.`;
      return undefined;
    case 'answered': {
      const given = Object.keys(event.answers ?? {});
      const notAsked = given.filter((code) => !facts.questions.includes(code));
      if (notAsked.length > 0) return `Answers were given to questions not asked in this request: ${notAsked.join(', ')}.`;
      for (const [code, value] of Object.entries(event.answers ?? {})) {
        const question = questionOf(code);
        const problem = question && answerProblem(question, value);
        if (problem) return `Question ${code}: ${problem}`;
      }
      const fileQuestions = (event.files ?? []).flatMap((file) => (file.question ? [file.question] : []));
      const filesNotAsked = fileQuestions.filter((code) => !facts.questions.includes(code));
      if (filesNotAsked.length > 0) return `Files were attached to questions not asked in this request: ${filesNotAsked.join(', ')}.`;
      if (given.length === 0 && fileQuestions.length === 0 && !event.note?.trim()) return 'An answer answers at least one question.';
      return undefined;
    }
    case 'allocated':
      if (!event.handler?.trim()) return 'Allocation needs the officer who handles the request.';
      return undefined;
    case 'linked':
      if (!event.otherCase || event.otherCase === header.id) return 'A link needs another request.';
      if (facts.links.includes(event.otherCase)) return 'These requests are already linked.';
      return undefined;
    default:
      return undefined;
  }
}

/**
 * Whether `event` may follow events that led to `facts` (`length` of them): its author must
 * hold a role the table names in that state, its content must fit, and it must take the next
 * position (two parties writing at once: the first one delivered wins, the other is refused).
 */
export function checkEvent(header: CaseHeader, facts: CaseFacts, length: number, event: CaseEvent): Verdict {
  if (event.caseId !== header.id) return { ok: false, code: 'wrong-case', detail: `The event belongs to request ${event.caseId}, not ${header.id}.` };
  const roles = rolesOf(header, facts, event.author);
  if (roles.length === 0) return { ok: false, code: 'not-a-party', detail: `Authority ${event.author} is not a party to request ${header.id}.` };
  const rule = workflowTable[facts.state][event.type];
  if (!rule) return { ok: false, code: 'not-allowed-now', detail: `A request that is ${facts.state} cannot be ${event.type}.` };
  if (!rule.by.some((role) => roles.includes(role))) {
    return { ok: false, code: 'wrong-party', detail: `Only the ${rule.by.join(' or the ')} may record "${event.type}" now; ${event.author} is the ${roles[0]}.` };
  }
  if (event.number !== length) {
    return { ok: false, code: 'out-of-order', detail: `The request moved on meanwhile: the event takes position ${event.number}, the next one is ${length}.` };
  }
  const problem = contentProblem(header, facts, event);
  if (problem) return { ok: false, code: 'bad-content', detail: problem };
  return { ok: true, next: nextState(facts, rule.next) };
}

function nextState(facts: CaseFacts, next: Next): CaseState {
  if (next === 'same') return facts.state;
  if (next === 'back') return facts.resumeState ?? 'accepted';
  return next;
}

/** The facts after an accepted event. */
export function applyEvent(facts: CaseFacts, event: CaseEvent, next: CaseState): CaseFacts {
  const after: CaseFacts = { ...facts, state: next };
  switch (event.type) {
    case 'sent':
      after.sentAt = event.at;
      break;
    case 'accepted':
      after.dateProposed = facts.answerBy !== undefined && event.answerBy !== facts.answerBy;
      after.answerBy = event.answerBy;
      break;
    case 'forwarded':
      after.formerRecipients = [...facts.formerRecipients, facts.recipient];
      after.recipient = event.to!;
      after.coordinator = undefined;
      after.resumeState = undefined;
      after.handler = undefined;
      break;
    case 'split':
      after.questions = facts.questions.filter((code) => !event.questions!.includes(code));
      after.splits = [...facts.splits, { caseId: event.otherCase!, to: event.to!, questions: [...event.questions!] }];
      break;
    case 'info-requested':
      after.resumeState = facts.state;
      break;
    case 'disputed':
      after.resumeState = facts.state;
      after.coordinator = event.to;
      break;
    case 'info-provided':
    case 'resolved':
      after.resumeState = undefined;
      if (event.type === 'resolved') after.coordinator = undefined;
      break;
    case 'answered':
      after.answers = { ...facts.answers, ...(event.answers ?? {}) };
      after.answeredAt = event.at;
      break;
    case 'closed':
    case 'withdrawn':
      after.closedAt = event.at;
      break;
    case 'allocated':
      after.handler = event.handler;
      break;
    case 'linked':
      after.links = [...facts.links, event.otherCase!];
      break;
  }
  return after;
}

/** The facts of a request from its events, checked one by one; stops at the first bad one. */
export function caseFactsOf(header: CaseHeader, events: readonly CaseEvent[]): CaseFacts {
  let facts = initialFacts(header);
  const ordered = [...events].sort((a, b) => a.number - b.number);
  for (const [position, event] of ordered.entries()) {
    const verdict = checkEvent(header, facts, position, event);
    if (!verdict.ok) break;
    facts = applyEvent(facts, event, verdict.next);
  }
  return facts;
}

export function caseStateOf(header: CaseHeader, events: readonly CaseEvent[]): CaseState {
  return caseFactsOf(header, events).state;
}

/**
 * The authorities that receive an event: the requester, the recipient and the coordinator in
 * charge after it, and whoever held the request just before (so that a forwarding authority
 * sees where its request went).
 */
export function partiesOf(header: CaseHeader, before: CaseFacts, after: CaseFacts = before): string[] {
  const parties = new Set([header.requester, before.recipient, after.recipient]);
  for (const coordinator of [before.coordinator, after.coordinator]) if (coordinator) parties.add(coordinator);
  return [...parties];
}
