// The search index of the directory, in memory: built from the replica and kept current
// document by document (add, replace, remove). Every word of an authority's texts is folded
// (case, diacritics) and weighted by the field it comes from; competences are indexed as
// codes, which the vocabulary reaches from their names in all 26 languages. A query finds
// what every one of its words matches (exactly, as a beginning, or one or two letters off),
// ranks it, and says why each authority matched.
//
// Built for speed and size: words, competences and authorities are numbered; postings and
// per-authority columns are typed arrays; a query adds up scores in arrays that are reused
// from one query to the next and keeps only the best few, so that a common word matching
// half the directory costs a pass over an array, not an object per authority. Removed
// authorities are skipped until enough of them have gathered to compact everything.
import { createHash } from 'node:crypto';
import type { Authority, LocalizedText } from '../../../shared/directory/authority';
import { foldedWords } from '../../../shared/search/text-folding';
import { searchFields, type SearchFilter } from '../../../shared/api/workstation-api';
import { GrowableInts } from './growable-ints';
import type { CompetenceCode, SearchVocabulary } from './search-vocabulary';
import { WordFinder, type WordMatch } from './word-finder';

export type { SearchFilter } from '../../../shared/api/workstation-api';
export type SearchField = (typeof searchFields)[number];

const fieldWeightByName: Record<SearchField, number> = { officialName: 5, competence: 4, designation: 3, region: 2, city: 2, description: 1 };
/** Field number (its place in `searchFields`) → weight. */
const fieldWeight = Float64Array.from(searchFields, (field) => fieldWeightByName[field]);
const fieldNumber = Object.fromEntries(searchFields.map((field, i) => [field, i])) as Record<SearchField, number>;
const competenceWeight = fieldWeightByName.competence;
const matchQuality: Record<WordMatch['kind'], number> = { exact: 1, prefix: 0.75, typo: 0.55 };

/**
 * A record of the directory as the index sees it: a name (in its original language), a
 * place, translated texts shared by many records, and codes (competences, legislative
 * areas, natures of register) that the vocabulary names in every language.
 */
export interface IndexedRecord {
  id: string;
  country: string;
  sortName: string;
  name: string;
  region: { code: string; name: string };
  city: string;
  designation: LocalizedText;
  description: LocalizedText;
  /** Prefixed codes: `profession:dentist`, `serviceActivity:travel-agency`, `area:PQ`, `registerNature:commercial-register`. */
  codes: string[];
  roles: string[];
}

export function authorityRecord(authority: Authority): IndexedRecord {
  return {
    id: authority.id,
    country: authority.country,
    sortName: authority.sortName,
    name: authority.officialName,
    region: authority.region,
    city: authority.address.city,
    designation: authority.designation,
    description: authority.description,
    codes: [
      ...authority.professions.map((code) => `profession:${code}`),
      ...authority.serviceActivities.map((code) => `serviceActivity:${code}`),
      ...authority.legislativeAreas.map((code) => `area:${code}`),
    ],
    roles: authority.roles.map((role) => role.role),
  };
}

/** Everything the index holds, as plain lists: what `snapshot` gives and `restore` takes (postings are derived). */
export interface IndexSnapshot {
  words: string[];
  codes: string[];
  /** Per group, by number: the digest of its texts (a restored index recognises them by it). */
  groupKeys: string[];
  ids: string[];
  sortNames: string[];
  countries: string[];
  regions: string[];
  regionNames: [code: string, name: string][];
  columns: Record<Columns, Int32Array>;
  pool: Int32Array;
  /** Per word with groups: the word, how many, then its postings (group × 8 + field). */
  groupPostings: Int32Array;
}

export const columnNames: readonly Columns[] = ['start', 'wordCount', 'codeCount', 'roleCount', 'designationGroup', 'descriptionGroup', 'nameRank'];

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

const maximumQueryWords = 16;
/** Longer query words are cut: no name in the directory has a longer word. */
const maximumWordLength = 40;
/** Removed authorities are compacted away once there are this many, and more than live ones. */
const compactAfter = 2_048;
/** A query word whose matches hold more postings than this (and this share of the directory) is a common word. */
/** Name ranks are this far apart, so that authorities added later fit in between. */
const rankSpacing = 1_024;
/** The names are ranked again at the next query once this many were added (or an eighth of the ranked). */
const rerankAfter = 1_000;
/** Added to an authority whose region's or city's whole name is the query: more than a name's word weighs. */
const wholePlaceBonus = 4;
/** Added, per query word, to a record holding the competence whose whole name is the query: as much as a word of its own name. */
const wholeNameBonus = fieldWeightByName.officialName;
const commonWordMinimum = 2_000;
const commonWordShare = 0.1;

