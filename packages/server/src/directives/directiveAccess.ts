import { CodedError, type Identity } from '@pm/shared';
import { unitScope } from '../auth/authorization.js';
import type { Prisma } from '../db/generated/client.js';
import type { UnitTree } from '../directory/unitTree.js';

/** The unit whose directives an account answers for: a meeting room's own, a scoped account's. Null: all. */
export function directiveScope(identity: Identity): string | null {
  if (identity.role === 'SITE') return identity.unitId ?? '';
  return unitScope(identity);
}

/** Directives an account sees: every one, or those naming a unit within its scope. */
export function visibleDirectives(identity: Identity, tree: UnitTree): Prisma.DirectiveWhereInput {
  const scope = directiveScope(identity);
  return scope === null ? {} : { units: { some: { unitId: { in: tree.subtree(scope) } } } };
}

/**
 * The responsible unit an account reports for: one within its scope (the one it names, when it
 * answers for several); a province-wide account may report for any responsible unit.
 */
export function reportingUnit(identity: Identity, tree: UnitTree, responsibleUnitIds: string[], wanted?: string): string {
  const scope = directiveScope(identity) ?? identity.unitId;
  const candidates = responsibleUnitIds.filter((unitId) => scope === null || tree.contains(scope, unitId));
  const unitId = wanted === undefined ? candidates[0] : candidates.find((id) => id === wanted);
  if (!unitId) throw new CodedError('FORBIDDEN', 'this account does not answer for a responsible unit of this directive');
  return unitId;
}
