// The narrower filters of the directory as chips under the search box: a profession or
// service activity, a region, a role. A chip with a plus adds one (a short list to type
// into, in the reader's language); an active filter is a filled chip that removes itself
// with its cross, or with Delete or Backspace when it has the focus.
import { useState, type MouseEvent } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Popover from '@mui/material/Popover';
import TextField from '@mui/material/TextField';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { SearchFilter } from '../../shared/api/workstation-api';
import { authorityRoleCodes } from '../../shared/directory/legislative-areas';
import { registerNatureCodes } from '../../shared/directory/register';
import { professionCodes } from '../../shared/vocabulary/professions';
import { serviceActivityCodes } from '../../shared/vocabulary/service-activities';
import { useCallResult } from '../host/use-call-result';
import { countryName, formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

type Opened = 'competence' | 'region' | 'role' | undefined;
type Option = { value: string; label: string; group: string };

/** The filter after a change: a region belongs to one country, so another country drops it. */
export function changedFilter(previous: SearchFilter, next: SearchFilter): SearchFilter {
  const { region, ...rest } = next;
  return region && next.country !== previous.country ? rest : next;
}

interface SearchFilterChipsProps {
  filter: SearchFilter;
  onChange(filter: SearchFilter): void;
  /** Offer the natures of register among the competences (in the directory of registers). */
  withRegisterNatures?: boolean;
}

export function SearchFilterChips({ filter, onChange, withRegisterNatures = false }: SearchFilterChipsProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [opened, setOpened] = useState<Opened>(undefined);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const regions = useCallResult('directory.regions', filter.country ? { country: filter.country } : {}, opened === 'region' ? 1 : 0);

  const competenceLabel = (code: string) => {
    const [kind, key] = code.split(':');
    return t(`vocabulary:${kind}.${key}.label`, { defaultValue: key ?? code });
  };
  const regionLabel = (code: string) => regions?.regions.find((region) => region.code === code)?.name ?? code;

  const open = (what: Opened) => (event: MouseEvent<HTMLElement>) => {
    setAnchor(event.currentTarget);
    setOpened(what);
  };
  const close = () => {
    setOpened(undefined);
    setAnchor(null);
  };
  const set = (change: Partial<SearchFilter>) => {
    const next: SearchFilter = { ...filter, ...change };
    for (const key of Object.keys(next) as (keyof SearchFilter)[]) if (next[key] === undefined) delete next[key];
    onChange(next);
    close();
  };

  const competences: Option[] = [
    ...(withRegisterNatures ? registerNatureCodes.map((code) => ({ value: `registerNature:${code}`, label: t(`vocabulary:registerNature.${code}.label`), group: t('directory.registers.nature') })) : []),
    ...professionCodes.map((code) => ({ value: `profession:${code}`, label: t(`vocabulary:profession.${code}.label`), group: t('directory.detail.professions') })),
    ...serviceActivityCodes.map((code) => ({ value: `serviceActivity:${code}`, label: t(`vocabulary:serviceActivity.${code}.label`), group: t('directory.detail.serviceActivities') })),
  ].sort((a, b) => a.group.localeCompare(b.group, language) || a.label.localeCompare(b.label, language));
  const regionOptions: Option[] = (regions?.regions ?? [])
    .map((region) => ({
      value: region.code,
      label: `${region.name} (${formatNumber(region.count, language)})`,
      group: countryName(region.country, language),
    }))
    .sort((a, b) => a.group.localeCompare(b.group, language) || a.label.localeCompare(b.label, language));

  const active: [keyof SearchFilter, string][] = [];
  if (filter.competence) active.push(['competence', competenceLabel(filter.competence)]);
  if (filter.region) active.push(['region', regionLabel(filter.region)]);
  if (filter.role) active.push(['role', t(`vocabulary:role.${filter.role}.label`)]);

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 1, flexBasis: '100%' }} data-testid="filter-chips">
      {active.map(([key, label]) => (
        <Chip
          key={key}
          color="primary"
          label={`${t(`directory.filter.${key}`)}: ${label}`}
          onDelete={() => set({ [key]: undefined })}
          aria-label={t('directory.filter.remove', { filter: `${t(`directory.filter.${key}`)}: ${label}` })}
        />
      ))}
      {!filter.competence && <Chip icon={<AddIcon />} variant="outlined" label={t('directory.filter.competence')} onClick={open('competence')} aria-haspopup="dialog" />}
      {!filter.region && <Chip icon={<AddIcon />} variant="outlined" label={t('directory.filter.region')} onClick={open('region')} aria-haspopup="dialog" />}
      {!filter.role && !withRegisterNatures && <Chip icon={<AddIcon />} variant="outlined" label={t('directory.filter.role')} onClick={open('role')} aria-haspopup="menu" />}

      <Popover open={opened === 'competence' || opened === 'region'} anchorEl={anchor} onClose={close} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        <Box sx={{ p: 2, width: 380 }}>
          <Autocomplete<Option>
            openOnFocus
            autoHighlight
            options={opened === 'region' ? regionOptions : competences}
            groupBy={(option) => option.group}
            getOptionLabel={(option) => option.label}
            loading={opened === 'region' && !regions}
            loadingText={t('directory.filter.loading')}
            noOptionsText={t('directory.filter.noOptions')}
            onChange={(_event, option) => option && set({ [opened === 'region' ? 'region' : 'competence']: option.value })}
            renderInput={(params) => <TextField {...params} autoFocus label={t(opened === 'region' ? 'directory.filter.region' : 'directory.filter.competence')} />}
            slotProps={{ listbox: { sx: { maxHeight: 320 } } }}
          />
        </Box>
      </Popover>
      <Menu open={opened === 'role'} anchorEl={anchor} onClose={close}>
        {authorityRoleCodes.map((role) => (
          <MenuItem key={role} onClick={() => set({ role })}>
            {t(`vocabulary:role.${role}.label`)}
          </MenuItem>
        ))}
      </Menu>
    </Box>
  );
}
