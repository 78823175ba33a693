// The directory as a virtualised list box: only visible rows are in the page, arrows move
// the selection, Enter opens the selected authority's details.
import { useEffect, useRef, type KeyboardEvent } from 'react';
import Box from '@mui/material/Box';
import Skeleton from '@mui/material/Skeleton';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import { rowAfterKey } from '../shell/list-keys';
import { AuthoritySummaryLines } from './AuthoritySummaryLines';
import type { DirectoryRows } from './use-directory-rows';

const rowHeight = 68;

interface AuthorityListProps {
  rows: DirectoryRows;
  total: number;
  selectedIndex: number;
  onSelect(index: number): void;
  onOpen(): void;
}

export function AuthorityList({ rows, total, selectedIndex, onSelect, onOpen }: AuthorityListProps) {
  const { t } = useTranslation();
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
      onSelect(next);
    } else if (event.key === 'Enter' && selectedIndex >= 0) {
      event.preventDefault();
      onOpen();
    }
  }

  return (
    <Box
      ref={scroller}
      role="listbox"
      tabIndex={0}
      aria-label={t('directory.listLabel')}
      aria-activedescendant={selectedIndex >= 0 ? `authority-row-${selectedIndex}` : undefined}
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
              id={`authority-row-${item.index}`}
              role="option"
              aria-selected={selected}
              aria-setsize={total}
              aria-posinset={item.index + 1}
              onClick={() => onSelect(item.index)}
              onDoubleClick={onOpen}
              sx={{
                position: 'absolute',
                top: 0,
                left: 0,
                right: 0,
                height: rowHeight,
                transform: `translateY(${item.start}px)`,
                px: 2,
                py: 1,
                cursor: 'pointer',
                borderBottom: 1,
                borderColor: 'divider',
                bgcolor: selected ? 'action.selected' : 'background.paper',
                '&:hover': { bgcolor: selected ? 'action.selected' : 'action.hover' },
              }}
            >
              {row ? (
                <AuthoritySummaryLines authority={row} />
              ) : (
                <>
                  <Skeleton width="60%" />
                  <Skeleton width="40%" />
                </>
              )}
            </Box>
          );
        })}
      </Box>
    </Box>
  );
}
