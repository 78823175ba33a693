// Search over the generated directory (5,737 authorities, Figure 2 of the 2010 report): a
// competence named in one language finds authorities whose texts are in another; typing
// errors still find the right authority among the first five; region names find their
// region; filters combine; strange input is answered, fast, and never throws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Authority } from '../../../shared/directory/authority';
import type { CountryCode } from '../../../shared/countries';
import { generateDirectory } from '../../../server/seed/directory-generator';
import { AuthorityIndex, type SearchFilter } from './authority-index';
import { loadSearchVocabulary } from './search-vocabulary';

const directory = generateDirectory();
const byId = new Map(directory.map((authority) => [authority.id, authority]));
const index = new AuthorityIndex(loadSearchVocabulary());
for (const authority of directory) index.put(authority);

const label = (language: string, kind: 'profession' | 'serviceActivity', code: string): string =>
  (JSON.parse(readFileSync(new URL(`../../../locales/vocabularies/${language}.json`, import.meta.url), 'utf8')) as Record<string, Record<string, { label: string }>>)[kind]![code]!.label;

/** A simple, repeatable typing error at position `at`: a letter dropped, doubled, swapped or replaced. */
function misspell(word: string, at: number, kind: number): string {
  const i = Math.min(Math.max(1, at), word.length - 2);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + word[i] + word.slice(i);
  if (kind === 2) return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
  return word.slice(0, i) + (word[i] === 'e' ? 'a' : 'e') + word.slice(i + 1);
}

