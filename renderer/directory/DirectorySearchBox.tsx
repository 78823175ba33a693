// The one search box of the directory: instant results as the user types (names,
// professions, activities, regions, in any language). Esc clears it; the down arrow moves
// to the results.
import TextField from '@mui/material/TextField';
import InputAdornment from '@mui/material/InputAdornment';
import IconButton from '@mui/material/IconButton';
import SearchIcon from '@mui/icons-material/Search';
import ClearIcon from '@mui/icons-material/Clear';
import { useTranslation } from 'react-i18next';
import type { KeyboardEvent } from 'react';

interface DirectorySearchBoxProps {
  query: string;
  onChange(query: string): void;
  /** The user asks to go to the results (down arrow). */
  onEnterResults(): void;
  /** What the box searches, when not the authorities. */
  label?: string;
  placeholder?: string;
}

export function DirectorySearchBox({ query, onChange, onEnterResults, label, placeholder }: DirectorySearchBoxProps) {
  const { t } = useTranslation();
  function onKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && query) {
      event.preventDefault();
      onChange('');
    } else if (event.key === 'ArrowDown' || (event.key === 'Enter' && query.trim())) {
      event.preventDefault();
      onEnterResults();
    }
  }
  return (
    <TextField
      size="small"
      value={query}
      onChange={(event) => onChange(event.target.value.slice(0, 500))}
      onKeyDown={onKeyDown}
      placeholder={placeholder ?? t('directory.search.placeholder')}
      // The field has its own clear button: the browser's is hidden.
      sx={{ flex: '1 1 360px', maxWidth: 560, '& input::-webkit-search-cancel-button': { display: 'none' } }}
      slotProps={{
        htmlInput: { 'aria-label': label ?? t('directory.search.label'), type: 'search', 'data-testid': 'directory-search' },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon />
            </InputAdornment>
          ),
          endAdornment: query ? (
            <InputAdornment position="end">
              <IconButton size="small" aria-label={t('directory.search.clear')} onClick={() => onChange('')}>
                <ClearIcon fontSize="small" />
              </IconButton>
            </InputAdornment>
          ) : undefined,
        },
      }}
    />
  );
}
