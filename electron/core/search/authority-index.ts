// The search index of the directory, in memory: built from the replica and kept current
// document by document (add, replace, remove). Every word of an authority's texts is folded
// (case, diacritics) and weighted by the field it comes from; competences are indexed as
// codes, which the vocabulary reaches from their names in all 26 languages. A query finds
// what every one of its words matches (exactly, as a beginning, or one or two letters off),
// ranks it, and says why each authority matched.
import type { Authority } from '../../../shared/directory/authority';
import { foldedWords } from '../../../shared/search/text-folding';
import type { CompetenceCode, SearchVocabulary } from './search-vocabulary';
import { WordFinder, type WordMatch } from './word-finder';

import { searchFields } from '../../../shared/api/workstation-api';

export type SearchField = (typeof searchFields)[number];
const fieldWeight: Record<SearchField, number> = { officialName: 5, competence: 4, designation: 3, region: 2, city: 2, description: 1 };
const matchQuality: Record<WordMatch['kind'], number> = { exact: 1, prefix: 0.75, typo: 0.55 };

export type { SearchFilter } from '../../../shared/api/workstation-api';
import type { SearchFilter } from '../../../shared/api/workstation-api';

export interface SearchReason {
  field: SearchField;
  /** For a competence: its code (its name is shown in the reader's language). */
  code?: CompetenceCode;
}

export interface SearchHit {
  id: string;
  score: number;
  reasons: SearchReason[];
}

type Entry = {
  id: string;
  country: string;
  region: string;
  areas: string[];
  roles: string[];
  codes: Set<CompetenceCode>;
  sortName: string;
  /** Its words in the direct postings (to take them out again). */
  words: string[];
  groups: number[];
};

/** Translated texts are shared by many authorities (one designation per kind of authority): indexed once. */
type Group = { field: 'designation' | 'description'; members: Set<number>; words: string[] };

const maximumQueryWords = 16;
/** Longer query words are cut: no name in the directory has a longer word. */
const maximumWordLength = 40;

export class AuthorityIndex {
  private readonly entries: (Entry | undefined)[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly free: number[] = [];
  /** Word → authority number → the fields (their weights' maximum) it appears in. */
  private readonly direct = new Map<string, Map<number, SearchField>>();
  private readonly groups: Group[] = [];
  private readonly groupOfText = new Map<string, number>();
  private readonly groupWords = new Map<string, Map<number, SearchField>>();
  private readonly holders = new Map<CompetenceCode, Set<number>>();
  private readonly finder = new WordFinder();

  constructor(private readonly vocabulary: SearchVocabulary) {
    for (const word of vocabulary.words.keys()) this.finder.add(word);
  }

  get size(): number {
    return this.numberOf.size;
  }

  /** Adds an authority, or replaces the one of the same id. */
  put(authority: Authority): void {
    this.remove(authority.id);
    const number = this.free.pop() ?? this.entries.length;
    const codes = new Set<CompetenceCode>([
      ...authority.professions.map((code) => `profession:${code}`),
      ...authority.serviceActivities.map((code) => `serviceActivity:${code}`),
      ...authority.legislativeAreas.map((code) => `area:${code}`),
    ]);
    const entry: Entry = {
      id: authority.id,
      country: authority.country,
      region: authority.region.code,
      areas: authority.legislativeAreas,
      roles: authority.roles.map((role) => role.role),
      codes,
      sortName: authority.sortName,
      words: [],
      groups: [],
    };
    const addDirect = (text: string, field: SearchField) => {
      for (const word of foldedWords(text)) {
        let postings = this.direct.get(word);
        if (!postings) this.direct.set(word, (postings = new Map()));
        const known = postings.get(number);
        if (!known || fieldWeight[known] < fieldWeight[field]) postings.set(number, field);
        entry.words.push(word);
        this.finder.add(word);
      }
    };
    addDirect(authority.officialName, 'officialName');
    addDirect(`${authority.region.name} ${authority.region.code}`, 'region');
    addDirect(authority.address.city, 'city');
    for (const [field, text] of [['designation', authority.designation], ['description', authority.description]] as const) {
      const group = this.groupFor(field, text);
      this.groups[group]!.members.add(number);
      entry.groups.push(group);
    }
    for (const code of codes) {
      let members = this.holders.get(code);
      if (!members) this.holders.set(code, (members = new Set()));
      members.add(number);
    }
    this.entries[number] = entry;
    this.numberOf.set(authority.id, number);
  }

  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    const entry = this.entries[number]!;
    for (const word of entry.words) {
      const postings = this.direct.get(word);
      postings?.delete(number);
      if (postings?.size === 0) this.direct.delete(word);
    }
    for (const group of entry.groups) this.groups[group]!.members.delete(number);
    for (const code of entry.codes) this.holders.get(code)?.delete(number);
    this.entries[number] = undefined;
    this.numberOf.delete(id);
    this.free.push(number);
  }

