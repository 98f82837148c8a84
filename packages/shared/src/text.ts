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
