import { createContext, useContext } from 'react';
import type { MeetingConnection } from '../services/meetingConnection';

/** The meeting a screen shows, for every component under it: actions, tracks and the state store. */
export const MeetingContext = createContext<MeetingConnection | undefined>(undefined);

export function useMeetingConnection(): MeetingConnection {
  const connection = useContext(MeetingContext);
  if (!connection) throw new Error('useMeetingConnection outside a meeting screen');
  return connection;
}
