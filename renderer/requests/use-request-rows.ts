// Rows of a request list (incoming or outgoing, filtered), fetched page by page as the list
// scrolls, and again whenever a request of this authority changes. Until the fresh rows
// arrive, the previous ones stay on screen.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CallInput, CaseSummary } from '../../shared/api/workstation-api';
import { useHost, useStream } from '../host/host-context';

const pageSize = 100;
type ListInput = Omit<CallInput<'cases.list'>, 'offset' | 'limit'>;

export interface RequestRows {
  total: number | undefined;
  rowAt(index: number): CaseSummary | undefined;
  ensure(first: number, last: number): void;
  problem?: string;
}

export function useRequestRows(input: ListInput | undefined): RequestRows {
  const host = useHost();
  const live = useStream('cases.live', {});
  const [, setVersion] = useState(0);
  const [problem, setProblem] = useState<string>();
  const key = input ? JSON.stringify(input) : '';
  const revision = live?.revision;
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const cache = useMemo(() => ({ key, pages: new Map<number, CaseSummary[]>(), loading: new Set<number>(), total: undefined as number | undefined }), [key, revision]);
  // The last cache that had rows: shown while a fresh one (same list, newer revision) loads.
  const [previous, setPrevious] = useState(cache);

  const ensure = useCallback(
    (first: number, last: number) => {
      if (!key) return;
      for (let page = Math.floor(Math.max(0, first) / pageSize); page <= Math.floor(Math.max(0, last) / pageSize); page++) {
        if (cache.pages.has(page) || cache.loading.has(page)) continue;
        cache.loading.add(page);
        host.call('cases.list', { ...(JSON.parse(key) as ListInput), offset: page * pageSize, limit: pageSize }).then(
          (result) => {
            cache.pages.set(page, result.rows);
            cache.total = result.total;
            setPrevious(cache);
            setProblem(undefined);
            setVersion((version) => version + 1);
          },
          (error: Error) => {
            cache.loading.delete(page);
            setProblem(error.message);
          },
        );
      }
    },
    [host, key, cache],
  );

  useEffect(() => ensure(0, 0), [ensure]);

  const shown = cache.pages.size > 0 || previous.key !== key ? cache : previous;
  return {
    total: shown.total,
    rowAt: (index) => shown.pages.get(Math.floor(index / pageSize))?.[index % pageSize],
    ensure,
    problem,
  };
}
