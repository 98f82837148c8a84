import { CodedError, type Identity, type Unit } from '@pm/shared';
import { assertInScope, unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from './unitTree.js';

type UnitRow = Omit<Unit, 'siteCount'>;

const unitSelect = { id: true, code: true, name: true, kind: true, parentId: true, sortOrder: true, disabled: true } as const;

/** The units the caller may see (a scoped account: its own unit and those below), with site counts. */
export async function listUnits(prisma: PrismaClient, identity: Identity): Promise<Unit[]> {
  const scope = unitScope(identity);
  const tree = await UnitTree.load(prisma);
  const visible = scope === null ? undefined : tree.subtree(scope);
  const [units, counts] = await Promise.all([
    prisma.unit.findMany({
      where: visible ? { id: { in: visible } } : {},
      select: unitSelect,
      orderBy: [{ sortOrder: 'asc' }, { name: 'asc' }],
    }),
    prisma.site.groupBy({ by: ['unitId'], where: { disabled: false }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.unitId, c._count._all]));
  return units.map((unit) => ({ ...unit, siteCount: countOf.get(unit.id) ?? 0 }));
}

/**
 * The kinds a unit may sit under: the province → its departments, communes and wards (since 1 July
 * 2025); a directory kept from before the reform may still have districts between them.
 */
const allowedParents: Record<Unit['kind'], ReadonlyArray<Unit['kind']> | null> = {
  PROVINCE: null,
  DEPARTMENT: ['PROVINCE'],
  DISTRICT: ['PROVINCE'],
  COMMUNE: ['PROVINCE', 'DISTRICT'],
  WARD: ['PROVINCE', 'DISTRICT'],
};

export async function createUnit(
  prisma: PrismaClient,
  identity: Identity,
  input: { code: string; name: string; kind: Unit['kind']; parentId: string | null },
): Promise<Unit> {
  const tree = await UnitTree.load(prisma);
  const parents = allowedParents[input.kind];
  const parent = input.parentId === null ? undefined : tree.get(input.parentId);
  if (parents === null ? input.parentId !== null : !parent || !parents.includes(parent.kind)) {
    throw new CodedError('BAD_REQUEST', `a ${input.kind} unit goes under ${parents?.join(' or ') ?? 'no unit'}`, [
      `parentId: must be ${parents === null ? 'null' : `a ${parents.join(' or ')} unit`}`,
    ]);
  }
  if (parent) assertInScope(identity, tree, parent.id, 'the parent unit');
  else if (unitScope(identity) !== null) throw new CodedError('FORBIDDEN', 'only a province-wide account creates a province');
  if (await prisma.unit.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new CodedError('CONFLICT', `the code ${input.code} is taken`, ['code: taken']);
  }
  const siblings = input.parentId === null ? 0 : await prisma.unit.count({ where: { parentId: input.parentId } });
  const row = await prisma.unit.create({ data: { ...input, sortOrder: siblings + 1 }, select: unitSelect });
  return { ...row, siteCount: 0 };
}

export async function updateUnit(
  prisma: PrismaClient,
  identity: Identity,
  id: string,
  input: { name?: string | undefined; disabled?: boolean | undefined; sortOrder?: number | undefined },
): Promise<Unit> {
  const tree = await UnitTree.load(prisma);
  if (!tree.get(id)) throw new CodedError('NOT_FOUND', 'unit not found');
  assertInScope(identity, tree, id, 'this unit');
  await prisma.unit.update({ where: { id }, data: input });
  return unitWithSiteCount(prisma, id);
}

/** A unit as the API gives it, with the count of its active rooms. */
export async function unitWithSiteCount(prisma: PrismaClient, id: string): Promise<Unit> {
  const [row, siteCount]: [UnitRow, number] = await Promise.all([
    prisma.unit.findUniqueOrThrow({ where: { id }, select: unitSelect }),
    prisma.site.count({ where: { unitId: id, disabled: false } }),
  ]);
  return { ...row, siteCount };
}
