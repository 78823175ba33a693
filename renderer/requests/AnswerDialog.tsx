// Answering a request: each question still asked, in the officer's language, with the input
// its kind needs: predefined answers to choose, a date, a number, free text (counted, at most
// 20,000 characters), or files to attach (checked by the workstation as they are attached).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AttachmentIcon from '@mui/icons-material/Attachment';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, AttachedFile } from '../../shared/cases/case-documents';
import { maximumFreeTextLength, optionsOf, questionOf } from '../../shared/requests/question-catalogue';
import { useHost } from '../host/host-context';
import { useLanguage } from '../i18n/use-language';
import { InfoPoint } from '../help/InfoPoint';
import { uploadFile } from './file-transfer';
import { fileProblem } from './file-problem';
import { questionTexts } from './question-texts';
import type { RequestView } from './RequestPage';

export function AnswerDialog({ request, onClose }: { request: RequestView; onClose(recorded: boolean): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const texts = questionTexts(language);
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [files, setFiles] = useState<{ file: AttachedFile; question: string }[]>([]);
  const [uploading, setUploading] = useState<{ name: string; fraction: number }>();
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (code: string, value: AnswerValue | undefined) =>
    setAnswers((current) => {
      const next = { ...current };
      if (value === undefined || (Array.isArray(value) && value.length === 0) || value === '') delete next[code];
      else next[code] = value;
      return next;
    });

  async function attach(question: string, chosen: FileList | null) {
    for (const file of Array.from(chosen ?? [])) {
      setProblem(undefined);
      setUploading({ name: file.name, fraction: 0 });
      try {
        const staged = await uploadFile(host, file, (fraction) => setUploading({ name: file.name, fraction }));
        setFiles((current) => [...current, { file: staged, question }]);
      } catch (error) {
        setProblem(fileProblem(t, file.name, error));
      } finally {
        setUploading(undefined);
      }
    }
  }

  async function send() {
    if (Object.keys(answers).length === 0 && files.length === 0) return setProblem(t('requests.answer.needOne'));
    setBusy(true);
    setProblem(undefined);
    try {
      await host.call('cases.record', {
        caseId: request.header.id,
        type: 'answered',
        answers,
        ...(files.length ? { files: files.map(({ file, question }) => ({ id: file.id, question })) } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onClose(true);
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={() => onClose(false)} maxWidth="md" fullWidth aria-labelledby="answer-title">
      <DialogTitle id="answer-title">{t('requests.answer.title')}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5}>
          {request.questions.map((code, index) => {
            const question = questionOf(code);
            const text = texts.questions[code];
            if (!question) return null;
            const value = answers[code];
            const labelId = `answer-${index}`;
            const optionLabel = (option: string) => (question.answer === 'yes-no' ? texts.answers[option as 'yes'] : text?.options?.[option]) ?? option;
            return (
              <Box key={code} role="group" aria-labelledby={labelId}>
                <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 0.5 }}>
                  <Typography id={labelId} sx={{ fontWeight: 500 }}>
                    {index + 1}. {text?.text ?? code}
                  </Typography>
                  {text?.info && <InfoPoint text={text.info} />}
                </Box>
                {(question.answer === 'yes-no' || question.answer === 'one-option') && (
                  <RadioGroup row value={Array.isArray(value) ? value[0] : ''} onChange={(event) => set(code, [event.target.value])}>
                    {optionsOf(question).map((option) => (
                      <FormControlLabel key={option} value={option} control={<Radio size="small" />} label={optionLabel(option)} />
                    ))}
                  </RadioGroup>
                )}
                {question.answer === 'several-options' &&
                  optionsOf(question).map((option) => {
                    const chosen = Array.isArray(value) ? value : [];
                    return (
                      <FormControlLabel
                        key={option}
                        control={<Checkbox size="small" checked={chosen.includes(option)} onChange={(event) => set(code, event.target.checked ? [...chosen, option] : chosen.filter((other) => other !== option))} />}
                        label={optionLabel(option)}
                      />
                    );
                  })}
                {question.answer === 'date' && (
                  <TextField size="small" type="date" label={t('requests.answer.date')} value={typeof value === 'string' ? value : ''} onChange={(event) => set(code, event.target.value)} slotProps={{ inputLabel: { shrink: true } }} sx={{ mt: 1 }} />
                )}
                {question.answer === 'number' && (
                  <TextField size="small" label={t('requests.answer.number')} value={typeof value === 'string' ? value : ''} onChange={(event) => set(code, event.target.value)} slotProps={{ htmlInput: { inputMode: 'decimal' } }} sx={{ mt: 1 }} />
                )}
                {(question.answer === 'free-text' || question.answer === 'attachment') && (
                  <TextField
                    fullWidth
                    multiline
                    minRows={question.answer === 'free-text' ? 2 : 1}
                    size="small"
                    label={t('requests.answer.text')}
                    value={typeof value === 'string' ? value : ''}
                    onChange={(event) => set(code, event.target.value)}
                    error={typeof value === 'string' && value.length > maximumFreeTextLength}
                    helperText={
                      typeof value === 'string' && value.length > maximumFreeTextLength
                        ? t('requests.answer.tooLong', { max: maximumFreeTextLength.toLocaleString(language) })
                        : typeof value === 'string' && value.length > 0
                          ? t('requests.answer.counter', { count: value.length, max: maximumFreeTextLength })
                          : undefined
                    }
                    sx={{ mt: 1 }}
                  />
                )}
                {question.answer === 'attachment' && (
                  <Box sx={{ mt: 1 }}>
                    <Button component="label" size="small" startIcon={<AttachFileIcon />}>
                      {t('requests.answer.attach')}
                      <input hidden type="file" accept="application/pdf,image/png,image/jpeg" multiple onChange={(event) => void attach(code, event.target.files)} />
                    </Button>
                    {files
                      .filter((file) => file.question === code)
                      .map(({ file }) => (
                        <Typography key={file.id} variant="body2">
                          <AttachmentIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />{file.name} ({Math.ceil(file.size / 1024)} KB)
                        </Typography>
                      ))}
                  </Box>
                )}
              </Box>
            );
          })}
          {uploading && (
            <Box>
              <Typography variant="body2">{t('requests.composer.uploading', { name: uploading.name, percent: Math.round(uploading.fraction * 100) })}</Typography>
              <LinearProgress variant="determinate" value={uploading.fraction * 100} />
            </Box>
          )}
          <TextField label={t('requests.answer.comment')} multiline minRows={2} value={note} onChange={(event) => setNote(event.target.value)} slotProps={{ htmlInput: { maxLength: maximumFreeTextLength } }} />
          {problem && <Alert severity="error">{problem}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose(false)}>{t('requests.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || uploading !== undefined} onClick={() => void send()}>
          {t('requests.answer.send')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
