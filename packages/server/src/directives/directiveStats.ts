import type { Identity, UnitDirectiveStats } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { dateAsDay, provinceDay } from '../util/provinceCalendar.js';
import { isOverdue } from './directiveRecord.js';
import type { DirectiveFilter, DirectiveReader } from './directiveReader.js';

/**
 * On-time rate per responsible unit over the tracker's filter. A directive counts once it is due
 * (its deadline has passed) or done (reported done, or confirmed); it is on time when it was
 * reported done on or before its deadline, in the province's calendar.
 */
export async function directiveStats(
  prisma: PrismaClient,
  reader: DirectiveReader,
  identity: Identity,
  filter: DirectiveFilter,
): Promise<UnitDirectiveStats[]> {
  const rows = await prisma.directive.findMany({
    where: await reader.where(identity, filter),
    select: {
      deadline: true,
      status: true,
      reportedDoneAt: true,
      units: { where: { role: 'RESPONSIBLE' }, select: { unit: { select: { id: true, name: true } } } },
    },
  });
  const today = provinceDay(new Date());
  const byUnit = new Map<string, UnitDirectiveStats & { due: number }>();
  for (const row of rows) {
    const done = row.status === 'REPORTED_DONE' || row.status === 'CONFIRMED';
    const deadline = dateAsDay(row.deadline);
    const onTime = done && row.reportedDoneAt !== null && provinceDay(row.reportedDoneAt) <= deadline;
    for (const { unit } of row.units) {
      const stats = byUnit.get(unit.id) ?? { unit, total: 0, done: 0, onTime: 0, overdue: 0, onTimeRate: null, due: 0 };
      stats.total++;
      if (done) stats.done++;
      if (onTime) stats.onTime++;
      if (isOverdue(row, today)) stats.overdue++;
      if (done || deadline < today) stats.due++;
      byUnit.set(unit.id, stats);
    }
  }
  return [...byUnit.values()]
    .map(({ due, ...stats }) => ({ ...stats, onTimeRate: due ? stats.onTime / due : null }))
    .sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'));
}
