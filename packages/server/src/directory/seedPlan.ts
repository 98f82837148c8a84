/**
 * Turns the demo province's names (seedData.ts) into the rows to seed: units with stable codes
 * (national unit codes for communes and wards), their meeting rooms with contact details, and the
 * demo accounts. Pure and deterministic, so it can be checked without a database.
 *
 * Rooms: the province has its hall and a second room; each agency one room; each commune and ward
 * its hall, and those formed by the 2025 merger a second room at a former seat (their officials
 * still work from more than one building). That makes the 348 bridge points of the network.
 */
import type { Role, SiteGroupKind, UnitKind } from '../db/generated/client.js';
import { contactNameFor, contactPhoneFor, stableHash, stablePick } from './seedContacts.js';
import {
  CAPITAL_STREETS,
  COMMUNE_LEVEL_UNITS,
  type CommuneLevelRow,
  DEMO_SITE_ACCOUNT_SITES,
  DEMO_STAFF_ACCOUNTS,
  DEPARTMENTS,
  DISASTER_COMMITTEE,
  EQUIPMENT,
  FORMER_DISTRICTS,
  OTHER_AGENCIES,
  PROVINCE,
  PROVINCE_HALL_ADDRESS,
  type Region,
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

export interface PlannedGroup {
  code: string;
  name: string;
  kind: SiteGroupKind;
  sortOrder: number;
  siteCodes: string[];
}

export interface DemoDirectory {
  /** Parents before children: each level's parents are in an earlier level. */
  unitLevels: PlannedUnit[][];
  sites: PlannedSite[];
  groups: PlannedGroup[];
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
  return { unitLevels, sites, groups: planGroups(sites), accounts: planAccounts(sites) };
}

const REGION_GROUPS: Record<Region, { code: string; name: string }> = {
  MIEN_NUI: { code: 'MIEN-NUI', name: 'Các xã miền núi' },
  VEN_BIEN: { code: 'VEN-BIEN', name: 'Các xã, phường ven biển' },
  DONG_BANG: { code: 'DONG-BANG', name: 'Các xã, phường đồng bằng' },
};

/**
 * The groups a secretariat starts with: each former district's area (meetings are still often
 * organised by them), the three regions, all communes, all wards, all departments, and one ad-hoc
 * list. A group holds every room of its units.
 */
function planGroups(sites: PlannedSite[]): PlannedGroup[] {
  const roomsOf = (unitCodes: Iterable<string>) => {
    const wanted = new Set(unitCodes);
    return sites.filter((site) => wanted.has(site.unitCode)).map((site) => site.code);
  };
  const communesWhere = (keep: (row: CommuneLevelRow) => boolean) => roomsOf(COMMUNE_LEVEL_UNITS.filter(keep).map(([code]) => code));
  const regionOf = new Map(FORMER_DISTRICTS.map((district) => [district.name, district.region]));

  const areas = FORMER_DISTRICTS.map(
    (district, index): PlannedGroup => ({
      code: `KV-${codePart(district.name)}`,
      name: `Khu vực ${district.label} ${district.name} cũ`,
      kind: 'FORMER_DISTRICT',
      sortOrder: index + 1,
      siteCodes: communesWhere(([, , , formerDistrict]) => formerDistrict === district.name),
    }),
  );
  const regions = (Object.keys(REGION_GROUPS) as Region[]).map(
    (region, index): PlannedGroup => ({
      ...REGION_GROUPS[region],
      kind: 'REGION',
      sortOrder: index + 1,
      siteCodes: communesWhere(([, , , formerDistrict]) => regionOf.get(formerDistrict) === region),
    }),
  );
  const kinds: PlannedGroup[] = [
    { code: 'TAT-CA-XA', name: 'Tất cả các xã', kind: 'UNIT_KIND', sortOrder: 1, siteCodes: communesWhere(([, type]) => type === 'XA') },
    { code: 'TAT-CA-PHUONG', name: 'Tất cả các phường', kind: 'UNIT_KIND', sortOrder: 2, siteCodes: communesWhere(([, type]) => type === 'PHUONG') },
    {
      code: 'TAT-CA-SO-NGANH',
      name: 'Tất cả sở, ban, ngành',
      kind: 'UNIT_KIND',
      sortOrder: 3,
      siteCodes: roomsOf(DEPARTMENTS.map((department) => department.code)),
    },
  ];
  const { code, name, unitCodes } = DISASTER_COMMITTEE;
  const committee: PlannedGroup = { code, name, kind: 'CUSTOM', sortOrder: 1, siteCodes: roomsOf(unitCodes) };
  return [...areas, ...regions, ...kinds, committee];
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

/** "Hoằng Hóa" → "HOANGHOA": no diacritics, no spaces, upper case. */
export function codePart(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
