// The steps the workflow allows this authority now, each a button that opens what the step
// needs (a date, an authority, a message, questions, answers). The step is written to the
// local replica at once; the message says whether it is on its way or waits for the link.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { CaseEventType } from '../../shared/cases/case-documents';
import { useHost, useStream } from '../host/host-context';
import { ActionDialog } from './ActionDialog';
import { AnswerDialog } from './AnswerDialog';
import type { RequestView } from './RequestPage';

const order: CaseEventType[] = ['accepted', 'answered', 'closed', 'info-provided', 'info-requested', 'allocated', 'forwarded', 'split', 'resolved', 'disputed', 'linked', 'withdrawn'];

export function RequestActions({ request, onCopy }: { request: RequestView; onCopy(draftId: string): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const status = useStream('sync.status', {});
  const [open, setOpen] = useState<CaseEventType | null>(null);
  const [message, setMessage] = useState<{ severity: 'success' | 'info' | 'error'; text: string }>();
  const allowed = order.filter((type) => request.allowed.includes(type));
  const primary = new Set<CaseEventType>(['accepted', 'answered', 'closed', 'info-provided', 'resolved']);

  function done() {
    setOpen(null);
    setMessage(status?.connection === 'online' ? { severity: 'success', text: t('requests.action.done') } : { severity: 'info', text: t('requests.action.queued') });
  }

  return (
    <Box component="section">
      {message && (
        <Alert severity={message.severity} onClose={() => setMessage(undefined)} sx={{ mb: 1 }}>
          {message.text}
        </Alert>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {allowed.map((type) => (
          <Button key={type} variant={primary.has(type) ? 'contained' : 'outlined'} size="small" onClick={() => setOpen(type)}>
            {t(`requests.action.${type}`)}
          </Button>
        ))}
        {request.roles.includes('requester') && (
          <Button
            size="small"
            onClick={() =>
              host.call('drafts.copyOf', { caseId: request.header.id }).then(
                (draft) => onCopy(draft.id),
                (error: Error) => setMessage({ severity: 'error', text: error.message }),
              )
            }
          >
            {t('requests.action.copy')}
          </Button>
        )}
      </Box>
      {allowed.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {t('requests.action.none')}
        </Typography>
      )}
      {open === 'answered' && <AnswerDialog request={request} onClose={(recorded) => (recorded ? done() : setOpen(null))} />}
      {open && open !== 'answered' && <ActionDialog type={open} request={request} onClose={(recorded) => (recorded ? done() : setOpen(null))} />}
    </Box>
  );
}
