import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { useTranslation } from 'react-i18next';
import type { DirectoryFilter } from '../../shared/api/workstation-api';
import { countryCodes, isCountryCode } from '../../shared/countries';
import type { LegislativeArea } from '../../shared/directory/legislative-areas';
import { countryName, formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

interface DirectoryFiltersProps {
  filter: DirectoryFilter;
  countryCounts: Record<string, number> | undefined;
  onChange(filter: DirectoryFilter): void;
}

export function DirectoryFilters({ filter, countryCounts, onChange }: DirectoryFiltersProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const countries = [...countryCodes].sort((a, b) => countryName(a, language).localeCompare(countryName(b, language), language));
  return (
    <>
      <TextField
        select
        size="small"
        label={t('directory.filter.country')}
        value={filter.country ?? ''}
        onChange={(event) => {
          const { country: _previous, ...rest } = filter;
          onChange(isCountryCode(event.target.value) ? { ...rest, country: event.target.value } : rest);
        }}
        sx={{ minWidth: 260 }}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true, MenuProps: { slotProps: { paper: { sx: { maxHeight: 420 } } } } } }}
      >
        <MenuItem value="">{t('directory.filter.allCountries')}</MenuItem>
        {countries.map((country) => (
          <MenuItem key={country} value={country}>
            {countryName(country, language)}
            {countryCounts?.[country] !== undefined && ` (${formatNumber(countryCounts[country] ?? 0, language)})`}
          </MenuItem>
        ))}
      </TextField>
      <ToggleButtonGroup
        size="small"
        exclusive
        value={filter.area ?? 'all'}
        aria-label={t('directory.filter.area')}
        onChange={(_event, value: LegislativeArea | 'all' | null) => {
          if (value === null) return;
          const { area: _previous, ...rest } = filter;
          onChange(value === 'all' ? rest : { ...rest, area: value });
        }}
      >
        <ToggleButton value="all">{t('directory.filter.allAreas')}</ToggleButton>
        <ToggleButton value="PQ">{t('vocabulary:legislativeArea.PQ.label')}</ToggleButton>
        <ToggleButton value="SERVICES">{t('vocabulary:legislativeArea.SERVICES.label')}</ToggleButton>
      </ToggleButtonGroup>
    </>
  );
}
