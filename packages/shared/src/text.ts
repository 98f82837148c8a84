/**
 * Folds Vietnamese text for searching: no case, no diacritics, "đ" as "d". Someone typing
 * "hoang hoa" on a kiosk keyboard finds "Hoằng Hóa".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase();
}

/**
 * Whether a request holds a NUL character anywhere (an id, a search, a field). PostgreSQL cannot
 * store one in text, so such a request is refused at the edge as malformed instead of failing deep
 * in the database.
 */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([key, field]) => key.includes('\u0000') || containsNul(field, depth + 1));
}
