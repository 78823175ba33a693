// Interface strings (locales/ui) and vocabulary labels (locales/vocabularies) for the 26
// languages, bundled with the renderer so that switching language is immediate and offline.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { defaultLanguage, icuLocale, uiLanguages, type UiLanguage } from '../../shared/languages';

type Messages = Record<string, unknown>;
const ui = import.meta.glob<Messages>('../../locales/ui/*.json', { eager: true, import: 'default' });
const vocabulary = import.meta.glob<Messages>('../../locales/vocabularies/*.json', { eager: true, import: 'default' });
const questions = import.meta.glob<Messages>('../../locales/questions/[a-z][a-z].json', { eager: true, import: 'default' });

function byLanguage(files: Record<string, Messages>): Map<string, Messages> {
  return new Map(Object.entries(files).map(([path, messages]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), messages]));
}

export async function initI18n(language: UiLanguage = defaultLanguage) {
  const uiByLanguage = byLanguage(ui);
  const vocabularyByLanguage = byLanguage(vocabulary);
  const questionsByLanguage = byLanguage(questions);
  const resources = Object.fromEntries(
    uiLanguages.map((code) => [code, { ui: uiByLanguage.get(code) ?? {}, vocabulary: vocabularyByLanguage.get(code) ?? {}, questions: questionsByLanguage.get(code) ?? {} }]),
  );
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: defaultLanguage,
    ns: ['ui', 'vocabulary', 'questions'],
    defaultNS: 'ui',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = icuLocale(language);
  return i18next;
}

export async function switchLanguage(language: UiLanguage) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = icuLocale(language);
}