  private groupFor(field: Group['field'], text: Record<string, string>): number {
    const key = `${field}\u0000${JSON.stringify(text)}`;
    let group = this.groupOfText.get(key);
    if (group !== undefined) return group;
    group = this.groups.length;
    const words = [...new Set(Object.values(text).flatMap((value) => foldedWords(value)))];
    this.groups.push({ field, members: new Set(), words });
    this.groupOfText.set(key, group);
    for (const word of words) {
      let postings = this.groupWords.get(word);
      if (!postings) this.groupWords.set(word, (postings = new Map()));
      postings.set(group, field);
      this.finder.add(word);
    }
    return group;
  }

  private passes(entry: Entry, filter: SearchFilter): boolean {
    if (filter.country && entry.country !== filter.country) return false;
    if (filter.region && !entry.region.startsWith(filter.region)) return false;
    if (filter.area && !entry.areas.includes(filter.area)) return false;
    if (filter.competence && !entry.codes.has(filter.competence)) return false;
    if (filter.role && !entry.roles.includes(filter.role)) return false;
    return true;
  }

  /** Authorities matching every word of the query (or, if none does, the most of them), best first. */
  search(query: string, filter: SearchFilter = {}, limit = 20): SearchHit[] {
    const terms = [...new Set(foldedWords(query).map((word) => word.slice(0, maximumWordLength)))].slice(0, maximumQueryWords);
    if (terms.length === 0) return query.trim() === '' ? this.browse(filter, limit) : []; // only punctuation, symbols or marks
    // Per query word: authority number → its best score for that word, and why.
    const perTerm = terms.map((term, index) => this.scoreTerm(term, index === terms.length - 1, filter));
    const totals = new Map<number, { score: number; matched: number; reasons: SearchReason[] }>();
    for (const scores of perTerm) {
      for (const [number, { score, reason }] of scores) {
        const total = totals.get(number) ?? { score: 0, matched: 0, reasons: [] };
        total.score += score;
        total.matched += 1;
        if (!total.reasons.some((known) => known.field === reason.field && known.code === reason.code)) total.reasons.push(reason);
        totals.set(number, total);
      }
    }
    let best = 0; // a loop, not Math.max(...): there may be more matches than a call takes arguments
    for (const total of totals.values()) best = Math.max(best, total.matched);
    const hits: (SearchHit & { sortName: string })[] = [];
    for (const [number, total] of totals) {
      if (total.matched < best) continue;
      const entry = this.entries[number]!;
      hits.push({ id: entry.id, score: total.score, reasons: total.reasons, sortName: entry.sortName });
    }
    hits.sort((a, b) => b.score - a.score || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
    return hits.slice(0, limit).map(({ id, score, reasons }) => ({ id, score, reasons }));
  }

  private scoreTerm(term: string, typing: boolean, filter: SearchFilter) {
    const scores = new Map<number, { score: number; reason: SearchReason }>();
    const offer = (number: number, score: number, reason: SearchReason) => {
      const known = scores.get(number);
      if (known && known.score >= score) return;
      const entry = this.entries[number];
      if (!entry || !this.passes(entry, filter)) return;
      scores.set(number, { score, reason });
    };
    for (const match of this.finder.find(term, { asPrefix: typing })) {
      const quality = matchQuality[match.kind] * (match.distance === 2 ? 0.8 : 1);
      for (const [number, field] of this.direct.get(match.word) ?? []) offer(number, quality * fieldWeight[field], { field });
      for (const [group, field] of this.groupWords.get(match.word) ?? []) {
        for (const number of this.groups[group]!.members) offer(number, quality * fieldWeight[field], { field });
      }
      for (const [code, share] of this.vocabulary.words.get(match.word) ?? []) {
        for (const number of this.holders.get(code) ?? []) offer(number, quality * share * fieldWeight.competence, { field: 'competence', code });
      }
    }
    return scores;
  }

  /** No words: the authorities passing the filter, in name order. */
  private browse(filter: SearchFilter, limit: number): SearchHit[] {
    const hits: Entry[] = [];
    for (const entry of this.entries) if (entry && this.passes(entry, filter)) hits.push(entry);
    hits.sort((a, b) => (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : 0));
    return hits.slice(0, limit).map((entry) => ({ id: entry.id, score: 0, reasons: [] }));
  }
}
