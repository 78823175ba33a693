// Country and language names from the browser's ICU data, in the reader's language:
// no translation files needed.
import { isoRegionCode, type CountryCode } from '../../shared/countries';
import { icuLocale, type UiLanguage } from '../../shared/languages';

const cache = new Map<string, Intl.DisplayNames>();

function displayNames(language: UiLanguage, type: 'region' | 'language'): Intl.DisplayNames {
  const key = `${language}:${type}`;
  let names = cache.get(key);
  if (!names) {
    names = new Intl.DisplayNames([icuLocale(language), 'en'], { type, fallback: 'code' });
    cache.set(key, names);
  }
  return names;
}

export function countryName(country: CountryCode, language: UiLanguage): string {
  return displayNames(language, 'region').of(isoRegionCode(country)) ?? country;
}

export function languageName(code: string, language: UiLanguage): string {
  return displayNames(language, 'language').of(code === 'no' ? 'nb' : code) ?? code;
}

/** A language's name in that language itself, for the language menu. */
export function ownLanguageName(code: UiLanguage): string {
  const name = new Intl.DisplayNames([icuLocale(code)], { type: 'language' }).of(icuLocale(code)) ?? code;
  return name.charAt(0).toLocaleUpperCase(icuLocale(code)) + name.slice(1);
}

export function formatDate(iso: string, language: UiLanguage, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(icuLocale(language), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(icuLocale(language)).format(value);
}
