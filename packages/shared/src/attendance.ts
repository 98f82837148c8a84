import { z } from 'zod';

/** Connection figures of one site, from the SFU's side and the kiosk's own getStats. */
export const qualityFiguresSchema = z.object({
  rttMs: z.number().nonnegative().nullable(),
  /** Packet loss in percent, the worse of what the site sends and receives. */
  lossPct: z.number().min(0).max(100).nullable(),
  jitterMs: z.number().nonnegative().nullable(),
  bitrateUpKbps: z.number().nonnegative().nullable(),
  bitrateDownKbps: z.number().nonnegative().nullable(),
  /** mediasoup's 0–10 scores of the site's camera producer and of its programme consumer. */
  producerScore: z.number().min(0).max(10).nullable(),
  consumerScore: z.number().min(0).max(10).nullable(),
});
export type QualityFigures = z.infer<typeof qualityFiguresSchema>;

export const qualityLevelSchema = z.enum(['good', 'poor']);
export type QualityLevel = z.infer<typeof qualityLevelSchema>;

/** What a kiosk reports of its own connection, every few seconds, from RTCPeerConnection.getStats. */
/** How long a roll call may give the rooms to answer, in seconds. */
export const rollCallSeconds = { min: 15, max: 600 } as const;

export const clientQualityReportSchema = z
  .object({
    rttMs: z.number().nonnegative().max(60_000).nullable(),
    inboundLossPct: z.number().min(0).max(100).nullable(),
    jitterMs: z.number().nonnegative().max(60_000).nullable(),
    framesPerSecond: z.number().nonnegative().max(240).nullable(),
  })
  .strict();
export type ClientQualityReport = z.infer<typeof clientQualityReportSchema>;

export const siteQualitySchema = z.object({
  siteId: z.string(),
  level: qualityLevelSchema,
  figures: qualityFiguresSchema,
});
export type SiteQuality = z.infer<typeof siteQualitySchema>;

export const rollCallSchema = z.object({
  rollCallId: z.string(),
  startedAt: z.number(),
  deadline: z.number(),
  /** Sites that confirmed, with the time they did. */
  confirmed: z.record(z.string(), z.number()),
  closed: z.boolean(),
});
export type RollCall = z.infer<typeof rollCallSchema>;

/** Something the operator should look at now. */
export const siteAlertSchema = z.object({
  siteId: z.string(),
  siteName: z.string(),
  kind: z.enum(['degraded', 'dropped', 'recovered']),
  at: z.number(),
});
export type SiteAlert = z.infer<typeof siteAlertSchema>;

const isoTime = z.string();

/** One invited site in a meeting's attendance report. */
export const siteAttendanceRowSchema = z.object({
  siteId: z.string(),
  siteCode: z.string(),
  siteName: z.string(),
  groupName: z.string(),
  attended: z.boolean(),
  firstJoin: isoTime.nullable(),
  lastLeave: isoTime.nullable(),
  intervals: z.array(z.object({ from: isoTime, to: isoTime, reconnects: z.number().int() })),
  /** Minutes connected between the meeting's start and its end. */
  presentMinutes: z.number(),
  /** The same minutes as a share of the meeting's length, in percent. */
  presencePct: z.number(),
  late: z.boolean(),
  /** Minutes after the start of the first join, when late. */
  lateMinutes: z.number().nullable(),
  leftEarly: z.boolean(),
  reconnects: z.number().int(),
  headcount: z.number().int().nullable(),
  /** The account that operated the site (the last one that joined). */
  operatedBy: z.string().nullable(),
  /** One answer per roll call of the meeting, in order: when it confirmed, or null. */
  rollCalls: z.array(isoTime.nullable()),
  quality: z.object({
    samples: z.number().int(),
    avgRttMs: z.number().nullable(),
    avgLossPct: z.number().nullable(),
    worstLossPct: z.number().nullable(),
    /** Share of the samples in which the connection was poor, in percent. */
    poorPct: z.number().nullable(),
  }),
});
export type SiteAttendanceRow = z.infer<typeof siteAttendanceRowSchema>;

export const meetingAttendanceReportSchema = z.object({
  /** `endsAt`: the real end once the meeting was ended for everyone, else the scheduled one. */
  meeting: z.object({ id: z.string(), title: z.string(), startsAt: isoTime, endsAt: isoTime }),
  generatedAt: isoTime,
  graceSeconds: z.number().int(),
  rollCalls: z.array(z.object({ id: z.string(), startedAt: isoTime, deadline: isoTime, confirmed: z.number().int() })),
  summary: z.object({
    invited: z.number().int(),
    attended: z.number().int(),
    absent: z.number().int(),
    late: z.number().int(),
    leftEarly: z.number().int(),
    headcount: z.number().int(),
  }),
  sites: z.array(siteAttendanceRowSchema),
});
export type MeetingAttendanceReport = z.infer<typeof meetingAttendanceReportSchema>;

export const attendancePeriodQuerySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    unitId: z.string().max(64).optional(),
  })
  .strict();

const rateRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  invited: z.number().int(),
  attended: z.number().int(),
  missed: z.number().int(),
  late: z.number().int(),
  /** Meetings attended out of invited, in percent. */
  attendancePct: z.number(),
});
export type AttendanceRateRow = z.infer<typeof rateRowSchema>;

/** Attendance across the meetings of a period: which sites and units keep missing or coming late. */
export const attendancePeriodReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  meetings: z.number().int(),
  /** Every invited site, the most missed first. */
  sites: z.array(rateRowSchema.extend({ groupName: z.string() })),
  /** By commune or ward (its rooms together; a district in a directory from before 2025), and the province level. */
  units: z.array(rateRowSchema),
  /** By site group (former district areas, regions, committees); a site counts in each of its groups. */
  groups: z.array(rateRowSchema),
  /** Units merged during or after the period, whose rooms are counted under their successor. */
  mergers: z.array(z.object({ predecessorName: z.string(), successorName: z.string(), effective: z.string() })),
});
export type AttendancePeriodReport = z.infer<typeof attendancePeriodReportSchema>;
