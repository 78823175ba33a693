import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { ReplicaProblemInfo } from '../../shared/api/workstation-api';
import { useHost } from '../host/host-context';

/** Says that the local data cannot be used, and offers to set it aside (kept) and start again. */
export function ReplicaProblemNotice({ problem }: { problem: ReplicaProblemInfo }) {
  const { t } = useTranslation();
  const host = useHost();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  async function setAside() {
    setBusy(true);
    setFailure(undefined);
    try {
      await host.call('replica.setAside', {});
      window.location.reload();
    } catch (error) {
      setFailure((error as Error).message);
      setBusy(false);
    }
  }

  return (
    <Alert severity="error" role="alert" sx={{ m: 3, mb: 0 }} data-testid="replica-problem">
      <AlertTitle>{t(`replica.problem.${problem.kind}.title`)}</AlertTitle>
      <Typography variant="body2" gutterBottom>
        {t(`replica.problem.${problem.kind}.body`)}
      </Typography>
      <Typography variant="body2" gutterBottom sx={{ wordBreak: 'break-all' }}>
        {t('replica.file', { file: problem.file })}
      </Typography>
      {problem.kind !== 'cannot-open' && problem.kind !== 'disk-full' && (
        <>
          <Typography variant="body2" gutterBottom>
            {t('replica.setAsideExplanation')}
          </Typography>
          <Button variant="contained" color="error" disabled={busy} onClick={() => void setAside()}>
            {t('replica.setAside')}
          </Button>
        </>
      )}
      {failure && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {t('replica.setAsideFailed', { reason: failure })}
        </Typography>
      )}
    </Alert>
  );
}
