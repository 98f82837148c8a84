import type { Overlap } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { TimeRange } from './recurrence.js';

/** Enough to warn; a secretariat that invites 348 sites to a clash needs no thousand lines. */
const MAX_OVERLAPS = 500;

/** Invitations of these sites to other scheduled meetings that overlap any of the time ranges. */
export async function findOverlaps(
  prisma: PrismaClient,
  ranges: TimeRange[],
  siteIds: string[],
  excludeMeetingIds: string[],
): Promise<Overlap[]> {
  if (siteIds.length === 0 || ranges.length === 0) return [];
  const rows = await prisma.meetingInvitation.findMany({
    where: {
      siteId: { in: siteIds },
      meetingId: { notIn: excludeMeetingIds },
      meeting: {
        status: 'SCHEDULED',
        OR: ranges.map((range) => ({ startsAt: { lt: range.endsAt }, endsAt: { gt: range.startsAt } })),
      },
    },
    include: {
      site: { select: { name: true } },
      meeting: { select: { id: true, title: true, startsAt: true, endsAt: true } },
    },
    orderBy: [{ meeting: { startsAt: 'asc' } }, { site: { code: 'asc' } }],
    take: MAX_OVERLAPS,
  });
  return rows.map(({ siteId, site, meeting }) => ({
    siteId,
    siteName: site.name,
    meetingId: meeting.id,
    meetingTitle: meeting.title,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
  }));
}
