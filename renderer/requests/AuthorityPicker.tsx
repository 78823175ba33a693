// Chooses an authority from the directory by words in any language (name, place,
// competence), optionally within a filter; suggestions appear before anything is typed.
import { useEffect, useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SearchFilter } from '../../shared/api/workstation-api';
import type { AuthoritySummary } from '../../shared/directory/authority';
import { useHost } from '../host/host-context';
import { countryName } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';

interface AuthorityPickerProps {
  label: string;
  helperText?: string;
  error?: boolean;
  value: AuthoritySummary | null;
  onChange(authority: AuthoritySummary | null): void;
  filter?: SearchFilter;
  /** Authorities not to offer (e.g. one's own). */
  exclude?: string[];
}

export function AuthorityPicker({ label, helperText, error, value, onChange, filter = {}, exclude = [] }: AuthorityPickerProps) {
  const { t } = useTranslation();
  const host = useHost();
  const language = useLanguage();
  const [words, setWords] = useState('');
  const [options, setOptions] = useState<AuthoritySummary[]>([]);
  const [loading, setLoading] = useState(false);
  const filterKey = JSON.stringify(filter);
  const excludeKey = exclude.join(',');

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      host.call('directory.search', { query: words, filter: JSON.parse(filterKey) as SearchFilter, language, limit: 20 }).then(
        (result) => {
          if (!current) return;
          setOptions(result.hits.map((hit) => hit.authority).filter((authority) => !excludeKey.split(',').includes(authority.id)));
          setLoading(false);
        },
        () => current && setLoading(false),
      );
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, words, filterKey, language, excludeKey]);

  return (
    <Autocomplete
      value={value}
      options={options}
      loading={loading}
      filterOptions={(all) => all}
      getOptionLabel={(option) => `${option.officialName} (${option.city})`}
      isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
      onChange={(_event, chosen) => onChange(chosen)}
      onInputChange={(_event, text, reason) => reason === 'input' && setWords(text)}
      noOptionsText={t('directory.filter.noOptions')}
      loadingText={t('directory.filter.loading')}
      renderOption={(props, option) => {
        const { key, ...rest } = props as typeof props & { key: string };
        return (
          <Box component="li" key={key} {...rest} sx={{ display: 'block !important' }}>
            <Typography>{option.officialName}</Typography>
            <Typography variant="body2" color="text.secondary">
              {option.designation} · {option.city}, {countryName(option.country, language)}
            </Typography>
          </Box>
        );
      }}
      renderInput={(params) => <TextField {...params} label={label} helperText={helperText} error={error} />}
    />
  );
}
