/**
 * Turns the demo province's names (seedData.ts) into the rows to seed: units with stable, readable
 * codes, one meeting room per unit with contact details, and the demo accounts. Pure and
 * deterministic, so it can be checked without a database.
 */
import type { Role, UnitKind } from '../db/generated/client.js';
import { contactNameFor, contactPhoneFor, stableHash, stablePick } from './seedContacts.js';
import {
  CAPITAL_STREETS,
  CAPITAL_WARDS,
  DEMO_SITE_ACCOUNT_SITES,
  DEMO_STAFF_ACCOUNTS,
  DEPARTMENTS,
  DISTRICTS,
  type DistrictData,
  type DistrictType,
  EQUIPMENT,
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

type CommuneType = 'PHUONG' | 'TT' | 'XA';

const DISTRICT_LABELS: Record<DistrictType, string> = { TP: 'thành phố', TX: 'thị xã', HUYEN: 'huyện' };
const COMMUNE_LABELS: Record<CommuneType, string> = { PHUONG: 'phường', TT: 'thị trấn', XA: 'xã' };

export function planDemoDirectory(): DemoDirectory {
  const province: PlannedUnit = { code: PROVINCE.code, name: PROVINCE.name, kind: 'PROVINCE', parentCode: null, sortOrder: 1 };
  const departments = DEPARTMENTS.map(
    (department, index): PlannedUnit => ({
      code: department.code,
      name: department.name,
      kind: 'DEPARTMENT',
      parentCode: PROVINCE.code,
      sortOrder: index + 1,
    }),
  );
  const districts = DISTRICTS.map((district, index) => planDistrict(district, index));

  const sites: PlannedSite[] = [
    provinceSite(),
    ...DEPARTMENTS.map((department) => departmentSite(department.code, department.name)),
    ...districts.flatMap(({ unit, site, communes }) => [site, ...communes.map((commune) => commune.site)]),
  ];
  const unitLevels = [
    [province],
    [...departments, ...districts.map((district) => district.unit)],
    districts.flatMap((district) => district.communes.map((commune) => commune.unit)),
  ];
  return { unitLevels, sites, accounts: planAccounts(sites) };
}

function provinceSite(): PlannedSite {
  return withContact({
    code: PROVINCE.code,
    name: PROVINCE.hallName,
    unitCode: PROVINCE.code,
    address: PROVINCE_HALL_ADDRESS,
    equipmentNotes: EQUIPMENT.provinceHall,
  });
}

function departmentSite(code: string, name: string): PlannedSite {
  const houseNumber = 1 + (stableHash(`house:${code}`) % 250);
  const street = stablePick(CAPITAL_STREETS, code, 'street');
  const ward = stablePick(CAPITAL_WARDS, code, 'ward');
  return withContact({
    code,
    name: `Phòng họp ${name}`,
    unitCode: code,
    address: `Số ${houseNumber} ${street}, phường ${ward}, thành phố Thanh Hóa`,
    equipmentNotes: stablePick(EQUIPMENT.department, code, 'equipment'),
  });
}

function planDistrict(district: DistrictData, index: number) {
  const districtSlug = codePart(district.name);
  const code = `${district.type}-${districtSlug}`;
  const label = DISTRICT_LABELS[district.type];
  const fullName = `${label} ${district.name}`;
  const communeEntries: Array<[CommuneType, string]> = [
    ...(district.phuong ?? []).map((name): [CommuneType, string] => ['PHUONG', name]),
    ...(district.thiTran ?? []).map((name): [CommuneType, string] => ['TT', name]),
    ...(district.xa ?? []).map((name): [CommuneType, string] => ['XA', name]),
  ];
  const [seatType, seatName] = communeEntries[0]!;

  const unit: PlannedUnit = {
    code,
    name: capitalise(fullName),
    kind: 'DISTRICT',
    parentCode: PROVINCE.code,
    sortOrder: index + 1,
  };
  const site = withContact({
    code,
    name: `Hội trường UBND ${fullName}`,
    unitCode: code,
    address: `Khu trung tâm hành chính, ${COMMUNE_LABELS[seatType]} ${seatName}, ${fullName}, tỉnh Thanh Hóa`,
    equipmentNotes: stablePick(EQUIPMENT.district, code, 'equipment'),
  });
  const communes = communeEntries.map(([type, name], communeIndex) => {
    const communeCode = `${type}-${districtSlug}-${codePart(name)}`;
    const communeName = `${COMMUNE_LABELS[type]} ${name}`;
    return {
      unit: {
        code: communeCode,
        name: capitalise(communeName),
        kind: 'COMMUNE',
        parentCode: code,
        sortOrder: communeIndex + 1,
      } satisfies PlannedUnit,
      site: withContact({
        code: communeCode,
        name: `Phòng họp UBND ${communeName}`,
        unitCode: communeCode,
        address: `Trụ sở UBND ${communeName}, ${fullName}, tỉnh Thanh Hóa`,
        equipmentNotes: stablePick(EQUIPMENT.commune, communeCode, 'equipment'),
      }),
    };
  });
  return { unit, site, communes };
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

/** "Hoằng Đạo" → "HOANGDAO": no diacritics, no spaces, upper case. */
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
