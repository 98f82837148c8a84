import { z } from 'zod';
import { agendaPositionSchema } from './directives.js';
import { rollCallSchema } from './attendance.js';

/** A site waiting for the floor, in the order the chair sees. */
export const floorRequestSchema = z.object({
  siteId: z.string(),
  /** Epoch milliseconds when the site pressed "request to speak". */
  requestedAt: z.number(),
});

/** Who speaks and who waits: the part of a meeting's state every screen shows. */
export const floorStateSchema = z.object({
  queue: z.array(floorRequestSchema),
  holder: z.object({ siteId: z.string(), since: z.number() }).nullable(),
  /** A site the chair put on the programme video without giving it the floor. */
  spotlight: z.string().nullable(),
  /** Bumped by "mute all": every site microphone outside the floor is silenced again. */
  muteAllAt: z.number().nullable(),
  /**
   * A site the chair invited to present its screen without holding the floor (the floor holder
   * may present anyway). Floors saved before presentations existed have none.
   */
  presenter: z.string().nullable().default(null),
  /**
   * The last room whose microphone the chair or an operator closed on its own (not "mute all"),
   * and when: its kiosk says so. Floors saved before this existed have none.
   */
  mutedSite: z.object({ siteId: z.string(), at: z.number() }).nullable().default(null),
});
export type FloorRequest = z.infer<typeof floorRequestSchema>;
export type FloorState = z.infer<typeof floorStateSchema>;

/** How a participant takes part: the chair's console, a site's kiosk, or the operator's wall. */
export const participantRoleSchema = z.enum(['chair', 'site', 'operator']);
export type ParticipantRole = z.infer<typeof participantRoleSchema>;

/** A site as the chair and the operator see it on the wall. */
export const siteStatusSchema = z.object({
  siteId: z.string(),
  name: z.string(),
  /** The district (or the province, for departments) the site belongs to, for filtering. */
  groupId: z.string(),
  groupName: z.string(),
  connection: z.enum(['absent', 'connected', 'poor', 'reconnecting']),
  /** The room has joined this meeting at least once: when absent, it left (it is not "not joined yet"). */
  attended: z.boolean(),
  /** Sends camera video (the wall can show it). */
  hasVideo: z.boolean(),
  /** Officials in the room, as the site declared. */
  headcount: z.number().int().nullable(),
});
export type SiteStatus = z.infer<typeof siteStatusSchema>;

/** What every site receives: whose video and whose audio make up the programme. */
export const programmeSchema = z.object({
  /** The site on the programme video; null means the chair's hall camera. */
  videoSiteId: z.string().nullable(),
  /** Its name, so a kiosk can say who speaks without the whole roster. */
  videoSiteName: z.string().nullable(),
  /** Sites whose microphone is in the programme besides the chair's. */
  audioSiteIds: z.array(z.string()),
  /** What the programme shows: a camera, a shared screen (a presentation), or nothing yet. */
  videoKind: z.enum(['camera', 'screen']).nullable(),
  /**
   * What the room on the programme watches instead of itself: the chair's picture (siteId null) or
   * the previous programme's; null when the programme is the chair's own.
   */
  returnVideo: z.object({ siteId: z.string().nullable(), siteName: z.string().nullable() }).nullable(),
  /**
   * Whose camera the picture-in-picture shows while the programme is a presentation: the
   * presenter's (siteId null: the chair's); null when there is no presentation or no such camera.
   */
  inset: z.object({ siteId: z.string().nullable(), siteName: z.string().nullable() }).nullable(),
});
export type Programme = z.infer<typeof programmeSchema>;

export const meetingSummarySchema = z.object({
  meetingId: z.string(),
  title: z.string(),
  /** The participant's own site, for site kiosks. */
  selfSiteId: z.string().nullable(),
  role: participantRoleSchema,
  floor: floorStateSchema,
  programme: programmeSchema,
  /** Every invited site with its status; sent to the chair and the operator only. */
  sites: z.array(siteStatusSchema),
  /** The roll call in progress, if any. */
  rollCall: rollCallSchema.nullable(),
  /** The participant's own site's declared headcount (sites). */
  headcount: z.number().int().nullable(),
  /** The agenda item under discussion; absent or null: none (a node of an older release omits it). */
  agendaItem: agendaPositionSchema.nullable().optional(),
});
export type MeetingSummary = z.infer<typeof meetingSummarySchema>;

/** Why the server created a consumer for the client. */
export const consumerPurposeSchema = z.enum(['programme-video', 'programme-audio', 'return-video', 'programme-inset', 'wall', 'loopback']);
export type ConsumerPurpose = z.infer<typeof consumerPurposeSchema>;
