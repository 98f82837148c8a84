import { CodedError, type Identity, type Readiness, type ReadinessState } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { ScheduleReader } from './scheduleReader.js';

/**
 * What the operator watches before a meeting: each invited site's latest technical check since
 * the check-in window opened. Older checks do not count: equipment changes between meetings.
 */
export async function meetingReadiness(
  prisma: PrismaClient,
  reader: ScheduleReader,
  identity: Identity,
  meetingId: string,
  now = new Date(),
): Promise<Readiness> {
  const meeting = await prisma.meeting.findUnique({
    where: { id: meetingId },
    select: { startsAt: true, invitations: { select: { site: { select: { id: true, name: true, code: true } } } } },
  });
  if (!meeting) throw new CodedError('NOT_FOUND', 'meeting not found');
  await reader.assertVisible(identity, meetingId);
  const opensAt = new Date(meeting.startsAt.getTime() - reader.checkInWindowMs);
  const sites = meeting.invitations.map((i) => i.site).sort((a, b) => a.code.localeCompare(b.code));
  const checks = await prisma.technicalCheckResult.findMany({
    where: { siteId: { in: sites.map((s) => s.id) }, checkedAt: { gte: opensAt } },
    orderBy: { checkedAt: 'desc' },
  });
  const latest = new Map<string, (typeof checks)[number]>();
  for (const check of checks) if (!latest.has(check.siteId)) latest.set(check.siteId, check);

  const rows = sites.map((site) => {
    const check = latest.get(site.id);
    const state: ReadinessState = !check ? 'unchecked' : check.devicesOk && check.serverOk && check.mediaOk ? 'ready' : 'failed';
    return { siteId: site.id, name: site.name, state, checkedAt: check?.checkedAt.toISOString() ?? null, roundTripMs: check?.roundTripMs ?? null };
  });
  const count = (state: ReadinessState) => rows.filter((row) => row.state === state).length;
  return {
    meetingId,
    checkInOpensAt: opensAt.toISOString(),
    checkInOpen: now >= opensAt,
    counts: { invited: rows.length, ready: count('ready'), failed: count('failed'), unchecked: count('unchecked') },
    sites: rows,
  };
}

/** A meeting room's kiosk reports its check; the account's own site is the one checked. */
export async function recordCheck(
  prisma: PrismaClient,
  identity: Identity,
  report: { devices: 'ok' | 'failed'; server: 'ok' | 'failed'; media: 'ok' | 'failed'; roundTripMs: number | null },
): Promise<{ checkedAt: string; passed: boolean }> {
  if (!identity.siteId) throw new CodedError('FORBIDDEN', 'only a meeting room account reports a technical check');
  const row = await prisma.technicalCheckResult.create({
    data: {
      siteId: identity.siteId,
      devicesOk: report.devices === 'ok',
      serverOk: report.server === 'ok',
      mediaOk: report.media === 'ok',
      roundTripMs: report.roundTripMs,
    },
  });
  return { checkedAt: row.checkedAt.toISOString(), passed: row.devicesOk && row.serverOk && row.mediaOk };
}
