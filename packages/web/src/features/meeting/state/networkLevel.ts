import type { ClientQualityReport } from '@pm/shared';

export type NetworkLevel = 'good' | 'fair' | 'poor' | 'unknown';

/**
 * Limits of the programme as a room receives it, from its own WebRTC figures: beyond `fair` the
 * picture stutters now and then, beyond `poor` speech breaks up or the picture freezes.
 */
const LIMITS = {
  fair: { lossPct: 1, jitterMs: 30, rttMs: 250, framesPerSecond: 20 },
  poor: { lossPct: 5, jitterMs: 80, rttMs: 600, framesPerSecond: 8 },
} as const;

function beyond(report: ClientQualityReport, limit: (typeof LIMITS)[keyof typeof LIMITS]): boolean {
  const over = (value: number | null, max: number) => value !== null && value > max;
  return (
    over(report.inboundLossPct, limit.lossPct) ||
    over(report.jitterMs, limit.jitterMs) ||
    over(report.rttMs, limit.rttMs) ||
    (report.framesPerSecond !== null && report.framesPerSecond < limit.framesPerSecond)
  );
}

/** The room's network indicator: measured, not assumed from being connected. */
export function networkLevel(report: ClientQualityReport | null): NetworkLevel {
  if (!report || Object.values(report).every((value) => value === null)) return 'unknown';
  if (beyond(report, LIMITS.poor)) return 'poor';
  if (beyond(report, LIMITS.fair)) return 'fair';
  return 'good';
}
