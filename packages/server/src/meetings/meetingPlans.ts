import { meetingEnd } from './meetingEnd.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { siteGroup } from '../directory/siteGroup.js';
import type { JoinWindow, MeetingPlan, MeetingPlanSource, PlannedSite } from './live/meetingPlan.js';

/**
 * Reads a scheduled meeting as the live meeting needs it. Sites are grouped for the wall by
 * district: a commune under its district, a district as itself, departments and the provincial
 * hall under the province.
 */
export class PrismaMeetingPlans implements MeetingPlanSource {
  constructor(
    private readonly prisma: PrismaClient,
    /** How long before its start a meeting opens for check-in (CHECKIN_WINDOW_MINUTES). */
    private readonly checkInWindowMs: number,
  ) {}

  async joinWindow(meetingId: string): Promise<JoinWindow | undefined> {
    const meeting = await this.prisma.meeting.findUnique({
      where: { id: meetingId },
      select: { startsAt: true, endsAt: true, endedAt: true, status: true },
    });
    if (!meeting || meeting.status === 'CANCELLED') return undefined;
    // Closed at the real end once the staff ended it: nobody joins after that.
    return { opensAt: new Date(meeting.startsAt.getTime() - this.checkInWindowMs), closesAt: meetingEnd(meeting) };
  }

  async load(meetingId: string): Promise<MeetingPlan | undefined> {
    const meeting = await this.prisma.meeting.findUnique({
      where: { id: meetingId },
      include: {
        invitations: {
          include: { site: { include: { unit: { include: { parent: true } } } } },
          orderBy: { site: { code: 'asc' } },
        },
        _count: { select: { agenda: true } },
      },
    });
    if (!meeting || meeting.status === 'CANCELLED') return undefined;
    return {
      id: meeting.id,
      title: meeting.title,
      chairUserId: meeting.chairUserId,
      endedAt: meeting.endedAt,
      sites: meeting.invitations
        .filter((i) => !i.site.disabled)
        .map(({ site }): PlannedSite => ({ siteId: site.id, name: site.name, ...siteGroup(site.unit) })),
      agendaItems: meeting._count.agenda,
    };
  }

  async markEnded(meetingId: string, endedAt: Date): Promise<void> {
    await this.prisma.meeting.update({ where: { id: meetingId }, data: { endedAt } });
  }
}
