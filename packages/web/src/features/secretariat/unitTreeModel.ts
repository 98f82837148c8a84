import type { Site, Unit } from '@pm/shared';

/** The directory as a tree for the screens: children in official order, sites per unit, subtree sums. */
export interface UnitTreeModel {
  roots: Unit[];
  childrenOf(unitId: string): Unit[];
  /** Active sites of every unit at and below this one. */
  subtreeSiteIds(unitId: string): string[];
}

/** Under the province the departments come first, then the wards and the communes, each in official order. */
const KIND_ORDER: Unit['kind'][] = ['PROVINCE', 'DEPARTMENT', 'DISTRICT', 'WARD', 'COMMUNE'];

export function buildUnitTree(units: Unit[], sites: Site[]): UnitTreeModel {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string, Unit[]>();
  for (const unit of units) {
    if (unit.parentId === null || !ids.has(unit.parentId)) continue;
    children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit]);
  }
  for (const list of children.values()) {
    list.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'vi'));
  }
  const ownSites = new Map<string, string[]>();
  for (const site of sites) ownSites.set(site.unitId, [...(ownSites.get(site.unitId) ?? []), site.id]);

  const subtree = new Map<string, string[]>();
  const subtreeSiteIds = (unitId: string): string[] => {
    let cached = subtree.get(unitId);
    if (!cached) {
      cached = [...(ownSites.get(unitId) ?? []), ...(children.get(unitId) ?? []).flatMap((child) => subtreeSiteIds(child.id))];
      subtree.set(unitId, cached);
    }
    return cached;
  };
  return {
    // A scoped account's tree starts at its own unit, whose parent it does not see.
    roots: units.filter((u) => u.parentId === null || !ids.has(u.parentId)),
    childrenOf: (unitId) => children.get(unitId) ?? [],
    subtreeSiteIds,
  };
}
