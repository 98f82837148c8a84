import { describe, expect, it } from 'vitest';
import { codePart, planDemoDirectory } from './seedPlan.js';

describe('planDemoDirectory', () => {
  const directory = planDemoDirectory();
  const units = directory.unitLevels.flat();

  it('plans exactly 348 meeting rooms, one per unit, with unique codes', () => {
    expect(directory.sites).toHaveLength(348);
    expect(new Set(directory.sites.map((site) => site.code)).size).toBe(348);
    expect(new Set(units.map((unit) => unit.code)).size).toBe(units.length);
    expect(directory.sites.map((site) => site.unitCode).sort()).toEqual(units.map((unit) => unit.code).sort());
  });

  it('has the province, about twenty departments, the 27 district-level units and their communes', () => {
    const byKind = (kind: string) => units.filter((unit) => unit.kind === kind);
    expect(byKind('PROVINCE').map((unit) => unit.name)).toEqual(['Tỉnh Thanh Hóa']);
    expect(byKind('DEPARTMENT').length).toBeGreaterThanOrEqual(18);
    expect(byKind('DISTRICT')).toHaveLength(27);
    const districtCodes = new Set(byKind('DISTRICT').map((unit) => unit.code));
    for (const commune of byKind('COMMUNE')) expect(districtCodes).toContain(commune.parentCode);
    expect(directory.sites.find((site) => site.code === 'TINH')?.name).toBe('Hội trường UBND tỉnh');
  });

  it('orders levels so every parent comes before its children', () => {
    const seen = new Set<string>();
    for (const level of directory.unitLevels) {
      for (const unit of level) if (unit.parentCode !== null) expect(seen).toContain(unit.parentCode);
      for (const unit of level) seen.add(unit.code);
    }
  });

  it('uses readable codes and composed (NFC) Vietnamese names', () => {
    for (const code of ['TINH', 'SO-NOIVU', 'HUYEN-HOANGHOA', 'TP-THANHHOA', 'XA-HOANGHOA-HOANGDAO', 'PHUONG-THANHHOA-DIENBIEN']) {
      expect(units.map((unit) => unit.code)).toContain(code);
    }
    for (const unit of units) {
      expect(unit.code).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)*$/);
      expect(unit.name.normalize('NFC')).toBe(unit.name);
    }
    expect(codePart('Đông Hương')).toBe('DONGHUONG');
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
    expect(siteAccounts.map((account) => account.username)).toEqual(
      expect.arrayContaining(['tinh', 'huyen-hoanghoa', 'xa-hoanghoa-hoangdao']),
    );
    for (const account of siteAccounts) expect(account.username).toBe(account.siteCode?.toLowerCase());
  });
});
