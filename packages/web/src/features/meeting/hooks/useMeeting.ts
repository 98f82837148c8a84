import { useEffect, useMemo } from 'react';
import { MeetingConnection } from '../services/meetingConnection';

/**
 * The meeting connection of a screen. Built without side effects and opened by the effect, so
 * React's double mount in development opens, closes and opens it again cleanly; closed when the
 * screen goes away.
 */
export function useMeeting(meetingId: string, sendMedia: boolean): MeetingConnection {
  const connection = useMemo(() => new MeetingConnection(meetingId, { sendMedia }), [meetingId, sendMedia]);
  useEffect(() => {
    connection.open();
    // For a technician at the kiosk (and the browser tests): `await pmDiagnostics.receiveStats()`.
    (window as { pmDiagnostics?: MeetingConnection }).pmDiagnostics = connection;
    return () => connection.close();
  }, [connection]);
  return connection;
}
