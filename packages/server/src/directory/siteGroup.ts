import type { UnitKind } from '@pm/shared';

/** The wall's and the reports' grouping of sites: by commune-level unit, with the province level apart. */
export interface GroupedUnit {
  id: string;
  name: string;
  kind: UnitKind;
  parent: { id: string; name: string; kind: UnitKind } | null;
}

export const PROVINCE_GROUP = { groupId: 'province', groupName: 'Cấp tỉnh' };

/**
 * A commune or ward is the group of its rooms, since 2025 directly under the province; in a
 * directory kept from before the reform, a district gathers its own hall and its communes'. The
 * province and its departments are the province level.
 */
export function siteGroup(unit: GroupedUnit): { groupId: string; groupName: string } {
  if (unit.kind === 'DISTRICT') return { groupId: unit.id, groupName: unit.name };
  if (unit.kind === 'COMMUNE' || unit.kind === 'WARD') {
    const group = unit.parent?.kind === 'DISTRICT' ? unit.parent : unit;
    return { groupId: group.id, groupName: group.name };
  }
  return PROVINCE_GROUP;
}
