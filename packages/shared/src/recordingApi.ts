import { route, type ApiRoute } from './apiRoute.js';
import { storedFile } from './minutesApi.js';
import { recordingDetailSchema, recordingStatusSchema } from './recording.js';


/** A meeting's recording: its state for every invited screen, its floor turns and file for reviewers. */
export const recordingRoutes = {
  'recording.status': route({
    method: 'get', path: '/api/meetings/:id/recording/status', tag: 'recordings',
    summary: 'Whether the meeting is being recorded (a kiosk shows it)', response: recordingStatusSchema,
  }),
  'recording.get': route({
    method: 'get', path: '/api/meetings/:id/recording', tag: 'recordings',
    summary: 'The recording’s state and who held the floor when, on its timeline', response: recordingDetailSchema,
  }),
  'recording.file': route({
    method: 'get', path: '/api/meetings/:id/recording.webm', tag: 'recordings',
    summary: 'The recording (WebM: VP8 and Opus), seekable with HTTP range requests', response: storedFile, produces: 'video/webm',
  }),
} as const satisfies Record<string, ApiRoute>;
