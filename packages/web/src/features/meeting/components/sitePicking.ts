import { foldText, type FloorState, type SiteStatus } from '@pm/shared';
import { wallStatus, type WallStatus } from '../state/selectors';

export interface PickableSite {
  site: SiteStatus;
  status: WallStatus;
}

/** Connected rooms first (they can be given the floor), then by name as Vietnamese sorts it. */
const order = (a: PickableSite, b: PickableSite) =>
  Number(a.status === 'absent') - Number(b.status === 'absent') || a.site.name.localeCompare(b.site.name, 'vi');

/**
 * The sites the chair's picker lists for a search: the name or district typed without diacritics
 * finds the site ("hoang dao" finds "Xã Hoằng Đạo"), every word must match.
 */
export function pickSites(sites: Record<string, SiteStatus>, floor: FloorState, query: string): PickableSite[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return Object.values(sites)
    .filter((site) => {
      const haystack = foldText(`${site.name} ${site.groupName}`);
      return words.every((word) => haystack.includes(word));
    })
    .map((site) => ({ site, status: wallStatus(site, floor) }))
    .sort(order);
}
