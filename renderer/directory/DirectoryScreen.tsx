import { useEffect, useRef, useState, type ReactNode } from 'react';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useTranslation } from 'react-i18next';
import type { SearchFilter, SearchHit } from '../../shared/api/workstation-api';
import { useHost, useStream } from '../host/host-context';
import { useCallResult } from '../host/use-call-result';
import { formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { AuthorityDetail } from './AuthorityDetail';
import { AuthorityList } from './AuthorityList';
import { DirectoryFilters } from './DirectoryFilters';
import { DirectorySearchBox } from './DirectorySearchBox';
import { RegistersPanel } from './RegistersPanel';
import { changedFilter, SearchFilterChips } from './SearchFilterChips';
import { SearchResults } from './SearchResults';
import { useDirectoryRows } from './use-directory-rows';

/** What the paged list filters by. */
function listFilter({ country, area }: SearchFilter) {
  return { ...(country ? { country } : {}), ...(area ? { area } : {}) };
}

/** The directory: its authorities, or its registers. */
export function DirectoryScreen() {
  const { t } = useTranslation();
  const [showing, setShowing] = useState<'authorities' | 'registers'>('authorities');
  const switcher = (
    <ToggleButtonGroup size="small" exclusive value={showing} aria-label={t('directory.registers.show')} onChange={(_event, value: typeof showing | null) => value && setShowing(value)}>
      <ToggleButton value="authorities">{t('directory.registers.authorities')}</ToggleButton>
      <ToggleButton value="registers">{t('directory.registers.registers')}</ToggleButton>
    </ToggleButtonGroup>
  );
  if (showing === 'registers') {
    return (
      <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 3, py: 2 }}>
          <Typography variant="h5" component="h1">
            {t('directory.registers.title')}
          </Typography>
          {switcher}
        </Box>
        <RegistersPanel />
      </Box>
    );
  }
  return <AuthoritiesPanel switcher={switcher} />;
}

function AuthoritiesPanel({ switcher }: { switcher: ReactNode }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [filter, setFilter] = useState<SearchFilter>({});
  const [selectedIndex, setSelectedIndex] = useState(-1);
  const rows = useDirectoryRows(listFilter(filter), language);
  const status = useStream('sync.status', {});
  const everything = useStream('directory.live', { filter: {} });
  const countryCounts = useCallResult('directory.countryCounts', {}, everything?.revision);
  const detail = useRef<HTMLDivElement>(null);
  const total = rows.total ?? 0;
  const host = useHost();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<SearchHit[] | undefined>(undefined);
  const [hitTotal, setHitTotal] = useState(0);
  const [hitIndex, setHitIndex] = useState(-1);
  const [focusResults, setFocusResults] = useState(0);
  const searchBox = useRef<HTMLDivElement>(null);
  // The list pages through the directory by country and area; words or a narrower filter ask the search.
  const narrowed = filter.competence !== undefined || filter.region !== undefined || filter.role !== undefined;
  const searching = query.trim() !== '' || narrowed;
  const selectedId = searching ? hits?.[hitIndex]?.authority.id : selectedIndex >= 0 ? rows.rowAt(selectedIndex)?.id : undefined;

  // Results as the user types: asked a moment after the last key, answered from the replica.
  useEffect(() => {
    if (!searching) return;
    let current = true;
    const timer = setTimeout(() => {
      host.call('directory.search', { query, filter, language, limit: query.trim() ? 50 : 100 }).then(
        (result) => {
          if (!current) return;
          setHits(result.hits);
          setHitTotal(result.total);
          setHitIndex(-1);
        },
        () => current && setHits([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, query, filter, language, searching, everything?.revision]);

  function changeQuery(next: string) {
    setQuery(next);
    if (!next.trim() && !narrowed) setHits(undefined);
  }

  function changeFilter(next: SearchFilter) {
    setFilter(changedFilter(filter, next));
    setSelectedIndex(-1);
  }
  const filtered = Object.keys(filter).length > 0;

  const firstSync = status?.firstSync;
  const downloading = firstSync && !firstSync.done && total === 0;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, px: 3, py: 2 }}>
        <Typography variant="h5" component="h1">
          {t('directory.title')}
        </Typography>
        <Box sx={{ mr: 2 }}>{switcher}</Box>
        <Box ref={searchBox} sx={{ display: 'contents' }}>
          <DirectorySearchBox query={query} onChange={changeQuery} onEnterResults={() => hits && hits.length > 0 && (setHitIndex(Math.max(0, hitIndex)), setFocusResults((n) => n + 1))} />
        </Box>
        <DirectoryFilters filter={filter} countryCounts={countryCounts} onChange={changeFilter} />
        <Typography role="status" data-testid="directory-count" color="text.secondary">
          {searching
            ? hits === undefined
              ? ''
              : t('directory.count', { count: hitTotal, formatted: formatNumber(hitTotal, language) })
            : rows.total === undefined
              ? ''
              : t('directory.count', { count: total, formatted: formatNumber(total, language) })}
        </Typography>
        <SearchFilterChips filter={filter} onChange={changeFilter} />
      </Box>
      <Box sx={{ display: 'flex', flexGrow: 1, minHeight: 0, gap: 2, px: 3, pb: 3 }}>
        <Paper variant="outlined" sx={{ flex: '1 1 55%', display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          {downloading ? (
            <Box sx={{ p: 3 }}>
              <Typography gutterBottom>{t('directory.downloading')}</Typography>
              <LinearProgress
                variant={firstSync.total ? 'determinate' : 'indeterminate'}
                value={firstSync.total ? (100 * firstSync.documents) / firstSync.total : undefined}
                aria-label={t('sync.firstSyncProgress')}
              />
            </Box>
          ) : searching ? (
            hits && hits.length === 0 ? (
              <Box sx={{ p: 3 }} data-testid="search-empty">
                <Typography gutterBottom>{t('directory.search.none', { query: query.trim().slice(0, 80) })}</Typography>
                <Typography color="text.secondary" gutterBottom>
                  {t('directory.search.suggestion')}
                </Typography>
                {filtered && (
                  <Button variant="outlined" onClick={() => changeFilter({})}>
                    {t('directory.clearFilters')}
                  </Button>
                )}
              </Box>
            ) : (
              <SearchResults
                hits={hits ?? []}
                selectedIndex={hitIndex}
                onSelect={setHitIndex}
                onOpen={() => detail.current?.focus()}
                onBackToSearch={() => searchBox.current?.querySelector('input')?.focus()}
                focusRequest={focusResults}
              />
            )
          ) : total === 0 && rows.total !== undefined ? (
            <Box sx={{ p: 3 }}>
              <Typography gutterBottom>{t('directory.empty')}</Typography>
              {(filter.country || filter.area) && (
                <Button variant="outlined" onClick={() => changeFilter({})}>
                  {t('directory.clearFilters')}
                </Button>
              )}
            </Box>
          ) : (
            <AuthorityList rows={rows} total={total} selectedIndex={selectedIndex} onSelect={setSelectedIndex} onOpen={() => detail.current?.focus()} />
          )}
        </Paper>
        <Paper
          variant="outlined"
          ref={detail}
          tabIndex={-1}
          component="section"
          aria-label={t('directory.detail.label')}
          sx={{ flex: '1 1 45%', overflow: 'auto', minWidth: 0, outline: 'none' }}
        >
          {selectedId ? (
            <AuthorityDetail id={selectedId} />
          ) : (
            <Typography color="text.secondary" sx={{ p: 3 }}>
              {t('directory.detail.nothingSelected')}
            </Typography>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
