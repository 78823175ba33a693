import { useTranslation } from 'react-i18next';
import { defaultLanguage, isUiLanguage, type UiLanguage } from '../../shared/languages';

/** The interface language now in use. */
export function useLanguage(): UiLanguage {
  const { i18n } = useTranslation();
  return isUiLanguage(i18n.language) ? i18n.language : defaultLanguage;
}
