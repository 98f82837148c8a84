import { CodedError, importFormats } from '@pm/shared';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A spreadsheet is only ever this big: a province has hundreds of rooms, not tens of thousands. */
const MAX_ROWS = 5000;

/**
 * The cells of an uploaded spreadsheet as text, row by row (the header first): CSV (UTF-8, with or
 * without the BOM Excel writes; comma or semicolon) or the first sheet of an XLSX workbook.
 */
export async function readSheet(upload: { mediaType: string; bytes: Buffer }): Promise<string[][]> {
  const rows = upload.mediaType === importFormats.xlsx ? await readXlsx(upload.bytes) : readCsv(upload.bytes);
  if (rows.length > MAX_ROWS + 1) throw new CodedError('BAD_REQUEST', `at most ${MAX_ROWS} rows per import`);
  return rows;
}

function readCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel in a Vietnamese locale saves "CSV" with semicolons.
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  try {
    return parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (error) {
    throw new CodedError('BAD_REQUEST', `the CSV file cannot be read: ${(error as Error).message}`);
  }
}

async function readXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CodedError('BAD_REQUEST', `the XLSX file cannot be read: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CodedError('BAD_REQUEST', 'the workbook has no sheet');
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column++) cells.push(cellText(row.getCell(column)));
    rows.push(cells);
  });
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

/** Numbers as plain digits: `text` would format them (thousands separators, exponents). */
function cellText(cell: ExcelJS.Cell): string {
  if (typeof cell.value === 'number') return String(cell.value);
  return cell.text.trim();
}
