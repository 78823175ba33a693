// One register of the directory of registers: its name in its original language, its nature
// and what it holds in the reader's language (marked where nobody has translated it yet),
// who keeps it, and how to consult it. A coordinator of its country may edit it.
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Divider from '@mui/material/Divider';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import EditIcon from '@mui/icons-material/Edit';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '../../shared/directory/authority';
import type { Register } from '../../shared/directory/register';
import { useCallResult } from '../host/use-call-result';
import { countryName, formatDate, languageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { Field, Fields } from './AuthorityDetail';

/** A translated text in the reader's language, or in another with that language named. */
function Translated({ text }: { text: LocalizedText }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const shown = text[language] !== undefined ? language : text['en'] !== undefined ? 'en' : Object.keys(text)[0];
  if (!shown) return <>–</>;
  return (
    <span lang={shown === 'no' ? 'nb' : shown}>
      {text[shown]}
      {shown !== language && (
        <Typography component="span" variant="body2" color="text.secondary">
          {' '}
          ({languageName(shown, language)}, {t('directory.detail.notTranslated')})
        </Typography>
      )}
    </span>
  );
}

export function RegisterDetail({ id, canEdit, onEdit, revision }: { id: string; canEdit: boolean; onEdit(register: Register): void; revision: unknown }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const register = useCallResult('registers.get', { id }, revision);
  if (register === undefined || (register && register.id !== id)) {
    return (
      <Box sx={{ p: 3 }}>
        <Skeleton variant="text" width="70%" height={40} />
        <Skeleton variant="rectangular" height={160} />
      </Box>
    );
  }
  if (register === null) return <Typography sx={{ p: 3 }}>{t('directory.detail.gone')}</Typography>;
  return (
    <Box sx={{ p: 3 }} data-testid="register-detail">
      <Typography variant="overline" color="text.secondary">
        {countryName(register.country, language)} · {register.region.name}
      </Typography>
      <Typography variant="h5" component="h2" lang={register.nameLanguage === 'no' ? 'nb' : register.nameLanguage} sx={{ fontWeight: 600 }}>
        {register.name}
      </Typography>
      <Typography color="text.secondary" gutterBottom>
        {t('directory.detail.officialNameIn', { language: languageName(register.nameLanguage, language) })}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', alignItems: 'center', my: 1 }}>
        <Chip color="primary" variant="outlined" label={t(`vocabulary:registerNature.${register.nature}.label`)} />
        {register.url && <Chip color="success" variant="outlined" label={t('directory.registers.online')} />}
        {canEdit && (
          <Button size="small" startIcon={<EditIcon />} onClick={() => onEdit(register)} sx={{ ml: 'auto' }}>
            {t('directory.registers.edit')}
          </Button>
        )}
      </Box>
      <Fields>
        <Field label={t('directory.registers.content')}>
          <Translated text={register.content} />
        </Field>
        <Field label={t('directory.registers.access')}>
          <Translated text={register.accessConditions} />
        </Field>
        <Field label={t('directory.registers.keptBy')}>{register.ownerName}</Field>
      </Fields>
      <Divider />
      <Typography variant="subtitle2" sx={{ mt: 2 }}>
        {t('directory.registers.consult')}
      </Typography>
      <Fields>
        {register.url && (
          <Field label={t('directory.registers.web')}>
            <Link href={register.url} target="_blank" rel="noopener noreferrer">
              {register.url}
            </Link>
          </Field>
        )}
        {register.email && (
          <Field label={t('directory.registers.email')}>
            <Link href={`mailto:${register.email}`}>{register.email}</Link>
          </Field>
        )}
        {register.phone && <Field label={t('directory.registers.phone')}>{register.phone}</Field>}
        <Field label={t('directory.registers.updated')}>{formatDate(register.updatedAt, language)}</Field>
      </Fields>
    </Box>
  );
}
