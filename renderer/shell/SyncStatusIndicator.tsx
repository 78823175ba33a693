import { useState } from 'react';
import { SetAsideRecords } from './SetAsideRecords';
import Button from '@mui/material/Button';
import Popover from '@mui/material/Popover';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import CloudDone from '@mui/icons-material/CloudDone';
import CloudOff from '@mui/icons-material/CloudOff';
import CloudSync from '@mui/icons-material/CloudSync';
import SyncDisabled from '@mui/icons-material/SyncDisabled';
import { useTranslation } from 'react-i18next';
import { useHost, useStream } from '../host/host-context';
import { formatDate, formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

/** A size in megabytes, e.g. "12.4 MB" (the unit is the same in every language). */
function formatSize(bytes: number, language: ReturnType<typeof useLanguage>): string {
  return `${formatNumber(Math.round(bytes / 100_000) / 10, language)} MB`;
}

/** A duration as a clock, e.g. "3:07" or "1:02:45": readable in every language. */
function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const [h, m, s] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function SyncStatusIndicator() {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const status = useStream('sync.status', {});
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const connection = status?.connection ?? 'connecting';
  const Icon = { online: CloudDone, offline: CloudOff, connecting: CloudSync, paused: SyncDisabled }[connection];
  const firstSync = status?.firstSync;

  return (
    <>
      <Button
        color="inherit"
        startIcon={<Icon />}
        data-testid="sync-status"
        data-connection={connection}
        aria-haspopup="dialog"
        onClick={(event) => setAnchor(event.currentTarget)}
      >
        {t(`sync.connection.${connection}`)}
      </Button>
      <Popover
        open={anchor !== null}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'right' }}
        transformOrigin={{ vertical: 'top', horizontal: 'right' }}
      >
        <Box sx={{ p: 2, width: 340 }} role="dialog" aria-label={t('sync.title')}>
          <Typography variant="subtitle1" component="h2" gutterBottom>
            {t('sync.title')}
          </Typography>
          <Typography variant="body2">{t(`sync.explanation.${connection}`)}</Typography>
          {firstSync && !firstSync.done && (
            <Box sx={{ my: 1 }}>
              <Typography variant="body2">
                {t('sync.firstSync', { done: formatNumber(firstSync.documents, language), total: firstSync.total === null ? '…' : formatNumber(firstSync.total, language) })}
              </Typography>
              <LinearProgress
                variant={firstSync.total ? 'determinate' : 'indeterminate'}
                value={firstSync.total ? Math.min(100, (100 * firstSync.documents) / firstSync.total) : undefined}
                aria-label={t('sync.firstSyncProgress')}
              />
              <Typography variant="body2" color="text.secondary" data-testid="first-sync-detail">
                {t('sync.firstSyncSize', { size: formatSize(firstSync.bytes, language) })}
                {firstSync.secondsLeft !== null && firstSync.secondsLeft > 0 && ` · ${t('sync.timeLeft', { duration: formatDuration(firstSync.secondsLeft) })}`}
              </Typography>
            </Box>
          )}
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('sync.lastSync')}: {status?.lastSyncAt ? formatDate(status.lastSyncAt, language, true) : t('sync.never')}
          </Typography>
          <Typography variant="body2">{t('sync.pendingUploads', { count: status?.pendingUploads ?? 0 })}</Typography>
          {status && status.quarantined > 0 && <SetAsideRecords count={status.quarantined} />}
          {status?.lastError && (
            <Typography variant="body2" color="error" sx={{ mt: 1 }}>
              {t(`sync.error.${status.lastError.code}`)}
            </Typography>
          )}
          {(connection === 'offline' || connection === 'connecting') && (
            <Button sx={{ mt: 1 }} variant="outlined" size="small" onClick={() => void host.call('sync.retryNow', {})}>
              {t('sync.retryNow')}
            </Button>
          )}
        </Box>
      </Popover>
    </>
  );
}
