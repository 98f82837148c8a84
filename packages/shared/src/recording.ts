import { z } from 'zod';
import { instantSchema } from './accounts.js';

/*
 * Recording of the programme: started, paused and stopped by the chair or an operator; every site
 * is told it is being recorded. One seekable recording per meeting.
 */

export const recordingStateSchema = z.enum(['idle', 'recording', 'paused', 'stopped']);
export type RecordingState = z.infer<typeof recordingStateSchema>;

export const recordingStatusSchema = z.object({
  meetingId: z.string(),
  state: recordingStateSchema,
  /** When recording first started; null when never. */
  startedAt: instantSchema.nullable(),
  /** Recorded so far (pauses left out), in milliseconds. */
  durationMs: z.number().int().nonnegative(),
  /** The joined, seekable file can be played (after stop, or after repair following a crash). */
  playable: z.boolean(),
});
export type RecordingStatus = z.infer<typeof recordingStatusSchema>;

/** Who held the floor from `offsetMs` on (null: the chair), on the recording's timeline. */
export const floorTurnSchema = z.object({
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  at: instantSchema,
  offsetMs: z.number().int().nonnegative(),
});
export type FloorTurn = z.infer<typeof floorTurnSchema>;

export const recordingDetailSchema = z.object({ status: recordingStatusSchema, floorTurns: z.array(floorTurnSchema) });
export type RecordingDetail = z.infer<typeof recordingDetailSchema>;

export const recordingControlSchema = z.object({ meetingId: z.string().min(1).max(64) }).strict();
