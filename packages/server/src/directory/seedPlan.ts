/**
 * Turns the demo province's names (seedData.ts) into the rows to seed: units with stable codes
 * (national unit codes for communes and wards), their meeting rooms with contact details, and the
 * demo accounts. Pure and deterministic, so it can be checked without a database.
 *
 * Rooms: the province has its hall and a second room; each agency one room; each commune and ward
 * its hall, and those formed by the 2025 merger a second room at a former seat (their officials
 * still work from more than one building). That makes the 348 bridge points of the network.
 */
import type { Role, UnitKind } from '../db/generated/client.js';
import { contactNameFor, contactPhoneFor, stableHash, stablePick } from './seedContacts.js';
import {
  CAPITAL_STREETS,
  COMMUNE_LEVEL_UNITS,
  type CommuneLevelRow,
  DEMO_SITE_ACCOUNT_SITES,
  DEMO_STAFF_ACCOUNTS,
  DEPARTMENTS,
  EQUIPMENT,
  OTHER_AGENCIES,
  PROVINCE,
  PROVINCE_HALL_ADDRESS,
} from './seedData.js';

export interface PlannedUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentCode: string | null;
  sortOrder: number;
}

export interface PlannedSite {
  code: string;
  name: string;
  unitCode: string;
  contactName: string;
  contactPhone: string;
  address: string;
  equipmentNotes: string;
}

export interface PlannedAccount {
  username: string;
  role: Role;
  displayName: string;
  /** Scope; null = province-wide. */
  unitCode: string | null;
  siteCode: string | null;
}

export interface DemoDirectory {
  /** Parents before children: each level's parents are in an earlier level. */
  unitLevels: PlannedUnit[][];
  sites: PlannedSite[];
  accounts: PlannedAccount[];
}

const TYPE_LABELS: Record<CommuneLevelRow[1], string> = { XA: 'xã', PHUONG: 'phường' };

export function planDemoDirectory(): DemoDirectory {
  const province: PlannedUnit = { code: PROVINCE.code, name: PROVINCE.name, kind: 'PROVINCE', parentCode: null, sortOrder: 1 };
  const agencies = [...DEPARTMENTS, ...OTHER_AGENCIES].map(
    (agency, index): PlannedUnit => ({
      code: agency.code,
      name: agency.name,
      kind: 'DEPARTMENT',
      parentCode: PROVINCE.code,
      sortOrder: index + 1,
    }),
  );
  const communes = COMMUNE_LEVEL_UNITS.map((row, index) => planCommuneLevelUnit(row, index));

  const sites: PlannedSite[] = [
    ...provinceSites(),
    ...agencies.map((agency) => agencySite(agency.code, agency.name)),
    ...communes.flatMap((commune) => commune.sites),
  ];
  const unitLevels = [[province], [...agencies, ...communes.map((commune) => commune.unit)]];
  return { unitLevels, sites, accounts: planAccounts(sites) };
}

function provinceSites(): PlannedSite[] {
  const hall = { unitCode: PROVINCE.code, address: PROVINCE_HALL_ADDRESS };
  return [
    withContact({ ...hall, code: PROVINCE.code, name: PROVINCE.hallName, equipmentNotes: EQUIPMENT.provinceHall }),
    withContact({
      ...hall,
      code: `${PROVINCE.code}-2`,
      name: 'Phòng họp số 2 UBND tỉnh',
      equipmentNotes: stablePick(EQUIPMENT.department, PROVINCE.code, 'equipment'),
    }),
  ];
}

function agencySite(code: string, name: string): PlannedSite {
  const houseNumber = 1 + (stableHash(`house:${code}`) % 250);
  const street = stablePick(CAPITAL_STREETS, code, 'street');
  return withContact({
    code,
    name: `Phòng họp ${name}`,
    unitCode: code,
    address: `Số ${houseNumber} ${street}, phường Hạc Thành, tỉnh Thanh Hóa`,
    equipmentNotes: stablePick(EQUIPMENT.department, code, 'equipment'),
  });
}

function planCommuneLevelUnit([code, type, name, , merged]: CommuneLevelRow, index: number) {
  const fullName = `${TYPE_LABELS[type]} ${name}`;
  const unit: PlannedUnit = {
    code,
    name: capitalise(fullName),
    kind: type === 'PHUONG' ? 'WARD' : 'COMMUNE',
    parentCode: PROVINCE.code,
    sortOrder: index + 1,
  };
  const hall = withContact({
    code,
    name: `Hội trường UBND ${fullName}`,
    unitCode: code,
    address: `Trụ sở UBND ${fullName}, tỉnh Thanh Hóa`,
    equipmentNotes: stablePick(EQUIPMENT.communeHall, code, 'equipment'),
  });
  const secondCode = `${code}-2`;
  const secondRoom = withContact({
    code: secondCode,
    name: `Phòng họp số 2 UBND ${fullName}`,
    unitCode: code,
    address: `Trụ sở làm việc số 2 của UBND ${fullName}, tỉnh Thanh Hóa`,
    equipmentNotes: stablePick(EQUIPMENT.secondRoom, secondCode, 'equipment'),
  });
  return { unit, sites: merged ? [hall, secondRoom] : [hall] };
}

function planAccounts(sites: PlannedSite[]): PlannedAccount[] {
  const sitesByCode = new Map(sites.map((site) => [site.code, site]));
  const staff = DEMO_STAFF_ACCOUNTS.map(
    (account): PlannedAccount => ({ ...account, unitCode: null, siteCode: null }),
  );
  const siteAccounts = DEMO_SITE_ACCOUNT_SITES.map((siteCode): PlannedAccount => {
    const site = sitesByCode.get(siteCode);
    if (!site) throw new Error(`demo site account for unknown site ${siteCode}`);
    return {
      username: siteCode.toLowerCase(),
      role: 'SITE',
      displayName: site.name,
      unitCode: site.unitCode,
      siteCode,
    };
  });
  return [...staff, ...siteAccounts];
}

function withContact(site: Omit<PlannedSite, 'contactName' | 'contactPhone'>): PlannedSite {
  return { ...site, contactName: contactNameFor(site.code), contactPhone: contactPhoneFor(site.code) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
