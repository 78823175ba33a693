// Requests: the incoming and outgoing lists with their filters and saved views, the request
// chosen beside them, the drafts, and the composer of new requests.
import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import { useTranslation } from 'react-i18next';
import type { CallInput } from '../../shared/api/workstation-api';
import { useCallResult } from '../host/use-call-result';
import { formatNumber } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { DraftList } from './DraftList';
import { RequestComposer } from './composer/RequestComposer';
import { RequestFilters, type RequestFilter } from './RequestFilters';
import { RequestList } from './RequestList';
import { RequestPage } from './RequestPage';
import { useRequestRows } from './use-request-rows';

type Box = 'incoming' | 'outgoing' | 'drafts';

export function RequestsScreen({ openDraft }: { openDraft?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const info = useCallResult('workspace.info', {});
  const [box, setBox] = useState<Box>('incoming');
  const [filter, setFilter] = useState<RequestFilter>({ sort: 'updated' });
  const [selected, setSelected] = useState<{ index: number; id?: string }>({ index: -1 });
  const [composing, setComposing] = useState<{ draftId?: string; resumed?: boolean } | null>(openDraft ? { draftId: openDraft } : null);
  const input: Omit<CallInput<'cases.list'>, 'offset' | 'limit'> | undefined =
    box === 'drafts' || !info?.actingFor ? undefined : { box, sort: filter.sort, ...(filter.states?.length ? { states: filter.states } : {}), ...(filter.overdue ? { overdue: true } : {}), ...(filter.words?.trim() ? { words: filter.words.trim() } : {}) };
  const rows = useRequestRows(input);

  if (info && !info.actingFor) {
    return (
      <Box sx={{ p: 3 }}>
        <Typography variant="h5" component="h1" gutterBottom>
          {t('requests.title')}
        </Typography>
        <Alert severity="info">{t('requests.notActing')}</Alert>
      </Box>
    );
  }
  if (composing) {
    return (
      <RequestComposer
        draftId={composing.draftId}
        resumed={composing.resumed ?? false}
        onClose={(sentId) => {
          setComposing(null);
          if (sentId) {
            setBox('outgoing');
            setSelected({ index: -1, id: sentId });
          }
        }}
      />
    );
  }

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, px: 3, pt: 2, pb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h5" component="h1">
          {t('requests.title')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          value={box}
          aria-label={t('requests.boxes.label')}
          onChange={(_event, value: Box | null) => {
            if (!value) return;
            setBox(value);
            setSelected({ index: -1 });
          }}
        >
          <ToggleButton value="incoming">{t('requests.boxes.incoming')}</ToggleButton>
          <ToggleButton value="outgoing">{t('requests.boxes.outgoing')}</ToggleButton>
          <ToggleButton value="drafts">{t('requests.boxes.drafts')}</ToggleButton>
        </ToggleButtonGroup>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="contained" startIcon={<AddIcon />} onClick={() => setComposing({})}>
          {t('requests.new')}
        </Button>
      </Box>
      {box === 'drafts' ? (
        <DraftList onOpen={(draftId) => setComposing({ draftId, resumed: true })} />
      ) : (
        <>
          <RequestFilters
            box={box}
            filter={filter}
            onChange={(next, view) => {
              if (view) setBox(view);
              setFilter(next);
              setSelected({ index: -1 });
            }}
          />
          <Box sx={{ display: 'flex', flexGrow: 1, minHeight: 0, gap: 2, px: 3, pb: 2 }}>
            <Paper variant="outlined" sx={{ width: '42%', minWidth: 320, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
              <Typography variant="body2" color="text.secondary" sx={{ px: 2, py: 1, borderBottom: 1, borderColor: 'divider' }} data-testid="requests-count">
                {rows.total === undefined ? t('requests.loading') : t('requests.count', { count: rows.total, formatted: formatNumber(rows.total, language) })}
              </Typography>
              {rows.problem && <Alert severity="error">{rows.problem}</Alert>}
              {rows.total === 0 ? (
                <Typography color="text.secondary" sx={{ p: 2 }}>
                  {filter.states?.length || filter.overdue || filter.words ? t('requests.emptyFiltered') : t('requests.empty')}
                </Typography>
              ) : (
                <RequestList rows={rows} selectedIndex={selected.index} onSelect={(index, id) => setSelected({ index, id })} />
              )}
            </Paper>
            <Paper variant="outlined" sx={{ flexGrow: 1, minWidth: 0, overflow: 'auto' }}>
              {selected.id ? (
                <RequestPage caseId={selected.id} onCopy={(draftId) => setComposing({ draftId })} />
              ) : (
                <Typography color="text.secondary" sx={{ p: 3 }}>
                  {t('requests.select')}
                </Typography>
              )}
            </Paper>
          </Box>
        </>
      )}
    </Box>
  );
}
