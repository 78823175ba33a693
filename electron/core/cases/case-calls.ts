// Requests of this workstation's authority, answered from the local replica (so they work
// offline): sending a request, recording its next step, listing and reading them. A step the
// workflow does not allow, or an answer that does not fit its question, is refused here with
// its reason, before anything is written.
import { randomBytes } from 'node:crypto';
import { debounceTime, merge, startWith } from 'rxjs';
import type { CallHandlers, StreamHandlers } from '../../../shared/api/workstation-api';
import { caseEventId, type AttachedFile, type CaseEvent, type CaseHeader } from '../../../shared/cases/case-documents';
import { allowedEvents, caseFactsOf, checkEvent, rolesOf } from '../../../shared/cases/case-workflow';
import { questionOf } from '../../../shared/requests/question-catalogue';
import type { UiLanguage } from '../../../shared/languages';
import type { ReplicaCollections } from '../database';
import { HandlerError } from '../carrier-endpoint';
import { CaseInbox } from './case-inbox';
import type { StagedFiles } from './staged-files';
import type { RequestDrafts } from './request-drafts';

export interface CaseSource {
  /** The authority this workstation acts for. */
  authorityId: string;
  collections(): Pick<ReplicaCollections, 'cases' | 'caseEvents' | 'refusals' | 'authorities'>;
  files?: StagedFiles;
  drafts?: RequestDrafts;
  /** The officer's language: free text they write is marked with it. */
  language?: () => UiLanguage;
}

