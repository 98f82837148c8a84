import { z } from 'zod';
import { entityIdSchema, instantSchema } from './accounts.js';

/* Scheduling: meetings with their agenda and invited sites, recurrence, overlaps, readiness. */

export const meetingKindSchema = z.enum(['REGULAR', 'EXTRAORDINARY', 'THEMATIC']);
export type MeetingKind = z.infer<typeof meetingKindSchema>;
export const meetingStatusSchema = z.enum(['SCHEDULED', 'CANCELLED']);

export const agendaItemInputSchema = z
  .object({
    title: z.string().trim().min(1).max(300),
    presentingUnitId: entityIdSchema.nullable().default(null),
    plannedMinutes: z.number().int().min(1).max(600),
  })
  .strict();

export const recurrenceSchema = z
  .object({
    frequency: z.enum(['WEEKLY', 'MONTHLY']),
    /** Occurrences in all, the first included. */
    count: z.number().int().min(2).max(52),
  })
  .strict();
export type Recurrence = z.infer<typeof recurrenceSchema>;

/**
 * Whom to invite: sites by hand, and units whose every active site (their own and those of the
 * units below them) is invited. Both lists are merged.
 */
const siteIdsSchema = z.array(entityIdSchema).max(2000);
const unitIdsSchema = z.array(entityIdSchema).max(500);
const invitationFields = { siteIds: siteIdsSchema.default([]), unitIds: unitIdsSchema.default([]) };

const timeRangeValid = (m: { startsAt?: string | undefined; endsAt?: string | undefined }) =>
  m.startsAt === undefined || m.endsAt === undefined || Date.parse(m.endsAt) > Date.parse(m.startsAt);
const timeRangeIssue = { message: 'endsAt must be after startsAt', path: ['endsAt'] };

const meetingFields = {
  title: z.string().trim().min(3, 'at least 3 characters').max(300),
  kind: meetingKindSchema,
  chairUserId: entityIdSchema.nullable(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  agenda: z.array(agendaItemInputSchema).max(50).default([]),
};

export const meetingCreateSchema = z
  .object({ ...meetingFields, ...invitationFields, recurrence: recurrenceSchema.optional() })
  .strict()
  .refine(timeRangeValid, timeRangeIssue)
  .refine((m) => m.siteIds.length + m.unitIds.length > 0, { message: 'invite at least one site', path: ['siteIds'] });

/** Edits one occurrence. Invitation lists, when given, replace the invited sites. */
export const meetingUpdateSchema = z
  .object({
    title: meetingFields.title.optional(),
    kind: meetingKindSchema.optional(),
    chairUserId: entityIdSchema.nullable().optional(),
    startsAt: instantSchema.optional(),
    endsAt: instantSchema.optional(),
    agenda: z.array(agendaItemInputSchema).max(50).optional(),
    siteIds: siteIdsSchema.optional(),
    unitIds: unitIdsSchema.optional(),
  })
  .strict()
  .refine((m) => Object.values(m).some((v) => v !== undefined), 'nothing to change')
  .refine(timeRangeValid, timeRangeIssue);

export const meetingCancelSchema = z
  .object({
    reason: z.string().trim().min(3).max(500),
    /** Cancel this occurrence and every later one of its series. */
    following: z.boolean().default(false),
  })
  .strict();

export const agendaItemSchema = z.object({
  position: z.number().int(),
  title: z.string(),
  presentingUnitId: z.string().nullable(),
  presentingUnitName: z.string().nullable(),
  plannedMinutes: z.number().int(),
});

export const scheduledMeetingSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: meetingKindSchema,
  status: meetingStatusSchema,
  chair: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  startsAt: instantSchema,
  endsAt: instantSchema,
  /** When invited sites may check in and run their technical check. */
  checkInOpensAt: instantSchema,
  agenda: z.array(agendaItemSchema),
  siteCount: z.number().int(),
  seriesId: z.string().nullable(),
  recurrence: recurrenceSchema.nullable(),
  /** 1 when created; bumped by every edit and by cancelling. */
  revision: z.number().int(),
  cancelReason: z.string().nullable(),
  updatedAt: instantSchema,
  /** A recording of the meeting can be watched (the start screens mark it). */
  recorded: z.boolean(),
  /** When the chair or an operator ended it for everyone; null until then. */
  endedAt: instantSchema.nullable(),
});
export type ScheduledMeeting = z.infer<typeof scheduledMeetingSchema>;

