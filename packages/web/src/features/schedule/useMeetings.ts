import type { ScheduledMeeting } from '@pm/shared';
import { useCallback, useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { SignallingClient } from '../../signalling/signallingClient';
import { detach } from '../../util/detach';

const REFRESH_MS = 60_000;

/**
 * The meetings the account sees, kept current: the server pushes `schedule:changed` when one is
 * created, edited or cancelled, and a slow poll covers a missed push.
 */
export function useMeetings(includeCancelled: boolean) {
  const [meetings, setMeetings] = useState<ScheduledMeeting[] | undefined>();
  const [error, setError] = useState<unknown>();

  const reload = useCallback(async () => {
    try {
      const answer = await callApi('meetings.list', { query: { includeCancelled: includeCancelled ? 'true' : 'false' } });
      setMeetings(answer.meetings);
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [includeCancelled]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state when its answer arrives, never synchronously; the rule cannot see past the call
    detach(reload(), 'loading the meetings');
    const timer = setInterval(() => detach(reload(), 'refreshing the meetings'), REFRESH_MS);
    const signalling = new SignallingClient();
    const stop = signalling.on('schedule:changed', () => detach(reload(), 'reloading the changed meetings'));
    return () => {
      clearInterval(timer);
      stop();
      signalling.close();
    };
  }, [reload]);

  return { meetings, error, reload };
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
