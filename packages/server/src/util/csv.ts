/** A cell that a spreadsheet would run as a formula if it began the cell unquoted. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell. Text that a spreadsheet would take for a formula (`=HYPERLINK(…)`, `+1+cmd|…`,
 * `@SUM(…)`, a leading tab) gets a leading apostrophe, so a site or person named by a user
 * stays text when the export is opened in Excel; numbers stay numbers.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** RFC 4180 CSV with a byte-order mark, so Excel opens the Vietnamese text as UTF-8. */
export function csvDocument(rows: ReadonlyArray<ReadonlyArray<string | number>>): string {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
