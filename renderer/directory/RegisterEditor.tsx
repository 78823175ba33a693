// A coordinator adds or updates a register of its country: the name in its original
// language, its nature, the authority that keeps it, what it holds and how to consult it (in
// one language at a time: the texts of other languages are kept), and its contact details.
// Checked as typed against the same rules the workstation applies; nothing is lost on an
// error (the dialog stays open with the fields marked).
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { AuthoritySummary } from '../../shared/directory/authority';
import { legislativeAreaCodes } from '../../shared/directory/legislative-areas';
import { registerEntrySchema, registerNatureCodes, type Register, type RegisterEntry } from '../../shared/directory/register';
import { countryLanguages } from '../../shared/countries';
import { uiLanguages } from '../../shared/languages';
import { useHost } from '../host/host-context';
import { languageName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

interface RegisterEditorProps {
  /** The register to update, or none to add one. */
  register: Register | undefined;
  actingFor: { id: string; country: Register['country']; officialName: string };
  onClose(saved?: Register): void;
}

export function RegisterEditor({ register, actingFor, onClose }: RegisterEditorProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const host = useHost();
  const [entry, setEntry] = useState<RegisterEntry>(() =>
    register
      ? { ...register }
      : {
          id: `${actingFor.country}-R${Date.now().toString(36).toUpperCase()}`,
          country: actingFor.country,
          ownerAuthorityId: actingFor.id,
          ownerName: actingFor.officialName,
          name: '',
          // A register's name is in its country's language, whatever the reader's.
          nameLanguage: countryLanguages[actingFor.country][0] ?? language,
          nature: 'commercial-register',
          content: {},
          accessConditions: {},
          url: '',
          email: '',
          phone: '',
          region: { code: '', name: '' },
          legislativeAreas: ['SERVICES'],
          professions: [],
          serviceActivities: [],
        },
  );
  const [textsLanguage, setTextsLanguage] = useState<string>(language);
  const [owners, setOwners] = useState<AuthoritySummary[]>([]);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const checked = registerEntrySchema.safeParse(entry);
  const invalid = new Set(checked.success ? [] : checked.error.issues.map((issue) => String(issue.path[0])));
  const marked = (field: string) => tried && invalid.has(field);
  const change = (part: Partial<RegisterEntry>) => setEntry((current) => ({ ...current, ...part }));
  const setText = (field: 'content' | 'accessConditions', value: string) => {
    const { [textsLanguage]: _previous, ...others } = entry[field];
    change({ [field]: value.trim() ? { ...others, [textsLanguage]: value } : others });
  };

  async function findOwners(text: string) {
    const found = await host.call('directory.search', { query: text, filter: { country: actingFor.country }, language, limit: 20 });
    setOwners(found.hits.map((hit) => hit.authority));
  }

  async function save() {
    setTried(true);
    setProblem(undefined);
    if (!checked.success) return;
    setSaving(true);
    try {
      // The owner's region is the register's.
      const owner = await host.call('directory.authority', { id: checked.data.ownerAuthorityId });
      const saved = await host.call('registers.save', { ...checked.data, region: owner?.region ?? checked.data.region });
      onClose(saved);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Dialog open onClose={() => onClose()} maxWidth="md" fullWidth aria-labelledby="register-editor-title">
      <DialogTitle id="register-editor-title">{register ? t('directory.registers.edit') : t('directory.registers.add')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {tried && !checked.success && <Alert severity="error">{t('directory.registers.invalid')}</Alert>}
          {problem && <Alert severity="error">{problem}</Alert>}
          <TextField
            label={t('directory.registers.name')}
            value={entry.name}
            required
            onChange={(event) => change({ name: event.target.value })}
            error={marked('name')}
            helperText={marked('name') ? t('directory.registers.required') : `${t('directory.detail.officialNameIn', { language: languageName(entry.nameLanguage, language) })}`}
          />
          <TextField select label={t('directory.registers.nature')} value={entry.nature} onChange={(event) => change({ nature: event.target.value as RegisterEntry['nature'] })}>
            {registerNatureCodes.map((nature) => (
              <MenuItem key={nature} value={nature}>
                {t(`vocabulary:registerNature.${nature}.label`)}
              </MenuItem>
            ))}
          </TextField>
          <Autocomplete<AuthoritySummary>
            options={owners}
            filterOptions={(options) => options}
            getOptionLabel={(option) => option.officialName}
            value={owners.find((owner) => owner.id === entry.ownerAuthorityId) ?? { id: entry.ownerAuthorityId, officialName: entry.ownerName } as AuthoritySummary}
            isOptionEqualToValue={(option, value) => option.id === value.id}
            onInputChange={(_event, text, reason) => reason === 'input' && text.trim() && void findOwners(text)}
            onChange={(_event, owner) => owner && change({ ownerAuthorityId: owner.id, ownerName: owner.officialName })}
            renderInput={(params) => <TextField {...params} label={t('directory.registers.keptBy')} />}
          />
          <TextField select label={t('directory.registers.textsLanguage')} value={textsLanguage} onChange={(event) => setTextsLanguage(event.target.value)}>
            {uiLanguages.map((code) => (
              <MenuItem key={code} value={code}>
                {languageName(code, language)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={t('directory.registers.content')}
            multiline
            minRows={2}
            value={entry.content[textsLanguage] ?? ''}
            onChange={(event) => setText('content', event.target.value)}
            slotProps={{ htmlInput: { lang: textsLanguage === 'no' ? 'nb' : textsLanguage, maxLength: 2000 } }}
          />
          <TextField
            label={t('directory.registers.access')}
            multiline
            minRows={2}
            value={entry.accessConditions[textsLanguage] ?? ''}
            onChange={(event) => setText('accessConditions', event.target.value)}
            slotProps={{ htmlInput: { lang: textsLanguage === 'no' ? 'nb' : textsLanguage, maxLength: 2000 } }}
          />
          <TextField
            label={t('directory.registers.web')}
            value={entry.url}
            onChange={(event) => change({ url: event.target.value.trim() })}
            error={marked('url')}
            helperText={marked('url') ? t('directory.registers.urlInvalid') : ' '}
            placeholder="https://"
          />
          <Stack direction="row" spacing={2}>
            <TextField label={t('directory.registers.email')} value={entry.email} onChange={(event) => change({ email: event.target.value.trim() })} error={marked('email')} sx={{ flex: 1 }} />
            <TextField label={t('directory.registers.phone')} value={entry.phone} onChange={(event) => change({ phone: event.target.value })} sx={{ flex: 1 }} />
          </Stack>
          <FormGroup row aria-label={t('directory.filter.area')}>
            {legislativeAreaCodes.map((area) => (
              <FormControlLabel
                key={area}
                label={t(`vocabulary:legislativeArea.${area}.label`)}
                control={
                  <Checkbox
                    checked={entry.legislativeAreas.includes(area)}
                    onChange={(event) => change({ legislativeAreas: event.target.checked ? [...entry.legislativeAreas, area] : entry.legislativeAreas.filter((known) => known !== area) })}
                  />
                }
              />
            ))}
          </FormGroup>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={() => onClose()}>{t('directory.registers.cancel')}</Button>
        <Button variant="contained" onClick={() => void save()} disabled={saving}>
          {t('directory.registers.save')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
