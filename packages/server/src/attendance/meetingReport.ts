import { CodedError, type MeetingAttendanceReport, type SiteAttendanceRow } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { DirectoryAt } from '../directory/directoryAt.js';
import { siteGroup } from '../directory/siteGroup.js';
import { meetingEnd } from '../meetings/meetingEnd.js';
import { derivePresence, type PresenceEvent } from './presence.js';
import { qualityLevel } from './qualityLevel.js';

const MINUTE = 60_000;
const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * A meeting's attendance report, derived from what was recorded: presence events (plus the
 * quality samples as proof of presence after a crash), roll calls, headcounts, quality. Rooms and
 * units bear the names they had on the meeting's day.
 */
export async function meetingAttendanceReport(
  prisma: PrismaClient,
  meetingId: string,
  graceMs: number,
  now = new Date(),
): Promise<MeetingAttendanceReport> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    include: {
      invitations: { include: { site: true } },
      presenceEvents: { orderBy: { at: 'asc' } },
      qualitySamples: { orderBy: { at: 'asc' } },
      siteAttendance: true,
      rollCalls: { include: { answers: true }, orderBy: { startedAt: 'asc' } },
    },
  });
  if (!meeting) throw new CodedError('NOT_FOUND', `no meeting ${meetingId}`);
  const operators = await prisma.user.findMany({
    where: { id: { in: [...new Set(meeting.presenceEvents.flatMap((e) => (e.userId ? [e.userId] : [])))] } },
    select: { id: true, displayName: true, username: true },
  });
  const operatorName = new Map(operators.map((u) => [u.id, `${u.displayName} (${u.username})`]));
  const headcounts = new Map(meeting.siteAttendance.map((a) => [a.siteId, a.headcount]));
  const end = meetingEnd(meeting);
  const options = { graceMs, meetingStart: meeting.startsAt, meetingEnd: end, now };
  const then = await DirectoryAt.load(prisma, meeting.startsAt);

  const sites = meeting.invitations
    .map(({ site }): SiteAttendanceRow => {
      const own = meeting.presenceEvents.filter((e) => e.siteId === site.id);
      const samples = meeting.qualitySamples.filter((q) => q.siteId === site.id);
      const events: PresenceEvent[] = [
        ...own.map((e) => ({ kind: e.kind, at: e.at })),
        ...samples.map((q) => ({ kind: 'SEEN' as const, at: q.at })),
      ];
      const presence = derivePresence(events, options);
      const lastJoin = [...own].reverse().find((e) => e.kind === 'JOIN');
      const losses = samples.flatMap((q) => (q.lossPct === null ? [] : [q.lossPct]));
      const rtts = samples.flatMap((q) => (q.rttMs === null ? [] : [q.rttMs]));
      const mean = (xs: number[]) => (xs.length ? round1(xs.reduce((a, b) => a + b, 0) / xs.length) : null);
      return {
        siteId: site.id,
        siteCode: site.code,
        siteName: then.site(site).name,
        groupName: siteGroup(then.unitOfSite(site)).groupName,
        attended: presence.intervals.length > 0,
        firstJoin: presence.firstJoin?.toISOString() ?? null,
        lastLeave: presence.lastLeave?.toISOString() ?? null,
        intervals: presence.intervals.map((i) => ({ from: i.from.toISOString(), to: i.to.toISOString(), reconnects: i.reconnects })),
        // Minutes and percentage over the same window, the meeting's start to its end, so 100 %
        // is always the meeting's length in minutes.
        presentMinutes: round1(presence.insideMs / MINUTE),
        presencePct: round1(presence.share * 100),
        late: presence.late,
        // Rounded up: a site that came late is never reported as late by 0 minutes.
        lateMinutes:
          presence.late && presence.firstJoin
            ? Math.ceil(((presence.firstJoin.getTime() - meeting.startsAt.getTime()) / MINUTE) * 10) / 10
            : null,
        leftEarly: presence.leftEarly,
        reconnects: presence.reconnects,
        headcount: headcounts.get(site.id) ?? null,
        operatedBy: lastJoin?.userId ? (operatorName.get(lastJoin.userId) ?? null) : null,
        rollCalls: meeting.rollCalls.map(
          (r) => r.answers.find((a) => a.siteId === site.id)?.confirmedAt.toISOString() ?? null,
        ),
        quality: {
          samples: samples.length,
          avgRttMs: mean(rtts),
          avgLossPct: mean(losses),
          worstLossPct: losses.length ? round1(Math.max(...losses)) : null,
          poorPct: samples.length
            ? round1((samples.filter((q) => qualityLevel(q) === 'poor').length / samples.length) * 100)
            : null,
        },
      };
    })
    .sort((a, b) => a.groupName.localeCompare(b.groupName, 'vi') || a.siteName.localeCompare(b.siteName, 'vi'));

  const attended = sites.filter((s) => s.attended);
  return {
    meeting: {
      id: meeting.id,
      title: meeting.title,
      startsAt: meeting.startsAt.toISOString(),
      endsAt: end.toISOString(),
    },
    generatedAt: now.toISOString(),
    graceSeconds: Math.round(graceMs / 1000),
    rollCalls: meeting.rollCalls.map((r) => ({
      id: r.id,
      startedAt: r.startedAt.toISOString(),
      deadline: r.deadline.toISOString(),
      confirmed: r.answers.length,
    })),
    summary: {
      invited: sites.length,
      attended: attended.length,
      absent: sites.length - attended.length,
      late: sites.filter((s) => s.late).length,
      leftEarly: sites.filter((s) => s.leftEarly).length,
      headcount: sites.reduce((sum, s) => sum + (s.headcount ?? 0), 0),
    },
    sites,
  };
}
