import type { MinutesDocument, MinutesLive } from '@pm/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { callApi } from '../../api/apiClient';
import { detach } from '../../util/detach';

const POLL_MS = 3000;

/**
 * A meeting's minutes, kept current while the secretariat writes: the live context (who has the
 * floor, the agenda item under discussion, where now is on the timeline) every few seconds, and the whole document again whenever
 * its entries changed (another secretary wrote) or the caller asks.
 */
export function useMinutes(meetingId: string) {
  const [doc, setDoc] = useState<MinutesDocument>();
  const [live, setLive] = useState<MinutesLive>();
  const [error, setError] = useState<unknown>();
  const revision = useRef<string | undefined>(undefined);

  const reload = useCallback(async () => {
    try {
      setDoc(await callApi('minutes.get', { params: { id: meetingId } }));
      setError(undefined);
    } catch (failure) {
      setError(failure);
    }
  }, [meetingId]);

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the load sets state when its answer arrives, never synchronously; the rule cannot see past the call
    detach(reload(), 'loading the minutes');
    const poll = async () => {
      try {
        const next = await callApi('minutes.live', { params: { id: meetingId } });
        setLive(next);
        if (revision.current !== undefined && revision.current !== next.entriesRevision) await reload();
        revision.current = next.entriesRevision;
      } catch {
        // A missed poll (the server restarting) is retried by the next one.
      }
    };
    detach(poll(), 'polling the minutes');
    const timer = setInterval(() => detach(poll(), 'polling the minutes'), POLL_MS);
    return () => clearInterval(timer);
  }, [meetingId, reload]);

  /**
   * While the meeting runs, the secretary moves it to an agenda item as the chair does: every room
   * is told, and the screen follows the answer rather than waiting for the next poll.
   */
  const setAgendaItem = useCallback(
    async (position: number | null) => {
      const answer = await callApi('minutes.agendaItem', { params: { id: meetingId }, body: { position } });
      setLive((current) => current && { ...current, agendaItem: answer.position });
    },
    [meetingId],
  );

  return { doc, live, error, reload, setAgendaItem };
}
