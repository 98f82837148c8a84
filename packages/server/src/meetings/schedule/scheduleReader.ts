import { CodedError, type Identity, type ScheduledMeeting, type ScheduledMeetingDetail } from '@pm/shared';
import type { PrismaClient } from '../../db/prismaClient.js';
import { UnitTree } from '../../directory/unitTree.js';
import { visibleMeetings } from './meetingAccess.js';
import { meetingDetailInclude, meetingInclude, toMeetingDetail, toScheduledMeeting } from './meetingRecord.js';

const MAX_LISTED = 500;

export interface MeetingListFilter {
  from?: string | undefined;
  to?: string | undefined;
  includeCancelled?: boolean | undefined;
}

/** Reading the schedule, always through what the caller may see. */
export class ScheduleReader {
  constructor(
    private readonly prisma: PrismaClient,
    readonly checkInWindowMs: number,
  ) {}

  /** Meetings still to end after `from` (default now), by start. */
  async list(identity: Identity, filter: MeetingListFilter): Promise<ScheduledMeeting[]> {
    const tree = await UnitTree.load(this.prisma);
    const rows = await this.prisma.meeting.findMany({
      where: {
        AND: [
          visibleMeetings(identity, tree),
          { endsAt: { gt: filter.from ? new Date(filter.from) : new Date() } },
          filter.to ? { startsAt: { lt: new Date(filter.to) } } : {},
          filter.includeCancelled ? {} : { status: 'SCHEDULED' },
        ],
      },
      include: meetingInclude,
      orderBy: { startsAt: 'asc' },
      take: MAX_LISTED,
    });
    return rows.map((row) => toScheduledMeeting(row, this.checkInWindowMs));
  }

  /** One meeting; FORBIDDEN when it exists but is not the caller's to see. */
  async get(identity: Identity, id: string): Promise<ScheduledMeetingDetail> {
    const row = await this.prisma.meeting.findUnique({ where: { id }, include: meetingDetailInclude });
    if (!row) throw new CodedError('NOT_FOUND', 'meeting not found');
    await this.assertVisible(identity, id);
    return toMeetingDetail(row, this.checkInWindowMs);
  }

  async assertVisible(identity: Identity, id: string): Promise<void> {
    const tree = await UnitTree.load(this.prisma);
    const visible = await this.prisma.meeting.count({ where: { AND: [{ id }, visibleMeetings(identity, tree)] } });
    if (!visible) throw new CodedError('FORBIDDEN', 'this account is not invited to this meeting');
  }
}
