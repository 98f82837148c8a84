/** The wall's and the reports' grouping of sites: by district, with the province level apart. */
export interface GroupedUnit {
  id: string;
  name: string;
  kind: 'PROVINCE' | 'DEPARTMENT' | 'DISTRICT' | 'COMMUNE';
  parent: { id: string; name: string } | null;
}

export const PROVINCE_GROUP = { groupId: 'province', groupName: 'Cấp tỉnh' };

/** A commune belongs to its district, a district is its own group, the rest is the province level. */
export function siteGroup(unit: GroupedUnit): { groupId: string; groupName: string } {
  if (unit.kind === 'DISTRICT') return { groupId: unit.id, groupName: unit.name };
  if (unit.kind === 'COMMUNE' && unit.parent) return { groupId: unit.parent.id, groupName: unit.parent.name };
  return PROVINCE_GROUP;
}
