import { CodedError, type Identity, type UnitHistoryEvent } from '@pm/shared';
import { assertInScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { dateAsDay } from '../util/provinceCalendar.js';
import { UnitTree } from './unitTree.js';

/**
 * What the reorganisations did to a unit, read back from what they recorded: its former names
 * (unit_name_history), the mergers in and out (unit_successions), its retirement, and the rooms
 * that moved in or out (site_history). Rooms that moved with a merger are told by the merger.
 */
export async function unitHistory(prisma: PrismaClient, identity: Identity, unitId: string): Promise<UnitHistoryEvent[]> {
  const unit = await prisma.unit.findUnique({ where: { id: unitId }, select: { id: true, name: true, retiredOn: true } });
  if (!unit) throw new CodedError('NOT_FOUND', 'unit not found');
  assertInScope(identity, await UnitTree.load(prisma), unitId, 'this unit');

  const [formerNames, mergedIn, mergedInto, movedRooms] = await Promise.all([
    prisma.unitNameHistory.findMany({ where: { unitId }, orderBy: [{ until: 'asc' }, { id: 'asc' }] }),
    prisma.unitSuccession.findMany({ where: { successorId: unitId }, include: { predecessor: { select: { name: true } } } }),
    prisma.unitSuccession.findUnique({ where: { predecessorId: unitId }, include: { successor: { select: { name: true } } } }),
    prisma.site.findMany({
      where: { OR: [{ unitId }, { history: { some: { unitId } } }] },
      select: { name: true, unitId: true, unit: { select: { name: true } }, history: { orderBy: [{ until: 'asc' }, { id: 'asc' }], include: { unit: { select: { name: true } } } } },
    }),
  ]);

  const events: UnitHistoryEvent[] = [];
  formerNames.forEach((former, index) => {
    events.push({ kind: 'renamed', day: dateAsDay(former.until), from: former.name, to: formerNames[index + 1]?.name ?? unit.name });
  });
  for (const { predecessor, effective } of mergedIn) events.push({ kind: 'mergedIn', day: dateAsDay(effective), unitName: predecessor.name });
  if (mergedInto) events.push({ kind: 'mergedInto', day: dateAsDay(mergedInto.effective), unitName: mergedInto.successor.name });
  else if (unit.retiredOn) events.push({ kind: 'retired', day: dateAsDay(unit.retiredOn) });

  // Rooms that went with a merger, in or out, are the merger's story.
  const byMerger = (from: string, to: string, day: string) =>
    mergedIn.some((merger) => merger.predecessorId === from && to === unitId && dateAsDay(merger.effective) === day) ||
    (mergedInto !== null && from === unitId && to === mergedInto.successorId && dateAsDay(mergedInto.effective) === day);
  for (const room of movedRooms) {
    // Each state a room was in until a day, then the state it is in now.
    const states = [...room.history.map((past) => ({ ...past, day: dateAsDay(past.until) })), { name: room.name, unitId: room.unitId, unit: room.unit, day: '' }];
    for (let i = 0; i + 1 < states.length; i++) {
      const [was, became] = [states[i]!, states[i + 1]!];
      if (was.unitId === became.unitId || byMerger(was.unitId, became.unitId, was.day)) continue;
      if (was.unitId === unitId) events.push({ kind: 'roomOut', day: was.day, siteName: was.name, unitName: became.unit.name });
      else if (became.unitId === unitId) events.push({ kind: 'roomIn', day: was.day, siteName: became.name, unitName: was.unit.name });
    }
  }
  return events.sort((a, b) => a.day.localeCompare(b.day));
}
