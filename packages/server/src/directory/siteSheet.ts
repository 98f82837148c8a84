import { CodedError, importFormats } from '@pm/shared';
import type { Options } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

/** A spreadsheet is only ever this big: a province has hundreds of rooms, not tens of thousands. */
export const MAX_SHEET_ROWS = 5000;
/** Columns read from each row: the import knows seven; anything to the right is not read at all. */
export const MAX_SHEET_COLUMNS = 32;

const tooManyRows = () => new CodedError('BAD_REQUEST', `at most ${MAX_SHEET_ROWS} rows per import`);

/**
 * The cells of an uploaded spreadsheet as text, row by row (the header first): CSV (UTF-8, with or
 * without the BOM Excel writes; comma or semicolon) or the first sheet of an XLSX workbook. The row
 * cap is checked before any row is walked, so a sheet with one cell far down costs nothing more.
 * Runs inside the sheet thread (`sheetThread.ts`), never on the event loop that serves meetings.
 */
export async function parseSheet(upload: { mediaType: string; bytes: Uint8Array }): Promise<string[][]> {
  const bytes = Buffer.from(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength);
  return upload.mediaType === importFormats.xlsx ? parseXlsx(bytes) : parseCsv(bytes);
}

function parseCsv(bytes: Buffer): string[][] {
  const text = bytes.toString('utf8');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  // Excel in a Vietnamese locale saves "CSV" with semicolons.
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let rows: string[][];
  try {
    // `to`: one record past the cap is enough to refuse; the rest of the file is never parsed.
    const options: Options = { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true, to: MAX_SHEET_ROWS + 2 };
    rows = parse(text, options);
  } catch (error) {
    throw new CodedError('BAD_REQUEST', `the CSV file cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
  if (rows.length > MAX_SHEET_ROWS + 1) throw tooManyRows();
  return rows.map((cells) => cells.slice(0, MAX_SHEET_COLUMNS));
}

async function parseXlsx(bytes: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CodedError('BAD_REQUEST', `the XLSX file cannot be read: ${(error as Error).message.slice(0, 200)}`);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new CodedError('BAD_REQUEST', 'the workbook has no sheet');
  // `rowCount` is the last row's number, read without walking the rows; `columnCount` walks
  // every row, so it is asked once, not once per cell.
  if (sheet.rowCount > MAX_SHEET_ROWS + 1) throw tooManyRows();
  const columns = Math.min(sheet.columnCount, MAX_SHEET_COLUMNS);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let column = 1; column <= columns; column++) cells.push(cellText(row.getCell(column)));
    rows.push(cells);
  });
  return rows.filter((cells) => cells.some((cell) => cell !== ''));
}

/** Numbers as plain digits: `text` would format them (thousands separators, exponents). */
function cellText(cell: ExcelJS.Cell): string {
  if (typeof cell.value === 'number') return String(cell.value);
  return cell.text.trim();
}
