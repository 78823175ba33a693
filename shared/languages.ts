// The 26 interface languages: the EU's 24 official languages plus Norwegian and Icelandic.
export const uiLanguages = [
  'bg', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'fi', 'fr', 'ga', 'hr', 'hu',
  'it', 'lt', 'lv', 'mt', 'nl', 'pl', 'pt', 'ro', 'sk', 'sl', 'sv', 'no', 'is',
] as const;

export type UiLanguage = (typeof uiLanguages)[number];

export const defaultLanguage: UiLanguage = 'en';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (uiLanguages as readonly string[]).includes(value);
}

/** The locale ICU formats best for a UI language (Norwegian: Bokmål). */
export function icuLocale(language: UiLanguage): string {
  return language === 'no' ? 'nb' : language;
}
