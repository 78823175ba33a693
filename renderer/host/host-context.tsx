import { createContext, useContext, useEffect, useState } from 'react';
import type { StreamEvent, StreamInput, StreamName, WorkstationApi } from '../../shared/api/workstation-api';

export const HostContext = createContext<WorkstationApi | null>(null);

export function useHost(): WorkstationApi {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside of HostContext');
  return host;
}

/** The latest event of a stream, renewed when its input changes. */
export function useStream<K extends StreamName>(stream: K, input: StreamInput<K>): StreamEvent<K> | undefined {
  const host = useHost();
  const key = JSON.stringify(input);
  const [latest, setLatest] = useState<{ key: string; event: StreamEvent<K> }>();
  useEffect(
    () => host.subscribe(stream, JSON.parse(key) as StreamInput<K>, (event) => setLatest({ key, event })),
    [host, stream, key],
  );
  return latest?.key === key ? latest.event : undefined;
}
