// The requests of this workstation's authority with their state derived once: every header
// and event is read at start, and each change of the replica updates only its own request.
// Lists (incoming, outgoing, filtered, sorted, a page at a time) are then answered from
// memory, without reading and replaying every request's events again.
import { merge, type Subscription } from 'rxjs';
import type { CaseSummary } from '../../../shared/api/workstation-api';
import { caseListInputSchema } from '../../../shared/api/workstation-api';
import type { CaseEvent, CaseHeader } from '../../../shared/cases/case-documents';
import { caseFactsOf, type CaseFacts } from '../../../shared/cases/case-workflow';
import { foldText } from '../../../shared/search/text-folding';
import type { z } from 'zod';
import type { CaseSource } from './case-calls';

type Entry = { header: CaseHeader; events: CaseEvent[]; facts: CaseFacts; refused: number; updatedAt: string };
type ListInput = z.output<typeof caseListInputSchema>;

const dayMs = 86_400_000;
const closedStates = new Set(['closed', 'answered']);

export function daysBetween(from: string, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / dayMs));
}

export class CaseInbox {
  private readonly entries = new Map<string, Entry>();
  private readonly pendingEvents = new Map<string, CaseEvent[]>();
  private readonly refusals = new Map<string, Set<string>>();
  private readonly names = new Map<string, { name: string; country: string }>();
  private subscription?: Subscription;
  readonly ready: Promise<void>;

  constructor(private readonly source: CaseSource) {
    this.ready = this.load();
  }

  private async load() {
    const { cases, caseEvents, refusals } = this.source.collections();
    // Follow changes from now on; what arrives while the first read runs is applied after it.
    const queued: (() => void)[] = [];
    let loaded = false;
    const apply = (change: () => void) => (loaded ? change() : queued.push(change));
    this.subscription = merge(
      cases.$.pipe(),
      caseEvents.$.pipe(),
      refusals.$.pipe(),
    ).subscribe((change) => {
      const data = change.documentData as unknown as Record<string, unknown>;
      if (change.collectionName === 'cases') apply(() => this.putHeader(data as unknown as CaseHeader));
      else if (change.collectionName === 'caseEvents') apply(() => this.putEvent(data as unknown as CaseEvent));
      else apply(() => this.putRefusal(String(data['id']), String(data['caseId'])));
    });
    const [headers, events, refused] = await Promise.all([cases.find().exec(), caseEvents.find().exec(), refusals.find().exec()]);
    for (const refusal of refused) this.putRefusal(refusal.id, refusal.caseId, false);
    for (const event of events) this.queueEvent(event.toMutableJSON() as CaseEvent);
    for (const header of headers) this.putHeader(header.toMutableJSON() as CaseHeader);
    loaded = true;
    for (const change of queued) change();
  }

  private queueEvent(event: CaseEvent) {
    const list = this.pendingEvents.get(event.caseId) ?? [];
    if (!list.some((known) => known.number === event.number)) list.push(event);
    this.pendingEvents.set(event.caseId, list);
  }

  private refresh(caseId: string) {
    const entry = this.entries.get(caseId);
    if (!entry) return;
    entry.facts = caseFactsOf(entry.header, entry.events);
    entry.refused = this.refusals.get(caseId)?.size ?? 0;
    entry.updatedAt = entry.events.reduce((latest, event) => (event.at > latest ? event.at : latest), entry.header.createdAt);
  }

  private putHeader(header: CaseHeader) {
    const events = this.entries.get(header.id)?.events ?? this.pendingEvents.get(header.id) ?? [];
    this.pendingEvents.delete(header.id);
    this.entries.set(header.id, { header, events, facts: caseFactsOf(header, events), refused: 0, updatedAt: header.createdAt });
    this.refresh(header.id);
  }

  private putEvent(event: CaseEvent) {
    const entry = this.entries.get(event.caseId);
    if (!entry) return this.queueEvent(event);
    if (!entry.events.some((known) => known.number === event.number)) entry.events = [...entry.events, event].sort((a, b) => a.number - b.number);
    this.refresh(event.caseId);
  }

  private putRefusal(id: string, caseId: string, refresh = true) {
    const set = this.refusals.get(caseId) ?? new Set<string>();
    set.add(id);
    this.refusals.set(caseId, set);
    if (refresh) this.refresh(caseId);
  }

