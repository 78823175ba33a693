// A request list as a virtualised list box: only visible rows are in the page; arrows,
// Page Up/Down, Home and End move the selection, which opens the request beside the list.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Skeleton from '@mui/material/Skeleton';
import Typography from '@mui/material/Typography';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { rowAfterKey } from '../shell/list-keys';
import type { CaseSummary } from '../../shared/api/workstation-api';
import { isCountryCode } from '../../shared/countries';
import { countryName, formatDate } from '../i18n/display-names';
import { useLanguage } from '../i18n/use-language';
import { StateChip } from './StateChip';
import type { RequestRows } from './use-request-rows';

const rowHeight = 76;

interface RequestListProps {
  rows: RequestRows;
  selectedIndex: number;
  onSelect(index: number, id: string | undefined): void;
}

export function RequestList({ rows, selectedIndex, onSelect }: RequestListProps) {
  const { t } = useTranslation();
  const total = rows.total ?? 0;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total, getScrollElement: () => scroller.current, estimateSize: () => rowHeight, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { ensure } = rows;
  useEffect(() => {
    if (total > 0) ensure(first, last);
  }, [ensure, first, last, total]);
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);

  function onKeyDown(event: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? rowHeight * 8) / rowHeight) - 1);
    const next = rowAfterKey(event.key, selectedIndex, total, page);
    if (next !== undefined) {
      event.preventDefault();
      onSelect(next, rows.rowAt(next)?.id);
    }
  }

  return (
    <Box
      ref={scroller}
      role="listbox"
      tabIndex={0}
      aria-label={t('requests.listLabel')}
      aria-activedescendant={selectedIndex >= 0 ? `request-row-${selectedIndex}` : undefined}
      onKeyDown={onKeyDown}
      sx={{ flexGrow: 1, overflow: 'auto', outline: 'none', '&:focus-visible': { boxShadow: (theme) => `inset 0 0 0 2px ${theme.palette.primary.main}` } }}
    >
      <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows.rowAt(item.index);
          const selected = item.index === selectedIndex;
          return (
            <Box
              key={item.key}
              id={`request-row-${item.index}`}
              role="option"
              aria-selected={selected}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              onClick={() => onSelect(item.index, row?.id)}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
                px: 2,
                py: 1,
                borderBottom: 1,
                borderColor: 'divider',
                cursor: 'pointer',
                bgcolor: selected ? 'action.selected' : undefined,
                '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
              }}
            >
              {row ? <RequestRow row={row} /> : <Skeleton variant="text" height={48} />}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}

function RequestRow({ row }: { row: CaseSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const country = isCountryCode(row.counterpart.country) ? countryName(row.counterpart.country, language) : row.counterpart.country;
  return (
    <>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography noWrap sx={{ fontWeight: 600, flexGrow: 1 }}>
          {row.subject}
        </Typography>
        <StateChip state={row.state} />
      </Box>
      <Typography variant="body2" color="text.secondary" noWrap>
        {row.counterpart.name} · {country}
      </Typography>
      <Box sx={{ display: 'flex', gap: 1.5, alignItems: 'center', whiteSpace: 'nowrap', overflow: 'hidden' }}>
        <Typography variant="caption" color="text.secondary">
          {t('requests.daysOpen', { count: row.daysOpen })}
        </Typography>
        {row.answerBy && (
          <Typography variant="caption" color={row.overdue ? 'error' : 'text.secondary'} sx={{ fontWeight: row.overdue ? 700 : undefined }}>
            {t('requests.field.answerBy')}: {formatDate(row.answerBy, language)}
            {row.overdue ? ` · ${t('requests.overdue')}` : ''}
          </Typography>
        )}
        {row.handler && (
          <Typography variant="caption" color="text.secondary" noWrap>
            {t('requests.field.handler')}: {row.handler}
          </Typography>
        )}
        {row.refused > 0 && <Chip size="small" color="error" label={t('requests.refused', { count: row.refused })} />}
      </Box>
    </>
  );
}
