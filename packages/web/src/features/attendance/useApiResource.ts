import { useEffect, useState } from 'react';

/** The result of an async load, with its error; reloads when `key` changes. */
export function useApiResource<T>(load: () => Promise<T>, key: string): { data?: T; error?: unknown; loading: boolean } {
  const [state, setState] = useState<{ data?: T; error?: unknown; loading: boolean }>({ loading: true });
  useEffect(() => {
    let current = true;
    setState({ loading: true });
    load().then(
      (data) => current && setState({ data, loading: false }),
      (error: unknown) => current && setState({ error, loading: false }),
    );
    return () => {
      current = false;
    };
    // `load` is rebuilt every render; `key` says when it really changes.
  }, [key]);
  return state;
}
