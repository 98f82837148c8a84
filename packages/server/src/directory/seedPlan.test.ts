import { describe, expect, it } from 'vitest';
import { COMMUNE_LEVEL_UNITS, FORMER_DISTRICTS } from './seedData.js';
import { planDemoDirectory } from './seedPlan.js';

describe('planDemoDirectory', () => {
  const directory = planDemoDirectory();
  const units = directory.unitLevels.flat();
  const byKind = (kind: string) => units.filter((unit) => unit.kind === kind);

  it('plans exactly 348 meeting rooms with unique codes, every one in a unit, every unit with a room', () => {
    expect(directory.sites).toHaveLength(348);
    expect(new Set(directory.sites.map((site) => site.code)).size).toBe(348);
    expect(new Set(units.map((unit) => unit.code)).size).toBe(units.length);
    expect(new Set(directory.sites.map((site) => site.unitCode))).toEqual(new Set(units.map((unit) => unit.code)));
  });

  it('has the province of today: no districts, 166 commune-level units (147 xã, 19 phường) under the province', () => {
    expect(byKind('PROVINCE').map((unit) => unit.name)).toEqual(['Tỉnh Thanh Hóa']);
    expect(byKind('DISTRICT')).toHaveLength(0);
    expect(byKind('COMMUNE')).toHaveLength(147);
    expect(byKind('WARD')).toHaveLength(19);
    for (const unit of [...byKind('COMMUNE'), ...byKind('WARD')]) expect(unit.parentCode).toBe('TINH');
    expect(byKind('COMMUNE').every((unit) => unit.name.startsWith('Xã '))).toBe(true);
    expect(byKind('WARD').every((unit) => unit.name.startsWith('Phường '))).toBe(true);
    expect(byKind('DEPARTMENT').map((unit) => unit.name)).toEqual(
      expect.arrayContaining(['Văn phòng UBND tỉnh', 'Văn phòng Đoàn ĐBQH và HĐND tỉnh', 'Sở Nội vụ']),
    );
  });

  it('codes communes and wards by their five-digit national unit code', () => {
    for (const unit of [...byKind('COMMUNE'), ...byKind('WARD')]) expect(unit.code).toMatch(/^\d{5}$/);
    const named = (code: string) => units.find((unit) => unit.code === code)?.name;
    expect([named('14797'), named('15865'), named('16654'), named('14845')]).toEqual([
      'Phường Hạc Thành',
      'Xã Hoằng Hóa',
      'Phường Nghi Sơn',
      'Xã Mường Lát',
    ]);
  });

  it('gives the 145 units formed by the merger a second room, the 21 unchanged communes one', () => {
    const roomsOf = (code: string) => directory.sites.filter((site) => site.unitCode === code).map((site) => site.code);
    expect(COMMUNE_LEVEL_UNITS.filter(([, , , , merged]) => merged)).toHaveLength(145);
    expect(roomsOf('15865')).toEqual(['15865', '15865-2']);
    expect(roomsOf('14848')).toEqual(['14848']); // xã Tam Chung, left as it was
    expect(directory.sites.find((site) => site.code === 'TINH')?.name).toBe('Hội trường UBND tỉnh');
  });

  it('places every commune-level unit in one of the 26 former district areas, each in a region', () => {
    const districts = new Set(FORMER_DISTRICTS.map((district) => district.name));
    expect(districts.size).toBe(26);
    for (const [, , , formerDistrict] of COMMUNE_LEVEL_UNITS) expect(districts).toContain(formerDistrict);
    const regions = FORMER_DISTRICTS.map((district) => district.region);
    expect(regions.filter((region) => region === 'MIEN_NUI')).toHaveLength(11);
    expect(regions.filter((region) => region === 'VEN_BIEN')).toHaveLength(6);
  });

  it('plans the groups: 26 former district areas, 3 regions, all communes, all wards, all departments, an ad-hoc list', () => {
    const group = (code: string) => directory.groups.find((candidate) => candidate.code === code)!;
    const unitOfSite = new Map(directory.sites.map((site) => [site.code, site.unitCode]));
    const unitsIn = (code: string) => new Set(group(code).siteCodes.map((siteCode) => unitOfSite.get(siteCode) ?? 'none'));
    const kindOf = new Map(units.map((unit) => [unit.code, unit.kind]));

    expect(unitsIn('TAT-CA-XA').size).toBe(147);
    expect(unitsIn('TAT-CA-PHUONG').size).toBe(19);
    expect(unitsIn('TAT-CA-SO-NGANH').size).toBe(15);
    expect(group('MIEN-NUI').name).toBe('Các xã miền núi');
    for (const code of unitsIn('MIEN-NUI')) expect(kindOf.get(code)).toBe('COMMUNE');
    expect(['MIEN-NUI', 'VEN-BIEN', 'DONG-BANG'].reduce((sum, code) => sum + unitsIn(code).size, 0)).toBe(166);

    const areas = directory.groups.filter((candidate) => candidate.kind === 'FORMER_DISTRICT');
    expect(areas).toHaveLength(26);
    const inAreas = areas.flatMap((area) => area.siteCodes);
    expect(inAreas).toHaveLength(166 + 145);
    expect(new Set(inAreas).size).toBe(inAreas.length);
    expect(group('KV-HOANGHOA')).toMatchObject({ name: 'Khu vực huyện Hoằng Hóa cũ' });
    expect(group('KV-HOANGHOA').siteCodes).toEqual(expect.arrayContaining(['15865', '15865-2', '15991']));
    expect(group('BCD-PCTT').siteCodes).toEqual(expect.arrayContaining(['TINH', 'SO-NONGNGHIEP', 'KTTV']));
    // A site in several groups: its area, its region, all communes.
    const groupsOf15865 = directory.groups.filter((candidate) => candidate.siteCodes.includes('15865')).map((candidate) => candidate.code);
    expect(groupsOf15865.sort()).toEqual(['KV-HOANGHOA', 'TAT-CA-XA', 'VEN-BIEN']);
  });

  it('orders levels so every parent comes before its children', () => {
    const seen = new Set<string>();
    for (const level of directory.unitLevels) {
      for (const unit of level) if (unit.parentCode !== null) expect(seen).toContain(unit.parentCode);
      for (const unit of level) seen.add(unit.code);
    }
  });

  it('uses valid codes and composed (NFC) Vietnamese names', () => {
    for (const unit of units) {
      expect(unit.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(unit.name.normalize('NFC')).toBe(unit.name);
    }
    for (const site of directory.sites) expect(site.name.normalize('NFC')).toBe(site.name);
  });

  it('gives every room plausible contact details', () => {
    for (const site of directory.sites) {
      expect(site.contactPhone).toMatch(/^09\d{8}$/);
      expect(site.contactName.split(' ').length).toBeGreaterThanOrEqual(3);
      expect(site.address).toContain('Thanh Hóa');
      expect(site.equipmentNotes.length).toBeGreaterThan(10);
    }
  });

  it('is deterministic', () => {
    expect(planDemoDirectory()).toEqual(directory);
  });

  it('plans a SITE account per demo room, named after its code', () => {
    const siteAccounts = directory.accounts.filter((account) => account.role === 'SITE');
    expect(siteAccounts.map((account) => account.username)).toEqual(expect.arrayContaining(['tinh', '15865', '15865-2', '15991']));
    for (const account of siteAccounts) expect(account.username).toBe(account.siteCode?.toLowerCase());
  });
});
