import type { Language } from './I18nProvider';
import { toVnDate } from './vnDate';

/** Thanh Hóa's (UTC+7, no daylight saving): every time on every screen is the province's. */
export const PROVINCE_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** Weekdays as written in a Vietnamese sentence ("thứ Hai 04/01/2027"), Sunday first as `getUTCDay` counts. */
const VI_WEEKDAYS = ['chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'];

/** "thứ Hai 04/01/2027" / "Monday, 4 January 2027": the province's calendar day of an instant. */
function formatDay(iso: string, language: Language): string {
  if (language === 'en') return new Intl.DateTimeFormat(locales.en, { timeZone: PROVINCE_TIME_ZONE, dateStyle: 'full' }).format(new Date(iso));
  const day = provinceDay(new Date(iso));
  return `${VI_WEEKDAYS[new Date(`${day}T00:00:00Z`).getUTCDay()]} ${toVnDate(day)}`;
}

/**
 * "08:00, thứ Hai 04/01/2027" (time first, then the day as officials write it; a label before it
 * says "lúc"), "Monday, 4 January 2027 at 08:00": meetings are always shown in the province's time.
 * Not Intl's Vietnamese "full" style, which reads "lúc 08:00 Thứ Hai, 4 tháng 1, 2027".
 */
export function formatDateTime(iso: string, language: Language): string {
  return language === 'vi' ? `${formatTime(iso, language)}, ${formatDay(iso, language)}` : `${formatDay(iso, language)} at ${formatTime(iso, language)}`;
}

/**
 * A meeting's span: "08:00 – 10:00, thứ Hai 04/01/2027" within one day, else both ends in full
 * ("Monday, 4 January 2027 at 08:00 – 10:00" in English, whose day comes first).
 */
export function formatSpan(startIso: string, endIso: string, language: Language): string {
  const oneDay = provinceDay(new Date(startIso)) === provinceDay(new Date(endIso));
  if (language === 'en') return `${formatDateTime(startIso, language)} – ${oneDay ? formatTime(endIso, language) : formatDateTime(endIso, language)}`;
  return oneDay
    ? `${formatTime(startIso, language)} – ${formatTime(endIso, language)}, ${formatDay(startIso, language)}`
    : `${formatDateTime(startIso, language)} – ${formatDateTime(endIso, language)}`;
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: PROVINCE_TIME_ZONE, timeStyle: 'short' }).format(new Date(iso));
}

/** The value a datetime-local input shows for an instant, in the province's time (UTC+7, no DST). */
export function toLocalInput(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3_600_000).toISOString().slice(0, 16);
}

export function fromLocalInput(value: string): string {
  return new Date(`${value}:00+07:00`).toISOString();
}

/** The province's calendar day (YYYY-MM-DD) of an instant: before 07:00 the UTC date is still yesterday. */
export function provinceDay(instant: Date): string {
  return toLocalInput(instant.toISOString()).slice(0, 10);
}

/** Midnight at the start of `now`'s day in the province (UTC+7, no DST), as an instant. */
export function startOfProvinceDay(now: number): string {
  const day = 86_400_000;
  const offset = 7 * 3_600_000;
  return new Date(Math.floor((now + offset) / day) * day - offset).toISOString();
}
