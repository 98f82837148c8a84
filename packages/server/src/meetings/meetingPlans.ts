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
    const meeting = await this.prisma.meeting.findUnique({ where: { id: meetingId }, select: { startsAt: true, endsAt: true, status: true } });
    if (!meeting || meeting.status === 'CANCELLED') return undefined;
    return { opensAt: new Date(meeting.startsAt.getTime() - this.checkInWindowMs), closesAt: meeting.endsAt };
  }

  async load(meetingId: string): Promise<MeetingPlan | undefined> {
    const meeting = await this.prisma.meeting.findUnique({
      where: { id: meetingId },
      include: {
        invitations: {
          include: { site: { include: { unit: { include: { parent: true } } } } },
          orderBy: { site: { code: 'asc' } },
        },
      },
    });
    if (!meeting || meeting.status === 'CANCELLED') return undefined;
    return {
      id: meeting.id,
      title: meeting.title,
      chairUserId: meeting.chairUserId,
      sites: meeting.invitations
        .filter((i) => !i.site.disabled)
        .map(({ site }): PlannedSite => ({ siteId: site.id, name: site.name, ...siteGroup(site.unit) })),
    };
  }
}
