import type { ScheduledMeeting, ScheduledMeetingDetail } from '@pm/shared';

/** What every read of a meeting loads: enough for the list, the detail adds the invited sites. */
export const meetingInclude = {
  chair: { select: { id: true, displayName: true } },
  agenda: { orderBy: { position: 'asc' }, include: { presentingUnit: { select: { name: true } } } },
  series: { select: { frequency: true, count: true } },
  _count: { select: { invitations: true } },
  recording: { select: { playable: true } },
} as const;

export const meetingDetailInclude = {
  ...meetingInclude,
  invitations: {
    include: { site: { select: { id: true, code: true, name: true, unitId: true } } },
    orderBy: { site: { code: 'asc' } },
  },
} as const;

interface MeetingRow {
  id: string;
  title: string;
  kind: ScheduledMeeting['kind'];
  status: ScheduledMeeting['status'];
  chair: { id: string; displayName: string } | null;
  startsAt: Date;
  endsAt: Date;
  endedAt: Date | null;
  agenda: Array<{ position: number; title: string; presentingUnitId: string | null; plannedMinutes: number; presentingUnit: { name: string } | null }>;
  seriesId: string | null;
  series: { frequency: 'WEEKLY' | 'MONTHLY'; count: number } | null;
  revision: number;
  cancelReason: string | null;
  updatedAt: Date;
  _count: { invitations: number };
  recording: { playable: boolean } | null;
}

interface MeetingDetailRow extends MeetingRow {
  invitations: Array<{ site: { id: string; code: string; name: string; unitId: string } }>;
}

export function toScheduledMeeting(row: MeetingRow, checkInWindowMs: number): ScheduledMeeting {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    status: row.status,
    chair: row.chair,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    checkInOpensAt: new Date(row.startsAt.getTime() - checkInWindowMs).toISOString(),
    agenda: row.agenda.map(({ presentingUnit, ...item }) => ({ ...item, presentingUnitName: presentingUnit?.name ?? null })),
    siteCount: row._count.invitations,
    seriesId: row.seriesId,
    recurrence: row.series,
    revision: row.revision,
    cancelReason: row.cancelReason,
    updatedAt: row.updatedAt.toISOString(),
    recorded: row.recording?.playable ?? false,
    endedAt: row.endedAt?.toISOString() ?? null,
  };
}

export function toMeetingDetail(row: MeetingDetailRow, checkInWindowMs: number): ScheduledMeetingDetail {
  return { ...toScheduledMeeting(row, checkInWindowMs), sites: row.invitations.map((i) => i.site) };
}
