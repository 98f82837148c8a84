import type { Recurrence } from '@pm/shared';

/** Vietnam keeps UTC+7 all year (no daylight saving), so local calendar arithmetic is a fixed shift. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface TimeRange {
  startsAt: Date;
  endsAt: Date;
}

/**
 * The occurrences of a meeting: the first as given, then every week or every month at the same
 * local time. A monthly meeting on the 31st falls on the last day of shorter months.
 */
export function occurrences(first: TimeRange, recurrence: Recurrence | undefined): TimeRange[] {
  if (!recurrence) return [first];
  const durationMs = first.endsAt.getTime() - first.startsAt.getTime();
  return Array.from({ length: recurrence.count }, (_, index) => {
    const startsAt =
      recurrence.frequency === 'WEEKLY' ? new Date(first.startsAt.getTime() + index * 7 * 86_400_000) : addLocalMonths(first.startsAt, index);
    return { startsAt, endsAt: new Date(startsAt.getTime() + durationMs) };
  });
}

function addLocalMonths(instant: Date, months: number): Date {
  const local = new Date(instant.getTime() + VIETNAM_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(local.getUTCDate(), lastDay);
  const shifted = Date.UTC(year, month, day, local.getUTCHours(), local.getUTCMinutes(), local.getUTCSeconds());
  return new Date(shifted - VIETNAM_OFFSET_MS);
}
