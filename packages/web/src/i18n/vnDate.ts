/**
 * Dates and times typed the Vietnamese way (dd/mm/yyyy, 24-hour HH:mm) whatever the browser's
 * locale, converted to and from the values the forms keep (`yyyy-mm-dd`, `HH:mm`), which are those
 * of the native date and time inputs.
 */

/** `2026-12-07` → `07/12/2026`; anything else → ''. */
export function toVnDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** `7/12/2026` or `07/12/2026` (also with `-` or `.`) → `2026-12-07`; not a real date → undefined. */
export function fromVnDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `8:05`, `08:05` or `8h05` → `08:05`; not a time of day → undefined. */
export function fromVnTime(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\s*[:hg]\s*(\d{2})\s*$/i.exec(text);
  if (!match) return undefined;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 23 || minutes > 59) return undefined;
  return `${String(hours).padStart(2, '0')}:${match[2]}`;
}
