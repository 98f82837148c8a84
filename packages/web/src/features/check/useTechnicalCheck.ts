import { useCallback, useEffect, useRef, useState } from 'react';
import { detach } from '../../util/detach';
import { initialCheckState, TechnicalCheckRun, type CheckState } from './technicalCheck';

/** React's view of a technical check run: its state, and start/stop. */
export function useTechnicalCheck() {
  const [state, setState] = useState<CheckState>(initialCheckState);
  const run = useRef<TechnicalCheckRun | undefined>(undefined);

  const stop = useCallback(() => {
    run.current?.stop();
    run.current = undefined;
    setState(initialCheckState);
  }, []);

  /** Starts a check; `relayOnly` tests the path through the TURN relay alone. */
  const start = useCallback((relayOnly = false) => {
    run.current?.stop();
    run.current = new TechnicalCheckRun(setState, relayOnly);
    // The run shows every failure in its state; detach only catches the unforeseen.
    detach(run.current.start(), 'technical check');
  }, []);

  useEffect(() => () => run.current?.stop(), []);
  return { state, start, stop, running: state.devices !== 'idle' };
}
