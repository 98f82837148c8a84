import { foldText, type Site, type Unit } from '@pm/shared';

/**
 * The sites a search finds: by the site's name, code and unit, and by the names of the units
 * above it, so "Hoằng Hóa" finds the district's hall and every commune room of the district.
 * Typed with or without diacritics.
 */
export function searchSites(sites: Site[], units: Unit[], search: string): Site[] {
  const needle = foldText(search.trim());
  if (!needle) return sites;
  const byId = new Map(units.map((u) => [u.id, u]));
  const ancestors = (unitId: string): string[] => {
    const names: string[] = [];
    for (let unit = byId.get(unitId); unit; unit = unit.parentId ? byId.get(unit.parentId) : undefined) names.push(unit.name);
    return names;
  };
  return sites.filter((site) => foldText([site.name, site.code, site.unitName, ...ancestors(site.unitId)].join(' ')).includes(needle));
}
