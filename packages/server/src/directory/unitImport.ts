/**
 * Applies the official list of units (CSV or XLSX) in one step: each row names a unit by code,
 * its name, its parent, the day it takes effect and, for a unit formed by a merger, the codes of
 * the units it was formed from. A new code creates the unit; a known code with another name renames
 * it; the units it was formed from are merged into it (reorganisations.ts does each change, with
 * its history). Every row is checked first, with a report per row; only a file without a single
 * problem is applied, in one transaction, and a dry run applies nothing.
 */
import type { Identity, ImportRowError, UnitImportReport } from '@pm/shared';
import type { PrismaClient } from '../db/prismaClient.js';
import { dayAsDate, provinceDay } from '../util/provinceCalendar.js';
import { checkChange } from './reorganisationRules.js';
import { mergeIn, renameIn } from './reorganisations.js';
import { mapHeader } from './sheetColumns.js';
import { readSheet } from './readSheet.js';

/** Column headings accepted, folded (no case, no diacritics): Vietnamese first, English too. */
const COLUMNS = {
  code: ['ma don vi', 'ma', 'code', 'unit code'],
  name: ['ten don vi', 'ten', 'name'],
  parentCode: ['ma don vi cap tren', 'cap tren', 'parent', 'parent code'],
  effective: ['hieu luc tu ngay', 'hieu luc', 'ngay hieu luc', 'effective', 'effective date'],
  formedFrom: ['hinh thanh tu', 'sap nhap tu', 'formed from', 'merged from'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['code', 'name', 'parentCode', 'effective'];
const MAX_FIELD = 200;

interface PlannedRow {
  row: number;
  code: string;
  name: string;
  kind: 'COMMUNE' | 'WARD';
  parentId: string;
  effective: string;
  existing: { id: string; name: string } | undefined;
  formedFrom: Array<{ id: string; name: string }>;
}

export async function importUnits(
  prisma: PrismaClient,
  identity: Identity,
  upload: { mediaType: string; bytes: Buffer },
  dryRun: boolean,
): Promise<UnitImportReport> {
  // A reorganisation is the province's: a scoped account learns so before its file is read.
  const today = provinceDay(new Date());
  checkChange(identity, today);
  const [header = [], ...body] = await readSheet(upload);
  const columns = mapHeader(header, COLUMNS, REQUIRED);
  const units = await prisma.unit.findMany({ select: { id: true, code: true, name: true, parentId: true, retiredOn: true } });
  const byCode = new Map(units.map((unit) => [unit.code, unit]));

  const errors: ImportRowError[] = [];
  const codes = new Map<string, number>();
  const merged = new Map<string, number>();
  const planned = body.flatMap((cells, index): PlannedRow[] => {
    const row = index + 2;
    const fail = (field: string | null, message: string) => (errors.push({ row, field, message }), []);
    const value = (column: Column) => (columns[column] === undefined ? '' : (cells[columns[column]] ?? '').trim()).normalize('NFC');

    const code = value('code').toUpperCase();
    if (!/^[A-Z0-9][A-Z0-9-]{1,47}$/.test(code)) return fail('code', 'letters A–Z, digits and "-", 2 to 48 characters');
    const earlier = codes.get(code);
    if (earlier !== undefined) return fail('code', `the code ${code} is also on row ${earlier}`);
    codes.set(code, row);
    const name = value('name');
    if (name.length < 2 || name.length > MAX_FIELD) return fail('name', 'a name of 2 to 200 characters');
    const kind = name.startsWith('Phường ') ? 'WARD' : name.startsWith('Xã ') ? 'COMMUNE' : undefined;
    if (!kind) return fail('name', 'the official name of a commune or ward begins with "Xã" or "Phường"');
    const parent = byCode.get(value('parentCode').toUpperCase());
    if (!parent || parent.retiredOn !== null) return fail('parentCode', `no unit in service has the code "${value('parentCode')}"`);
    const effective = readDay(value('effective'));
    if (!effective) return fail('effective', 'a day such as 2025-07-01 or 01/07/2025');
    if (effective > today) return fail('effective', 'a day in the future: import the list on or after the day it takes effect');

    const existing = byCode.get(code);
    if (existing && existing.retiredOn !== null) return fail('code', `the unit ${code} has ceased`);
    if (existing && existing.parentId !== parent.id) return fail('parentCode', `the unit ${code} is under another unit: moving a unit is not part of an import`);
    const formedFrom: PlannedRow['formedFrom'] = [];
    for (const predecessorCode of value('formedFrom').toUpperCase().split(/[,;\s]+/).filter(Boolean)) {
      const predecessor = byCode.get(predecessorCode);
      if (!predecessor || predecessor.retiredOn !== null) return fail('formedFrom', `no unit in service has the code "${predecessorCode}"`);
      if (predecessorCode === code) continue; // The unit keeps its code: it absorbs the others.
      const other = merged.get(predecessorCode);
      if (other !== undefined) return fail('formedFrom', `${predecessorCode} is merged on row ${other} too`);
      if (codes.has(predecessorCode)) return fail('formedFrom', `${predecessorCode} is itself a row of this list`);
      merged.set(predecessorCode, row);
      formedFrom.push(predecessor);
    }
    return [{ row, code, name, kind, parentId: parent.id, effective, existing, formedFrom }];
  });
  // A unit listed under its own code is not also merged away by another row.
  for (const plan of planned) {
    const other = merged.get(plan.code);
    if (other !== undefined) errors.push({ row: other, field: 'formedFrom', message: `${plan.code} is itself a row of this list (row ${plan.row})` });
  }

  const report = {
    rows: body.length,
    created: planned.filter((plan) => !plan.existing).length,
    renamed: planned.filter((plan) => plan.existing && plan.existing.name !== plan.name).length,
    merged: planned.reduce((sum, plan) => sum + plan.formedFrom.length, 0),
    errors: errors.sort((a, b) => a.row - b.row),
  };
  if (errors.length > 0 || dryRun || body.length === 0) return { ...report, applied: false };
  await prisma.$transaction(async (tx) => {
    for (const plan of planned) {
      const unit =
        plan.existing ??
        (await tx.unit.create({
          data: { code: plan.code, name: plan.name, kind: plan.kind, parentId: plan.parentId, sortOrder: (await tx.unit.count({ where: { parentId: plan.parentId } })) + 1 },
        }));
      if (plan.existing && plan.existing.name !== plan.name) await renameIn(tx, plan.existing, plan.name, dayAsDate(plan.effective));
      if (plan.formedFrom.length > 0) await mergeIn(tx, identity, plan.formedFrom, { id: unit.id, name: plan.name }, plan.effective);
    }
  });
  return { ...report, applied: true };
}

/** "2025-07-01", "01/07/2025" or "1/7/2025" (as Vietnamese documents write it) → YYYY-MM-DD. */
function readDay(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vietnamese = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const [year, month, day] = iso ? [iso[1]!, iso[2]!, iso[3]!] : vietnamese ? [vietnamese[3]!, vietnamese[2]!.padStart(2, '0'), vietnamese[1]!.padStart(2, '0')] : [];
  if (!year) return undefined;
  const date = `${year}-${month}-${day}`;
  // 31/02/2025 parses to 3 March: only a day that reads back the same exists.
  const parsed = new Date(`${date}T00:00:00.000Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(date) ? date : undefined;
}
