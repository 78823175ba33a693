import { useState, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import SendIcon from '@mui/icons-material/Send';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '../../shared/directory/authority';
import { useCallResult } from '../host/use-call-result';
import { countryName, formatDate, languageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { useComposeRequest } from '../requests/compose-request';
import { useHost } from '../host/host-context';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <Typography variant="body2" color="text.secondary" component="dt">
        {label}
      </Typography>
      <Typography variant="body2" component="dd" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </>
  );
}

/** A list of labelled values whose labels line up in one column as wide as the longest. */
export function Fields({ children }: { children: ReactNode }) {
  return <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'minmax(7rem, max-content) 1fr', columnGap: 3, rowGap: 1.25, my: 1.5 }}>{children}</Box>;
}

/** "Send a request": offered where this workstation acts for an authority, and not to itself. */
function SendRequestAction({ own, acting, onSend }: { own: boolean; acting: boolean; onSend(): void }) {
  const { t } = useTranslation();
  const why = !acting ? t('directory.request.notActing') : own ? t('directory.request.own') : undefined;
  return (
    <Box sx={{ mb: 2 }}>
      <Button variant="contained" startIcon={<SendIcon />} onClick={onSend} disabled={why !== undefined} aria-describedby={why ? 'send-request-why' : undefined}>
        {t('directory.request.send')}
      </Button>
      {why && (
        <Typography id="send-request-why" variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
          {why}
        </Typography>
      )}
    </Box>
  );
}

export function AuthorityDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const authority = useCallResult('directory.authority', { id });
  const info = useCallResult('workspace.info', {});
  const host = useHost();
  const compose = useComposeRequest();
  const [problem, setProblem] = useState<string>();

  if (authority === undefined || authority?.id !== id) {
    return (
      <Box sx={{ p: 3 }}>
        <Skeleton variant="text" width="70%" height={40} />
        <Skeleton variant="rectangular" height={160} />
      </Box>
    );
  }
  if (authority === null) return <Typography sx={{ p: 3 }}>{t('directory.detail.gone')}</Typography>;

  const designationIsTranslated = authority.designation[language] !== undefined;
  const description = pickLocalized(authority.description, language);
  const descriptionIsTranslated = authority.description[language] !== undefined;
  const descriptionLanguage = descriptionIsTranslated ? language : authority.description['en'] !== undefined ? 'en' : Object.keys(authority.description)[0];
  return (
    <Box sx={{ p: 3 }} data-testid="authority-detail">
      <Typography variant="overline" color="text.secondary">
        {countryName(authority.country, language)} · {authority.region.name}
      </Typography>
      <Typography variant="h5" component="h2" lang={authority.officialNameLanguage === 'no' ? 'nb' : authority.officialNameLanguage} sx={{ fontWeight: 600 }}>
        {authority.officialName}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {t('directory.detail.officialNameIn', { language: languageName(authority.officialNameLanguage, language) })}
      </Typography>
      <Typography variant="subtitle1">
        {pickLocalized(authority.designation, language)}
        {!designationIsTranslated && ` (${t('directory.detail.notTranslated')})`}
      </Typography>
      {description && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          <span lang={descriptionLanguage}>{description}</span>
          {!descriptionIsTranslated && ` (${t('directory.detail.notTranslated')})`}
        </Typography>
      )}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', my: 2 }}>
        {authority.roles.map((role) => (
          <Chip
            key={`${role.area}-${role.role}`}
            label={`${t(`vocabulary:legislativeArea.${role.area}.label`)}: ${t(`vocabulary:role.${role.role}.label`)}`}
            color={role.role === 'coordinator' ? 'secondary' : 'primary'}
            variant="outlined"
          />
        ))}
      </Box>
      <SendRequestAction
        own={info?.actingFor?.id === authority.id}
        acting={Boolean(info?.actingFor)}
        onSend={() =>
          // A draft addressed to this authority, opened in the composer.
          host
            .call('drafts.save', {
              recipient: authority.id,
              ...(authority.legislativeAreas.length === 1 ? { area: authority.legislativeAreas[0] } : {}),
              answerBy: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
              questions: [],
              concerned: {},
              files: [],
            })
            .then((draft) => compose(draft.id), (error: Error) => setProblem(error.message))
        }
      />
      {problem && (
        <Alert severity="error" onClose={() => setProblem(undefined)} sx={{ mb: 2 }}>
          {problem}
        </Alert>
      )}
      <Divider />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {t('directory.detail.contact')}
      </Typography>
      <Fields>
        <Field label={t('directory.detail.address')}>
          {authority.address.street}, {authority.address.postcode} {authority.address.city}
        </Field>
        <Field label={t('directory.detail.phone')}>
          <Link href={`tel:${authority.phone.replace(/\s+/g, '')}`}>{authority.phone}</Link>
        </Field>
        <Field label={t('directory.detail.email')}>
          <Link href={`mailto:${authority.email}`}>{authority.email}</Link>
        </Field>
        <Field label={t('directory.detail.web')}>
          <Link href={authority.web} target="_blank" rel="noopener noreferrer">
            {authority.web}
          </Link>
        </Field>
        <Field label={t('directory.detail.languages')}>{authority.languages.map((code) => languageName(code, language)).join(', ')}</Field>
      </Fields>
      <Divider sx={{ my: 1 }} />
      <Typography variant="subtitle2" component="h3" sx={{ mt: 2 }}>
        {t('directory.detail.competences')}
      </Typography>
      <Fields>
        {authority.professions.length > 0 && (
          <Field label={t('directory.detail.professions')}>
            {authority.professions.map((code) => t(`vocabulary:profession.${code}.label`, { defaultValue: code })).join(', ')}
          </Field>
        )}
        {authority.serviceActivities.length > 0 && (
          <Field label={t('directory.detail.serviceActivities')}>
            {authority.serviceActivities.map((code) => t(`vocabulary:serviceActivity.${code}.label`, { defaultValue: code })).join(', ')}
          </Field>
        )}
        <Field label={t('directory.detail.updated')}>{formatDate(authority.updatedAt, language)}</Field>
      </Fields>
    </Box>
  );
}
