// Search results as a list box of short cards: the name, where the authority is, and why it
// matched (a competence named in the reader's language, or the field that matched). Arrows
// move the selection, Enter opens the details, Esc goes back to the search box.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/api/workstation-api';
import { AuthoritySummaryLines } from './AuthoritySummaryLines';

interface SearchResultsProps {
  hits: SearchHit[];
  selectedIndex: number;
  onSelect(index: number): void;
  onOpen(): void;
  onBackToSearch(): void;
  focusRequest: number;
}

export function SearchResults({ hits, selectedIndex, onSelect, onOpen, onBackToSearch, focusRequest }: SearchResultsProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRequest > 0) list.current?.focus();
  }, [focusRequest]);

  useEffect(() => {
    if (selectedIndex >= 0) document.getElementById(`search-hit-${selectedIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [selectedIndex]);

  function onKeyDown(event: KeyboardEvent) {
    const moves: Record<string, number> = { ArrowDown: selectedIndex + 1, ArrowUp: selectedIndex - 1, Home: 0, End: hits.length - 1 };
    if (event.key === 'ArrowUp' && selectedIndex <= 0) {
      event.preventDefault();
      onBackToSearch();
    } else if (event.key in moves) {
      event.preventDefault();
      onSelect(Math.max(0, Math.min(hits.length - 1, moves[event.key]!)));
    } else if (event.key === 'Enter' && selectedIndex >= 0) {
      event.preventDefault();
      onOpen();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onBackToSearch();
    }
  }

  return (
    <Box
      ref={list}
      role="listbox"
      tabIndex={0}
      aria-label={t('directory.search.resultsLabel')}
      aria-activedescendant={selectedIndex >= 0 ? `search-hit-${selectedIndex}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="search-results"
      sx={{ flexGrow: 1, overflow: 'auto', outline: 'none', '&:focus-visible': { boxShadow: (theme) => `inset 0 0 0 2px ${theme.palette.primary.main}` } }}
    >
      {hits.map((hit, index) => {
        const selected = index === selectedIndex;
        const { authority } = hit;
        return (
          <Box
            key={authority.id}
            id={`search-hit-${index}`}
            role="option"
            aria-selected={selected}
            onClick={() => onSelect(index)}
            onDoubleClick={onOpen}
            sx={{ px: 2, py: 1.25, cursor: 'pointer', borderBottom: 1, borderColor: 'divider', bgcolor: selected ? 'action.selected' : 'background.paper', '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' } }}
          >
            <AuthoritySummaryLines authority={authority} />
            {hit.reasons.length > 0 && (
              <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 0.5, mt: 0.5 }}>
                <Typography variant="caption" color="text.secondary">
                  {t('directory.search.matches')}:
                </Typography>
                {hit.reasons.map((reason) => (
                  <Chip
                    key={`${reason.field}/${reason.code ?? ''}`}
                    size="small"
                    variant="outlined"
                    color={reason.field === 'competence' ? 'primary' : 'default'}
                    label={reason.label ?? t(`directory.search.reason.${reason.field}`)}
                  />
                ))}
              </Box>
            )}
          </Box>
        );
      })}
    </Box>
  );
}
