import type { Language } from './I18nProvider';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
const locales: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };

/** "Thứ Hai, 4 tháng 1, 2027 lúc 08:00": meetings are always shown in the province's time. */
export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: TIME_ZONE, dateStyle: 'full', timeStyle: 'short' }).format(new Date(iso));
}

export function formatTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(locales[language], { timeZone: TIME_ZONE, timeStyle: 'short' }).format(new Date(iso));
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
