// Every interface string and vocabulary label exists, non-empty, in all 26 languages, with
// every plural form each language needs.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icuLocale, uiLanguages } from '../shared/languages';
import { professionCodes } from '../shared/vocabulary/professions';
import { serviceActivityCodes } from '../shared/vocabulary/service-activities';

type Tree = { [key: string]: Tree | string | string[] };
const folder = import.meta.dirname;
const read = (kind: string, language: string) => JSON.parse(readFileSync(join(folder, kind, `${language}.json`), 'utf8')) as Tree;

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Flattens to "a.b.c" keys; plural keys become their base key. */
function leaves(tree: Tree, prefix = ''): Map<string, string | string[]> {
  const result = new Map<string, string | string[]>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string' || Array.isArray(value)) result.set(path, value);
    else for (const [leaf, text] of leaves(value, path)) result.set(leaf, text);
  }
  return result;
}

const english = leaves(read('ui', 'en'));
const englishBaseKeys = new Set([...english.keys()].map((key) => key.replace(pluralSuffix, '')));
const pluralBaseKeys = new Set([...english.keys()].filter((key) => pluralSuffix.test(key)).map((key) => key.replace(pluralSuffix, '')));

describe.each(uiLanguages.map((language) => [language]))('interface strings in %s', (language) => {
  const file = join(folder, 'ui', `${language}.json`);
  it('exist', () => expect(existsSync(file)).toBe(true));
  if (!existsSync(file)) return;
  const strings = leaves(read('ui', language));

  it('have every key of the English file, none empty', () => {
    const missing = [...englishBaseKeys].filter((key) => !pluralBaseKeys.has(key) && !strings.has(key));
    expect(missing).toEqual([]);
    const empty = [...strings].filter(([, text]) => (Array.isArray(text) ? text.length === 0 || text.some((t) => !t.trim()) : !text.trim()));
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it('have no key the English file lacks', () => {
    const extra = [...strings.keys()].filter((key) => !englishBaseKeys.has(key.replace(pluralSuffix, '')));
    expect(extra).toEqual([]);
  });

  it('have every plural form the language uses', () => {
    const categories = new Intl.PluralRules(icuLocale(language)).resolvedOptions().pluralCategories;
    const missing = [...pluralBaseKeys].flatMap((base) => categories.filter((category) => !strings.has(`${base}_${category}`)).map((category) => `${base}_${category}`));
    expect(missing).toEqual([]);
  });

  it('keep the placeholders of the English text', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();
    const wrong = [...strings].filter(([key, text]) => {
      if (Array.isArray(text)) return false;
      const source = english.get(key) ?? english.get(`${key.replace(pluralSuffix, '')}_other`);
      if (typeof source !== 'string') return false;
      const expected = placeholders(source).filter((name) => !(name === 'count' && key.endsWith('_one')));
      return !expected.every((name) => placeholders(text).includes(name));
    });
    expect(wrong.map(([key]) => key)).toEqual([]);
  });
});

describe.each(uiLanguages.map((language) => [language]))('vocabularies in %s', (language) => {
  const vocabulary = read('vocabularies', language) as unknown as Record<string, Record<string, { label: string; synonyms: string[] }>>;
  const groups: [string, readonly string[]][] = [
    ['profession', professionCodes],
    ['serviceActivity', serviceActivityCodes],
    ['legislativeArea', ['PQ', 'SERVICES']],
    ['role', ['competent-authority', 'coordinator']],
  ];
  it.each(groups)('label every %s', (group, codes) => {
    const unlabelled = codes.filter((code) => !vocabulary[group]?.[code]?.label?.trim() || !Array.isArray(vocabulary[group]?.[code]?.synonyms));
    expect(unlabelled).toEqual([]);
  });
});

describe('names of countries and languages, and date patterns', () => {
  it('are those of the ICU data, for all 26 languages (run scripts/generate-display-names.ts after an ICU update)', async () => {
    const { displayNamesFile } = await import('./display-names-source');
    const stored = JSON.parse(readFileSync(join(folder, 'display-names.json'), 'utf8')) as unknown;
    expect(stored).toEqual(displayNamesFile());
  });
  it('give Irish, Maltese and Icelandic names of their own', () => {
    const stored = JSON.parse(readFileSync(join(folder, 'display-names.json'), 'utf8')) as Record<string, { countries: Record<string, string>; months: string[] }>;
    expect(stored['ga']!.countries['AT']).toBe('an Ostair');
    expect(stored['mt']!.countries['AT']).toBe('l-Awstrija');
    expect(stored['is']!.countries['AT']).toBe('Austurríki');
    expect(stored['is']!.months[4]).toBe('maí');
  });
});
