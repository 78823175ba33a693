// Filters of a request list (words, status, past the answer-by date, order) and the saved
// views that keep a combination under a name, with the user's settings.
import { useEffect, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import CloseIcon from '@mui/icons-material/Close';
import BookmarkIcon from '@mui/icons-material/BookmarkBorder';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../../shared/api/workstation-api';
import { caseStates, type CaseState } from '../../shared/cases/case-workflow';
import { useHost } from '../host/host-context';

export type RequestFilter = { states?: CaseState[]; overdue?: boolean; words?: string; sort: 'updated' | 'answer-by' | 'days-open' };

interface RequestFiltersProps {
  box: 'incoming' | 'outgoing';
  filter: RequestFilter;
  onChange(filter: RequestFilter, box?: 'incoming' | 'outgoing'): void;
}

export function RequestFilters({ box, filter, onChange }: RequestFiltersProps) {
  const { t } = useTranslation();
  const host = useHost();
  const [words, setWords] = useState(filter.words ?? '');
  const [views, setViews] = useState<SavedView[]>([]);
  const [menu, setMenu] = useState<HTMLElement | null>(null);
  const [naming, setNaming] = useState<string | null>(null);

  useEffect(() => {
    host.call('settings.get', {}).then((settings) => setViews(settings.savedViews ?? []), () => {});
  }, [host]);
  // A saved view or "clear filters" replaces the words typed.
  const [wordsOfFilter, setWordsOfFilter] = useState(filter.words);
  if (wordsOfFilter !== filter.words) {
    setWordsOfFilter(filter.words);
    setWords(filter.words ?? '');
  }
  useEffect(() => {
    if ((filter.words ?? '') === words) return;
    const timer = setTimeout(() => onChange({ ...filter, words }), 200);
    return () => clearTimeout(timer);
  }, [words, filter, onChange]);

  async function saveViews(next: SavedView[]) {
    const settings = await host.call('settings.update', { savedViews: next });
    setViews(settings.savedViews ?? []);
  }

  return (
    <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', px: 3, pb: 1.5, flexWrap: 'wrap' }}>
      <TextField size="small" type="search" label={t('requests.filter.words')} value={words} onChange={(event) => setWords(event.target.value)} sx={{ minWidth: 260 }} />
      <TextField
        size="small"
        select
        label={t('requests.filter.state')}
        value={filter.states ?? []}
        slotProps={{ select: { multiple: true, renderValue: (value) => (value as CaseState[]).map((state) => t(`requests.state.${state}`)).join(', ') } }}
        onChange={(event) => onChange({ ...filter, states: event.target.value as unknown as CaseState[] })}
        sx={{ minWidth: 200, maxWidth: 320 }}
      >
        {caseStates
          .filter((state) => state !== 'draft')
          .map((state) => (
            <MenuItem key={state} value={state}>
              <Checkbox size="small" checked={filter.states?.includes(state) ?? false} />
              <ListItemText primary={t(`requests.state.${state}`)} />
            </MenuItem>
          ))}
      </TextField>
      <FormControlLabel control={<Checkbox checked={filter.overdue ?? false} onChange={(event) => onChange({ ...filter, overdue: event.target.checked || undefined })} />} label={t('requests.filter.overdue')} />
      <TextField size="small" select label={t('requests.filter.sort')} value={filter.sort} onChange={(event) => onChange({ ...filter, sort: event.target.value as RequestFilter['sort'] })} sx={{ minWidth: 220 }}>
        <MenuItem value="updated">{t('requests.filter.sortUpdated')}</MenuItem>
        <MenuItem value="answer-by">{t('requests.filter.sortAnswerBy')}</MenuItem>
        <MenuItem value="days-open">{t('requests.filter.sortDaysOpen')}</MenuItem>
      </TextField>
      {(filter.states?.length || filter.overdue || filter.words) && (
        <Button size="small" onClick={() => onChange({ sort: filter.sort })}>
          {t('requests.filter.clear')}
        </Button>
      )}
      <Button size="small" startIcon={<BookmarkIcon />} onClick={(event) => setMenu(event.currentTarget)} aria-haspopup="menu">
        {t('requests.views.label')}
      </Button>
      <Menu anchorEl={menu} open={menu !== null} onClose={() => setMenu(null)}>
        {views.length === 0 && <MenuItem disabled>{t('requests.views.none')}</MenuItem>}
        {views.map((view) => (
          <MenuItem
            key={view.name}
            onClick={() => {
              setMenu(null);
              onChange({ sort: filter.sort, ...(view.states ? { states: view.states } : {}), ...(view.overdue ? { overdue: true } : {}), ...(view.words ? { words: view.words } : {}) }, view.box);
            }}
          >
            <ListItemText primary={view.name} secondary={t(`requests.boxes.${view.box}`)} />
            <IconButton
              size="small"
              edge="end"
              aria-label={t('requests.views.remove', { name: view.name })}
              onClick={(event) => {
                event.stopPropagation();
                void saveViews(views.filter((other) => other.name !== view.name));
              }}
            >
              <CloseIcon fontSize="small" />
            </IconButton>
          </MenuItem>
        ))}
        <MenuItem
          onClick={() => {
            setMenu(null);
            setNaming('');
          }}
        >
          {t('requests.views.save')}
        </MenuItem>
      </Menu>
      <Dialog open={naming !== null} onClose={() => setNaming(null)} aria-labelledby="save-view-title">
        <DialogTitle id="save-view-title">{t('requests.views.save')}</DialogTitle>
        <DialogContent>
          <TextField autoFocus fullWidth sx={{ mt: 1 }} label={t('requests.views.name')} value={naming ?? ''} onChange={(event) => setNaming(event.target.value)} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setNaming(null)}>{t('requests.action.cancel')}</Button>
          <Button
            variant="contained"
            disabled={!naming?.trim()}
            onClick={() => {
              const view: SavedView = { name: naming!.trim(), box, ...(filter.states?.length ? { states: filter.states } : {}), ...(filter.overdue ? { overdue: true } : {}), ...(filter.words ? { words: filter.words } : {}) };
              void saveViews([...views.filter((other) => other.name !== view.name), view]);
              setNaming(null);
            }}
          >
            {t('requests.action.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
}
