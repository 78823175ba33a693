// The questions of a set to tick, grouped in their categories, each with its info point and,
// where the answer holds personal data, a mark saying so.
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { QuestionSet } from '../../../shared/requests/question-sets';
import { InfoPoint } from '../../help/InfoPoint';
import { useLanguage } from '../../i18n/use-language';
import { questionTexts } from '../question-texts';

interface ComposerQuestionsProps {
  set: QuestionSet;
  chosen: string[];
  onChange(chosen: string[]): void;
  error?: boolean;
}

export function ComposerQuestions({ set, chosen, onChange, error }: ComposerQuestionsProps) {
  const { t } = useTranslation();
  const texts = questionTexts(useLanguage());
  return (
    <Box>
      <Typography variant="body2" color={error ? 'error' : 'text.secondary'} sx={{ mb: 1 }}>
        {error ? t('requests.composer.needQuestion') : t('requests.composer.chooseQuestions')} · {t('requests.composer.questionsChosen', { count: chosen.length })}
      </Typography>
      {set.categories.map((category) => {
        const codes = category.questions.map((question) => question.code);
        const all = codes.every((code) => chosen.includes(code));
        const some = codes.some((code) => chosen.includes(code));
        return (
          <Box key={category.code} component="fieldset" sx={{ border: 0, p: 0, m: 0, mb: 1.5 }}>
            <FormControlLabel
              control={
                <Checkbox
                  checked={all}
                  indeterminate={some && !all}
                  onChange={(event) => onChange(event.target.checked ? [...new Set([...chosen, ...codes])] : chosen.filter((code) => !codes.includes(code)))}
                />
              }
              label={
                <Typography component="legend" sx={{ fontWeight: 600 }}>
                  {texts.categories[category.code] ?? category.code}
                </Typography>
              }
            />
            {category.questions.map((question) => (
              <Box key={question.code} sx={{ display: 'flex', alignItems: 'center', pl: 4 }}>
                <FormControlLabel
                  control={<Checkbox size="small" checked={chosen.includes(question.code)} onChange={(event) => onChange(event.target.checked ? [...chosen, question.code] : chosen.filter((code) => code !== question.code))} />}
                  label={texts.questions[question.code]?.text ?? question.code}
                />
                {texts.questions[question.code]?.info && <InfoPoint text={texts.questions[question.code]!.info} />}
                {question.personal && (
                  <Tooltip title={t('requests.personalDataHelp')}>
                    <Chip size="small" variant="outlined" color="warning" label={t('requests.personalData')} sx={{ ml: 0.5 }} />
                  </Tooltip>
                )}
              </Box>
            ))}
          </Box>
        );
      })}
    </Box>
  );
}
