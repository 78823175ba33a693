// The directory of registers: one search box (names, natures of register, activities, in any
// language), the country and the filter chips, the registers found as short cards, and the
// chosen register's details. Coordinators add and update the registers of their country.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Snackbar from '@mui/material/Snackbar';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { RegisterHit, SearchFilter } from '../../shared/api/workstation-api';
import type { Register } from '../../shared/directory/register';
import { useHost, useStream } from '../host/host-context';
import { useCallResult } from '../host/use-call-result';
import { formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { DirectoryFilters } from './DirectoryFilters';
import { DirectorySearchBox } from './DirectorySearchBox';
import { RegisterDetail } from './RegisterDetail';
import { RegisterEditor } from './RegisterEditor';
import { changedFilter, SearchFilterChips } from './SearchFilterChips';

export function RegistersPanel() {
  const { t } = useTranslation();
  const language = useLanguage();
  const host = useHost();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<SearchFilter>({});
  const [hits, setHits] = useState<RegisterHit[] | undefined>();
  const [total, setTotal] = useState(0);
  const [selected, setSelected] = useState(-1);
  const [editing, setEditing] = useState<{ register?: Register } | undefined>();
  const [saved, setSaved] = useState(0);
  const [notice, setNotice] = useState(false);
  const info = useCallResult('workspace.info', {});
  // Registers that arrive with the sync show up in the results.
  const received = useStream('sync.status', {})?.documentsReceived;
  const list = useRef<HTMLDivElement>(null);
  const detail = useRef<HTMLDivElement>(null);
  const actingFor = info?.actingFor;

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      host.call('registers.search', { query, filter, language, limit: 100 }).then(
        (result) => {
          if (!current) return;
          setHits(result.hits);
          setTotal(result.total);
          setSelected((index) => (index >= result.hits.length ? -1 : index));
        },
        () => current && setHits([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [host, query, filter, language, saved, received]);

  function changeFilter(next: SearchFilter) {
    setFilter(changedFilter(filter, next));
    setSelected(-1);
  }

  function onKeyDown(event: KeyboardEvent) {
    const count = hits?.length ?? 0;
    const moves: Record<string, number> = { ArrowDown: selected + 1, ArrowUp: selected - 1, Home: 0, End: count - 1 };
    if (event.key in moves && count > 0) {
      event.preventDefault();
      setSelected(Math.max(0, Math.min(count - 1, moves[event.key]!)));
    } else if (event.key === 'Enter' && selected >= 0) {
      event.preventDefault();
      detail.current?.focus();
    }
  }

  const selectedHit = hits?.[selected];
  const canEdit = (country: string) => actingFor?.coordinator === true && actingFor.country === country;

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 }}>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 2, px: 3, pb: 2 }}>
        <DirectorySearchBox
          query={query}
          onChange={setQuery}
          onEnterResults={() => {
            if (hits?.length) setSelected(Math.max(0, selected));
            list.current?.focus();
          }}
          label={t('directory.registers.searchLabel')}
          placeholder={t('directory.registers.placeholder')}
        />
        <DirectoryFilters filter={filter} countryCounts={undefined} onChange={changeFilter} />
        <Typography role="status" data-testid="registers-count" color="text.secondary">
          {hits === undefined ? '' : t('directory.registers.count', { count: total, formatted: formatNumber(total, language) })}
        </Typography>
        {actingFor?.coordinator && (
          <Button variant="outlined" startIcon={<AddIcon />} onClick={() => setEditing({})} sx={{ ml: 'auto' }}>
            {t('directory.registers.add')}
          </Button>
        )}
        <SearchFilterChips filter={filter} onChange={changeFilter} withRegisterNatures />
      </Box>
      <Box sx={{ display: 'flex', flexGrow: 1, minHeight: 0, gap: 2, px: 3, pb: 3 }}>
        <Paper variant="outlined" sx={{ flex: '1 1 55%', display: 'flex', flexDirection: 'column', minWidth: 0 }}>
          {hits && hits.length === 0 ? (
            <Typography sx={{ p: 3 }} data-testid="registers-empty">
              {t('directory.registers.empty')}
            </Typography>
          ) : (
            <Box
              ref={list}
              role="listbox"
              tabIndex={0}
              aria-label={t('directory.registers.resultsLabel')}
              aria-activedescendant={selected >= 0 ? `register-hit-${selected}` : undefined}
              onKeyDown={onKeyDown}
              sx={{ flexGrow: 1, overflow: 'auto', outline: 'none', '&:focus-visible': { boxShadow: (theme) => `inset 0 0 0 2px ${theme.palette.primary.main}` } }}
            >
              {(hits ?? []).map((hit, index) => (
                <Box
                  key={hit.register.id}
                  id={`register-hit-${index}`}
                  role="option"
                  aria-selected={index === selected}
                  onClick={() => setSelected(index)}
                  onDoubleClick={() => detail.current?.focus()}
                  sx={{ px: 2, py: 1.25, cursor: 'pointer', borderBottom: 1, borderColor: 'divider', bgcolor: index === selected ? 'action.selected' : 'background.paper', '&:hover': { bgcolor: index === selected ? 'action.selected' : 'action.hover' } }}
                >
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    <Chip size="small" label={hit.register.country} sx={{ fontWeight: 600, minWidth: 40 }} />
                    <Typography noWrap sx={{ fontWeight: 600 }}>
                      {hit.register.name}
                    </Typography>
                  </Box>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5 }}>
                    <Chip size="small" variant="outlined" color="primary" label={t(`vocabulary:registerNature.${hit.register.nature}.label`)} />
                    {hit.register.online && <Chip size="small" variant="outlined" color="success" label={t('directory.registers.online')} />}
                    <Typography variant="body2" color="text.secondary" noWrap>
                      {hit.register.regionName}
                    </Typography>
                  </Box>
                </Box>
              ))}
            </Box>
          )}
        </Paper>
        <Paper variant="outlined" ref={detail} tabIndex={-1} component="section" aria-label={t('directory.registers.title')} sx={{ flex: '1 1 45%', overflow: 'auto', minWidth: 0, outline: 'none' }}>
          {selectedHit ? (
            <RegisterDetail id={selectedHit.register.id} canEdit={canEdit(selectedHit.register.country)} onEdit={(register) => setEditing({ register })} revision={saved} />
          ) : (
            <Typography color="text.secondary" sx={{ p: 3 }}>
              {t('directory.registers.nothingSelected')}
            </Typography>
          )}
        </Paper>
      </Box>
      {editing && actingFor && (
        <RegisterEditor
          register={editing.register}
          actingFor={actingFor}
          onClose={(register) => {
            setEditing(undefined);
            if (register) {
              setSaved((n) => n + 1);
              setNotice(true);
            }
          }}
        />
      )}
      <Snackbar open={notice} autoHideDuration={6000} onClose={() => setNotice(false)}>
        <Alert severity="success" variant="filled">
          {t('directory.registers.saved')}
        </Alert>
      </Snackbar>
    </Box>
  );
}