describe('searching the directory across languages', () => {
  // Each line: the language of the query, the competence, and a country whose authorities
  // with that competence write in another language.
  const queries: [string, 'profession' | 'serviceActivity', string, CountryCode][] = [
    ['de', 'profession', 'dentist', 'CZ'],
    ['fr', 'profession', 'dentist', 'DE'],
    ['pl', 'profession', 'architect', 'AT'],
    ['es', 'profession', 'lawyer', 'RO'],
    ['it', 'profession', 'pharmacist', 'FR'],
    ['nl', 'profession', 'veterinary-surgeon', 'RO'],
    ['sv', 'profession', 'midwife', 'RO'],
    ['cs', 'profession', 'nurse', 'RO'],
    ['hu', 'profession', 'doctor', 'DE'],
    ['ro', 'profession', 'lawyer', 'DE'],
    ['el', 'profession', 'architect', 'DE'],
    ['bg', 'profession', 'pharmacist', 'DE'],
    ['fi', 'serviceActivity', 'travel-agency', 'DE'],
    ['pt', 'serviceActivity', 'estate-agency', 'AT'],
  ];
  for (const [language, kind, code, country] of queries) {
    it(`"${language}" name of ${code} finds the ${country} authorities competent for it`, () => {
      const holders = directory.filter((a) => a.country === country && (kind === 'profession' ? a.professions : a.serviceActivities).includes(code));
      expect(holders.length, `the directory has ${code} authorities in ${country}`).toBeGreaterThan(0);
      const hits = index.search(label(language, kind, code), { country }, 5);
      expect(hits.length).toBeGreaterThan(0);
      const competence = `${kind}:${code}`;
      // The first results hold the competence and say so.
      expect(hits.slice(0, Math.min(holders.length, 5)).every((hit) => byId.get(hit.id)!.country === country)).toBe(true);
      expect(holders.map((a) => a.id)).toContain(hits[0]!.id);
      expect(hits[0]!.reasons).toContainEqual({ field: 'competence', code: competence });
      // Written in another language than the query's.
      expect(byId.get(hits[0]!.id)!.officialNameLanguage).not.toBe(language);
    });
  }

  it('finds a synonym as its competence: "Zahnärztin", "dentysta", "Tierärztin"', () => {
    for (const [query, code] of [['Zahnärztin', 'profession:dentist'], ['dentysta', 'profession:dentist'], ['Tierärztin', 'profession:veterinary-surgeon']] as const) {
      const hit = index.search(query, {}, 5)[0]!;
      expect(byId.get(hit.id)!.professions).toContain(code.slice('profession:'.length));
    }
  });

  it('finds the right authority among the first five despite one or two typing errors', () => {
    const sample = directory.filter((_, i) => i % 97 === 0); // 60 authorities across all countries
    let found = 0;
    const misses: string[] = [];
    for (const [n, authority] of sample.entries()) {
      const words = authority.officialName.split(/\s+/).filter((word) => word.length >= 5 && /^\p{L}+$/u.test(word));
      if (words.length === 0) continue;
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
      let typed = misspell(longest, n % longest.length, n % 4);
      if (longest.length >= 9) typed = misspell(typed, (n * 7) % typed.length, (n + 1) % 4); // a second error in long words
      const query = authority.officialName.replace(longest, typed);
      const hits = index.search(query, {}, 5);
      if (hits.some((hit) => byId.get(hit.id)!.officialName === authority.officialName)) found++;
      else misses.push(query);
    }
    expect(misses).toEqual([]);
    expect(found).toBeGreaterThan(40);
  });

  it('finds the authorities of a region by the region’s name', () => {
    for (const country of ['AT', 'PL', 'IT', 'FR', 'RO'] as const) {
      const authority = directory.find((a) => a.country === country && a.region.name.length > 4)!;
      const hits = index.search(authority.region.name, { country }, 20);
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.map((hit) => hit.id)).toContain(authority.id);
    }
  });

  it('puts the region named in full first, before regions whose names only contain it ("Vest", not "Nord-Vest")', () => {
    const regions = new Map(directory.map((a) => [a.region.name, a.region.code]));
    const contained = [...regions.keys()].filter((name) => [...regions.keys()].some((other) => other !== name && other.includes(name)));
    expect(contained.length, 'the directory has such regions').toBeGreaterThan(2);
    for (const name of contained) {
      const inRegion = directory.filter((a) => a.region.name === name).length;
      const hits = index.search(name, {}, 5).slice(0, Math.min(5, inRegion));
      expect(hits.length, name).toBeGreaterThan(0);
      expect(hits.every((hit) => byId.get(hit.id)!.region.name === name), name).toBe(true);
    }
  });

  it('lists the regions that have authorities, with their names and how many', () => {
    const romanian = directory.filter((a) => a.country === 'RO');
    const regions = index.regionsOf('RO');
    expect(regions.reduce((sum, region) => sum + region.count, 0)).toBe(romanian.length);
    for (const region of regions) {
      expect(region.country).toBe('RO');
      expect(region.name).toBe(romanian.find((a) => a.region.code === region.code)!.region.name);
      expect(region.count).toBe(romanian.filter((a) => a.region.code === region.code).length);
    }
    expect(index.regionsOf().reduce((sum, region) => sum + region.count, 0)).toBe(directory.length);
  });

  it('combines filters: country, legislative area, competence, region and role', () => {
    const hits = index.search('', { country: 'DE', area: 'PQ', competence: 'profession:doctor' }, 500);
    const expected = directory.filter((a) => a.country === 'DE' && a.legislativeAreas.includes('PQ') && a.professions.includes('doctor'));
    expect(hits.map((hit) => hit.id).sort()).toEqual(expected.map((a) => a.id).sort());
    const inRegion = directory.find((a) => a.country === 'PL')!.region.code;
    expect(index.search('', { region: inRegion }, 1000).every((hit) => byId.get(hit.id)!.region.code.startsWith(inRegion))).toBe(true);
    const dentists = index.find('', { competence: 'profession:dentist' }, 5);
    expect(dentists.hits).toHaveLength(5);
    expect(dentists.total).toBe(directory.filter((a) => a.professions.includes('dentist')).length);
    const words = index.find('kammer', { country: 'AT' }, 5);
    expect(words.total).toBeGreaterThan(5);
    expect(words.total).toBe(index.search('kammer', { country: 'AT' }, 10_000).length);
    const coordinators = index.search('', { role: 'coordinator' }, 10_000);
    expect(coordinators.length).toBe(directory.filter((a) => a.roles.some((role) => role.role === 'coordinator')).length);
  });

  it('keeps up with changes one authority at a time: added, changed and removed', () => {
    const local = new AuthorityIndex(loadSearchVocabulary());
    for (const authority of directory.slice(0, 300)) local.put(authority);
    const renamed: Authority = { ...directory[0]!, officialName: 'Landesamt für Quantenbürokratie', sortName: 'landesamt fur quantenburokratie' };
    local.put(renamed);
    expect(local.search('Quantenbürokratie')[0]?.id).toBe(renamed.id);
    expect(local.search(directory[0]!.officialName).map((hit) => hit.id)).not.toContain('nothing');
    local.remove(renamed.id);
    expect(local.search('Quantenbürokratie')).toEqual([]);
    expect(local.size).toBe(299);
  });

  it('after thousands of changes (enough to compact it) answers exactly as an index built afresh', () => {
    const changing = new AuthorityIndex(loadSearchVocabulary());
    for (const authority of directory) changing.put(authority);
    const current = new Map(directory.map((authority) => [authority.id, authority]));
    directory.forEach((authority, i) => {
      if (i % 2 === 0) {
        const changed = { ...authority, officialName: `${authority.officialName} Nord`, sortName: `${authority.sortName} nord` };
        changing.put(changed);
        current.set(authority.id, changed);
      }
      if (i % 5 === 1 || i % 7 === 0) {
        changing.remove(authority.id);
        current.delete(authority.id);
      }
    });
    const fresh = new AuthorityIndex(loadSearchVocabulary());
    for (const authority of [...current.values()].reverse()) fresh.put(authority);
    expect(changing.size).toBe(current.size);
    const queries: [string, SearchFilter][] = [
      ['nord', {}], ['Zahnarzt', { country: 'DE' }], ['Ärztekammer', {}], ['architekt nord', { area: 'PQ' }], ['', { role: 'coordinator' }],
      ['Wien', {}], ['chambre de commerce', {}], ['', { region: 'PL' }], ['tierarzt', { competence: 'profession:veterinary-surgeon' }],
    ];
    const shown = (hits: { id: string; score: number; reasons: unknown }[]) => hits.map((hit) => `${hit.score.toFixed(6)} ${current.get(hit.id)!.sortName} ${JSON.stringify(hit.reasons)}`);
    for (const [query, filter] of queries) {
      const hits = changing.search(query, filter, 50);
      expect(hits.every((hit) => current.has(hit.id)), query).toBe(true);
      expect(shown(hits), query).toEqual(shown(fresh.search(query, filter, 50)));
    }
    const renamedStill = [...current.values()].filter((a) => a.officialName.endsWith(' Nord')).map((a) => a.id);
    const found = new Set(changing.search('nord', {}, 10_000).map((hit) => hit.id));
    expect(renamedStill.length).toBeGreaterThan(1_000);
    expect(renamedStill.every((id) => found.has(id))).toBe(true);
    expect(found.size).toBe(fresh.search('nord', {}, 10_000).length);
  });

  it('answers strange input sensibly and without throwing', () => {
    for (const query of ['x'.repeat(10_000), '.*+?^${}()|[]\\', '!!!', '\u200f\u200e', '\u0301\u0301', '👩‍⚕️🏥', 'Wien'.repeat(3_000), 'ä'.repeat(50)]) {
      expect(() => index.search(query, {}, 5)).not.toThrow();
    }
    expect(index.search('.*+?^${}()|[]\\')).toEqual([]);
    expect(index.search('👩‍⚕️🏥')).toEqual([]);
    expect(index.search('\u200fWien\u200e', {}, 5).length).toBeGreaterThan(0);
  });
});
