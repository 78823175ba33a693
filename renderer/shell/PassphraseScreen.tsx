import { useState, type FormEvent } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import { useTranslation } from 'react-i18next';
import { minimumPassphraseLength, WorkstationApiError } from '../../shared/api/workstation-api';
import { useHost } from '../host/host-context';

/** Asks for the passphrase that protects personal data here (or for a first one). */
export function PassphraseScreen({ mode }: { mode: 'choose-passphrase' | 'enter-passphrase' }) {
  const { t } = useTranslation();
  const host = useHost();
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const choosing = mode === 'choose-passphrase';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (passphrase.length < minimumPassphraseLength) return setError(t('passphrase.tooShort'));
    if (choosing && passphrase !== repeat) return setError(t('passphrase.mismatch'));
    setBusy(true);
    try {
      await host.call('replica.unlock', { passphrase });
      window.location.reload();
    } catch (caught) {
      setBusy(false);
      setError(caught instanceof WorkstationApiError && caught.code === 'wrong-passphrase' ? t('passphrase.wrong') : (caught as Error).message);
    }
  }

  async function setAside() {
    setBusy(true);
    await host.call('replica.setAside', {}).then(
      () => window.location.reload(),
      (caught: Error) => {
        setBusy(false);
        setError(t('replica.setAsideFailed', { reason: caught.message }));
      },
    );
  }

  return (
    <Box sx={{ p: 3, display: 'flex', justifyContent: 'center' }}>
      <Paper variant="outlined" component="form" onSubmit={(event: FormEvent) => void submit(event)} sx={{ p: 4, maxWidth: 560, width: '100%' }} data-testid="passphrase-screen">
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mb: 1 }}>
          <LockOutlined color="primary" />
          <Typography variant="h5" component="h1">
            {t('passphrase.title')}
          </Typography>
        </Box>
        <Typography gutterBottom>{t(choosing ? 'passphrase.body' : 'passphrase.unlockBody')}</Typography>
        <TextField
          type="password"
          label={t('passphrase.label')}
          value={passphrase}
          onChange={(event) => setPassphrase(event.target.value)}
          autoFocus
          fullWidth
          margin="normal"
          autoComplete={choosing ? 'new-password' : 'current-password'}
          error={error !== undefined}
          helperText={choosing ? t('passphrase.tooShort') : undefined}
        />
        {choosing && (
          <TextField
            type="password"
            label={t('passphrase.repeat')}
            value={repeat}
            onChange={(event) => setRepeat(event.target.value)}
            fullWidth
            margin="normal"
            autoComplete="new-password"
            error={error !== undefined}
          />
        )}
        {error && (
          <Typography role="alert" color="error" variant="body2" sx={{ mt: 1 }}>
            {error}
          </Typography>
        )}
        <Button type="submit" variant="contained" disabled={busy} sx={{ mt: 2 }}>
          {t('passphrase.submit')}
        </Button>
        {!choosing && (
          <Box sx={{ mt: 4 }}>
            <Typography variant="body2" color="text.secondary" gutterBottom>
              {t('replica.setAsideExplanation')}
            </Typography>
            <Button variant="outlined" color="error" disabled={busy} onClick={() => void setAside()}>
              {t('replica.setAside')}
            </Button>
          </Box>
        )}
      </Paper>
    </Box>
  );
}
