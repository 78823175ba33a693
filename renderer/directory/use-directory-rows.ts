// Rows of the directory under a filter, fetched page by page as the list scrolls, and
// fetched again when the replica changes.
import { useCallback, useMemo, useState } from 'react';
import type { DirectoryFilter } from '../../shared/api/workstation-api';
import type { AuthoritySummary } from '../../shared/directory/authority';
import type { UiLanguage } from '../../shared/languages';
import { useHost, useStream } from '../host/host-context';

const pageSize = 100;

export interface DirectoryRows {
  /** Undefined until the first count arrives. */
  total: number | undefined;
  rowAt(index: number): AuthoritySummary | undefined;
  /** Asks for the rows between two indexes (inclusive) to be fetched. */
  ensure(first: number, last: number): void;
}

export function useDirectoryRows(filter: DirectoryFilter, language: UiLanguage): DirectoryRows {
  const host = useHost();
  const live = useStream('directory.live', { filter });
  const [, setVersion] = useState(0);
  const filterKey = JSON.stringify(filter);
  const revision = live?.revision;
  // A fresh cache whenever the filter, the language or the directory itself changes.
  // `revision` is a dependency on purpose: it invalidates the cache without being read.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cache = useMemo(() => ({ pages: new Map<number, AuthoritySummary[]>(), loading: new Set<number>() }), [filterKey, language, revision]);

  const ensure = useCallback(
    (first: number, last: number) => {
      for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(Math.max(0, last) / pageSize); page++) {
        if (cache.pages.has(page) || cache.loading.has(page)) continue;
        cache.loading.add(page);
        host
          .call('directory.page', { filter: JSON.parse(filterKey) as DirectoryFilter, language, offset: page * pageSize, limit: pageSize })
          .then(
            (result) => {
              cache.pages.set(page, result.rows);
              setVersion((version) => version + 1);
            },
            () => cache.loading.delete(page),
          );
      }
    },
    [host, filterKey, language, cache],
  );

  return {
    total: live?.total,
    rowAt: (index) => cache.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
  };
}
