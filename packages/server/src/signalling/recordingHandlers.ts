import type { Recordings } from '../recording/recordings.js';
import type { HandlerTable } from './handler.js';

/** The chair's and operators' recording commands; the recordings decide, these only translate. */
export function recordingHandlers(recordings: Recordings): HandlerTable {
  return {
    'recording:start': async (session, { meetingId }) => recordings.control(session.identity, meetingId, 'start'),
    'recording:pause': async (session, { meetingId }) => recordings.control(session.identity, meetingId, 'pause'),
    'recording:stop': async (session, { meetingId }) => recordings.control(session.identity, meetingId, 'stop'),
  };
}
