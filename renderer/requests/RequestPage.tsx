// One request as this authority sees it: who asks whom and by when, the person concerned
// (marked as personal data), the questions and answers in the reader's language (free text
// marked with the language it was written in), the files, the timeline and the actions the
// workflow allows this authority now.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf';
import { useTranslation } from 'react-i18next';
import type { CallOutput } from '../../shared/api/workstation-api';
import { isCountryCode } from '../../shared/countries';
import { uiLanguages, type UiLanguage } from '../../shared/languages';
import { useHost, useStream } from '../host/host-context';
import { useCallResult } from '../host/use-call-result';
import { countryName, formatDate, ownLanguageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { downloadStaged } from './file-transfer';
import { QuestionAnswers } from './QuestionAnswers';
import { RequestActions } from './RequestActions';
import { RequestTimeline } from './RequestTimeline';
import { StateChip } from './StateChip';

export type RequestView = NonNullable<CallOutput<'cases.get'>>;

export function RequestPage({ caseId, onCopy }: { caseId: string; onCopy(draftId: string): void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const host = useHost();
  const live = useStream('cases.live', {});
  const request = useCallResult('cases.get', { caseId }, live?.revision);
  const [pdfLanguage, setPdfLanguage] = useState<UiLanguage>(language);
  const [problem, setProblem] = useState<string>();
  if (!request || request.header.id !== caseId) return <Typography sx={{ p: 3 }}>{t('requests.loading')}</Typography>;
  const { header } = request;
  const authority = (id: string) => {
    const known = request.authorities[id];
    const country = known && isCountryCode(known.country) ? countryName(known.country, language) : known?.country;
    return known ? `${known.name} (${country})` : id;
  };

  async function download(action: () => Promise<{ fileId: string; name: string; type?: string }>) {
    setProblem(undefined);
    try {
      const staged = await action();
      await downloadStaged(host, staged.fileId, staged.name, staged.type ?? 'application/pdf');
    } catch (error) {
      setProblem((error as Error).message);
    }
  }

  const files = request.events.flatMap((event) => (event.files ?? []).map((file) => ({ file, event })));
  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }} data-testid="request-page">
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          {header.subject}
        </Typography>
        <StateChip state={request.state} />
      </Box>
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, m: 0, '& dt': { color: 'text.secondary' }, '& dd': { m: 0 } }}>
        <dt>{t('requests.field.id')}</dt>
        <dd>{header.id}</dd>
        <dt>{t('requests.field.requester')}</dt>
        <dd>{authority(header.requester)}</dd>
        <dt>{t('requests.field.recipient')}</dt>
        <dd>{authority(request.recipient)}</dd>
        <dt>{t('requests.field.area')}</dt>
        <dd>
          {t(`vocabulary:legislativeArea.${header.area}.label`)}
          {header.competence ? ` · ${t(`vocabulary:${header.competence.replace(':', '.')}.label`)}` : ''}
        </dd>
        <dt>{t('requests.field.sent')}</dt>
        <dd>{formatDate(header.createdAt, language, true)}</dd>
        {request.answerBy && (
          <>
            <dt>{t('requests.field.answerBy')}</dt>
            <dd data-testid="request-answer-by">
              {formatDate(request.answerBy, language)}
              {request.dateProposed && header.answerBy && (
                <Typography component="span" variant="body2" color="warning.main">
                  {' '}
                  {t('requests.field.dateProposed', { date: formatDate(header.answerBy, language) })}
                </Typography>
              )}
            </dd>
          </>
        )}
        {request.handler && (
          <>
            <dt>{t('requests.field.handler')}</dt>
            <dd>{request.handler}</dd>
          </>
        )}
      </Box>
      {header.concerned && (
        <Box component="section" aria-labelledby="concerned-title">
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
            <Typography id="concerned-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {t('requests.composer.concerned')}
            </Typography>
            <Tooltip title={t('requests.personalDataHelp')}>
              <Chip size="small" color="warning" variant="outlined" label={t('requests.personalData')} />
            </Tooltip>
          </Box>
          <Typography>{header.concerned.name}</Typography>
          {header.concerned.dateOfBirth && (
            <Typography variant="body2">
              {t('requests.concerned.dateOfBirth')}: {formatDate(header.concerned.dateOfBirth, language)}
            </Typography>
          )}
          {header.concerned.registrationNumber && (
            <Typography variant="body2">
              {t('requests.concerned.registrationNumber')}: {header.concerned.registrationNumber}
            </Typography>
          )}
          {header.concerned.nationality && (
            <Typography variant="body2">
              {t('requests.concerned.nationality')}: {header.concerned.nationality}
            </Typography>
          )}
        </Box>
      )}
      <Divider />
      <RequestActions request={request} onCopy={onCopy} />
      {request.refusals.length > 0 && (
        <Alert severity="error">
          {request.refusals.map((refusal) => (
            <div key={refusal.id}>{refusal.detail}</div>
          ))}
        </Alert>
      )}
      <QuestionAnswers request={request} />
      {files.length > 0 && (
        <Box component="section" aria-labelledby="files-title">
          <Typography id="files-title" variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
            {t('requests.files')}
          </Typography>
          {files.map(({ file, event }) => (
            <Box key={`${event.id}/${file.id}`}>
              <Link component="button" onClick={() => void download(() => host.call('cases.file', { caseId, eventId: event.id, fileId: file.id }))} aria-label={t('requests.download', { name: file.name })}>
                {file.name}
              </Link>{' '}
              <Typography component="span" variant="body2" color="text.secondary">
                ({Math.ceil(file.size / 1024)} KB · {t(`requests.event.${event.type}`)})
              </Typography>
            </Box>
          ))}
        </Box>
      )}
      {problem && <Alert severity="error">{problem}</Alert>}
      <RequestTimeline request={request} />
      <Divider />
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
        <TextField size="small" select label={t('requests.pdf.language')} value={pdfLanguage} onChange={(event) => setPdfLanguage(event.target.value as UiLanguage)} sx={{ minWidth: 180 }}>
          {uiLanguages.map((code) => (
            <MenuItem key={code} value={code}>
              {ownLanguageName(code)}
            </MenuItem>
          ))}
        </TextField>
        <Button startIcon={<PictureAsPdfIcon />} onClick={() => void download(() => host.call('cases.pdf', { caseId, language: pdfLanguage }))}>
          {t('requests.pdf.export')}
        </Button>
      </Box>
    </Box>
  );
}
