import { useEffect, useState } from 'react';

/**
 * Whole seconds left of a period of `durationMs` that began when the calling component mounted
 * (key the component by the period, e.g. the roll call's id), updated every second; 0 once over.
 * Counted on this screen's own clock from the moment it was told, so neither a kiosk's clock that
 * differs from the server's nor the time the page was open before changes the figure.
 */
export function useSecondsLeft(durationMs: number): number {
  const [endsAt] = useState(() => Date.now() + durationMs);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, Math.ceil((endsAt - now) / 1000));
}
