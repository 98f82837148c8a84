/** The province keeps Indochina Time: UTC+7 all year, no daylight saving. */
const PROVINCE_OFFSET_MS = 7 * 3_600_000;

/** The province's calendar day of an instant, as YYYY-MM-DD. */
export function provinceDay(instant: Date): string {
  return new Date(instant.getTime() + PROVINCE_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar day as PostgreSQL's DATE reaches Prisma: midnight UTC. */
export function dayAsDate(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

/** The instant a day of the province's calendar begins (midnight there). */
export function provinceDayStart(day: string): Date {
  return new Date(dayAsDate(day).getTime() - PROVINCE_OFFSET_MS);
}

export function dateAsDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * "ngày 07 tháng 12 năm 2026", as administrative documents write a date. Decree 30/2020 (appendix
 * I) gives days below 10 and the months 1 and 2 a leading zero, so a 1 or a 2 cannot be extended
 * by hand into 11 or 12: "ngày 05 tháng 02", but "ngày 29 tháng 3".
 */
export function vietnameseDate(instant: Date): string {
  const [year, month, day] = provinceDay(instant).split('-');
  return `ngày ${day} tháng ${Number(month) <= 2 ? month : Number(month)} năm ${year}`;
}

/** "15/12/2026": a deadline as documents and tables show it. */
export function shortDay(day: string): string {
  const [year, month, date] = day.split('-');
  return `${date}/${month}/${year}`;
}

/** "08:30": the province's clock time of an instant, 24-hour. */
export function clockTime(instant: Date): string {
  return new Date(instant.getTime() + PROVINCE_OFFSET_MS).toISOString().slice(11, 16);
}

/** "08 giờ 30 phút": a time of day as minutes state when the meeting began and ended. */
export function vietnameseTime(instant: Date): string {
  const [hours, minutes] = clockTime(instant).split(':');
  return `${hours} giờ ${minutes} phút`;
}
