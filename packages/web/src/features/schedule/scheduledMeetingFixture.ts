import type { ScheduledMeeting } from '@pm/shared';

const HOUR = 3_600_000;

/** A scheduled meeting for the screens' tests: starting `startsInHours` after `now`, lasting `hours`. */
export function scheduledMeeting(
  id: string,
  now: number,
  startsInHours: number,
  hours: number,
  overrides: Partial<ScheduledMeeting> = {},
): ScheduledMeeting {
  return {
    id,
    title: id,
    kind: 'REGULAR',
    status: 'SCHEDULED',
    chair: null,
    startsAt: new Date(now + startsInHours * HOUR).toISOString(),
    endsAt: new Date(now + (startsInHours + hours) * HOUR).toISOString(),
    checkInOpensAt: new Date(now + startsInHours * HOUR - HOUR / 2).toISOString(),
    agenda: [],
    siteCount: 3,
    seriesId: null,
    recurrence: null,
    revision: 1,
    updatedAt: new Date(now - 24 * HOUR).toISOString(),
    cancelReason: null,
    recorded: false,
    endedAt: null,
    ...overrides,
  };
}
