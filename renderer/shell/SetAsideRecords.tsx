// The records the sync set aside (refused by the central server, or received but failing
// this workstation's checks): how many, which and why, and a way to try them again.
import { useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/workstation-api';
import { useHost } from '../host/host-context';

type Entries = CallOutput<'sync.quarantine'>;

export function SetAsideRecords({ count }: { count: number }) {
  const { t } = useTranslation();
  const host = useHost();
  const [entries, setEntries] = useState<Entries | null>(null);
  const [busy, setBusy] = useState(false);

  const show = async () => setEntries(await host.call('sync.quarantine', {}));
  const retry = async () => {
    setBusy(true);
    try {
      await host.call('sync.retryQuarantined', {});
      setEntries(await host.call('sync.quarantine', {}));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 1 }} data-testid="set-aside">
      <Typography variant="body2">{t('sync.setAside', { count })}</Typography>
      {entries === null ? (
        <Button size="small" onClick={() => void show()}>
          {t('sync.showSetAside')}
        </Button>
      ) : (
        <>
          <Typography variant="subtitle2" component="h3" sx={{ mt: 1 }}>
            {t('sync.setAsideTitle')}
          </Typography>
          <List dense sx={{ maxHeight: 200, overflow: 'auto' }}>
            {entries.map((entry) => (
              <ListItem key={`${entry.collection}/${entry.direction}/${entry.documentId}`} disableGutters>
                <ListItemText
                  primary={`${t(`sync.collection.${entry.collection}`, { defaultValue: entry.collection })}: ${entry.documentId}`}
                  secondary={`${t(`sync.direction.${entry.direction}`)} (${entry.reason})`}
                />
              </ListItem>
            ))}
          </List>
          <Button size="small" variant="outlined" disabled={busy} onClick={() => void retry()}>
            {t('sync.retrySetAside')}
          </Button>
        </>
      )}
    </Box>
  );
}
