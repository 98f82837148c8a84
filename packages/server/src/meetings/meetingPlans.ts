import type { PrismaClient } from '../db/prismaClient.js';
import type { MeetingPlan, MeetingPlanSource, PlannedSite } from './live/meetingPlan.js';

const PROVINCE_GROUP = { groupId: 'province', groupName: 'Cấp tỉnh' };

/**
 * Reads a scheduled meeting as the live meeting needs it. Sites are grouped for the wall by
 * district: a commune under its district, a district as itself, departments and the provincial
 * hall under the province.
 */
export class PrismaMeetingPlans implements MeetingPlanSource {
  constructor(private readonly prisma: PrismaClient) {}

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
        .map(({ site }): PlannedSite => {
          const unit = site.unit;
          const group =
            unit.kind === 'DISTRICT'
              ? { groupId: unit.id, groupName: unit.name }
              : unit.kind === 'COMMUNE' && unit.parent
                ? { groupId: unit.parent.id, groupName: unit.parent.name }
                : PROVINCE_GROUP;
          return { siteId: site.id, name: site.name, ...group };
        }),
    };
  }
}
