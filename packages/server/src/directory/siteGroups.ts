/**
 * Site groups: named sets of meeting rooms that the secretariat defines (former district areas,
 * regions, all communes, an ad-hoc committee) and then invites or reports by in one click. A site
 * may be in several; deleting a group leaves its sites as they are.
 *
 * Groups are the province's: only a province-wide account defines them. A unit-scoped account
 * sees each group reduced to the sites within its scope, and not the groups with none there.
 */
import { CodedError, type Identity, type SiteGroup, type SiteGroupCreate, type SiteGroupUpdate } from '@pm/shared';
import { inScope, unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { UnitTree } from './unitTree.js';

const groupInclude = {
  members: { where: { site: { disabled: false } }, select: { site: { select: { id: true, unitId: true } } }, orderBy: { site: { code: 'asc' } } },
} as const;

type GroupRow = {
  id: string;
  code: string;
  name: string;
  kind: SiteGroup['kind'];
  sortOrder: number;
  members: Array<{ site: { id: string; unitId: string } }>;
};

const toGroup = (row: GroupRow, visible: (unitId: string) => boolean = () => true): SiteGroup => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  sortOrder: row.sortOrder,
  siteIds: row.members.filter(({ site }) => visible(site.unitId)).map(({ site }) => site.id),
});

export async function listSiteGroups(prisma: PrismaClient, identity: Identity): Promise<SiteGroup[]> {
  const rows = await prisma.siteGroup.findMany({ include: groupInclude, orderBy: [{ kind: 'asc' }, { sortOrder: 'asc' }, { name: 'asc' }] });
  if (unitScope(identity) === null) return rows.map((row) => toGroup(row));
  const tree = await UnitTree.load(prisma);
  return rows.map((row) => toGroup(row, (unitId) => inScope(identity, tree, unitId))).filter((group) => group.siteIds.length > 0);
}

function assertProvinceWide(identity: Identity): void {
  if (unitScope(identity) !== null) throw new CodedError('FORBIDDEN', 'site groups are defined by a province-wide account');
}

/** Every id must name an existing site: a group of rooms that do not exist would invite nobody. */
async function checkSites(prisma: PrismaClient, siteIds: string[]): Promise<string[]> {
  const unique = [...new Set(siteIds)];
  const found = await prisma.site.findMany({ where: { id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) {
    const known = new Set(found.map((site) => site.id));
    const unknown = unique.filter((id) => !known.has(id));
    throw new CodedError('BAD_REQUEST', `${unknown.length} of the sites do not exist`, unknown.slice(0, 10).map((id) => `siteIds: no site ${id}`));
  }
  return unique;
}

export async function createSiteGroup(prisma: PrismaClient, identity: Identity, input: SiteGroupCreate): Promise<SiteGroup> {
  assertProvinceWide(identity);
  const siteIds = await checkSites(prisma, input.siteIds);
  if (await prisma.siteGroup.findUnique({ where: { code: input.code }, select: { id: true } })) {
    throw new CodedError('CONFLICT', `the code ${input.code} is taken`, ['code: taken']);
  }
  const sortOrder = await prisma.siteGroup.count({ where: { kind: input.kind } });
  const row = await prisma.siteGroup.create({
    data: { code: input.code, name: input.name, kind: input.kind, sortOrder: sortOrder + 1, members: { create: siteIds.map((siteId) => ({ siteId })) } },
    include: groupInclude,
  });
  return toGroup(row);
}

export async function updateSiteGroup(prisma: PrismaClient, identity: Identity, id: string, input: SiteGroupUpdate): Promise<SiteGroup> {
  assertProvinceWide(identity);
  if (!(await prisma.siteGroup.findUnique({ where: { id }, select: { id: true } }))) throw new CodedError('NOT_FOUND', 'site group not found');
  const siteIds = input.siteIds === undefined ? undefined : await checkSites(prisma, input.siteIds);
  const row = await prisma.$transaction(async (tx) => {
    if (siteIds !== undefined) {
      await tx.siteGroupMember.deleteMany({ where: { groupId: id } });
      await tx.siteGroupMember.createMany({ data: siteIds.map((siteId) => ({ groupId: id, siteId })) });
    }
    return tx.siteGroup.update({ where: { id }, data: input.name === undefined ? {} : { name: input.name }, include: groupInclude });
  });
  return toGroup(row);
}

export async function deleteSiteGroup(prisma: PrismaClient, identity: Identity, id: string): Promise<void> {
  assertProvinceWide(identity);
  const { count } = await prisma.siteGroup.deleteMany({ where: { id } });
  if (count === 0) throw new CodedError('NOT_FOUND', 'site group not found');
}
