// Builds the content of locales/display-names.json from the ICU data of the running Node.
import { countryCodes, isoRegionCode } from '../shared/countries';
import { icuLocale, uiLanguages } from '../shared/languages';

export interface LanguageDisplayNames {
  countries: Record<string, string>;
  languages: Record<string, string>;
  /** Long date as parts: literals, and "day", "month" (index into months), "year". */
  longDate: ({ literal: string } | { field: 'day' | 'month' | 'year' })[];
  months: string[];
  /** Separator of thousands in whole numbers (empty where the language uses none). */
  thousands: string;
}

export function displayNamesFile(): Record<string, LanguageDisplayNames> {
  const result: Record<string, LanguageDisplayNames> = {};
  for (const language of uiLanguages) {
    const locale = icuLocale(language);
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    const languages = new Intl.DisplayNames([locale], { type: 'language' });
    const long = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    const sample = long.formatToParts(new Date(Date.UTC(2010, 4, 17)));
    result[language] = {
      countries: Object.fromEntries(countryCodes.map((country) => [country, regions.of(isoRegionCode(country)) ?? country])),
      languages: Object.fromEntries(uiLanguages.map((code) => [code, languages.of(icuLocale(code)) ?? code])),
      longDate: sample.map((part) =>
        part.type === 'day' || part.type === 'month' || part.type === 'year' ? { field: part.type } : { literal: part.value },
      ),
      thousands: new Intl.NumberFormat(locale).formatToParts(1234567).find((part) => part.type === 'group')?.value ?? '',
      months: Array.from({ length: 12 }, (_, month) => long.formatToParts(new Date(Date.UTC(2010, month, 17))).find((part) => part.type === 'month')!.value),
    };
  }
  return result;
}
