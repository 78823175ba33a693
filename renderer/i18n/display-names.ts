// Country and language names, dates and numbers in the reader's language. Names come from
// locales/display-names.json (made from Node's full ICU data), so that every language has
// them even where the browser's ICU data lacks some (Chromium ships none for Irish, Maltese
// or Icelandic); dates and numbers use the browser's ICU where it has the language.
import type { CountryCode } from '../../shared/countries';
import { icuLocale, type UiLanguage } from '../../shared/languages';
import names from '../../locales/display-names.json';

type Names = (typeof names)['en'];
const byLanguage = names as Record<UiLanguage, Names>;

const supported = new Map<UiLanguage, boolean>();
function browserKnows(language: UiLanguage): boolean {
  let known = supported.get(language);
  if (known === undefined) {
    known = Intl.DateTimeFormat.supportedLocalesOf([icuLocale(language)]).length > 0;
    supported.set(language, known);
  }
  return known;
}

export function countryName(country: CountryCode, language: UiLanguage): string {
  return byLanguage[language].countries[country] ?? country;
}

export function languageName(code: string, language: UiLanguage): string {
  return (byLanguage[language].languages as Record<string, string>)[code === 'nb' ? 'no' : code] ?? code;
}

/** A language's name in that language itself, for the language menu. */
export function ownLanguageName(code: UiLanguage): string {
  const name = languageName(code, code);
  return name.charAt(0).toLocaleUpperCase(icuLocale(code)) + name.slice(1);
}

function fallbackDate(date: Date, language: UiLanguage, withTime: boolean): string {
  const { longDate, months } = byLanguage[language];
  const text = longDate
    .map((part) =>
      'literal' in part ? part.literal : part.field === 'day' ? String(date.getDate()) : part.field === 'month' ? months[date.getMonth()] : String(date.getFullYear()),
    )
    .join('');
  const time = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
  return withTime ? `${text} ${time}` : text;
}

export function formatDate(iso: string, language: UiLanguage, withTime = false): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  if (!browserKnows(language)) return fallbackDate(date, language, withTime);
  return new Intl.DateTimeFormat(icuLocale(language), withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'long' }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  if (browserKnows(language) || !Number.isInteger(value)) return new Intl.NumberFormat(icuLocale(language)).format(value);
  const digits = String(Math.abs(value));
  const { thousands } = byLanguage[language];
  // Languages that group only from five digits on (e.g. 5737 but 12 345) are not among the fallbacks.
  const grouped = digits.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
  return value < 0 ? `-${grouped}` : grouped;
}
