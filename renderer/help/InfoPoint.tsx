// An info point: a small icon beside a difficult field; clicking it (or Enter) shows an
// explanation, Escape or a click elsewhere hides it.
import { useId, useState } from 'react';
import IconButton from '@mui/material/IconButton';
import Popover from '@mui/material/Popover';
import Typography from '@mui/material/Typography';
import InfoOutlined from '@mui/icons-material/InfoOutlined';
import { useTranslation } from 'react-i18next';

export function InfoPoint({ text, label }: { text: string; label?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton size="small" aria-label={label ?? t('requests.info')} aria-describedby={anchor ? id : undefined} onClick={(event) => setAnchor(event.currentTarget)} sx={{ p: 0.25 }}>
        <InfoOutlined fontSize="small" color="action" />
      </IconButton>
      <Popover id={id} open={anchor !== null} anchorEl={anchor} onClose={() => setAnchor(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Typography role="note" sx={{ p: 2, maxWidth: 420 }} variant="body2">
          {text}
        </Typography>
      </Popover>
    </>
  );
}
