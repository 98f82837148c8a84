import type { Site, Unit } from '@pm/shared';
import { describe, expect, it } from 'vitest';
import { searchSites } from './siteSearch';

const unit = (id: string, name: string, kind: Unit['kind'], parentId: string | null) => ({ id, name, kind, parentId }) as Unit;
const site = (id: string, name: string, unitId: string, unitName: string) => ({ id, name, code: id.toUpperCase(), unitId, unitName }) as Site;

const units = [
  unit('p', 'Tỉnh Thanh Hóa', 'PROVINCE', null),
  unit('hh', 'Huyện Hoằng Hóa', 'DISTRICT', 'p'),
  unit('hd', 'Xã Hoằng Đạo', 'COMMUNE', 'hh'),
  unit('nc', 'Huyện Nga Sơn', 'DISTRICT', 'p'),
  unit('nt', 'Xã Nga Thạch', 'COMMUNE', 'nc'),
];
const sites = [
  site('hh-hall', 'Hội trường UBND huyện Hoằng Hóa', 'hh', 'Huyện Hoằng Hóa'),
  site('hd-room', 'Phòng họp UBND xã Hoằng Đạo', 'hd', 'Xã Hoằng Đạo'),
  site('nt-room', 'Phòng họp UBND xã Nga Thạch', 'nt', 'Xã Nga Thạch'),
];

describe('searching the sites to invite', () => {
  it("finds a district's communes by the district's name, not only its hall", () => {
    expect(searchSites(sites, units, 'Hoằng Hóa').map((s) => s.id)).toEqual(['hh-hall', 'hd-room']);
  });

  it('matches without diacritics and by code', () => {
    expect(searchSites(sites, units, 'nga son').map((s) => s.id)).toEqual(['nt-room']);
    expect(searchSites(sites, units, 'HD-ROOM').map((s) => s.id)).toEqual(['hd-room']);
  });

  it('lists every site for an empty search', () => {
    expect(searchSites(sites, units, '  ')).toHaveLength(3);
  });
});
