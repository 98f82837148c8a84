import type { Directive } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { dateAsDay, provinceDay } from '../util/provinceCalendar.js';
import type { Timeline } from '../recording/timeline.js';
import { loadTimelines } from '../recording/timelines.js';

export const directiveInclude = {
  meeting: { select: { id: true, title: true, startsAt: true } },
  units: { include: { unit: { select: { id: true, name: true } } }, orderBy: { unit: { sortOrder: 'asc' } } },
} as const;

export interface DirectiveRow {
  id: string;
  meetingId: string;
  agendaPosition: number | null;
  minutesEntryId: string | null;
  at: Date;
  content: string;
  deadline: Date;
  priority: Directive['priority'];
  status: Directive['status'];
  reportedDoneAt: Date | null;
  confirmedAt: Date | null;
  version: number;
  updatedAt: Date;
  meeting: { id: string; title: string; startsAt: Date };
  units: Array<{ role: 'RESPONSIBLE' | 'COORDINATING'; unit: { id: string; name: string } }>;
}

/** Overdue: the deadline (a day in the province) has passed and the directive is not confirmed. */
export function isOverdue(row: Pick<DirectiveRow, 'deadline' | 'status'>, today: string): boolean {
  return row.status !== 'CONFIRMED' && dateAsDay(row.deadline) < today;
}

/**
 * Turns directive rows into what the API answers: each placed on its meeting's timeline, with
 * its agenda item's title. The meetings' timelines and agendas are read once for all rows.
 */
export async function presentDirectives(prisma: PrismaClient, rows: DirectiveRow[], now = new Date()): Promise<Directive[]> {
  const meetings = [...new Map(rows.map((r) => [r.meeting.id, r.meeting])).values()];
  const [timelines, agenda] = await Promise.all([
    loadTimelines(prisma, meetings),
    prisma.agendaItem.findMany({ where: { meetingId: { in: meetings.map((m) => m.id) } }, select: { meetingId: true, position: true, title: true } }),
  ]);
  const titles = new Map(agenda.map((a) => [`${a.meetingId}:${a.position}`, a.title]));
  const today = provinceDay(now);
  return rows.map((row) => toDirective(row, timelines.get(row.meetingId)!, titles, today));
}

function toDirective(row: DirectiveRow, timeline: Timeline, agendaTitles: Map<string, string>, today: string): Directive {
  const units = (role: 'RESPONSIBLE' | 'COORDINATING') => row.units.filter((u) => u.role === role).map((u) => u.unit);
  const agendaTitle = row.agendaPosition === null ? undefined : agendaTitles.get(`${row.meetingId}:${row.agendaPosition}`);
  return {
    id: row.id,
    meeting: { id: row.meeting.id, name: row.meeting.title },
    agendaItem: agendaTitle === undefined ? null : { position: row.agendaPosition!, title: agendaTitle },
    minutesEntryId: row.minutesEntryId,
    at: row.at.toISOString(),
    offsetMs: timeline.offsetOf(row.at),
    content: row.content,
    responsibleUnits: units('RESPONSIBLE'),
    coordinatingUnits: units('COORDINATING'),
    deadline: dateAsDay(row.deadline),
    priority: row.priority,
    status: row.status,
    overdue: isOverdue(row, today),
    reportedDoneAt: row.reportedDoneAt?.toISOString() ?? null,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
