// Requests being composed, newest first; one opens in the composer where it was left.
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { useCallResult } from '../host/use-call-result';
import { formatDate } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

export function DraftList({ onOpen }: { onOpen(draftId: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const drafts = useCallResult('drafts.list', {});
  if (!drafts) return <Typography sx={{ px: 3 }}>{t('requests.loading')}</Typography>;
  if (drafts.length === 0) return <Typography sx={{ px: 3 }} color="text.secondary">{t('requests.empty')}</Typography>;
  return (
    <Box sx={{ px: 3 }}>
      <List aria-label={t('requests.boxes.drafts')}>
        {drafts.map((draft) => (
          <ListItemButton key={draft.id} onClick={() => onOpen(draft.id)} divider>
            <ListItemText
              primary={draft.subject || t('requests.composer.title')}
              secondary={`${t('requests.composer.saved', { time: formatDate(draft.updatedAt, language, true) })} · ${t('requests.composer.questionsChosen', { count: draft.questions.length })}`}
            />
          </ListItemButton>
        ))}
      </List>
    </Box>
  );
}
