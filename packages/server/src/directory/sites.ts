import { CodedError, foldText, type Identity, type Site, type SiteCreate, type SiteUpdate } from '@pm/shared';
import { assertInScope, unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { provinceDay } from '../util/provinceCalendar.js';
import { changeSite, checkChange } from './reorganisationRules.js';
import { UnitTree } from './unitTree.js';

const siteInclude = { unit: { select: { name: true } }, account: { select: { username: true } } } as const;

interface SiteRow {
  id: string;
  code: string;
  name: string;
  unitId: string;
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
  equipmentNotes: string | null;
  disabled: boolean;
  unit: { name: string };
  account: { username: string } | null;
}

export function toSite({ unit, account, ...site }: SiteRow): Site {
  return { ...site, unitName: unit.name, account: account?.username ?? null };
}

export interface SiteFilter {
  unitId?: string | undefined;
  search?: string | undefined;
  includeDisabled?: boolean | undefined;
}

/**
 * Sites under a unit (and the caller's scope), matching a search. The search runs here rather
 * than in SQL: it ignores Vietnamese diacritics, and a province has only a few hundred rooms.
 */
export async function listSites(prisma: PrismaClient, identity: Identity, filter: SiteFilter): Promise<Site[]> {
  const tree = await UnitTree.load(prisma);
  const scope = unitScope(identity);
  if (filter.unitId && !tree.get(filter.unitId)) throw new CodedError('NOT_FOUND', 'unit not found');
  const root = filter.unitId ?? scope;
  if (filter.unitId && scope !== null && !tree.contains(scope, filter.unitId)) return [];
  const rows = await prisma.site.findMany({
    where: {
      ...(root === null ? {} : { unitId: { in: tree.subtree(root) } }),
      ...(filter.includeDisabled ? {} : { disabled: false }),
    },
    include: siteInclude,
    orderBy: { code: 'asc' },
  });
  const needle = filter.search ? foldText(filter.search) : undefined;
  const matching = needle
    ? rows.filter((site) =>
        [site.name, site.code, site.unit.name, site.contactName, site.address].some((text) => text && foldText(text).includes(needle)),
      )
    : rows;
  return matching.map(toSite);
}

export async function getSite(prisma: PrismaClient, identity: Identity, id: string): Promise<Site> {
  const row = await prisma.site.findUnique({ where: { id }, include: siteInclude });
  if (!row) throw new CodedError('NOT_FOUND', 'site not found');
  assertInScope(identity, await UnitTree.load(prisma), row.unitId, 'this site');
  return toSite(row);
}

async function checkTargetUnit(prisma: PrismaClient, identity: Identity, unitId: string): Promise<void> {
  const tree = await UnitTree.load(prisma);
  const unit = tree.get(unitId);
  if (!unit) throw new CodedError('BAD_REQUEST', 'no such unit', ['unitId: unknown unit']);
  if (unit.disabled) throw new CodedError('BAD_REQUEST', `the unit ${unit.name} is disabled`, ['unitId: disabled unit']);
  assertInScope(identity, tree, unitId, 'the unit');
}

export async function createSite(prisma: PrismaClient, identity: Identity, input: SiteCreate): Promise<Site> {
  await checkTargetUnit(prisma, identity, input.unitId);
  if (await prisma.site.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new CodedError('CONFLICT', `the code ${input.code} is taken`, ['code: taken']);
  }
  return toSite(await prisma.site.create({ data: input, include: siteInclude }));
}

/**
 * Edits a meeting room. Another unit is a reorganisation, as the reorganise panel's move: made by
 * a province-wide account, effective today, the room's former unit (and name) kept for the records
 * of earlier meetings; a move effective from an earlier day is `POST /api/sites/:id/move`.
 */
export async function updateSite(prisma: PrismaClient, identity: Identity, id: string, input: SiteUpdate): Promise<Site> {
  const current = await getSite(prisma, identity, id);
  const { unitId, ...fields } = input;
  if (unitId === undefined || unitId === current.unitId) return toSite(await prisma.site.update({ where: { id }, data: fields, include: siteInclude }));
  const until = checkChange(identity, provinceDay(new Date()));
  await checkTargetUnit(prisma, identity, unitId);
  return toSite(
    await prisma.$transaction(async (tx) => {
      await changeSite(tx, current, until, { unitId });
      return tx.site.update({ where: { id }, data: fields, include: siteInclude });
    }),
  );
}
