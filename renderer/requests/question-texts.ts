// The texts of the question sets in a language (bundled with the interface strings), read
// directly: question codes hold dots, which i18next would take for nested keys.
import i18next from 'i18next';
import type { AnswerValue } from '../../shared/cases/case-documents';
import type { UiLanguage } from '../../shared/languages';
import { questionOf } from '../../shared/requests/question-catalogue';
import type { QuestionTexts } from '../../shared/requests/question-sets';

export function questionTexts(language: UiLanguage): QuestionTexts {
  const texts = i18next.getResourceBundle(language, 'questions') as QuestionTexts | undefined;
  return texts && texts.questions ? texts : (i18next.getResourceBundle('en', 'questions') as QuestionTexts);
}

/** A predefined answer's label, or the answer as written. */
export function answerLabel(code: string, value: AnswerValue, texts: QuestionTexts): string {
  if (!Array.isArray(value)) return value;
  const question = questionOf(code);
  return value.map((option) => (question?.answer === 'yes-no' ? texts.answers[option as 'yes'] : texts.questions[code]?.options?.[option]) ?? option).join('; ');
}
