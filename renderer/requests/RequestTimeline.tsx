// Every step of a request, oldest first, with its date, its author and what it carried.
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseEvent } from '../../shared/cases/case-documents';
import { formatDate, languageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import type { RequestView } from './RequestPage';

export function RequestTimeline({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = (id: string) => request.authorities[id]?.name ?? id;
  const details = (event: CaseEvent) =>
    [
      event.type === 'accepted' && event.answerBy ? t('requests.eventDetail.answerBy', { date: formatDate(event.answerBy, language) }) : undefined,
      event.to ? t('requests.eventDetail.to', { name: name(event.to) }) : undefined,
      event.handler ? t('requests.eventDetail.handler', { name: event.handler }) : undefined,
      event.questions?.length ? t('requests.eventDetail.questions', { count: event.questions.length }) : undefined,
      event.otherCase ? t('requests.eventDetail.otherCase', { id: event.otherCase }) : undefined,
    ].filter(Boolean);
  return (
    <Box component="section" aria-labelledby="timeline-title">
      <Typography id="timeline-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {t('requests.timeline')}
      </Typography>
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }} data-testid="request-timeline">
        {request.events.map((event) => (
          <Box component="li" key={event.id} sx={{ borderLeft: 3, borderColor: 'primary.light', pl: 1.5, py: 0.5, mb: 0.5 }}>
            <Typography variant="body2">
              <strong>{t(`requests.event.${event.type}`)}</strong> · {formatDate(event.at, language, true)} · {name(event.author)}
            </Typography>
            {details(event).length > 0 && (
              <Typography variant="body2" color="text.secondary">
                {details(event).join(' · ')}
              </Typography>
            )}
            {event.note && (
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
                {event.language && event.language !== language && (
                  <Typography component="span" variant="caption" color="text.secondary">
                    {' '}
                    ({t('requests.originalLanguage', { language: languageName(event.language, language) })})
                  </Typography>
                )}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
}
