import { useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../shared/api/workstation-api';
import { useHost } from './host-context';

/** The result of one call, made again when its input changes; undefined until it arrives. */
export function useCallResult<K extends CallName>(method: K, input: CallInput<K>, refresh: unknown = 0): CallOutput<K> | undefined {
  const host = useHost();
  const [result, setResult] = useState<CallOutput<K>>();
  const key = JSON.stringify(input);
  useEffect(() => {
    let current = true;
    host.call(method, JSON.parse(key) as CallInput<K>).then(
      (output) => current && setResult(output),
      () => {},
    );
    return () => {
      current = false;
    };
  }, [host, method, key, refresh]);
  return result;
}
