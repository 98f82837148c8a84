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
