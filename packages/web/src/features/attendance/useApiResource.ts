import { useEffect, useEffectEvent, useState } from 'react';

/** The result of an async load, with its error; reloads when `key` changes. */
export function useApiResource<T>(load: () => Promise<T>, key: string): { data?: T; error?: unknown; loading: boolean } {
  // The answer remembers the key it was loaded for: an answer for another key means loading.
  const [answer, setAnswer] = useState<{ key: string; data?: T; error?: unknown }>();
  // `load` is rebuilt every render; `key` says when it really changes.
  const loadLatest = useEffectEvent(load);
  useEffect(() => {
    let current = true;
    loadLatest().then(
      (data) => current && setAnswer({ key, data }),
      (error: unknown) => current && setAnswer({ key, error }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  if (answer?.key !== key) return { loading: true };
  return { data: answer.data, error: answer.error, loading: false };
}
