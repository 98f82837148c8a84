import type { ScheduledMeeting } from '@pm/shared';
import { useEffect, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { startOfProvinceDay } from '../../i18n/dates';
import { SignallingClient } from '../../signalling/signallingClient';
import { detach } from '../../util/detach';

const REFRESH_MS = 60_000;

/**
 * The meetings the account sees, kept current: the server pushes `schedule:changed` when one is
 * created, edited or cancelled, and a slow poll covers a missed push. Meetings that have ended are
 * left out, unless `endedWithin` keeps those that ended that recently (ms), or since the start of
 * today in the province (`'today'`: a room looks back at what it attended this morning).
 */
export function useMeetings(includeCancelled: boolean, endedWithin: number | 'today' = 0) {
  const [meetings, setMeetings] = useState<ScheduledMeeting[] | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    const load = async () => {
      try {
        const since =
          endedWithin === 'today' ? startOfProvinceDay(Date.now()) : endedWithin ? new Date(Date.now() - endedWithin).toISOString() : undefined;
        const from = since ? { from: since } : {};
        const answer = await callApi('meetings.list', { query: { includeCancelled: includeCancelled ? 'true' : 'false', ...from } });
        setMeetings(answer.meetings);
        setError(undefined);
      } catch (failure) {
        setError(failure);
      }
    };
    detach(load(), 'loading the meetings');
    const timer = setInterval(() => detach(load(), 'loading the meetings'), REFRESH_MS);
    const signalling = new SignallingClient();
    const stop = signalling.on('schedule:changed', () => detach(load(), 'loading the meetings'));
    return () => {
      clearInterval(timer);
      stop();
      signalling.close();
    };
  }, [includeCancelled, endedWithin]);

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
