// The questions of a request in the reader's language, grouped as their set groups them, each
// with its info point, its personal-data mark, and its answer: predefined answers in the
// reader's language, free text as written and marked with the language it was written in.
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import AttachmentIcon from '@mui/icons-material/Attachment';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../shared/cases/case-documents';
import { questionOf } from '../../shared/requests/question-catalogue';
import { formatDate, languageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { InfoPoint } from '../help/InfoPoint';
import { answerLabel, questionTexts } from './question-texts';
import type { RequestView } from './RequestPage';

export function QuestionAnswers({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const texts = questionTexts(language);
  const asked = request.header.questions ?? [];
  if (asked.length === 0) return null;
  const answers = new Map<string, { value: AnswerValue; language?: string }>();
  const files = new Map<string, string[]>();
  for (const event of request.events) {
    for (const [code, value] of Object.entries(event.answers ?? {})) answers.set(code, { value, language: event.language });
    for (const file of event.files ?? []) if (file.question) files.set(file.question, [...(files.get(file.question) ?? []), file.name]);
  }
  const categories: { code: string; questions: string[] }[] = [];
  for (const code of asked) {
    const category = questionOf(code)?.category ?? '';
    const group = categories.find((candidate) => candidate.code === category) ?? categories[categories.push({ code: category, questions: [] }) - 1]!;
    group.questions.push(code);
  }
  let number = 0;
  return (
    <Box component="section" aria-labelledby="questions-title" data-testid="question-answers">
      <Typography id="questions-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('requests.questions')}
      </Typography>
      {categories.map((category) => (
        <Box key={category.code} sx={{ mt: 1 }}>
          <Typography variant="overline" color="text.secondary">
            {texts.categories[category.code] ?? category.code}
          </Typography>
          {category.questions.map((code) => {
            number++;
            const question = questionOf(code);
            const text = texts.questions[code];
            const answer = answers.get(code);
            const moved = !request.questions.includes(code);
            return (
              <Box key={code} sx={{ mb: 1.5 }} data-question={code}>
                <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
                  <Typography sx={{ fontWeight: 500 }}>
                    {number}. {text?.text ?? code}
                  </Typography>
                  {text?.info && <InfoPoint text={text.info} />}
                  {question?.personal && (
                    <Tooltip title={t('requests.personalDataHelp')}>
                      <Chip size="small" variant="outlined" color="warning" label={t('requests.personalData')} />
                    </Tooltip>
                  )}
                </Box>
                <Box sx={{ pl: 2 }} data-testid="answer">
                  {answer ? (
                    <Typography sx={{ whiteSpace: 'pre-wrap' }}>
                      {question?.answer === 'date' && typeof answer.value === 'string' ? formatDate(answer.value, language) : answerLabel(code, answer.value, texts)}
                      {typeof answer.value === 'string' && question?.answer !== 'date' && question?.answer !== 'number' && answer.language && answer.language !== language && (
                        <Typography component="span" variant="caption" color="text.secondary">
                          {' '}
                          ({t('requests.originalLanguage', { language: languageName(answer.language, language) })})
                        </Typography>
                      )}
                    </Typography>
                  ) : (
                    !files.has(code) && (
                      <Typography color="text.secondary" variant="body2">
                        {moved ? t('requests.movedElsewhere') : t('requests.notAnswered')}
                      </Typography>
                    )
                  )}
                  {files.get(code)?.map((name) => (
                    <Typography key={name} variant="body2">
                      <AttachmentIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />{name}
                    </Typography>
                  ))}
                </Box>
              </Box>
            );
          })}
        </Box>
      ))}
    </Box>
  );
}
