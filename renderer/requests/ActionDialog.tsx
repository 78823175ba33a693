// What one step of the workflow needs before it is recorded: an answer-by date (accept), an
// authority (forward, split, refer), the questions to move (split), a message, an officer
// (allocate), another request (link), or only a confirmation (close, withdraw).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseEventType } from '../../shared/cases/case-documents';
import type { AuthoritySummary } from '../../shared/directory/authority';
import { useHost } from '../host/host-context';
import { useLanguage } from '../i18n/use-language';
import { AuthorityPicker } from './AuthorityPicker';
import { questionTexts } from './question-texts';
import type { RequestView } from './RequestPage';

const needsMessage = new Set<CaseEventType>(['info-requested', 'info-provided', 'disputed']);
const offersMessage = new Set<CaseEventType>(['accepted', 'forwarded', 'split', 'resolved', 'closed', 'withdrawn', 'info-requested', 'info-provided', 'disputed']);
const needsAuthority = new Set<CaseEventType>(['forwarded', 'split', 'disputed']);

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function ActionDialog({ type, request, onClose }: { type: CaseEventType; request: RequestView; onClose(recorded: boolean): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const [answerBy, setAnswerBy] = useState(request.answerBy ?? inDays(14));
  const [note, setNote] = useState('');
  const [authority, setAuthority] = useState<AuthoritySummary | null>(null);
  const [handler, setHandler] = useState('');
  const [otherCase, setOtherCase] = useState('');
  const [moved, setMoved] = useState<string[]>([]);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const texts = questionTexts(language);
  const parties = [request.header.requester, request.recipient];

  const missing =
    (needsMessage.has(type) && !note.trim()) ||
    (needsAuthority.has(type) && !authority) ||
    (type === 'split' && moved.length === 0) ||
    (type === 'allocated' && !handler.trim()) ||
    (type === 'linked' && !otherCase.trim()) ||
    (type === 'accepted' && !answerBy);

  async function record() {
    setTried(true);
    if (missing) return;
    setBusy(true);
    setProblem(undefined);
    try {
      await host.call('cases.record', {
        caseId: request.header.id,
        type: type as Exclude<CaseEventType, 'sent'>,
        ...(type === 'accepted' ? { answerBy } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        ...(authority ? { to: authority.id } : {}),
        ...(type === 'split' ? { questions: moved } : {}),
        ...(type === 'allocated' ? { handler: handler.trim() } : {}),
        ...(type === 'linked' ? { otherCase: otherCase.trim() } : {}),
      });
      onClose(true);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="sm" fullWidth aria-labelledby="action-title">
      <DialogTitle id="action-title">{t(`requests.action.${type}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {problem && <Alert severity="error">{problem}</Alert>}
          {type === 'closed' && <Typography>{t('requests.dialog.closeConfirm')}</Typography>}
          {type === 'withdrawn' && <Typography>{t('requests.dialog.withdrawConfirm')}</Typography>}
          {type === 'accepted' && (
            <TextField type="date" label={t('requests.dialog.answerBy')} helperText={t('requests.dialog.answerByHelp')} value={answerBy} onChange={(event) => setAnswerBy(event.target.value)} slotProps={{ inputLabel: { shrink: true } }} />
          )}
          {needsAuthority.has(type) && (
            <AuthorityPicker
              label={type === 'disputed' ? t('requests.dialog.coordinator') : t('requests.dialog.authority')}
              helperText={t('requests.dialog.authorityHelp')}
              error={tried && !authority}
              value={authority}
              onChange={setAuthority}
              filter={type === 'disputed' ? { role: 'coordinator' } : {}}
              exclude={parties}
            />
          )}
          {type === 'split' && (
            <Stack>
              <Typography variant="body2" color="text.secondary">
                {t('requests.dialog.splitHelp')}
              </Typography>
              <Typography variant="subtitle2" color={tried && moved.length === 0 ? 'error' : undefined}>
                {t('requests.dialog.questionsToMove')}
              </Typography>
              {request.questions.map((code) => (
                <FormControlLabel
                  key={code}
                  control={<Checkbox checked={moved.includes(code)} onChange={(event) => setMoved(event.target.checked ? [...moved, code] : moved.filter((other) => other !== code))} />}
                  label={texts.questions[code]?.text ?? code}
                />
              ))}
            </Stack>
          )}
          {type === 'allocated' && <TextField label={t('requests.dialog.handler')} value={handler} error={tried && !handler.trim()} onChange={(event) => setHandler(event.target.value)} />}
          {type === 'linked' && <TextField label={t('requests.dialog.otherCase')} value={otherCase} error={tried && !otherCase.trim()} onChange={(event) => setOtherCase(event.target.value)} />}
          {offersMessage.has(type) && (
            <TextField
              label={t('requests.dialog.message')}
              multiline
              minRows={3}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              error={tried && needsMessage.has(type) && !note.trim()}
              helperText={tried && needsMessage.has(type) && !note.trim() ? t('requests.dialog.messageRequired') : undefined}
              slotProps={{ htmlInput: { maxLength: 20_000 } }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('requests.action.cancel')}</Button>
        <Button variant="contained" disabled={busy} onClick={() => void record()}>
          {t(`requests.action.${type}`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