/**
 * When a meeting is over, in epoch ms: its real end once it was ended for everyone, else its
 * scheduled end. Start screens list a meeting ended early as ended, without the way in (a join
 * after the real end is refused).
 */
export function meetingOverAt(meeting: Pick<ScheduledMeeting, 'endsAt' | 'endedAt'>): number {
  return Date.parse(meeting.endedAt ?? meeting.endsAt);
}

export const invitedSiteSchema = z.object({ id: z.string(), code: z.string(), name: z.string(), unitId: z.string() });
export const scheduledMeetingDetailSchema = scheduledMeetingSchema.extend({ sites: z.array(invitedSiteSchema) });
export type ScheduledMeetingDetail = z.infer<typeof scheduledMeetingDetailSchema>;

/** A site invited to another meeting at an overlapping time. */
export const overlapSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  meetingId: z.string(),
  meetingTitle: z.string(),
  startsAt: instantSchema,
  endsAt: instantSchema,
});
export type Overlap = z.infer<typeof overlapSchema>;

export const meetingWriteResultSchema = z.object({
  meeting: scheduledMeetingDetailSchema,
  /** Every occurrence written (one unless recurring). */
  occurrences: z.array(z.object({ id: z.string(), startsAt: instantSchema })),
  /** Warnings, not errors: the meeting is saved all the same. */
  overlaps: z.array(overlapSchema),
});

export const overlapCheckSchema = z
  .object({
    startsAt: instantSchema,
    endsAt: instantSchema,
    ...invitationFields,
    /** The meeting being edited, which does not overlap itself. */
    excludeMeetingId: entityIdSchema.optional(),
  })
  .strict()
  .refine(timeRangeValid, timeRangeIssue);
export const overlapListSchema = z.object({ siteCount: z.number().int(), overlaps: z.array(overlapSchema) });

export const meetingListQuerySchema = z.object({
  /** Meetings that end after this instant; default: now. */
  from: instantSchema.optional(),
  /** Meetings that start before this instant. */
  to: instantSchema.optional(),
  includeCancelled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export const meetingListSchema = z.object({ meetings: z.array(scheduledMeetingSchema) });
export const meetingResponseSchema = z.object({ meeting: scheduledMeetingDetailSchema });

export const checkStepResultSchema = z.enum(['ok', 'failed']);
/** What a meeting room's technical check found, posted by its kiosk. */
export const checkReportSchema = z
  .object({
    devices: checkStepResultSchema,
    server: checkStepResultSchema,
    media: checkStepResultSchema,
    roundTripMs: z.number().int().min(0).max(60_000).nullable().default(null),
  })
  .strict();
export const checkReceiptSchema = z.object({ checkedAt: instantSchema, passed: z.boolean() });

export const readinessStateSchema = z.enum(['ready', 'failed', 'unchecked']);
export type ReadinessState = z.infer<typeof readinessStateSchema>;
export const readinessSchema = z.object({
  meetingId: z.string(),
  checkInOpensAt: instantSchema,
  checkInOpen: z.boolean(),
  counts: z.object({ invited: z.number().int(), ready: z.number().int(), failed: z.number().int(), unchecked: z.number().int() }),
  sites: z.array(
    z.object({
      siteId: z.string(),
      name: z.string(),
      state: readinessStateSchema,
      checkedAt: instantSchema.nullable(),
      roundTripMs: z.number().int().nullable(),
    }),
  ),
});
export type Readiness = z.infer<typeof readinessSchema>;

/** Pushed over socket.io to the invited sites (and staff) when a meeting is created, edited or cancelled. */
export const scheduleChangeSchema = z.object({
  meetingId: z.string(),
  change: z.enum(['created', 'updated', 'cancelled']),
});
