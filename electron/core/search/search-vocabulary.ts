// The controlled vocabularies as search sees them: every label and synonym of every
// profession, service activity, legislative area and nature of register, in all 26 languages, folded into words
// that point to the competence they name. "Zahnarzt", "dentiste" and "dentysta" all point
// to the dentist profession, whatever language an authority's own texts are in.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { foldedWords } from '../../../shared/search/text-folding';

const vocabularyFolder = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'locales', 'vocabularies');

type Entry = { label: string; synonyms: string[] };
type VocabularyFile = Record<'profession' | 'serviceActivity' | 'legislativeArea' | 'registerNature', Record<string, Entry>>;

/** A code as the index keeps it: `profession:dentist`, `serviceActivity:travel-agency`, `area:PQ`, `registerNature:insolvency-register`. */
export type CompetenceCode = string;

export interface SearchVocabulary {
  /** Folded word → the competences whose label or synonym holds it, with the word's share of that name (1 for a one-word name). */
  words: Map<string, Map<CompetenceCode, number>>;
  /** Competence → its label in each language, to say why an authority matched. */
  labels: Map<CompetenceCode, Record<string, string>>;
  /** A whole label or synonym, its words folded and joined by spaces → the competences it names. */
  phrases: Map<string, Set<CompetenceCode>>;
}

export function loadSearchVocabulary(folder = vocabularyFolder): SearchVocabulary {
  const words = new Map<string, Map<CompetenceCode, number>>();
  const labels = new Map<CompetenceCode, Record<string, string>>();
  const phrases = new Map<string, Set<CompetenceCode>>();
  const add = (code: CompetenceCode, name: string) => {
    const parts = foldedWords(name);
    const phrase = parts.join(' ');
    if (phrase) phrases.set(phrase, (phrases.get(phrase) ?? new Set()).add(code));
    for (const word of parts) {
      const codes = words.get(word) ?? new Map<CompetenceCode, number>();
      codes.set(code, Math.max(codes.get(code) ?? 0, 1 / parts.length));
      words.set(word, codes);
    }
  };
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json'))) {
    const language = file.slice(0, -'.json'.length);
    const vocabulary = JSON.parse(readFileSync(join(folder, file), 'utf8')) as VocabularyFile;
    const kinds = [
      ['profession', vocabulary.profession],
      ['serviceActivity', vocabulary.serviceActivity],
      ['area', vocabulary.legislativeArea],
      ['registerNature', vocabulary.registerNature],
    ] as const;
    for (const [kind, entries] of kinds) {
      for (const [key, entry] of Object.entries(entries ?? {})) {
        const code = `${kind}:${key}`;
        labels.set(code, { ...(labels.get(code) ?? {}), [language]: entry.label });
        add(code, entry.label);
        for (const synonym of entry.synonyms) add(code, synonym);
      }
    }
  }
  return { words, labels, phrases };
}
