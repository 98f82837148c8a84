import type { DirectiveStatsRow, DirectiveStatus, Identity, NamedRef, directiveStatsQuerySchema } from '@pm/shared';
import type { z } from 'zod';
import type { PrismaClient } from '../db/prismaClient.js';
import { dateAsDay, provinceDay } from '../util/provinceCalendar.js';
import { isOverdue } from './directiveRecord.js';
import type { DirectiveReader } from './directiveReader.js';

type StatsQuery = z.output<typeof directiveStatsQuerySchema>;

interface DirectiveFacts {
  deadline: Date;
  status: DirectiveStatus;
  reportedDoneAt: Date | null;
  /** Its responsible units. */
  units: NamedRef[];
}

/**
 * On-time rate over the tracker's filter, per responsible unit or per site group. A directive
 * counts once it is due (its deadline has passed) or done (reported done, or confirmed); it is on
 * time when it was reported done on or before its deadline, in the province's calendar. By site
 * group, a directive counts once in each group holding a meeting room of one of its responsible
 * units: "Các xã miền núi" answers for the directives of the mountain communes.
 */
export async function directiveStats(prisma: PrismaClient, reader: DirectiveReader, identity: Identity, query: StatsQuery): Promise<DirectiveStatsRow[]> {
  const { groupBy, ...filter } = query;
  const rows = await prisma.directive.findMany({
    where: await reader.where(identity, filter),
    select: {
      deadline: true,
      status: true,
      reportedDoneAt: true,
      units: { where: { role: 'RESPONSIBLE' }, select: { unit: { select: { id: true, name: true } } } },
    },
  });
  const directives: DirectiveFacts[] = rows.map((row) => ({ ...row, units: row.units.map(({ unit }) => unit) }));
  if (groupBy === 'unit') return tally(directives, (directive) => directive.units);
  const groupsOfUnit = await siteGroupsByUnit(prisma, directives);
  // Several of a directive's units in one group: the directive still counts once there.
  return tally(directives, (directive) => [...new Map(directive.units.flatMap((unit) => groupsOfUnit.get(unit.id) ?? []).map((group) => [group.id, group])).values()]);
}

/** The site groups each unit has a meeting room in. */
async function siteGroupsByUnit(prisma: PrismaClient, directives: DirectiveFacts[]): Promise<Map<string, NamedRef[]>> {
  const unitIds = [...new Set(directives.flatMap((directive) => directive.units.map((unit) => unit.id)))];
  const members = await prisma.siteGroupMember.findMany({
    where: { site: { unitId: { in: unitIds }, disabled: false } },
    select: { site: { select: { unitId: true } }, group: { select: { id: true, name: true } } },
  });
  const groups = new Map<string, NamedRef[]>();
  for (const { site, group } of members) groups.set(site.unitId, [...(groups.get(site.unitId) ?? []), group]);
  return groups;
}

/** Each directive counted under every key it belongs to (a unit, a group). */
function tally(directives: DirectiveFacts[], keysOf: (directive: DirectiveFacts) => NamedRef[]): DirectiveStatsRow[] {
  const today = provinceDay(new Date());
  const byKey = new Map<string, DirectiveStatsRow & { due: number }>();
  for (const directive of directives) {
    const done = directive.status === 'REPORTED_DONE' || directive.status === 'CONFIRMED';
    const deadline = dateAsDay(directive.deadline);
    const onTime = done && directive.reportedDoneAt !== null && provinceDay(directive.reportedDoneAt) <= deadline;
    for (const { id, name } of keysOf(directive)) {
      const stats = byKey.get(id) ?? { id, name, total: 0, done: 0, onTime: 0, overdue: 0, onTimeRate: null, due: 0 };
      stats.total++;
      if (done) stats.done++;
      if (onTime) stats.onTime++;
      if (isOverdue(directive, today)) stats.overdue++;
      if (done || deadline < today) stats.due++;
      byKey.set(id, stats);
    }
  }
  return [...byKey.values()]
    .map(({ due, ...stats }) => ({ ...stats, onTimeRate: due ? stats.onTime / due : null }))
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
