// Sends a request to the authority on screen: its legislative area, a subject and a message.
// Written to the local replica at once (so it works offline) and delivered by the sync and
// the exchange relay; the requests screens follow it from there.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { Authority } from '../../shared/directory/authority';
import type { LegislativeArea } from '../../shared/directory/legislative-areas';
import { useHost } from '../host/host-context';

interface SendRequestDialogProps {
  authority: Authority;
  onClose(sent: boolean): void;
}

export function SendRequestDialog({ authority, onClose }: SendRequestDialogProps) {
  const { t } = useTranslation();
  const host = useHost();
  const [area, setArea] = useState<LegislativeArea>(authority.legislativeAreas[0] ?? 'PQ');
  const [subject, setSubject] = useState('');
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [sending, setSending] = useState(false);

  async function send() {
    setTried(true);
    if (!subject.trim()) return;
    setSending(true);
    setProblem(undefined);
    try {
      await host.call('cases.send', { recipient: authority.id, area, subject: subject.trim(), ...(note.trim() ? { note } : {}) });
      onClose(true);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSending(false);
    }
  }

  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="send-request-title">
      <DialogTitle id="send-request-title">{t('directory.request.title', { name: authority.officialName })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem && <Alert severity="error">{problem}</Alert>}
          <TextField select label={t('directory.filter.area')} value={area} onChange={(event) => setArea(event.target.value as LegislativeArea)}>
            {authority.legislativeAreas.map((code) => (
              <MenuItem key={code} value={code}>
                {t(`vocabulary:legislativeArea.${code}.label`)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('directory.request.subject')}
            value={subject}
            required
            autoFocus
            onChange={(event) => setSubject(event.target.value)}
            error={tried && !subject.trim()}
            helperText={tried && !subject.trim() ? t('directory.request.subjectRequired') : ' '}
            slotProps={{ htmlInput: { maxLength: 300 } }}
          />
          <TextField label={t('directory.request.note')} value={note} multiline minRows={4} onChange={(event) => setNote(event.target.value)} slotProps={{ htmlInput: { maxLength: 10_000 } }} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('directory.request.cancel')}</Button>
        <Button variant="contained" onClick={() => void send()} disabled={sending}>
          {t('directory.request.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
