// Composing a request, step by step: legislative area and profession or activity, the
// questions, the person or provider concerned, attachments, the recipient and the answer-by
// date, then a review in both languages and sending. Everything is saved as a draft as the
// officer types (it survives a restart); offline, sending queues the request and says so.
import { useEffect, useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import LinearProgress from '@mui/material/LinearProgress';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepButton from '@mui/material/StepButton';
import Stepper from '@mui/material/Stepper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AttachmentIcon from '@mui/icons-material/Attachment';
import AttachFileIcon from '@mui/icons-material/AttachFile';
import CloseIcon from '@mui/icons-material/Close';
import { useTranslation } from 'react-i18next';
import type { RequestDraft } from '../../../shared/api/workstation-api';
import { maximumAttachmentBytes } from '../../../shared/cases/case-documents';
import { countryCodes, countryLanguages, type CountryCode } from '../../../shared/countries';
import type { AuthoritySummary } from '../../../shared/directory/authority';
import { legislativeAreaCodes, type LegislativeArea } from '../../../shared/directory/legislative-areas';
import { questionSetsFor } from '../../../shared/requests/question-catalogue';
import { professionCodes } from '../../../shared/vocabulary/professions';
import { serviceActivityCodes } from '../../../shared/vocabulary/service-activities';
import { useHost, useStream } from '../../host/host-context';
import { countryName, formatDate } from '../../i18n/display-names';
import { useLanguage } from '../../i18n/use-language';
import { InfoPoint } from '../../help/InfoPoint';
import { AuthorityPicker } from '../AuthorityPicker';
import { uploadFile } from '../file-transfer';
import { fileProblem } from '../file-problem';
import { questionTexts } from '../question-texts';
import { ComposerQuestions } from './ComposerQuestions';
import { ComposerReview } from './ComposerReview';

const steps = ['area', 'questions', 'concerned', 'files', 'recipient', 'review'] as const;
type StepName = (typeof steps)[number];
type Draft = Omit<RequestDraft, 'id' | 'updatedAt'> & { id?: string };

const emptyDraft: Draft = { questions: [], concerned: {}, files: [] };

function inDays(days: number) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export function RequestComposer({ draftId, resumed = false, onClose }: { draftId?: string; resumed?: boolean; onClose(sentCaseId?: string): void }) {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const status = useStream('sync.status', {});
  // A new composition is kept as a draft once something is entered in it.
  const [fresh] = useState<Draft>(() => ({ ...emptyDraft, answerBy: inDays(14) }));
  const [draft, setDraft] = useState<Draft | undefined>(draftId ? undefined : fresh);
  const [recipient, setRecipient] = useState<AuthoritySummary | null>(null);
  const [country, setCountry] = useState<CountryCode | ''>('');
  const [step, setStep] = useState<StepName>('area');
  const [tried, setTried] = useState<Set<StepName>>(new Set());
  const [saved, setSaved] = useState<{ at?: string; problem?: string; restored?: boolean }>({});
  const [uploading, setUploading] = useState<{ name: string; fraction: number }>();
  const [problem, setProblem] = useState<string>();
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<{ caseId: string; queued: boolean; name: string }>();
  const [savedText, setSavedText] = useState(draftId ? '' : JSON.stringify(fresh));
  const unsaved = useRef<Draft | undefined>(undefined);
  const [me, setMe] = useState('');

  useEffect(() => {
    host.call('workspace.info', {}).then((info) => setMe(info.actingFor?.id ?? ''), () => {});
    if (!draftId) return;
    host.call('drafts.get', { id: draftId }).then(
      (found) => {
        const loaded = found ?? { ...emptyDraft, answerBy: inDays(14) };
        setSavedText(JSON.stringify(loaded));
        setDraft(loaded);
        setSaved({ at: found?.updatedAt, restored: resumed && found !== null });
        if (found?.recipient) host.call('directory.authority', { id: found.recipient }).then((authority) => authority && setRecipient({ id: authority.id, country: authority.country, officialName: authority.officialName, designation: '', city: authority.address.city, regionName: authority.region.name } as AuthoritySummary), () => {});
      },
      (error: Error) => setProblem(error.message),
    );
  }, [host, draftId, resumed]);

  // Saved as the officer types: a moment after the last change.
  const pending = draft !== undefined && !outcome && JSON.stringify(draft) !== savedText;
  useEffect(() => {
    unsaved.current = pending ? draft : undefined;
    if (!pending) return;
    const timer = setTimeout(() => {
      host.call('drafts.save', draft).then(
        (stored) => {
          setSavedText(JSON.stringify({ ...draft, id: stored.id }));
          setDraft((current) => (current && !current.id ? { ...current, id: stored.id } : current));
          setSaved({ at: stored.updatedAt });
        },
        (error: Error) => setSaved({ problem: error.message }),
      );
    }, 600);
    return () => clearTimeout(timer);
  }, [draft, host, pending]);
  // Leaving the composer saves what was typed last, without waiting.
  useEffect(
    () => () => {
      if (unsaved.current) void host.call('drafts.save', unsaved.current).catch(() => {});
    },
    [host],
  );

  const sets = draft?.area ? questionSetsFor(draft.area, draft.competence) : [];
  const set = sets.find((candidate) => candidate.code === draft?.questionSet) ?? sets[0];
  const texts = questionTexts(language);
  if (!draft) return <Typography sx={{ p: 3 }}>{t('requests.loading')}</Typography>;
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current!, ...change }));

  const competenceOptions = draft.area === 'SERVICES' ? serviceActivityCodes.map((code) => `serviceActivity:${code}`) : professionCodes.map((code) => `profession:${code}`);
  const competenceLabel = (code: string) => t(`vocabulary:${code.replace(':', '.')}.label`);
  const problems: Record<StepName, string | undefined> = {
    area: !draft.area ? t('requests.composer.area') : undefined,
    questions: draft.questions.length === 0 ? t('requests.composer.needQuestion') : undefined,
    concerned: !draft.concerned.name?.trim() ? t('requests.composer.needName') : !draft.subject?.trim() ? t('requests.composer.needSubject') : undefined,
    files: undefined,
    recipient: !recipient ? t('requests.composer.needRecipient') : !draft.answerBy || draft.answerBy <= new Date().toISOString().slice(0, 10) ? t('requests.composer.needFutureDate') : undefined,
    review: undefined,
  };
  const index = steps.indexOf(step);
  const shown = (name: StepName) => tried.has(name) && problems[name];

  function next() {
    setTried((current) => new Set([...current, step]));
    if (problems[step]) return;
    setStep(steps[index + 1]!);
  }

  async function attach(chosen: FileList | null) {
    for (const file of Array.from(chosen ?? [])) {
      setProblem(undefined);
      if (file.size > maximumAttachmentBytes) {
        setProblem(t('requests.fileErrors.tooLarge', { name: file.name, size: maximumAttachmentBytes / 1048576 }));
        continue;
      }
      setUploading({ name: file.name, fraction: 0 });
      try {
        const staged = await uploadFile(host, file, (fraction) => setUploading({ name: file.name, fraction }));
        setDraft((current) => ({ ...current!, files: [...current!.files, staged] }));
      } catch (error) {
        setProblem(fileProblem(t, file.name, error));
      } finally {
        setUploading(undefined);
      }
    }
  }

  async function send() {
    if (!draft) return;
    const firstProblem = steps.find((name) => problems[name]);
    if (firstProblem) {
      setTried(new Set(steps));
      setStep(firstProblem);
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      const { name, ...concerned } = draft.concerned;
      const { caseId } = await host.call('cases.send', {
        recipient: recipient!.id,
        area: draft.area!,
        subject: draft.subject!.trim(),
        ...(draft.competence ? { competence: draft.competence } : {}),
        ...(set ? { questionSet: set.code } : {}),
        questions: draft.questions,
        concerned: { name: name!.trim(), ...Object.fromEntries(Object.entries(concerned).filter(([, value]) => value)) },
        answerBy: draft.answerBy!,
        ...(draft.note?.trim() ? { note: draft.note.trim() } : {}),
        files: draft.files.map((file) => ({ id: file.id })),
        ...(draft.id ? { draftId: draft.id } : {}),
      });
      setOutcome({ caseId, queued: status?.connection !== 'online', name: recipient!.officialName });
    } catch (error) {
      setProblem((error as Error).message);
    } finally {
      setSending(false);
    }
  }

  if (outcome) {
    return (
      <Box sx={{ p: 3 }}>
        <Alert severity={outcome.queued ? 'info' : 'success'} sx={{ mb: 2 }}>
          {outcome.queued ? t('requests.composer.queued', { name: outcome.name }) : t('requests.composer.sent', { name: outcome.name })}
        </Alert>
        <Button variant="contained" onClick={() => onClose(outcome.caseId)}>
          {t('requests.back')}
        </Button>
      </Box>
    );
  }

  const recipientLanguage = recipient ? (countryLanguages[recipient.country]?.[0] ?? 'en') : 'en';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }} data-testid="request-composer">
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 3, pt: 2, pb: 1 }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {draftId ? t('requests.composer.titleDraft') : t('requests.composer.title')}
        </Typography>
        <Typography variant="body2" color={saved.problem ? 'error' : 'text.secondary'} role="status" data-testid="draft-status">
          {saved.problem
            ? t('requests.composer.saveFailed', { message: saved.problem })
            : pending
              ? t('requests.composer.saving')
              : saved.at
                ? t('requests.composer.saved', { time: formatDate(saved.at, language, true) })
                : ''}
        </Typography>
        <Button onClick={() => onClose()}>{t('requests.back')}</Button>
        {draft.id && (
          <Button
            color="error"
            onClick={() => {
              if (window.confirm(t('requests.composer.discardConfirm'))) void host.call('drafts.delete', { id: draft.id! }).then(() => onClose());
            }}
          >
            {t('requests.composer.discard')}
          </Button>
        )}
      </Box>
      {saved.restored && (
        <Alert severity="info" sx={{ mx: 3 }} onClose={() => setSaved({ ...saved, restored: false })}>
          {t('requests.composer.restored')}
        </Alert>
      )}
      <Stepper nonLinear activeStep={index} sx={{ px: 3, py: 2 }}>
        {steps.map((name) => (
          <Step key={name} completed={tried.has(name) && !problems[name]}>
            <StepButton onClick={() => setStep(name)} optional={shown(name) ? <Typography variant="caption" color="error">{problems[name]}</Typography> : undefined}>
              {t(`requests.composer.step.${name}`)}
            </StepButton>
          </Step>
        ))}
      </Stepper>
      <Paper variant="outlined" sx={{ mx: 3, p: 3, flexGrow: 1, overflow: 'auto' }}>
        <Stack spacing={2.5} sx={{ maxWidth: step === 'review' ? undefined : 820 }}>
          {step === 'area' && (
            <>
              <TextField
                select
                label={t('requests.composer.area')}
                value={draft.area ?? ''}
                error={Boolean(shown('area'))}
                onChange={(event) => update({ area: event.target.value as LegislativeArea, competence: undefined, questionSet: undefined, questions: [] })}
              >
                {legislativeAreaCodes.map((code) => (
                  <MenuItem key={code} value={code}>
                    {t(`vocabulary:legislativeArea.${code}.label`)}
                  </MenuItem>
                ))}
              </TextField>
              {draft.area && (
                <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Autocomplete
                    sx={{ flexGrow: 1 }}
                    options={competenceOptions}
                    value={draft.competence ?? null}
                    getOptionLabel={competenceLabel}
                    onChange={(_event, code) => update({ competence: code ?? undefined, subject: draft.subject || (code ? competenceLabel(code) : undefined) })}
                    renderInput={(params) => <TextField {...params} label={t('requests.composer.competence')} />}
                  />
                  <InfoPoint text={t('requests.composer.competenceHelp')} />
                </Box>
              )}
            </>
          )}
          {step === 'questions' && (
            <>
              {sets.length === 0 && <Alert severity="info">{t('requests.composer.area')}</Alert>}
              {sets.length > 0 && (
                <TextField select label={t('requests.composer.questionSet')} value={set?.code ?? ''} onChange={(event) => update({ questionSet: event.target.value, questions: [] })}>
                  {sets.map((candidate) => (
                    <MenuItem key={candidate.code} value={candidate.code}>
                      {texts.sets[candidate.code]?.name ?? candidate.code}
                    </MenuItem>
                  ))}
                </TextField>
              )}
              {set && <Typography color="text.secondary">{texts.sets[set.code]?.description}</Typography>}
              {set && <ComposerQuestions set={set} chosen={draft.questions} error={Boolean(shown('questions'))} onChange={(questions) => update({ questions, questionSet: set.code })} />}
            </>
          )}
          {step === 'concerned' && (
            <>
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                  {t('requests.composer.concerned')}
                </Typography>
                <Chip size="small" variant="outlined" color="warning" label={t('requests.personalData')} />
                <InfoPoint text={`${t('requests.composer.concernedHelp')} ${t('requests.personalDataHelp')}`} />
              </Box>
              <TextField
                label={t('requests.concerned.name')}
                required
                value={draft.concerned.name ?? ''}
                error={tried.has('concerned') && !draft.concerned.name?.trim()}
                helperText={tried.has('concerned') && !draft.concerned.name?.trim() ? t('requests.composer.needName') : undefined}
                onChange={(event) => update({ concerned: { ...draft.concerned, name: event.target.value } })}
              />
              <TextField type="date" label={t('requests.concerned.dateOfBirth')} value={draft.concerned.dateOfBirth ?? ''} slotProps={{ inputLabel: { shrink: true } }} onChange={(event) => update({ concerned: { ...draft.concerned, dateOfBirth: event.target.value || undefined } })} />
              <TextField label={t('requests.concerned.nationality')} value={draft.concerned.nationality ?? ''} onChange={(event) => update({ concerned: { ...draft.concerned, nationality: event.target.value } })} />
              <TextField label={t('requests.concerned.registrationNumber')} value={draft.concerned.registrationNumber ?? ''} onChange={(event) => update({ concerned: { ...draft.concerned, registrationNumber: event.target.value } })} />
              <TextField label={t('requests.concerned.address')} value={draft.concerned.address ?? ''} onChange={(event) => update({ concerned: { ...draft.concerned, address: event.target.value } })} />
              <TextField
                label={t('requests.composer.subject')}
                required
                value={draft.subject ?? ''}
                error={tried.has('concerned') && !draft.subject?.trim()}
                helperText={t('requests.composer.subjectHelp')}
                slotProps={{ htmlInput: { maxLength: 300 } }}
                onChange={(event) => update({ subject: event.target.value })}
              />
            </>
          )}
          {step === 'files' && (
            <>
              <Typography color="text.secondary">{t('requests.composer.filesHelp', { size: maximumAttachmentBytes / 1048576 })}</Typography>
              <Box>
                <Button component="label" variant="outlined" startIcon={<AttachFileIcon />} disabled={uploading !== undefined}>
                  {t('requests.composer.attach')}
                  <input hidden type="file" multiple accept="application/pdf,image/png,image/jpeg" onChange={(event) => void attach(event.target.files)} data-testid="composer-files" />
                </Button>
              </Box>
              {uploading && (
                <Box>
                  <Typography variant="body2">{t('requests.composer.uploading', { name: uploading.name, percent: Math.round(uploading.fraction * 100) })}</Typography>
                  <LinearProgress variant="determinate" value={uploading.fraction * 100} />
                </Box>
              )}
              {draft.files.map((file) => (
                <Box key={file.id} sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                  <Typography>
                    <AttachmentIcon fontSize="inherit" sx={{ verticalAlign: 'middle', mr: 0.5 }} />{file.name} ({Math.ceil(file.size / 1024)} KB)
                  </Typography>
                  <IconButton size="small" aria-label={t('requests.composer.removeFile', { name: file.name })} onClick={() => update({ files: draft.files.filter((other) => other.id !== file.id) })}>
                    <CloseIcon fontSize="small" />
                  </IconButton>
                </Box>
              ))}
            </>
          )}
          {step === 'recipient' && (
            <>
              <TextField select label={t('directory.filter.country')} value={country} slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }} onChange={(event) => setCountry(event.target.value as CountryCode)}>
                <MenuItem value="">{t('directory.filter.allCountries')}</MenuItem>
                {countryCodes.map((code) => (
                  <MenuItem key={code} value={code}>
                    {countryName(code, language)}
                  </MenuItem>
                ))}
              </TextField>
              <AuthorityPicker
                label={t('requests.composer.recipient')}
                helperText={shown('recipient') && !recipient ? t('requests.composer.needRecipient') : t('requests.composer.recipientHelp')}
                error={Boolean(shown('recipient')) && !recipient}
                value={recipient}
                onChange={(authority) => {
                  setRecipient(authority);
                  update({ recipient: authority?.id });
                }}
                filter={{ ...(country ? { country } : {}), ...(draft.competence ? { competence: draft.competence } : {}) }}
                exclude={me ? [me] : []}
              />
              <TextField
                type="date"
                label={t('requests.composer.answerBy')}
                value={draft.answerBy ?? ''}
                error={Boolean(shown('recipient')) && Boolean(recipient)}
                helperText={shown('recipient') && recipient ? problems.recipient : t('requests.composer.answerByHelp')}
                slotProps={{ inputLabel: { shrink: true } }}
                onChange={(event) => update({ answerBy: event.target.value })}
              />
              <TextField label={t('requests.composer.note')} multiline minRows={3} value={draft.note ?? ''} slotProps={{ htmlInput: { maxLength: 20_000 } }} onChange={(event) => update({ note: event.target.value })} />
            </>
          )}
          {step === 'review' && recipient && <ComposerReview draft={{ ...draft, id: draft.id ?? 'new', updatedAt: '' } as RequestDraft} recipientName={recipient.officialName} recipientLanguage={recipientLanguage} />}
          {step === 'review' && !recipient && <Alert severity="warning">{t('requests.composer.needRecipient')}</Alert>}
          {problem && <Alert severity="error">{problem}</Alert>}
        </Stack>
      </Paper>
      <Box sx={{ display: 'flex', gap: 1, px: 3, py: 2, justifyContent: 'flex-end' }}>
        <Button disabled={index === 0} onClick={() => setStep(steps[index - 1]!)}>
          {t('requests.composer.previous')}
        </Button>
        {step !== 'review' ? (
          <Button variant="contained" onClick={next}>
            {t('requests.composer.next')}
          </Button>
        ) : (
          <Button variant="contained" disabled={sending} onClick={() => void send()}>
            {sending ? t('requests.composer.sending') : t('requests.composer.send')}
          </Button>
        )}
      </Box>
    </Box>
  );
}