type Match = { word: number; quality: number };

/** An authority's row in the index's columns (see `put`). */
export type Columns = 'start' | 'wordCount' | 'codeCount' | 'roleCount' | 'designationGroup' | 'descriptionGroup' | 'nameRank';

export class AuthorityIndex {
  // Words and codes (competences, legislative areas, roles) by number.
  private readonly wordNumber = new Map<string, number>();
  private readonly wordText: string[] = [];
  private readonly codeNumber = new Map<string, number>();
  private readonly codeText: string[] = [];
  private readonly finder = new WordFinder();

  // By word number: authorities (number × 8 + field) whose own texts hold it; groups
  // (number × 8 + field) whose translated texts hold it; competences whose names hold it.
  private direct: (GrowableInts | undefined)[] = [];
  private readonly groupPostings: (number[] | undefined)[] = [];
  private readonly vocabularyCodes: ([code: number, share: number][] | undefined)[] = [];
  /** By code number: the authorities holding it. */
  private holders: (GrowableInts | undefined)[] = [];

  /** Translated texts are shared by many authorities (one designation per kind of authority): indexed once, as a group. */
  private readonly groupOfText = new Map<string, number>();
  /** Groups read from a snapshot, by the digest of their texts (the snapshot keeps only digests). */
  private readonly groupOfDigest = new Map<string, number>();
  private groupMembers: GrowableInts[] = [];

  // By authority number. A removed authority's id is undefined.
  private ids: (string | undefined)[] = [];
  private sortNames: string[] = [];
  private countries: string[] = [];
  private regions: string[] = [];
  /** Region code → its name, as the last authority put there gives it. */
  private readonly regionNames = new Map<string, string>();
  private columns: Record<Columns, GrowableInts> = AuthorityIndex.emptyColumns();
  /** Per authority, from `start`: its words (word × 8 + field), its codes, its roles. */
  private pool = new GrowableInts(1_024);
  private readonly numberOf = new Map<string, number>();
  private removed = 0;
  /** The authorities in name order when last ranked, and how many were added since. */
  private ranked: number[] = [];
  private unranked = 0;

  // Reused by every query, as long as the authorities.
  private termBest = new Float64Array(0);
  private total = new Float64Array(0);
  private matched = new Uint8Array(0);
  private readonly touched = new GrowableInts(1_024);
  private readonly termTouched = new GrowableInts(1_024);
  private wordScore = new Float64Array(0);
  private groupScore = new Float64Array(0);
  private codeScore = new Float64Array(0);

  constructor(private readonly vocabulary: SearchVocabulary) {
    for (const [word, codes] of vocabulary.words) {
      this.vocabularyCodes[this.wordFor(word)] = [...codes].map(([code, share]) => [this.codeFor(code), share]);
    }
  }

