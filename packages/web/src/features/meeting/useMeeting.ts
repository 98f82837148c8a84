import { useEffect, useState, useSyncExternalStore } from 'react';
import { MeetingConnection, type MeetingViewState } from './meetingConnection';

const noop = () => () => undefined;

/**
 * The meeting connection of a screen: opened in an effect (so React's double mount in
 * development opens and closes a spare one cleanly) and closed when the screen goes away.
 */
export function useMeeting(meetingId: string, sendMedia: boolean) {
  const [connection, setConnection] = useState<MeetingConnection>();
  useEffect(() => {
    const opened = new MeetingConnection(meetingId, { sendMedia });
    setConnection(opened);
    // For a technician at the kiosk (and the browser tests): `await pmDiagnostics.receiveStats()`.
    (window as { pmDiagnostics?: MeetingConnection }).pmDiagnostics = opened;
    return () => opened.close();
  }, [meetingId, sendMedia]);
  const state = useSyncExternalStore<MeetingViewState | undefined>(
    connection?.subscribe ?? noop,
    () => connection?.getState(),
  );
  return { connection, state };
}
