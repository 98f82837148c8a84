import { CodedError, foldText } from '@pm/shared';

/**
 * Finds the columns of an imported sheet by their headings, folded (no case, no diacritics), so
 * "Mã đơn vị", "MA DON VI" and "Unit code" all name the same column. A required column missing is
 * reported by the first of its accepted headings.
 */
export function mapHeader<Column extends string>(
  header: string[],
  headings: Record<Column, readonly string[]>,
  required: readonly Column[],
): Partial<Record<Column, number>> {
  const folded = header.map((cell) => foldText(cell).replace(/[^a-z0-9]+/g, ' ').trim());
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(headings) as Array<[Column, readonly string[]]>) {
    const index = folded.findIndex((cell) => names.includes(cell));
    if (index >= 0) columns[column] = index;
  }
  const missing = required.filter((column) => columns[column] === undefined);
  if (missing.length) {
    throw new CodedError('BAD_REQUEST', 'the first row must name the columns', missing.map((c) => `${c}: column "${headings[c][0]}" is missing`));
  }
  return columns;
}