  private async namesOf(ids: string[]) {
    const missing = [...new Set(ids)].filter((id) => !this.names.has(id));
    if (missing.length === 0) return;
    const found = await this.source.collections().authorities.findByIds(missing).exec();
    for (const id of missing) {
      const authority = found.get(id);
      this.names.set(id, { name: authority?.officialName ?? id, country: authority?.country ?? id.slice(0, 2) });
    }
  }

  private summaryOf(entry: Entry, me: string, today: Date): CaseSummary {
    const { header, facts } = entry;
    const role: CaseSummary['role'] =
      header.requester === me ? 'requester' : facts.recipient === me ? 'recipient' : facts.coordinator === me ? 'coordinator' : 'former-recipient';
    const counterpartId = role === 'requester' ? facts.recipient : header.requester;
    const counterpart = this.names.get(counterpartId) ?? { name: counterpartId, country: counterpartId.slice(0, 2) };
    const open = !closedStates.has(facts.state) && facts.state !== 'draft';
    const end = facts.closedAt ?? (facts.state === 'answered' ? facts.answeredAt : undefined);
    return {
      id: header.id,
      requester: header.requester,
      recipient: facts.recipient,
      area: header.area,
      subject: header.subject,
      ...(header.competence ? { competence: header.competence } : {}),
      createdAt: header.createdAt,
      state: facts.state,
      role,
      counterpart: { id: counterpartId, ...counterpart },
      daysOpen: daysBetween(facts.sentAt ?? header.createdAt, end ? new Date(end) : today),
      ...(facts.answerBy ? { answerBy: facts.answerBy } : {}),
      overdue: open && facts.answerBy !== undefined && facts.answerBy < today.toISOString().slice(0, 10),
      ...(facts.handler ? { handler: facts.handler } : {}),
      updatedAt: entry.updatedAt,
      refused: entry.refused,
    };
  }

  /** The facts of one request, as the cache holds them. */
  entry(caseId: string): Entry | undefined {
    return this.entries.get(caseId);
  }

  async list(input: ListInput, today = new Date()): Promise<{ total: number; rows: CaseSummary[] }> {
    await this.ready;
    const me = this.source.authorityId;
    const states = input.states ? new Set(input.states) : undefined;
    const words = input.words ? foldText(input.words).split(/\s+/).filter(Boolean) : [];
    const chosen: Entry[] = [];
    for (const entry of this.entries.values()) {
      const outgoing = entry.header.requester === me;
      if (input.box === 'outgoing' && !outgoing) continue;
      if (input.box === 'incoming' && outgoing) continue;
      if (!outgoing && entry.facts.recipient !== me && entry.facts.coordinator !== me && !entry.facts.formerRecipients.includes(me)) continue;
      if (states && !states.has(entry.facts.state)) continue;
      chosen.push(entry);
    }
    if (words.length > 0) await this.namesOf(chosen.map((entry) => (entry.header.requester === me ? entry.facts.recipient : entry.header.requester)));
    let summaries = chosen.map((entry) => ({ entry, summary: undefined as CaseSummary | undefined }));
    if (input.overdue !== undefined || words.length > 0) {
      summaries = summaries.filter((item) => {
        const summary = (item.summary = this.summaryOf(item.entry, me, today));
        if (input.overdue !== undefined && summary.overdue !== input.overdue) return false;
        if (words.length === 0) return true;
        const text = foldText(`${summary.subject} ${summary.counterpart.name} ${summary.id} ${summary.handler ?? ''}`);
        return words.every((word) => text.includes(word));
      });
    }
    const key = (entry: Entry) =>
      input.sort === 'answer-by' ? (entry.facts.answerBy ?? '9999') : input.sort === 'days-open' ? (entry.facts.sentAt ?? entry.header.createdAt) : entry.updatedAt;
    const descending = input.sort === 'updated';
    summaries.sort((a, b) => {
      const order = key(a.entry).localeCompare(key(b.entry));
      return (descending ? -order : order) || a.entry.header.id.localeCompare(b.entry.header.id);
    });
    const page = summaries.slice(input.offset, input.offset + input.limit);
    await this.namesOf(page.map(({ entry }) => (entry.header.requester === me ? entry.facts.recipient : entry.header.requester)));
    return { total: summaries.length, rows: page.map((item) => this.summaryOf(item.entry, me, today)) };
  }

  close() {
    this.subscription?.unsubscribe();
  }
}
