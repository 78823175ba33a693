// Cases of this workstation's authority, answered from the local replica (so they work
// offline): starting a case, recording its next step, listing and reading them. A step the
// workflow does not allow is refused here with its reason, before anything is written.
import { randomBytes } from 'node:crypto';
import { debounceTime, merge, startWith } from 'rxjs';
import type { CallHandlers, CaseSummary, StreamHandlers } from '../../../shared/api/workstation-api';
import { caseEventId, type CaseEvent, type CaseHeader } from '../../../shared/cases/case-documents';
import { allowedEvents, caseStateOf, checkEvent, roleOf } from '../../../shared/cases/case-workflow';
import type { ReplicaCollections } from '../database';
import { HandlerError } from '../carrier-endpoint';

export interface CaseSource {
  /** The authority this workstation acts for. */
  authorityId: string;
  collections(): Pick<ReplicaCollections, 'cases' | 'caseEvents' | 'refusals' | 'authorities'>;
}

function newCaseId(authorityId: string): string {
  return `${authorityId}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export function caseCalls(source: CaseSource): Pick<CallHandlers, 'cases.send' | 'cases.record' | 'cases.list' | 'cases.get'> {
  async function eventsOf(caseId: string): Promise<CaseEvent[]> {
    const documents = await source.collections().caseEvents.find({ selector: { caseId }, sort: [{ caseId: 'asc' }, { number: 'asc' }] }).exec();
    return documents.map((document) => document.toMutableJSON() as CaseEvent);
  }

  async function headerOf(caseId: string): Promise<CaseHeader> {
    const document = await source.collections().cases.findOne(caseId).exec();
    if (!document) throw new HandlerError('not-found', `There is no case ${caseId} in this workstation.`);
    return document.toMutableJSON() as CaseHeader;
  }

  return {
    async 'cases.send'({ recipient, area, subject, note }) {
      const { cases, caseEvents, authorities } = source.collections();
      const me = source.authorityId;
      if (recipient === me) throw new HandlerError('invalid-input', 'A request goes to another authority, not to your own.');
      if (!(await authorities.findOne(recipient).exec())) throw new HandlerError('not-found', `Authority ${recipient} is not in the directory.`);
      const now = new Date().toISOString();
      const header: CaseHeader = { id: newCaseId(me), requester: me, recipient, area, subject, createdAt: now };
      const sent: CaseEvent = { id: caseEventId(header.id, 0), caseId: header.id, number: 0, type: 'sent', author: me, at: now, ...(note ? { note } : {}) };
      await cases.insert(header);
      await caseEvents.insert(sent);
      return { caseId: header.id };
    },
    async 'cases.record'({ caseId, type, answerBy, note, answers }) {
      const header = await headerOf(caseId);
      const events = await eventsOf(caseId);
      const state = caseStateOf(header, events);
      const event: CaseEvent = {
        id: caseEventId(caseId, events.length),
        caseId,
        number: events.length,
        type,
        author: source.authorityId,
        at: new Date().toISOString(),
        ...(answerBy ? { answerBy } : {}),
        ...(note ? { note } : {}),
        ...(answers ? { answers } : {}),
      };
      const verdict = checkEvent(header, state, events.length, event);
      if (!verdict.ok) throw new HandlerError('not-allowed', verdict.detail);
      await source.collections().caseEvents.insert(event);
      return { eventId: event.id };
    },
    async 'cases.list'() {
      const { cases, caseEvents, refusals } = source.collections();
      const [headers, events, refused] = await Promise.all([cases.find().exec(), caseEvents.find().exec(), refusals.find().exec()]);
      const byCase = new Map<string, CaseEvent[]>();
      for (const document of events) {
        const event = document.toMutableJSON() as CaseEvent;
        byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
      }
      const refusedByCase = new Map<string, number>();
      for (const refusal of refused) refusedByCase.set(refusal.caseId, (refusedByCase.get(refusal.caseId) ?? 0) + 1);
      const summaries: CaseSummary[] = [];
      for (const document of headers) {
        const header = document.toMutableJSON() as CaseHeader;
        const role = roleOf(header, source.authorityId);
        if (!role) continue;
        const chain = byCase.get(header.id) ?? [];
        const updatedAt = chain.reduce((latest, event) => (event.at > latest ? event.at : latest), header.createdAt);
        summaries.push({ ...header, state: caseStateOf(header, chain), role, updatedAt, refused: refusedByCase.get(header.id) ?? 0 });
      }
      return summaries.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
    },
    async 'cases.get'({ caseId }) {
      const document = await source.collections().cases.findOne(caseId).exec();
      if (!document) return null;
      const header = document.toMutableJSON() as CaseHeader;
      const role = roleOf(header, source.authorityId);
      if (!role) return null;
      const events = await eventsOf(caseId);
      const state = caseStateOf(header, events);
      const refusals = await source.collections().refusals.find({ selector: { caseId } }).exec();
      return { header, events, state, role, allowed: allowedEvents(state, role), refusals: refusals.map((refusal) => refusal.toMutableJSON()) };
    },
  };
}

export function caseStreams(source: CaseSource): Pick<StreamHandlers, 'cases.live'> {
  return {
    'cases.live'(_input, emit) {
      let collections: ReturnType<CaseSource['collections']>;
      try {
        collections = source.collections();
      } catch {
        emit({ revision: 0 });
        return () => {};
      }
      let revision = 0;
      const subscription = merge(collections.cases.$, collections.caseEvents.$, collections.refusals.$)
        .pipe(debounceTime(100), startWith(null))
        .subscribe(() => emit({ revision: ++revision }));
      return () => subscription.unsubscribe();
    },
  };
}
