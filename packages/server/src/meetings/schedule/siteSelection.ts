import { CodedError, type Identity } from '@pm/shared';
import { assertInScope } from '../../auth/authorization.js';
import type { PrismaClient } from '../../db/prismaClient.js';
import type { UnitTree } from '../../directory/unitTree.js';

export interface InvitedSite {
  id: string;
  name: string;
  unitId: string;
}

/**
 * Turns an invitation (sites picked by hand, units whose every active site is invited) into the
 * sites themselves. Unknown or disabled sites and unknown units are the caller's mistake (400);
 * anything outside a scoped account's unit is refused (403).
 */
export async function resolveInvitedSites(
  prisma: PrismaClient,
  identity: Identity,
  tree: UnitTree,
  selection: { siteIds: string[]; unitIds: string[] },
): Promise<InvitedSite[]> {
  const issues: string[] = [];
  selection.unitIds.forEach((unitId, index) => {
    if (!tree.get(unitId)) issues.push(`unitIds.${index}: unknown unit`);
  });
  if (issues.length) throw new CodedError('BAD_REQUEST', 'the invitation names unknown units', issues);
  for (const unitId of selection.unitIds) assertInScope(identity, tree, unitId, 'an invited unit');

  const picked = await prisma.site.findMany({
    where: { id: { in: selection.siteIds } },
    select: { id: true, name: true, unitId: true, disabled: true },
  });
  const pickedById = new Map(picked.map((site) => [site.id, site]));
  selection.siteIds.forEach((siteId, index) => {
    const site = pickedById.get(siteId);
    if (!site) issues.push(`siteIds.${index}: unknown site`);
    else if (site.disabled) issues.push(`siteIds.${index}: ${site.name} is disabled`);
  });
  if (issues.length) throw new CodedError('BAD_REQUEST', 'the invitation names unknown or disabled sites', issues);
  for (const site of picked) assertInScope(identity, tree, site.unitId, `the site ${site.name}`);

  const byUnit = selection.unitIds.length
    ? await prisma.site.findMany({
        where: { unitId: { in: selection.unitIds.flatMap((unitId) => tree.subtree(unitId)) }, disabled: false },
        select: { id: true, name: true, unitId: true },
      })
    : [];
  const sites = new Map<string, InvitedSite>();
  for (const { id, name, unitId } of [...picked, ...byUnit]) sites.set(id, { id, name, unitId });
  return [...sites.values()];
}