  /** The regions of the authorities (of one country, or all), with the name last given and how many. */
  regionsOf(country?: string): { code: string; name: string; country: string; count: number }[] {
    const counts = new Map<string, { code: string; name: string; country: string; count: number }>();
    for (let number = 0; number < this.ids.length; number++) {
      if (this.ids[number] === undefined || (country && this.countries[number] !== country)) continue;
      const code = this.regions[number]!;
      const known = counts.get(code);
      if (known) known.count += 1;
      else counts.set(code, { code, name: this.regionNames.get(code) ?? code, country: this.countries[number]!, count: 1 });
    }
    return [...counts.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  }

  /** Per group, the digest of its texts. */
  private groupDigests(): string[] {
    const digests = new Array<string>(this.groupMembers.length).fill('');
    for (const [digest, group] of this.groupOfDigest) digests[group] = digest;
    for (const [key, group] of this.groupOfText) digests[group] = digestOf(key);
    return digests;
  }

  /** The index as plain lists, without removed authorities. */
  snapshot(): IndexSnapshot {
    if (this.removed > 0) this.compact();
    const groupPostings = new GrowableInts(1_024);
    this.groupPostings.forEach((postings, word) => {
      if (!postings) return;
      groupPostings.push(word);
      groupPostings.push(postings.length);
      for (const posting of postings) groupPostings.push(posting);
    });
    const columns = Object.fromEntries(columnNames.map((name) => [name, this.columns[name].values().slice(0, this.ids.length)])) as Record<Columns, Int32Array>;
    return {
      words: [...this.wordText],
      codes: [...this.codeText],
      groupKeys: this.groupDigests(),
      ids: [...this.ids] as string[],
      sortNames: [...this.sortNames],
      countries: [...this.countries],
      regions: [...this.regions],
      regionNames: [...this.regionNames],
      columns,
      pool: this.pool.values().slice(),
      groupPostings: groupPostings.values().slice(),
    };
  }

  /**
   * The index a snapshot describes, with the postings derived again. Throws if the snapshot
   * does not fit this vocabulary (it was taken with another) or is inconsistent.
   */
  static restore(vocabulary: SearchVocabulary, snapshot: IndexSnapshot): AuthorityIndex {
    const index = new AuthorityIndex(vocabulary);
    const fail = (why: string): never => {
      throw new Error(`The search index snapshot does not fit: ${why}`);
    };
    index.wordText.forEach((word, i) => snapshot.words[i] === word || fail('the vocabulary changed'));
    index.codeText.forEach((code, i) => snapshot.codes[i] === code || fail('the vocabulary changed'));
    for (let i = index.wordText.length; i < snapshot.words.length; i++) if (index.wordFor(snapshot.words[i]!) !== i) fail('a word is listed twice');
    for (let i = index.codeText.length; i < snapshot.codes.length; i++) if (index.codeFor(snapshot.codes[i]!) !== i) fail('a code is listed twice');
    for (const digest of snapshot.groupKeys) {
      index.groupOfDigest.set(digest, index.groupMembers.length);
      index.groupMembers.push(new GrowableInts(2));
    }
    const groupPostings = snapshot.groupPostings;
    for (let at = 0; at < groupPostings.length; ) {
      const word = groupPostings[at]!;
      const count = groupPostings[at + 1]!;
      if (word >= index.wordText.length || at + 2 + count > groupPostings.length) fail('a group posting is out of range');
      index.groupPostings[word] = [...groupPostings.subarray(at + 2, at + 2 + count)];
      at += 2 + count;
    }
    const count = snapshot.ids.length;
    for (const list of [snapshot.sortNames, snapshot.countries, snapshot.regions]) if (list.length !== count) fail('the columns differ in length');
    for (const name of columnNames) if (snapshot.columns[name]?.length !== count) fail(`the column ${name} is missing or short`);
    index.ids = [...snapshot.ids];
    index.sortNames = [...snapshot.sortNames];
    index.countries = [...snapshot.countries];
    index.regions = [...snapshot.regions];
    for (const [code, name] of snapshot.regionNames ?? []) index.regionNames.set(code, name);
    index.columns = Object.fromEntries(columnNames.map((name) => [name, GrowableInts.of(snapshot.columns[name])])) as Record<Columns, GrowableInts>;
    index.pool = GrowableInts.of(snapshot.pool);
    const { columns, pool } = index;
    // Postings sized before they are filled: no list grows while 100,000 records go in.
    const wordUses = new Int32Array(index.wordText.length);
    const codeUses = new Int32Array(index.codeText.length);
    const groupUses = new Int32Array(index.groupMembers.length);
    for (let number = 0; number < count; number++) {
      const start = columns.start.get(number);
      const wordsEnd = start + columns.wordCount.get(number);
      const codesEnd = wordsEnd + columns.codeCount.get(number);
      if (start < 0 || codesEnd + columns.roleCount.get(number) > pool.length) fail('an authority points outside the pool');
      for (let at = start; at < wordsEnd; at++) wordUses[pool.data[at]! >>> 3]! += 1;
      for (let at = wordsEnd; at < codesEnd; at++) codeUses[pool.data[at]!]! += 1;
      for (const group of [columns.designationGroup.get(number), columns.descriptionGroup.get(number)]) {
        if (group < 0 || group >= groupUses.length) fail('an authority is in a group that does not exist');
        groupUses[group]! += 1;
      }
    }
    wordUses.forEach((uses, word) => uses > 0 && (index.direct[word] = new GrowableInts(uses)));
    codeUses.forEach((uses, code) => uses > 0 && (index.holders[code] = new GrowableInts(uses)));
    index.groupMembers = [...groupUses].map((uses) => new GrowableInts(uses));
    for (let number = 0; number < count; number++) {
      if (index.numberOf.has(snapshot.ids[number]!)) fail('an authority is listed twice');
      index.numberOf.set(snapshot.ids[number]!, number);
      const start = columns.start.get(number);
      const wordsEnd = start + columns.wordCount.get(number);
      const codesEnd = wordsEnd + columns.codeCount.get(number);
      for (let at = start; at < wordsEnd; at++) index.direct[pool.data[at]! >>> 3]!.push(number * 8 + (pool.data[at]! & 7));
      for (let at = wordsEnd; at < codesEnd; at++) index.holders[pool.data[at]!]!.push(number);
      index.groupMembers[columns.designationGroup.get(number)]!.push(number);
      index.groupMembers[columns.descriptionGroup.get(number)]!.push(number);
    }
    index.ranked = [...index.ids.keys()].sort((a, b) => columns.nameRank.get(a) - columns.nameRank.get(b));
    return index;
  }

  private static emptyColumns(): Record<Columns, GrowableInts> {
    const make = () => new GrowableInts(1_024);
    return { start: make(), wordCount: make(), codeCount: make(), roleCount: make(), designationGroup: make(), descriptionGroup: make(), nameRank: make() };
  }

  get size(): number {
    return this.numberOf.size;
  }

  private wordFor(word: string): number {
    let number = this.wordNumber.get(word);
    if (number === undefined) {
      number = this.wordText.length;
      this.wordText.push(word);
      this.wordNumber.set(word, number);
      this.finder.add(word);
    }
    return number;
  }

  private codeFor(code: string): number {
    let number = this.codeNumber.get(code);
    if (number === undefined) {
      number = this.codeText.length;
      this.codeText.push(code);
      this.codeNumber.set(code, number);
    }
    return number;
  }

  /** Adds an authority, or replaces the one of the same id. */
  put(authority: Authority): void {
    this.putRecord(authorityRecord(authority));
  }

  /** Adds a record of the directory (an authority, a register), or replaces the one of the same id. */
  putRecord(record: IndexedRecord): void {
    this.remove(record.id);
    const number = this.ids.length;
    this.ids.push(record.id);
    this.sortNames.push(record.sortName);
    this.countries.push(record.country);
    this.regions.push(record.region.code);
    this.regionNames.set(record.region.code, record.region.name);
    const { columns, pool } = this;
    columns.start.set(number, pool.length);
    columns.nameRank.set(number, this.rankOf(record.sortName));
    this.unranked += 1;

    // Each word once, with the weightiest field it appears in.
    const fields = new Map<number, number>();
    const addText = (text: string, field: number) => {
      for (const word of foldedWords(text)) {
        const wordNumber = this.wordFor(word);
        const known = fields.get(wordNumber);
        if (known === undefined || fieldWeight[known]! < fieldWeight[field]!) fields.set(wordNumber, field);
      }
    };
    addText(record.name, fieldNumber.officialName);
    addText(`${record.region.name} ${record.region.code}`, fieldNumber.region);
    addText(record.city, fieldNumber.city);
    for (const [word, field] of fields) {
      pool.push(word * 8 + field);
      (this.direct[word] ??= new GrowableInts(2)).push(number * 8 + field);
    }
    columns.wordCount.set(number, fields.size);

    const codes = new Set([this.codeFor(placeCode(record.region.name)), ...(record.city ? [this.codeFor(placeCode(record.city))] : []), ...record.codes.map((code) => this.codeFor(code))]);
    for (const code of codes) {
      pool.push(code);
      (this.holders[code] ??= new GrowableInts(2)).push(number);
    }
    columns.codeCount.set(number, codes.size);
    const roles = new Set(record.roles.map((role) => this.codeFor(`role:${role}`)));
    for (const role of roles) pool.push(role);
    columns.roleCount.set(number, roles.size);

    columns.designationGroup.set(number, this.groupFor(fieldNumber.designation, record.designation));
    columns.descriptionGroup.set(number, this.groupFor(fieldNumber.description, record.description));
    this.groupMembers[columns.designationGroup.get(number)]!.push(number);
    this.groupMembers[columns.descriptionGroup.get(number)]!.push(number);
    this.numberOf.set(record.id, number);
  }

  remove(id: string): void {
    const number = this.numberOf.get(id);
    if (number === undefined) return;
    this.ids[number] = undefined;
    this.numberOf.delete(id);
    this.removed += 1;
    if (this.removed >= compactAfter && this.removed > this.numberOf.size) this.compact();
  }

  private groupFor(field: number, text: Record<string, string>): number {
    const key = `${field}\u0000${JSON.stringify(text)}`;
    let group = this.groupOfText.get(key);
    if (group !== undefined) return group;
    // A group read from a snapshot is known by the digest of its texts only.
    if (this.groupOfDigest.size > 0) {
      group = this.groupOfDigest.get(digestOf(key));
      if (group !== undefined) {
        this.groupOfText.set(key, group);
        return group;
      }
    }
    group = this.groupMembers.length;
    this.groupMembers.push(new GrowableInts(2));
    this.groupOfText.set(key, group);
    const words = new Set(Object.values(text).flatMap((value) => foldedWords(value)));
    for (const word of words) (this.groupPostings[this.wordFor(word)] ??= []).push(group * 8 + field);
    return group;
  }

  /** Renumbers the authorities without the removed ones, everywhere. */
  private compact(): void {
    const count = this.ids.length;
    const renumbered = new Int32Array(count).fill(-1);
    const { columns, pool } = this;
    const next = { ids: [] as string[], sortNames: [] as string[], countries: [] as string[], regions: [] as string[], columns: AuthorityIndex.emptyColumns(), pool: new GrowableInts(pool.length) };
    for (let number = 0; number < count; number++) {
      const id = this.ids[number];
      if (id === undefined) continue;
      const to = next.ids.length;
      renumbered[number] = to;
      next.ids.push(id);
      next.sortNames.push(this.sortNames[number]!);
      next.countries.push(this.countries[number]!);
      next.regions.push(this.regions[number]!);
      next.columns.start.set(to, next.pool.length);
      for (const column of ['wordCount', 'codeCount', 'roleCount', 'designationGroup', 'descriptionGroup', 'nameRank'] as const) next.columns[column].set(to, columns[column].get(number));
      const start = columns.start.get(number);
      const end = start + columns.wordCount.get(number) + columns.codeCount.get(number) + columns.roleCount.get(number);
      for (let at = start; at < end; at++) next.pool.push(pool.get(at));
      this.numberOf.set(id, to);
    }
    Object.assign(this, next);
    const renumber = (number: number) => renumbered[number]!;
    for (const postings of this.direct) postings?.rewrite((posting) => {
      const to = renumbered[posting >>> 3]!;
      return to < 0 ? -1 : to * 8 + (posting & 7);
    });
    for (const members of this.groupMembers) members.rewrite(renumber);
    for (const holders of this.holders) holders?.rewrite(renumber);
    this.removed = 0;
    this.rankNames();
  }

  /**
   * Numbers the authorities in name order (spaced, so that later ones fit in between): ties
   * of score are then broken by comparing two numbers instead of two names. An authority
   * added since gets the rank of its place among the ranked; equal ranks compare by name.
   */
  private rankNames(): void {
    const live: number[] = [];
    for (let number = 0; number < this.ids.length; number++) if (this.ids[number] !== undefined) live.push(number);
    live.sort((a, b) => compareNames(this.sortNames[a]!, this.sortNames[b]!));
    live.forEach((number, at) => this.columns.nameRank.set(number, (at + 1) * rankSpacing));
    this.ranked = live;
    this.unranked = 0;
  }

  private rankOf(sortName: string): number {
    const { ranked, sortNames, columns } = this;
    let low = 0;
    let high = ranked.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareNames(sortNames[ranked[middle]!]!, sortName) < 0) low = middle + 1;
      else high = middle;
    }
    const below = low > 0 ? columns.nameRank.get(ranked[low - 1]!) : 0;
    const above = low < ranked.length ? columns.nameRank.get(ranked[low]!) : below + 2 * rankSpacing;
    return Math.floor((below + above) / 2);
  }

  private hasCode(number: number, code: number | undefined, kind: 'codes' | 'roles'): boolean {
    if (code === undefined) return false;
    const { columns, pool } = this;
    let at = columns.start.get(number) + columns.wordCount.get(number);
    let end = at + columns.codeCount.get(number);
    if (kind === 'roles') [at, end] = [end, end + columns.roleCount.get(number)];
    for (; at < end; at++) if (pool.data[at] === code) return true;
    return false;
  }

  /** The filter as a test of an authority number, or none when it filters nothing. */
  private filterTest(filter: SearchFilter): ((number: number) => boolean) | undefined {
    const { country, region, area, competence, role } = filter;
    if (!country && !region && !area && !competence && !role) return undefined;
    const areaCode = area ? this.codeNumber.get(`area:${area}`) : undefined;
    const competenceCode = competence ? this.codeNumber.get(competence) : undefined;
    const roleCode = role ? this.codeNumber.get(`role:${role}`) : undefined;
    return (number) =>
      (!country || this.countries[number] === country) &&
      (!region || this.regions[number]!.startsWith(region)) &&
      (!area || this.hasCode(number, areaCode, 'codes')) &&
      (!competence || this.hasCode(number, competenceCode, 'codes')) &&
      (!role || this.hasCode(number, roleCode, 'roles'));
  }

  /** Authorities matching every word of the query (or, if none does, the most of them), best first. */
  search(query: string, filter: SearchFilter = {}, limit = 20): SearchHit[] {
    return this.find(query, filter, limit).hits;
  }

  /** As `search`, with how many authorities match in all (the hits are the first `limit` of them). */
  find(query: string, filter: SearchFilter = {}, limit = 20): { hits: SearchHit[]; total: number } {
    const terms = [...new Set(foldedWords(query).map((word) => word.slice(0, maximumWordLength)))].slice(0, maximumQueryWords);
    if (terms.length === 0) return query.trim() === '' ? this.browse(filter, limit) : { hits: [], total: 0 }; // only punctuation, symbols or marks
    const matchesPerTerm: Match[][] = terms.map((term, i) =>
      this.finder.find(term, { asPrefix: i === terms.length - 1 }).map((match) => ({
        word: this.wordNumber.get(match.word)!,
        quality: matchQuality[match.kind] * (match.distance === 2 ? 0.8 : 1),
      })),
    );
    this.prepareScratch();
    const { total, matched, touched } = this;
    const passes = this.filterTest(filter);
    touched.length = 0;
    // Words matching a large part of the directory ("de", "chamber", a short beginning) find
    // nothing the other words have not found: they only add to the score of what those found.
    const costs = matchesPerTerm.map((matches) => this.costOf(matches));
    const cheapest = costs.indexOf(Math.min(...costs));
    const commonFrom = Math.max(commonWordMinimum, this.ids.length * commonWordShare);
    matchesPerTerm.forEach((matches, i) => {
      if (i === cheapest || costs[i]! <= commonFrom) this.findAll(matches, passes);
    });
    // Common words in order of cost; after each, what can no longer match as many words as
    // the best is dropped.
    const common = matchesPerTerm.map((_, i) => i).filter((i) => i !== cheapest && costs[i]! > commonFrom);
    common.sort((a, b) => costs[a]! - costs[b]!);
    common.forEach((term, i) => {
      this.scoreFound(matchesPerTerm[term]!);
      this.dropHopeless(common.length - i - 1);
    });
    // The query is a whole name of a competence or nature of register, in some language: what
    // holds it comes before what only has the same words in its name.
    for (const code of this.vocabulary.phrases.get(terms.join(' ')) ?? []) {
      const holders = this.holders[this.codeNumber.get(code) ?? -1];
      for (let i = 0; holders && i < holders.length; i++) {
        const number = holders.data[i]!;
        if (matched[number]! > 0) total[number] = total[number]! + wholeNameBonus * terms.length;
      }
    }
    // The query is the whole name of a region or city: its authorities come first.
    const place = this.codeNumber.get(placeCode(terms.join(' ')));
    const placeHolders = place === undefined ? undefined : this.holders[place];
    for (let i = 0; placeHolders && i < placeHolders.length; i++) {
      const number = placeHolders.data[i]!;
      if (matched[number]! > 0) total[number] = total[number]! + wholePlaceBonus;
    }
    let best = 0;
    for (let i = 0; i < touched.length; i++) best = Math.max(best, matched[touched.data[i]!]!);
    const top = new TopList(limit, this.sortNames, this.columns.nameRank.data);
    let count = 0;
    for (let i = 0; i < touched.length; i++) {
      const number = touched.data[i]!;
      if (matched[number] === best) {
        top.offer(number, total[number]!);
        count += 1;
      }
      total[number] = 0;
      matched[number] = 0;
    }
    return { hits: top.numbers.map((number, i) => ({ id: this.ids[number]!, score: top.scores[i]!, reasons: this.explain(number, matchesPerTerm) })), total: count };
  }

  /** How many postings a query word's matches have: what finding all it matches would cost. */
  private costOf(matches: Match[]): number {
    let cost = 0;
    for (const { word } of matches) {
      cost += this.direct[word]?.length ?? 0;
      for (const posting of this.groupPostings[word] ?? []) cost += this.groupMembers[posting >>> 3]!.length;
      for (const [code] of this.vocabularyCodes[word] ?? []) cost += this.holders[code]?.length ?? 0;
    }
    return cost;
  }

  /** Scores every authority a query word matches (its best match), and counts it among the found. */
  private findAll(matches: Match[], passes: ((number: number) => boolean) | undefined): void {
    const { termBest, total, matched, touched, termTouched, ids } = this;
    termTouched.length = 0;
    const offer = (number: number, score: number) => {
      if (score <= termBest[number]!) return;
      if (termBest[number] === 0) termTouched.push(number);
      termBest[number] = score;
    };
    for (const { word, quality } of matches) {
      const postings = this.direct[word];
      if (postings) {
        const data = postings.data;
        for (let i = 0; i < postings.length; i++) offer(data[i]! >>> 3, quality * fieldWeight[data[i]! & 7]!);
      }
      for (const posting of this.groupPostings[word] ?? []) {
        const members = this.groupMembers[posting >>> 3]!;
        const score = quality * fieldWeight[posting & 7]!;
        for (let i = 0; i < members.length; i++) offer(members.data[i]!, score);
      }
      for (const [code, share] of this.vocabularyCodes[word] ?? []) {
        const holders = this.holders[code];
        if (!holders) continue;
        const score = quality * share * competenceWeight;
        for (let i = 0; i < holders.length; i++) offer(holders.data[i]!, score);
      }
    }
    for (let i = 0; i < termTouched.length; i++) {
      const number = termTouched.data[i]!;
      const score = termBest[number]!;
      termBest[number] = 0;
      if (ids[number] === undefined || (passes && !passes(number))) continue;
      if (matched[number] === 0) touched.push(number);
      total[number] = total[number]! + score;
      matched[number] = matched[number]! + 1;
    }
  }

  /** Adds a common query word's best score to each authority already found, by looking at that authority only. */
  private scoreFound(matches: Match[]): void {
    const { total, matched, touched, columns, pool } = this;
    if (this.wordScore.length < this.wordText.length) this.wordScore = new Float64Array(this.wordText.length * 2);
    if (this.groupScore.length < this.groupMembers.length) this.groupScore = new Float64Array(this.groupMembers.length * 2);
    if (this.codeScore.length < this.codeText.length) this.codeScore = new Float64Array(this.codeText.length * 2);
    const { wordScore, groupScore, codeScore } = this;
    let byWords = false;
    let byCodes = false;
    for (const { word, quality } of matches) {
      if (this.direct[word]?.length) [byWords, wordScore[word]] = [true, Math.max(wordScore[word]!, quality)];
      if (this.vocabularyCodes[word]) byCodes = true;
      for (const posting of this.groupPostings[word] ?? []) groupScore[posting >>> 3] = Math.max(groupScore[posting >>> 3]!, quality * fieldWeight[posting & 7]!);
      for (const [code, share] of this.vocabularyCodes[word] ?? []) codeScore[code] = Math.max(codeScore[code]!, quality * share * competenceWeight);
    }
    for (let i = 0; i < touched.length; i++) {
      const number = touched.data[i]!;
      let best = Math.max(groupScore[columns.designationGroup.get(number)]!, groupScore[columns.descriptionGroup.get(number)]!);
      const start = columns.start.get(number);
      const wordsEnd = start + columns.wordCount.get(number);
      if (byWords) {
        for (let at = start; at < wordsEnd; at++) {
          const entry = pool.data[at]!;
          const quality = wordScore[entry >>> 3]!;
          if (quality > 0) best = Math.max(best, quality * fieldWeight[entry & 7]!);
        }
      }
      if (byCodes) {
        const codesEnd = wordsEnd + columns.codeCount.get(number);
        for (let at = wordsEnd; at < codesEnd; at++) best = Math.max(best, codeScore[pool.data[at]!]!);
      }
      if (best === 0) continue;
      total[number] = total[number]! + best;
      matched[number] = matched[number]! + 1;
    }
    for (const { word } of matches) {
      wordScore[word] = 0;
      for (const posting of this.groupPostings[word] ?? []) groupScore[posting >>> 3] = 0;
      for (const [code] of this.vocabularyCodes[word] ?? []) codeScore[code] = 0;
    }
  }

  /** Forgets the found authorities that, with `wordsLeft` more words, cannot match as many as the best. */
  private dropHopeless(wordsLeft: number): void {
    const { touched, matched, total } = this;
    let best = 0;
    for (let i = 0; i < touched.length; i++) best = Math.max(best, matched[touched.data[i]!]!);
    let kept = 0;
    for (let i = 0; i < touched.length; i++) {
      const number = touched.data[i]!;
      if (matched[number]! + wordsLeft >= best) touched.data[kept++] = number;
      else [matched[number], total[number]] = [0, 0];
    }
    touched.length = kept;
  }

  private prepareScratch(): void {
    if (this.unranked > Math.max(rerankAfter, this.ranked.length / 8)) this.rankNames();
    const count = this.ids.length;
    if (this.termBest.length >= count) return;
    const capacity = Math.max(1_024, count * 2);
    this.termBest = new Float64Array(capacity);
    this.total = new Float64Array(capacity);
    this.matched = new Uint8Array(capacity);
  }

  /** Why an authority matched: per query word, the field (or competence) that gave its best score. */
  private explain(number: number, matchesPerTerm: Match[][]): SearchReason[] {
    const reasons: SearchReason[] = [];
    const { columns, pool } = this;
    const start = columns.start.get(number);
    const wordsEnd = start + columns.wordCount.get(number);
    const groups = [columns.designationGroup.get(number), columns.descriptionGroup.get(number)];
    for (const matches of matchesPerTerm) {
      let bestScore = 0;
      let bestReason: SearchReason | undefined;
      const offer = (score: number, reason: () => SearchReason) => {
        if (score > bestScore) [bestScore, bestReason] = [score, reason()];
      };
      for (const { word, quality } of matches) {
        for (let at = start; at < wordsEnd; at++) {
          const entry = pool.data[at]!;
          if (entry >>> 3 === word) offer(quality * fieldWeight[entry & 7]!, () => ({ field: searchFields[entry & 7]! }));
        }
        for (const posting of this.groupPostings[word] ?? []) {
          if (groups.includes(posting >>> 3)) offer(quality * fieldWeight[posting & 7]!, () => ({ field: searchFields[posting & 7]! }));
        }
        for (const [code, share] of this.vocabularyCodes[word] ?? []) {
          if (this.hasCode(number, code, 'codes')) offer(quality * share * competenceWeight, () => ({ field: 'competence', code: this.codeText[code]! }));
        }
      }
      const reason = bestReason;
      if (reason && !reasons.some((known) => known.field === reason.field && known.code === reason.code)) reasons.push(reason);
    }
    return reasons;
  }

  /** No words: the authorities passing the filter, in name order. */
  private browse(filter: SearchFilter, limit: number): { hits: SearchHit[]; total: number } {
    const passes = this.filterTest(filter);
    this.prepareScratch();
    const top = new TopList(limit, this.sortNames, this.columns.nameRank.data);
    let count = 0;
    for (let number = 0; number < this.ids.length; number++) {
      if (this.ids[number] !== undefined && (!passes || passes(number))) {
        top.offer(number, 0);
        count += 1;
      }
    }
    return { hits: top.numbers.map((number) => ({ id: this.ids[number]!, score: 0, reasons: [] })), total: count };
  }
}

