import { siteCreateSchema, type Identity, type ImportRowError, type SiteImportReport } from '@pm/shared';
import { inScope, unitScope } from '../auth/authorization.js';
import type { PrismaClient } from '../db/prismaClient.js';
import { dayAsDate, provinceDay } from '../util/provinceCalendar.js';
import { readSheet } from './readSheet.js';
import { changeSite } from './reorganisationRules.js';
import { mapHeader } from './sheetColumns.js';
import { UnitTree } from './unitTree.js';

/** Column headings accepted, folded (no case, no diacritics): Vietnamese first, English too. */
const COLUMNS = {
  code: ['ma diem cau', 'ma', 'code', 'site code'],
  name: ['ten diem cau', 'ten', 'name', 'site name'],
  unitCode: ['ma don vi', 'don vi', 'unit code', 'unit'],
  contactName: ['nguoi lien he', 'can bo phu trach', 'contact', 'contact name'],
  contactPhone: ['dien thoai', 'so dien thoai', 'phone', 'contact phone'],
  address: ['dia chi', 'address'],
  equipmentNotes: ['ghi chu thiet bi', 'thiet bi', 'equipment', 'equipment notes'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'name', 'unitCode'];

/**
 * Imports meeting rooms from a spreadsheet: a row whose code exists updates that site, any other
 * creates one. Every row is checked first and the report names each problem by row and column;
 * only a file without a single problem is written, in one transaction, so nothing is half-imported.
 * A row giving a room another unit moves it as a reorganisation does (effective today, its former
 * unit kept for earlier meetings' records), and only from a province-wide account.
 */
export async function importSites(
  prisma: PrismaClient,
  identity: Identity,
  upload: { mediaType: string; bytes: Buffer },
  dryRun: boolean,
): Promise<SiteImportReport> {
  const [header = [], ...body] = await readSheet(upload);
  const columns = mapHeader(header, COLUMNS, REQUIRED);
  const tree = await UnitTree.load(prisma);
  const unitsByCode = new Map((await prisma.unit.findMany({ select: { id: true, code: true, disabled: true } })).map((u) => [u.code, u]));
  const existing = new Map((await prisma.site.findMany({ select: { id: true, code: true, name: true, unitId: true } })).map((s) => [s.code, s]));

  const errors: ImportRowError[] = [];
  const seen = new Map<string, number>();
  const valid = body.flatMap((cells, index) => {
    const row = index + 2;
    const fail = (field: string | null, message: string) => (errors.push({ row, field, message }), []);
    const value = (column: Column) => (columns[column] === undefined ? undefined : cells[columns[column]] ?? '');
    const unitCode = (value('unitCode') ?? '').toUpperCase();
    const unit = unitsByCode.get(unitCode);
    if (!unit) return fail('unitCode', `no unit has the code "${unitCode}"`);
    if (unit.disabled) return fail('unitCode', `the unit ${unitCode} is disabled`);
    if (!inScope(identity, tree, unit.id)) return fail('unitCode', `the unit ${unitCode} is outside the unit this account manages`);
    const parsed = siteCreateSchema.safeParse({
      code: value('code'),
      name: value('name'),
      unitId: unit.id,
      contactName: value('contactName'),
      contactPhone: restoreLeadingZero(value('contactPhone')) || null,
      address: value('address'),
      equipmentNotes: value('equipmentNotes'),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) fail(String(issue.path[0] ?? ''), issue.message);
      return [];
    }
    const site = parsed.data;
    const earlier = seen.get(site.code);
    if (earlier !== undefined) return fail('code', `the code ${site.code} is also on row ${earlier}`);
    seen.set(site.code, row);
    const current = existing.get(site.code);
    if (current && !inScope(identity, tree, current.unitId)) return fail('code', `the site ${site.code} belongs to a unit outside this account's`);
    if (current && current.unitId !== site.unitId && unitScope(identity) !== null) {
      return fail('unitCode', `the site ${site.code} is in another unit: a room is moved to another unit by a province-wide account`);
    }
    return [{ site, current }];
  });

  const updates = valid.filter((v) => v.current !== undefined);
  const report = { rows: body.length, created: valid.length - updates.length, updated: updates.length, errors };
  if (errors.length > 0 || dryRun || body.length === 0) return { ...report, applied: false };
  const today = dayAsDate(provinceDay(new Date()));
  await prisma.$transaction(async (tx) => {
    await tx.site.createMany({ data: valid.filter((v) => v.current === undefined).map((v) => v.site) });
    for (const { site, current } of updates) {
      if (current!.unitId !== site.unitId) await changeSite(tx, current!, today, { unitId: site.unitId });
      await tx.site.update({ where: { id: current!.id }, data: site });
    }
  });
  return { ...report, applied: true };
}

/** A phone number stored as a number in Excel lost its leading zero: 912345678 was 0912345678. */
function restoreLeadingZero(phone: string | undefined): string | undefined {
  return phone !== undefined && /^[1-9]\d{8,9}$/.test(phone) ? `0${phone}` : phone;
}
