import { useCallback, useState } from 'react';

/** A user's action on a screen and how its last run ended. */
export interface Action {
  /** Runs `work` (a click's request); a failure is kept to be shown, `onDone` follows a success. */
  run: (work: () => Promise<unknown>, onDone?: () => void) => void;
  /** The last run failed; `error` says why (shown with `ActionError`). */
  failed: boolean;
  error: unknown;
}

/**
 * Runs what a button asks for and keeps its failure, so no click is lost in silence: the chair
 * whose grant was refused, or the kiosk whose request never reached the server, is told why.
 * One per group of controls; a new run clears the last failure.
 */
export function useAction(): Action {
  const [failure, setFailure] = useState<{ error: unknown }>();
  const run = useCallback((work: () => Promise<unknown>, onDone?: () => void) => {
    setFailure(undefined);
    // Started from a resolved promise, so a synchronous throw is shown like a rejection.
    Promise.resolve()
      .then(work)
      .then(
        () => onDone?.(),
        (error: unknown) => setFailure({ error }),
      );
  }, []);
  return { run, failed: failure !== undefined, error: failure?.error };
}
