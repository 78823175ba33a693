// The request before it is sent, twice side by side: as the officer reads it, and as the
// recipient will read it, in the first language of the recipient's country.
import i18next from 'i18next';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { RequestDraft } from '../../../shared/api/workstation-api';
import { isUiLanguage, type UiLanguage } from '../../../shared/languages';
import { formatDate, languageName } from '../../i18n/display-names';
import { useLanguage } from '../../i18n/use-language';
import { questionTexts } from '../question-texts';

function ReviewColumn({ draft, language, title, recipientName }: { draft: RequestDraft; language: UiLanguage; title: string; recipientName: string }) {
  const inLanguage = i18next.getFixedT(language);
  const texts = questionTexts(language);
  return (
    <Paper variant="outlined" sx={{ p: 2, flex: 1, minWidth: 0 }} lang={language} data-testid={`review-${language}`}>
      <Typography variant="overline" color="text.secondary">
        {title}
      </Typography>
      <Typography variant="h6" component="h3">
        {draft.subject}
      </Typography>
      <Typography variant="body2">
        {inLanguage('requests.field.recipient')}: {recipientName}
      </Typography>
      {draft.concerned.name && (
        <Typography variant="body2">
          {inLanguage('requests.composer.concerned')} ({inLanguage('requests.personalData')}): {draft.concerned.name}
          {draft.concerned.dateOfBirth ? `, ${formatDate(draft.concerned.dateOfBirth, language)}` : ''}
        </Typography>
      )}
      {draft.answerBy && (
        <Typography variant="body2">
          {inLanguage('requests.field.answerBy')}: {formatDate(draft.answerBy, language)}
        </Typography>
      )}
      {draft.questionSet && texts.sets[draft.questionSet] && (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {texts.sets[draft.questionSet]!.name}
        </Typography>
      )}
      <Box component="ol" sx={{ pl: 2.5, m: 0 }}>
        {draft.questions.map((code) => (
          <Typography component="li" key={code} variant="body2" sx={{ mb: 0.5 }}>
            {texts.questions[code]?.text ?? code}
          </Typography>
        ))}
      </Box>
      {draft.files.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {inLanguage('requests.files')}: {draft.files.map((file) => file.name).join(', ')}
        </Typography>
      )}
      {draft.note && (
        <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
          {draft.note}
        </Typography>
      )}
    </Paper>
  );
}

export function ComposerReview({ draft, recipientName, recipientLanguage }: { draft: RequestDraft; recipientName: string; recipientLanguage: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const theirs: UiLanguage = isUiLanguage(recipientLanguage) ? recipientLanguage : 'en';
  return (
    <Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {t('requests.composer.reviewHelp', { name: recipientName, language: languageName(theirs, language) })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
        <ReviewColumn draft={draft} language={language} recipientName={recipientName} title={t('requests.composer.yourLanguage')} />
        <ReviewColumn draft={draft} language={theirs} recipientName={recipientName} title={t('requests.composer.theirLanguage', { language: languageName(theirs, language) })} />
      </Box>
    </Box>
  );
}
