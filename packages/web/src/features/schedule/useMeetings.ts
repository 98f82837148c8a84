import type { ScheduledMeeting } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { SignallingClient } from '../../signalling/signallingClient';
import { detach } from '../../util/detach';

const REFRESH_MS = 60_000;

/**
 * The meetings the account sees, kept current: the server pushes `schedule:changed` when one is
 * created, edited or cancelled, and a slow poll covers a missed push. By default those not yet
 * ended; `endedSince` keeps those that ended after the instant it gives for now (a module-level
 * function: today's start for a room looking back at this morning, two weeks for the staff).
 */
export function useMeetings(includeCancelled: boolean, endedSince?: (now: number) => string) {
  const [meetings, setMeetings] = useState<ScheduledMeeting[] | undefined>();
  const [error, setError] = useState<unknown>();

  // The answer (or failure) is shown when it comes: never a state change during the effect that asks.
  const reload = useCallback((): Promise<void> => {
    const from = endedSince?.(Date.now());
    return callApi('meetings.list', { query: { includeCancelled: includeCancelled ? 'true' : 'false', from } }).then(
      (answer) => {
        setMeetings(answer.meetings);
        setError(undefined);
      },
      (failure: unknown) => setError(failure),
    );
  }, [includeCancelled, endedSince]);

  useEffect(() => {
    // Failures are shown by `reload` itself; nothing else to do with them here.
    const load = () => detach(reload(), 'loading the meetings');
    load();
    const timer = setInterval(load, REFRESH_MS);
    const signalling = new SignallingClient();
    const stop = signalling.on('schedule:changed', load);
    return () => {
      clearInterval(timer);
      stop();
      signalling.close();
    };
  }, [reload]);

  return { meetings, error };
}

/** The current time, ticking: countdowns and "check-in is open". */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
