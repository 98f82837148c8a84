/**
 * Reorganisations of the province's units, each effective from a day: merging units into one,
 * renaming a unit by decision, moving a meeting room to another unit, retiring a unit.
 *
 * History stays true: every change first writes what was true until that day (unit_name_history,
 * site_history), which is what records of earlier meetings show (DirectoryAt); a merger is kept
 * (unit_successions) so reports over a period that spans it can say the old units are counted
 * under the new one. Directives still open for a merged unit pass to its successor, with a note in
 * the directive's history. A change takes effect when entered, so its day is today or earlier.
 *
 * Province-wide accounts only: a reorganisation is decided by the province.
 */
import { CodedError, type Identity, type Site, type Unit, type UnitMerge, type UnitMergeResult } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { dayAsDate, shortDay } from '../util/provinceCalendar.js';
import { changeSite, checkChange, type Transaction } from './reorganisationRules.js';
import { getSite } from './sites.js';
import { unitWithSiteCount } from './units.js';

async function activeUnit(prisma: PrismaClient | Transaction, id: string, field: string) {
  const unit = await prisma.unit.findUnique({ where: { id } });
  if (!unit) throw new CodedError('NOT_FOUND', 'unit not found', [`${field}: no unit ${id}`]);
  if (unit.retiredOn !== null) {
    throw new CodedError('CONFLICT', `${unit.name} ceased on ${shortDay(unit.retiredOn.toISOString().slice(0, 10))}`, [`${field}: a retired unit`]);
  }
  return unit;
}

/** "Xã Hoằng Đạo" also stands as "xã Hoằng Đạo" inside a room's name ("Hội trường UBND xã Hoằng Đạo"). */
function renamedInside(text: string, from: string, to: string): string {
  const lower = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);
  return text.replaceAll(from, to).replaceAll(lower(from), lower(to));
}

export async function renameUnit(prisma: PrismaClient, identity: Identity, id: string, input: { name: string; effective: string }): Promise<Unit> {
  const until = checkChange(identity, input.effective);
  const unit = await activeUnit(prisma, id, 'id');
  if (unit.name === input.name) throw new CodedError('BAD_REQUEST', 'the unit already bears this name', ['name: unchanged']);
  await prisma.$transaction(async (tx) => renameIn(tx, unit, input.name, until));
  return unitWithSiteCount(prisma, id);
}

/** Renames the unit, and its rooms whose names carry the unit's, keeping the former names. */
export async function renameIn(tx: Transaction, unit: { id: string; name: string }, name: string, until: Date): Promise<void> {
  await tx.unitNameHistory.create({ data: { unitId: unit.id, name: unit.name, until } });
  await tx.unit.update({ where: { id: unit.id }, data: { name } });
  for (const site of await tx.site.findMany({ where: { unitId: unit.id } })) {
    const renamed = renamedInside(site.name, unit.name, name);
    if (renamed !== site.name) await changeSite(tx, site, until, { name: renamed });
  }
}

export async function moveSite(prisma: PrismaClient, identity: Identity, id: string, input: { unitId: string; effective: string }): Promise<Site> {
  const until = checkChange(identity, input.effective);
  const site = await prisma.site.findUnique({ where: { id } });
  if (!site) throw new CodedError('NOT_FOUND', 'site not found');
  await activeUnit(prisma, input.unitId, 'unitId');
  if (site.unitId === input.unitId) throw new CodedError('BAD_REQUEST', 'the room is already in this unit', ['unitId: unchanged']);
  await prisma.$transaction(async (tx) => changeSite(tx, site, until, { unitId: input.unitId }));
  return getSite(prisma, identity, id);
}

export async function retireUnit(prisma: PrismaClient, identity: Identity, id: string, input: { effective: string }): Promise<Unit> {
  const retiredOn = checkChange(identity, input.effective);
  await activeUnit(prisma, id, 'id');
  const [rooms, children] = await Promise.all([
    prisma.site.count({ where: { unitId: id, disabled: false } }),
    prisma.unit.count({ where: { parentId: id, retiredOn: null } }),
  ]);
  if (rooms > 0 || children > 0) {
    throw new CodedError('CONFLICT', 'a unit with rooms or units of its own is merged, not retired', [
      ...(rooms > 0 ? [`id: ${rooms} active rooms: move them or merge the unit`] : []),
      ...(children > 0 ? [`id: ${children} units below it`] : []),
    ]);
  }
  await prisma.unit.update({ where: { id }, data: { disabled: true, retiredOn } });
  return unitWithSiteCount(prisma, id);
}

