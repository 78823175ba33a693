// The queries of the search benchmark, each with the answer it expects among the first five
// results: the name of a competence in one of fourteen languages (any authority holding it
// will do), an authority's official name with one or two typing errors (an authority of
// exactly that name), a region's name (an authority of that region), and strange input that
// must only be answered without throwing. Deterministic for a given directory.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Authority } from '../shared/directory/authority';

export type QueryKind = 'competence' | 'name' | 'region' | 'strange';

export interface SearchQuery {
  kind: QueryKind;
  text: string;
  /** What the query stands for, to show in the list of misses. */
  about: string;
  /** Whether a result answers the query; none for strange input (not counted in recall). */
  accepts?: (authority: Authority) => boolean;
}

type VocabularyEntry = { label: string; synonyms: string[] };
export type VocabularyFile = Record<'profession' | 'serviceActivity' | 'legislativeArea', Record<string, VocabularyEntry>>;

export const vocabularyFolder = join(import.meta.dirname, '..', 'locales', 'vocabularies');

/** The vocabulary of every language, by language code. */
export function loadVocabularyFiles(): Map<string, VocabularyFile> {
  const files = new Map<string, VocabularyFile>();
  for (const file of readdirSync(vocabularyFolder).filter((name) => name.endsWith('.json')).sort()) {
    files.set(file.slice(0, -'.json'.length), JSON.parse(readFileSync(join(vocabularyFolder, file), 'utf8')) as VocabularyFile);
  }
  return files;
}

const queryLanguages = ['de', 'fr', 'pl', 'es', 'it', 'nl', 'sv', 'cs', 'hu', 'ro', 'el', 'bg', 'fi', 'pt'];
/** Languages of the warm-up queries: none of the measured ones. */
const warmUpLanguages = ['en', 'da', 'et', 'lt', 'lv', 'sk', 'sl', 'hr', 'mt', 'no'];

/** A simple, repeatable typing error at position `at`: a letter dropped, doubled, swapped or replaced. */
export function misspell(word: string, at: number, kind: number): string {
  const i = Math.min(Math.max(1, at), word.length - 2);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
}

type Competence = { kind: 'profession' | 'serviceActivity'; code: string };

/** The professions and service activities some authority of the directory holds. */
function competencesIn(directory: Authority[]): Competence[] {
  const professions = new Set(directory.flatMap((authority) => authority.professions));
  const activities = new Set(directory.flatMap((authority) => authority.serviceActivities));
  return [
    ...[...professions].sort().map((code) => ({ kind: 'profession' as const, code })),
    ...[...activities].sort().map((code) => ({ kind: 'serviceActivity' as const, code })),
  ];
}

function holds(authority: Authority, { kind, code }: Competence): boolean {
  return (kind === 'profession' ? authority.professions : authority.serviceActivities).includes(code);
}

/** The name of competence number `i` in one of `languages`: its label or, every other time, a synonym. */
function competenceQuery(i: number, competences: Competence[], languages: string[], vocabularies: Map<string, VocabularyFile>): SearchQuery | undefined {
  const competence = competences[i % competences.length]!;
  const language = languages[i % languages.length]!;
  const entry = vocabularies.get(language)?.[competence.kind]?.[competence.code];
  if (!entry) return undefined;
  const text = i % 2 === 1 && entry.synonyms.length > 0 ? entry.synonyms[i % entry.synonyms.length]! : entry.label;
  return { kind: 'competence', text, about: `${competence.kind}:${competence.code} (${language})`, accepts: (authority) => holds(authority, competence) };
}

/** An authority's official name with one typing error in its longest word (two if that word is long). */
function nameQuery(n: number, authority: Authority): SearchQuery | undefined {
  const words = authority.officialName.split(/\s+/).filter((word) => word.length >= 5 && /^\p{L}+$/u.test(word));
  if (words.length === 0) return undefined;
  const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
  let typed = misspell(longest, n % longest.length, n % 4);
  if (longest.length >= 9) typed = misspell(typed, (n * 7) % typed.length, (n + 1) % 4);
  const name = authority.officialName;
  return { kind: 'name', text: name.replace(longest, typed), about: `"${name}" (${longest} → ${typed})`, accepts: (candidate) => candidate.officialName === name };
}

export const strangeQueries = [
  'x'.repeat(10_000),
  'Wien '.repeat(2_000),
  '.*+?^${}()|[]\\',
  '(a+)+$',
  '!!!',
  '...,;:-',
  '\u200f\u200e',
  '\u200fWien\u200e',
  '\u0301\u0301',
  '👩‍⚕️🏥',
];

/**
 * The measured queries, interleaved by kind (so that any first part of the list mixes them),
 * strange input last; and warm-up queries that are none of them.
 */
export function buildSearchQueries(directory: Authority[], vocabularies: Map<string, VocabularyFile>, perKind = 70): { queries: SearchQuery[]; warmUp: SearchQuery[] } {
  const competences = competencesIn(directory);
  const competenceQueries: SearchQuery[] = [];
  for (let i = 0; competenceQueries.length < perKind && i < perKind * 4; i++) {
    const query = competenceQuery(i, competences, queryLanguages, vocabularies);
    if (query && !competenceQueries.some((known) => known.text === query.text)) competenceQueries.push(query);
  }

  const nameQueries: SearchQuery[] = [];
  const step = Math.max(1, Math.floor(directory.length / perKind));
  for (let n = 0; nameQueries.length < perKind && n * step < directory.length; n++) {
    // Evenly through the directory (it is ordered by country), skipping names without a long enough word.
    for (let at = n * step; at < Math.min(directory.length, (n + 1) * step); at++) {
      const query = nameQuery(n, directory[at]!);
      if (query) {
        nameQueries.push(query);
        break;
      }
    }
  }

  const regionCodes = new Map<string, Set<string>>();
  for (const { region } of directory) regionCodes.set(region.name, (regionCodes.get(region.name) ?? new Set()).add(region.code));
  const regionNames = [...regionCodes.keys()];
  const regionQueries: SearchQuery[] = [];
  const regionCount = Math.min(perKind, regionNames.length);
  for (let i = 0; i < regionCount; i++) {
    const name = regionNames[Math.floor((i * regionNames.length) / regionCount)]!;
    const codes = regionCodes.get(name)!;
    regionQueries.push({ kind: 'region', text: name, about: `region ${[...codes].join('/')}`, accepts: (authority) => codes.has(authority.region.code) });
  }

  const queries: SearchQuery[] = [];
  for (let i = 0; i < Math.max(competenceQueries.length, nameQueries.length, regionQueries.length); i++) {
    for (const list of [competenceQueries, nameQueries, regionQueries]) if (list[i]) queries.push(list[i]!);
  }
  queries.push(...strangeQueries.map((text) => ({ kind: 'strange' as const, text, about: `strange input (${text.length} characters)` })));

  const measured = new Set(queries.map((query) => query.text));
  const warmUp: SearchQuery[] = [];
  for (let i = 0; warmUp.length < 20 && i < 200; i++) {
    const query = competenceQuery(i * 3 + 1, competences, warmUpLanguages, vocabularies);
    if (query && !measured.has(query.text) && !warmUp.some((known) => known.text === query.text)) warmUp.push(query);
  }
  return { queries, warmUp };
}
