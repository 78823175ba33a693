// Generates a realistic synthetic directory of authorities: counts per country and
// legislative area equal Figure 2 of the 2010 report (scaled when asked for another size),
// official names in each country's own language(s), translated designations, regions,
// competences and contact details. Deterministic from a seed.
import { countryCodes, countryLanguages, type CountryCode } from '../../shared/countries';
import { foldForSorting, type Authority } from '../../shared/directory/authority';
import type { LegislativeArea } from '../../shared/directory/legislative-areas';
import authorities2010 from './data/authorities-2010.json' with { type: 'json' };
import authorityTypesFile from './data/authority-types.json' with { type: 'json' };
import regionsFile from './data/regions.json' with { type: 'json' };
import { countryDetails, streetNames } from './country-details';
import { apportion, createRandom, type Random } from './random';

export interface AuthorityType {
  code: string;
  areas: LegislativeArea[];
  professions: string[];
  serviceActivities: string[];
  level: 'national' | 'regional' | 'local';
  weight: number;
  officialName: Record<string, string>;
  designation: Record<string, string>;
  description: Record<string, string>;
}
interface Region {
  nuts: string;
  name: string;
  towns: { name: string; postcode: string }[];
}

const authorityTypes = authorityTypesFile.types as AuthorityType[];
// Eurostat labels some regions with a country suffix, e.g. "Limburg (NL)": not shown to users.
const regions = Object.fromEntries(
  Object.entries(regionsFile as Record<CountryCode, Region[]>).map(([country, list]) => [
    country,
    list.map((region) => ({ ...region, name: region.name.replace(/\s*\([A-Z]{2}\)$/, '') })),
  ]),
) as Record<CountryCode, Region[]>;

export const figure2Total: number = authorities2010.total;
const categories = ['professionalQualificationsOnly', 'servicesOnly', 'both'] as const;
type Category = (typeof categories)[number];

const categoryAreas: Record<Category, LegislativeArea[]> = {
  professionalQualificationsOnly: ['PQ'],
  servicesOnly: ['SERVICES'],
  both: ['PQ', 'SERVICES'],
};

/** NUTS prefix of the region holding each capital, where national bodies sit. */
const capitalRegion: Partial<Record<CountryCode, string>> = {
  AT: 'AT13', BE: 'BE1', BG: 'BG41', CZ: 'CZ01', DE: 'DE3', DK: 'DK01', ES: 'ES30', FI: 'FI1B',
  FR: 'FR1', GR: 'EL30', HU: 'HU11', IE: 'IE06', IT: 'ITI4', LT: 'LT01', NL: 'NL33', NO: 'NO08',
  PL: 'PL91', PT: 'PT17', RO: 'RO32', SE: 'SE11', SI: 'SI04', SK: 'SK01', UK: 'UKI',
};

/** How many authorities of each country and category: Figure 2, or scaled to `total`. */
export function countsPerCountry(total: number = figure2Total): Record<CountryCode, Record<Category, number>> {
  const cells = countryCodes.flatMap((country) => categories.map((category) => ({ country, category })));
  const figures = authorities2010.countries as Record<CountryCode, Record<Category, number>>;
  const parts = apportion(cells.map(({ country, category }) => figures[country][category]), total);
  const result = {} as Record<CountryCode, Record<Category, number>>;
  cells.forEach(({ country, category }, index) => {
    result[country] ??= { professionalQualificationsOnly: 0, servicesOnly: 0, both: 0 };
    result[country][category] = parts[index]!;
  });
  return result;
}

function typesFor(category: Category): AuthorityType[] {
  const wanted = categoryAreas[category];
  return authorityTypes.filter((type) => type.areas.length === wanted.length && wanted.every((area) => type.areas.includes(area)));
}

/** Countries whose national bodies carry names in more than one language. */
const multilingualNationalNames: ReadonlySet<CountryCode> = new Set(['BE', 'IE', 'LU', 'MT']);

function nameLanguage(country: CountryCode, region: Region, level: AuthorityType['level'], random: Random): string {
  if (level === 'national' && !multilingualNationalNames.has(country)) return countryLanguages[country][0]!;
  if (country === 'BE') {
    if (region.nuts.startsWith('BE2')) return 'nl';
    if (region.nuts.startsWith('BE33')) return 'de';
    if (region.nuts.startsWith('BE3')) return 'fr';
  }
  if (country === 'FI' && region.nuts.startsWith('FI2')) return 'sv';
  const weights = Object.entries(countryDetails[country].languageWeights);
  return random.weighted(weights, ([, weight]) => weight)[0];
}

