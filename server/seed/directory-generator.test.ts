import { describe, expect, it } from 'vitest';
import { countryCodes, countryLanguages } from '../../shared/countries';
import { authoritySchema } from '../../shared/directory/authority';
import { uiLanguages } from '../../shared/languages';
import { professionCodes } from '../../shared/vocabulary/professions';
import { serviceActivityCodes } from '../../shared/vocabulary/service-activities';
import figures from './data/authorities-2010.json' with { type: 'json' };
import { countsPerCountry, generateDirectory } from './directory-generator';
import { apportion } from './random';

const directory = generateDirectory();

describe('the generated directory', () => {
  it('has the 5,737 authorities of Figure 2, per country and legislative area', () => {
    expect(directory).toHaveLength(5_737);
    for (const country of countryCodes) {
      const mine = directory.filter((a) => a.country === country);
      const expected = figures.countries[country];
      expect({
        country,
        professionalQualificationsOnly: mine.filter((a) => a.legislativeAreas.join() === 'PQ').length,
        servicesOnly: mine.filter((a) => a.legislativeAreas.join() === 'SERVICES').length,
        both: mine.filter((a) => a.legislativeAreas.length === 2).length,
      }).toEqual({ country, ...expected });
    }
  });

  it('gives every authority a valid record, a unique id and a unique official name in its country', () => {
    for (const authority of directory) authoritySchema.parse(authority);
    expect(new Set(directory.map((a) => a.id)).size).toBe(directory.length);
    expect(new Set(directory.map((a) => `${a.country}|${a.officialName}`)).size).toBe(directory.length);
  });

  it('writes official names in the country’s own languages, and translates designations into all 26', () => {
    for (const authority of directory) {
      expect(countryLanguages[authority.country]).toContain(authority.officialNameLanguage);
      expect(Object.keys(authority.designation).sort()).toEqual([...uiLanguages].sort());
      expect(authority.officialName).not.toMatch(/\{(city|region)\}/);
    }
    const belgian = new Set(directory.filter((a) => a.country === 'BE').map((a) => a.officialNameLanguage));
    expect(belgian).toEqual(new Set(['nl', 'fr', 'de']));
    const greek = directory.find((a) => a.country === 'GR')!;
    expect(greek.officialName).toMatch(/\p{Script=Greek}/u);
  });

  it('covers every profession and service activity', () => {
    const professions = new Set(directory.flatMap((a) => a.professions));
    const activities = new Set(directory.flatMap((a) => a.serviceActivities));
    expect(professionCodes.filter((code) => !professions.has(code))).toEqual([]);
    expect(serviceActivityCodes.filter((code) => !activities.has(code))).toEqual([]);
  });

  it('is the same for the same seed and differs for another', () => {
    expect(JSON.stringify(generateDirectory({ authorities: 500 }))).toBe(JSON.stringify(generateDirectory({ authorities: 500 })));
    expect(JSON.stringify(generateDirectory({ authorities: 500, seed: 7 }))).not.toBe(JSON.stringify(generateDirectory({ authorities: 500 })));
  });

  it('scales to 100,000 authorities in the proportions of Figure 2', () => {
    const large = generateDirectory({ authorities: 100_000 });
    expect(large).toHaveLength(100_000);
    expect(new Set(large.map((a) => a.id)).size).toBe(100_000);
    const germany = large.filter((a) => a.country === 'DE').length;
    expect(Math.abs(germany - (1_791 / 5_737) * 100_000)).toBeLessThanOrEqual(2);
  });

  it('splits a scaled total exactly', () => {
    for (const total of [0, 1, 29, 5_737, 12_345, 100_000]) {
      const counts = countsPerCountry(total);
      const sum = Object.values(counts).flatMap((c) => Object.values(c)).reduce((a, b) => a + b, 0);
      expect(sum).toBe(total);
    }
    expect(apportion([1, 1, 1], 10)).toEqual([4, 3, 3]);
    expect(apportion([0, 0], 5)).toEqual([0, 0]);
  });
});
