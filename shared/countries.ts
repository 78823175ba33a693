// The 30 countries of the network in 2010 (EU-27 plus Iceland, Liechtenstein, Norway),
// with the languages their authorities write their official names in.
// Codes follow the report (UK, GR); ISO 3166 codes are used only to ask ICU for names.
export const countryCodes = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HU', 'IE', 'IS',
  'IT', 'LI', 'LT', 'LU', 'LV', 'MT', 'NL', 'NO', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK', 'UK',
] as const;

export type CountryCode = (typeof countryCodes)[number];

export function isCountryCode(value: unknown): value is CountryCode {
  return typeof value === 'string' && (countryCodes as readonly string[]).includes(value);
}

/** Official languages of each country, most used first (codes as in shared/languages.ts). */
export const countryLanguages: Record<CountryCode, readonly string[]> = {
  AT: ['de'], BE: ['nl', 'fr', 'de'], BG: ['bg'], CY: ['el'], CZ: ['cs'], DE: ['de'],
  DK: ['da'], EE: ['et'], ES: ['es'], FI: ['fi', 'sv'], FR: ['fr'], GR: ['el'], HU: ['hu'],
  IE: ['en', 'ga'], IS: ['is'], IT: ['it'], LI: ['de'], LT: ['lt'], LU: ['fr', 'de'],
  LV: ['lv'], MT: ['mt', 'en'], NL: ['nl'], NO: ['no'], PL: ['pl'], PT: ['pt'], RO: ['ro'],
  SE: ['sv'], SI: ['sl'], SK: ['sk'], UK: ['en'],
};

/** ISO 3166-1 alpha-2 code, for Intl.DisplayNames. */
export function isoRegionCode(country: CountryCode): string {
  if (country === 'UK') return 'GB';
  if (country === 'GR') return 'GR';
  return country;
}
