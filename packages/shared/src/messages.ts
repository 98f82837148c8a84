import { z } from 'zod';
import { instantSchema } from './accounts.js';

/*
 * Short text messages inside a live meeting: the operator (or the chair) writes to one room, the
 * rooms of a district, or every room ("Điểm cầu Hoằng Đạo bật micrô"); a room writes to the staff
 * ("Cần hỗ trợ kỹ thuật"). Kiosks show them large; every message is kept in the meeting's log.
 */

/** A message fits on a TV banner read from the back of the room. */
export const MESSAGE_MAX_CHARS = 280;

const id = z.string().min(1).max(64);

export const messageTextSchema = z.string().trim().min(1).max(MESSAGE_MAX_CHARS);

/** Who a message is for. Staff write to a site, a group (the sites of a district), all, or each other; a room writes to the staff. */
export const messageAudienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('site'), siteId: id }).strict(),
  z.object({ kind: z.literal('group'), groupId: id }).strict(),
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('staff') }).strict(),
]);
export type MessageAudience = z.infer<typeof messageAudienceSchema>;

export const meetingMessageSchema = z.object({
  id: z.string(),
  at: instantSchema,
  /** The room that wrote it; null when the chair or an operator did. */
  fromSiteId: z.string().nullable(),
  /** The room's name, or the staff member's. */
  fromName: z.string(),
  to: messageAudienceSchema,
  text: z.string(),
});
export type MeetingMessage = z.infer<typeof meetingMessageSchema>;
