import type { FloorState, SiteStatus } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { pickSites } from './sitePicking';

const site = (siteId: string, name: string, groupName: string, connection: SiteStatus['connection']): SiteStatus => ({
  siteId,
  name,
  groupId: groupName,
  groupName,
  connection,
  attended: connection !== 'absent',
  hasVideo: connection !== 'absent',
  headcount: null,
});

const sites = Object.fromEntries(
  [
    site('dao', 'Xã Hoằng Đạo', 'Huyện Hoằng Hóa', 'connected'),
    site('hoa', 'UBND huyện Hoằng Hóa', 'Huyện Hoằng Hóa', 'absent'),
    site('yte', 'Sở Y tế', 'Tỉnh Thanh Hóa', 'connected'),
    site('anh', 'Xã Hoằng Anh', 'Thành phố Thanh Hóa', 'poor'),
  ].map((s) => [s.siteId, s]),
);
const floor: FloorState = { queue: [{ siteId: 'yte', requestedAt: 1 }], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null };

describe('pickSites', () => {
  it('lists connected sites first, by Vietnamese name, with their wall status', () => {
    expect(pickSites(sites, floor, '').map((p) => [p.site.siteId, p.status])).toEqual([
      ['yte', 'requesting'],
      ['anh', 'poor'],
      ['dao', 'connected'],
      ['hoa', 'absent'],
    ]);
  });

  it('finds a site typed without diacritics, by its name or its district, every word matching', () => {
    expect(pickSites(sites, floor, 'hoang dao').map((p) => p.site.siteId)).toEqual(['dao']);
    // "Thành phố Thanh Hóa" holds "hoa" too: Hoằng Anh is found by its district.
    expect(pickSites(sites, floor, 'HOẰNG hóa').map((p) => p.site.siteId)).toEqual(['anh', 'dao', 'hoa']);
    expect(pickSites(sites, floor, 'so y te').map((p) => p.site.siteId)).toEqual(['yte']);
    expect(pickSites(sites, floor, 'khong co')).toEqual([]);
  });
});