const asciiSlug = (text: string) =>
  foldForSorting(text).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'office';

const romanNumerals = ['', '', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

function subset(items: string[], random: Random): string[] {
  if (items.length <= 1) return [...items];
  const kept = items.filter(() => random.chance(0.75));
  return kept.length > 0 ? kept : [random.pick(items)];
}

function isoDate(random: Random): string {
  const day = random.int(0, 364);
  return new Date(Date.UTC(2010, 0, 1 + day, random.int(7, 17), random.int(0, 59))).toISOString();
}

export interface GenerateDirectoryOptions {
  /** How many authorities; default 5,737 as in Figure 2. */
  authorities?: number;
  seed?: number;
}

export function generateDirectory(options: GenerateDirectoryOptions = {}): Authority[] {
  const seed = options.seed ?? 2010;
  const counts = countsPerCountry(options.authorities ?? figure2Total);
  const result: Authority[] = [];
  countryCodes.forEach((country, countryIndex) => {
    const random = createRandom(seed * 7919 + countryIndex);
    const usedNames = new Map<string, number>();
    const usedNational = new Set<string>();
    const countryRegions = regions[country];
    const capital = countryRegions.find((region) => region.nuts.startsWith(capitalRegion[country] ?? '\u0000')) ?? countryRegions[0]!;
    let serial = 0;
    for (const category of categories) {
      const candidates = typesFor(category);
      for (let i = 0; i < counts[country][category]; i++) {
        const open = candidates.filter((type) => type.level !== 'national' || !usedNational.has(type.code));
        const type = random.weighted(open.length > 0 ? open : candidates, (candidate) => candidate.weight);
        if (type.level === 'national') usedNational.add(type.code);
        const region = type.level === 'national' ? capital : random.pick(countryRegions);
        const town = type.level === 'local' ? random.pick(region.towns) : region.towns[0]!;
        const language = nameLanguage(country, region, type.level, random);
        const template = type.officialName[language] ?? type.officialName['en']!;
        const baseName = template.replaceAll('{region}', region.name).replaceAll('{city}', town.name);
        const seen = (usedNames.get(baseName) ?? 0) + 1;
        usedNames.set(baseName, seen);
        const officialName = seen === 1 ? baseName : `${baseName} ${romanNumerals[seen] ?? seen}`;
        const slug = asciiSlug(`${type.designation['en'] ?? type.code} ${type.level === 'national' ? '' : town.name}${seen > 1 ? ` ${seen}` : ''}`);
        const details = countryDetails[country];
        const ownLanguages = countryLanguages[country];
        const descriptionLanguages = new Set(['en', ...ownLanguages]);
        serial += 1;
        result.push({
          id: `${country}-${String(serial).padStart(6, '0')}`,
          country,
          officialName,
          officialNameLanguage: language,
          sortName: foldForSorting(officialName),
          designation: { ...type.designation },
          description: Object.fromEntries([...descriptionLanguages].filter((code) => type.description[code]).map((code) => [code, type.description[code]!])),
          region: { code: region.nuts, name: region.name },
          legislativeAreas: categoryAreas[category],
          roles: categoryAreas[category].map((area) => ({
            area,
            role: type.level === 'national' && random.chance(0.3) ? ('coordinator' as const) : ('competent-authority' as const),
          })),
          professions: subset(type.professions, random),
          serviceActivities: subset(type.serviceActivities, random),
          address: {
            street: `${random.pick(streetNames[language] ?? streetNames['en']!)} ${random.int(1, 120)}`,
            postcode: town.postcode,
            city: town.name,
          },
          phone: `${details.callingCode} ${random.int(10, 99)} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
          email: `info@${slug}.${details.domain}.example`,
          web: `https://www.${slug}.${details.domain}.example`,
          languages: [...new Set([...ownLanguages, ...(random.chance(0.5) ? ['en'] : [])])],
          updatedAt: isoDate(random),
        });
      }
    }
  });
  return result;
}