function newCaseId(authorityId: string): string {
  return `${authorityId}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

type FileChoice = { id: string; question?: string };

export function caseCalls(source: CaseSource): Pick<CallHandlers, 'cases.send' | 'cases.record' | 'cases.list' | 'cases.get' | 'cases.file' | 'drafts.copyOf'> {
  let inbox: { collections: object; inbox: CaseInbox } | undefined;
  function currentInbox(): CaseInbox {
    const collections = source.collections();
    if (inbox?.collections !== collections) {
      inbox?.inbox.close();
      inbox = { collections, inbox: new CaseInbox(source) };
    }
    return inbox.inbox;
  }

  async function eventsOf(caseId: string): Promise<CaseEvent[]> {
    const documents = await source.collections().caseEvents.find({ selector: { caseId }, sort: [{ caseId: 'asc' }, { number: 'asc' }] }).exec();
    return documents.map((document) => document.toMutableJSON() as CaseEvent);
  }

  async function headerOf(caseId: string): Promise<CaseHeader> {
    const document = await source.collections().cases.findOne(caseId).exec();
    if (!document) throw new HandlerError('not-found', `There is no request ${caseId} in this workstation.`);
    return document.toMutableJSON() as CaseHeader;
  }

  async function requireAuthority(id: string, what: string) {
    if (!(await source.collections().authorities.findOne(id).exec())) throw new HandlerError('not-found', `${what} ${id} is not in the directory.`);
  }

  /** The staged files chosen, checked, with their content (nothing is written yet). */
  async function takeFiles(choices: FileChoice[] | undefined): Promise<{ file: AttachedFile; bytes: Buffer }[]> {
    if (!choices?.length) return [];
    if (!source.files) throw new HandlerError('unavailable', 'Files cannot be attached here.');
    const taken = [];
    for (const choice of choices) {
      const { file, bytes } = await source.files.take(choice.id);
      taken.push({ file: { ...file, ...(choice.question ? { question: choice.question } : {}) }, bytes });
    }
    return taken;
  }

  /** Writes an event with its files as attachments, in one write (events never change), then lets the staged copies go. */
  async function writeEvent(event: CaseEvent, files: { file: AttachedFile; bytes: Buffer }[]) {
    const { caseEvents } = source.collections();
    const attachments = files.map(({ file, bytes }) => ({ id: file.id, type: file.type, data: new Blob([new Uint8Array(bytes)], { type: file.type }) }));
    await caseEvents.insert((files.length ? { ...event, files: files.map(({ file }) => file), _attachments: attachments } : event) as CaseEvent);
    for (const { file } of files) await source.files?.discard(file.id);
  }

  function checkQuestions(codes: string[] | undefined, area: string) {
    for (const code of codes ?? []) {
      const question = questionOf(code);
      if (!question) throw new HandlerError('invalid-input', `There is no question ${code} in the question sets.`);
      if (!code.startsWith(area === 'PQ' ? 'pq-' : 'svc-')) throw new HandlerError('invalid-input', `Question ${code} belongs to another legislative area.`);
    }
    if (codes && new Set(codes).size !== codes.length) throw new HandlerError('invalid-input', 'A question is asked once.');
  }

  return {
    async 'cases.send'(input) {
      const { cases } = source.collections();
      const me = source.authorityId;
      if (input.recipient === me) throw new HandlerError('invalid-input', 'A request goes to another authority, not to your own.');
      await requireAuthority(input.recipient, 'Authority');
      checkQuestions(input.questions, input.area);
      if (input.questions && input.questions.length === 0) throw new HandlerError('invalid-input', 'Choose at least one question.');
      const files = await takeFiles(input.files);
      const now = new Date().toISOString();
      const header: CaseHeader = {
        id: newCaseId(me),
        requester: me,
        recipient: input.recipient,
        area: input.area,
        subject: input.subject,
        createdAt: now,
        ...(input.competence ? { competence: input.competence } : {}),
        ...(input.questionSet ? { questionSet: input.questionSet } : {}),
        ...(input.questions ? { questions: input.questions } : {}),
        ...(input.concerned ? { concerned: input.concerned } : {}),
        ...(input.answerBy ? { answerBy: input.answerBy } : {}),
      };
      const language = source.language?.();
      const header0: CaseHeader = language ? { ...header, language } : header;
      const sent: CaseEvent = { id: caseEventId(header.id, 0), caseId: header.id, number: 0, type: 'sent', author: me, at: now, ...(input.note ? { note: input.note, ...(language ? { language } : {}) } : {}) };
      await cases.insert(header0);
      await writeEvent(sent, files);
      if (input.draftId) await source.drafts?.delete(input.draftId);
      return { caseId: header.id };
    },
    async 'cases.record'({ caseId, files: fileChoices, ...content }) {
      const header = await headerOf(caseId);
      const events = await eventsOf(caseId);
      const facts = caseFactsOf(header, events);
      // Whether each answer fits its question is the workflow's rule (checkEvent), the relay's too.
      for (const code of Object.keys(content.answers ?? {})) {
        if (!facts.questions.includes(code)) throw new HandlerError('invalid-input', `Question ${code} was not asked in this request; its answer was not recorded.`);
      }
      if (content.to) await requireAuthority(content.to, 'Authority');
      if (content.type === 'linked' && content.otherCase && !(await source.collections().cases.findOne(content.otherCase).exec())) {
        throw new HandlerError('not-found', `There is no request ${content.otherCase} in this workstation to link to.`);
      }
      const otherCase = content.type === 'split' ? `${caseId}-s${events.length}` : content.otherCase;
      const event: CaseEvent = {
        id: caseEventId(caseId, events.length),
        caseId,
        number: events.length,
        author: source.authorityId,
        at: new Date().toISOString(),
        ...Object.fromEntries(Object.entries(content).filter(([, value]) => value !== undefined && value !== '')),
        ...(otherCase ? { otherCase } : {}),
        ...((content.note || content.answers) && source.language ? { language: source.language() } : {}),
      } as CaseEvent;
      const files = await takeFiles(fileChoices);
      const verdict = checkEvent(header, facts, events.length, files.length ? { ...event, files: files.map(({ file }) => file) } : event);
      if (!verdict.ok) throw new HandlerError('not-allowed', verdict.detail);
      await writeEvent(event, files);
      return { eventId: event.id, ...(content.type === 'split' ? { otherCase } : {}) };
    },
    async 'cases.list'(input) {
      return currentInbox().list(input);
    },
    async 'cases.get'({ caseId }) {
      const document = await source.collections().cases.findOne(caseId).exec();
      if (!document) return null;
      const header = document.toMutableJSON() as CaseHeader;
      const events = await eventsOf(caseId);
      const facts = caseFactsOf(header, events);
      const roles = rolesOf(header, facts, source.authorityId);
      if (roles.length === 0 && !facts.formerRecipients.includes(source.authorityId)) return null;
      const refusals = await source.collections().refusals.find({ selector: { caseId } }).exec();
      const ids = [...new Set([header.requester, header.recipient, facts.recipient, ...facts.formerRecipients, ...events.flatMap((event) => (event.to ? [event.to] : []))])];
      const found = await source.collections().authorities.findByIds(ids).exec();
      const authorities = Object.fromEntries(ids.map((id) => [id, { name: found.get(id)?.officialName ?? id, country: found.get(id)?.country ?? id.slice(0, 2) }]));
      return {
        header,
        events,
        state: facts.state,
        recipient: facts.recipient,
        ...(facts.answerBy ? { answerBy: facts.answerBy } : {}),
        dateProposed: facts.dateProposed,
        questions: facts.questions,
        ...(facts.handler ? { handler: facts.handler } : {}),
        roles,
        allowed: allowedEvents(facts.state, roles),
        refusals: refusals.map((refusal) => refusal.toMutableJSON()),
        authorities,
      };
    },
    async 'cases.file'({ caseId, eventId, fileId }) {
      const document = await source.collections().caseEvents.findOne(eventId).exec();
      const file = (document?.files ?? []).find((candidate) => candidate.id === fileId);
      if (!document || document.caseId !== caseId || !file) throw new HandlerError('not-found', 'There is no such file in this request.');
      const attachment = document.getAttachment(fileId);
      if (!attachment) throw new HandlerError('not-found', `The file "${file.name}" has not arrived yet; it comes with the next sync.`);
      const bytes = new Uint8Array(await (await attachment.getData()).arrayBuffer());
      if (!source.files) throw new HandlerError('unavailable', 'Files cannot be opened here.');
      return source.files.stage(file.name, file.type, bytes);
    },
    async 'drafts.copyOf'({ caseId }) {
      const header = await headerOf(caseId);
      if (!source.drafts) throw new HandlerError('unavailable', 'Drafts cannot be kept here.');
      return source.drafts.save({
        area: header.area,
        ...(header.competence ? { competence: header.competence } : {}),
        ...(header.questionSet ? { questionSet: header.questionSet } : {}),
        questions: header.questions ?? [],
        concerned: header.concerned ?? {},
        subject: header.subject,
        files: [],
        copiedFrom: caseId,
      });
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