export async function mergeUnits(prisma: PrismaClient, identity: Identity, input: UnitMerge): Promise<UnitMergeResult> {
  checkChange(identity, input.effective);
  const predecessorIds = [...new Set(input.predecessorIds)];
  const predecessors = await Promise.all(predecessorIds.map((id) => activeUnit(prisma, id, 'predecessorIds')));
  if (predecessors.some((unit) => unit.kind === 'PROVINCE')) throw new CodedError('BAD_REQUEST', 'the province is merged into nothing', ['predecessorIds: the province']);
  if ('unitId' in input.successor) {
    if (predecessorIds.includes(input.successor.unitId)) {
      throw new CodedError('BAD_REQUEST', 'a unit is not merged into itself', ['successor: one of the merged units']);
    }
    await activeUnit(prisma, input.successor.unitId, 'successor');
  } else if (await prisma.unit.findUnique({ where: { code: input.successor.code }, select: { id: true } })) {
    throw new CodedError('CONFLICT', `the code ${input.successor.code} is taken`, ['successor.code: taken']);
  }

  const { successorId, movedSites, passedDirectives } = await prisma.$transaction(async (tx) => {
    const successor =
      'unitId' in input.successor
        ? await tx.unit.findUniqueOrThrow({ where: { id: input.successor.unitId } })
        : await tx.unit.create({
            data: {
              ...input.successor,
              parentId: predecessors[0]!.parentId,
              sortOrder: (await tx.unit.count({ where: { parentId: predecessors[0]!.parentId } })) + 1,
            },
          });
    return { successorId: successor.id, ...(await mergeIn(tx, identity, predecessors, successor, input.effective)) };
  });
  return { unit: await unitWithSiteCount(prisma, successorId), movedSites, passedDirectives };
}

/** Passes the predecessors' rooms, accounts and open directives to the successor, and retires them. */
export async function mergeIn(
  tx: Transaction,
  identity: Identity,
  predecessors: Array<{ id: string; name: string }>,
  successor: { id: string; name: string },
  effectiveDay: string,
): Promise<{ movedSites: number; passedDirectives: number }> {
  const effective = dayAsDate(effectiveDay);
  const predecessorIds = predecessors.map((predecessor) => predecessor.id);
  const sites = await tx.site.findMany({ where: { unitId: { in: predecessorIds } } });
  for (const site of sites) await changeSite(tx, site, effective, { unitId: successor.id });
  await tx.user.updateMany({ where: { unitId: { in: predecessorIds } }, data: { unitId: successor.id } });
  let passedDirectives = 0;
  for (const predecessor of predecessors) {
    passedDirectives += await passDirectives(tx, identity, predecessor, successor, effectiveDay);
    await tx.unitSuccession.create({ data: { predecessorId: predecessor.id, successorId: successor.id, effective } });
    await tx.unit.update({ where: { id: predecessor.id }, data: { disabled: true, retiredOn: effective } });
  }
  return { movedSites: sites.length, passedDirectives };
}

/**
 * A merged unit's open directives become its successor's, in the same role (or the one the
 * successor already had), with a note in the directive's history saying so. Confirmed ones stay
 * with the unit that carried them out.
 */
async function passDirectives(
  tx: Transaction,
  identity: Identity,
  predecessor: { id: string; name: string },
  successor: { id: string; name: string },
  effective: string,
): Promise<number> {
  const assignments = await tx.directiveUnit.findMany({
    where: { unitId: predecessor.id, directive: { status: { not: 'CONFIRMED' } } },
    include: { directive: { select: { units: { where: { unitId: successor.id }, select: { unitId: true } } } } },
  });
  for (const assignment of assignments) {
    await tx.directiveUnit.delete({ where: { directiveId_unitId: { directiveId: assignment.directiveId, unitId: predecessor.id } } });
    if (assignment.directive.units.length === 0) {
      await tx.directiveUnit.create({ data: { directiveId: assignment.directiveId, unitId: successor.id, role: assignment.role } });
    }
    await tx.directiveReport.create({
      data: {
        directiveId: assignment.directiveId,
        unitId: successor.id,
        authorUserId: identity.userId,
        text: `${predecessor.name} được sáp nhập vào ${successor.name} từ ngày ${shortDay(effective)}: chỉ đạo chuyển cho ${successor.name}.`,
      },
    });
  }
  return assignments.length;
}