/** A short, stable name for a long text. */
function digestOf(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

/** The code under which authorities are held by the whole name of their region or city. */
function placeCode(name: string): string {
  return `place:${foldedWords(name).join(' ')}`;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The best `limit` authorities offered: highest score first, then by name. */
class TopList {
  readonly numbers: number[] = [];
  readonly scores: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly sortNames: string[],
    private readonly nameRanks: Int32Array,
  ) {}

  private before(scoreA: number, a: number, scoreB: number, b: number): boolean {
    if (scoreA !== scoreB) return scoreA > scoreB;
    const rankA = this.nameRanks[a]!;
    const rankB = this.nameRanks[b]!;
    if (rankA !== rankB) return rankA < rankB;
    return compareNames(this.sortNames[a]!, this.sortNames[b]!) < 0;
  }

  offer(number: number, score: number): void {
    const { numbers, scores } = this;
    if (numbers.length === this.limit && !this.before(score, number, scores[numbers.length - 1]!, numbers[numbers.length - 1]!)) return;
    let at = numbers.length;
    while (at > 0 && this.before(score, number, scores[at - 1]!, numbers[at - 1]!)) at--;
    numbers.splice(at, 0, number);
    scores.splice(at, 0, score);
    if (numbers.length > this.limit) {
      numbers.pop();
      scores.pop();
    }
  }
}
