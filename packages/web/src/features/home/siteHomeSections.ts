import { meetingOverAt, type ScheduledMeeting } from '@pm/shared';

export interface SiteHomeSections {
  /** The meeting in progress, or else the next one: what the room is most likely here for. */
  first: ScheduledMeeting | undefined;
  /** The rest of what is still to come, by start. */
  upcoming: ScheduledMeeting[];
  /** Meetings that ended earlier today (as scheduled, or ended early by the chair), the latest first. */
  endedToday: ScheduledMeeting[];
  /** Cancelled meetings, by start, below everything else. */
  cancelled: ScheduledMeeting[];
}

const byStart = (a: ScheduledMeeting, b: ScheduledMeeting) => Date.parse(a.startsAt) - Date.parse(b.startsAt);

/** How a meeting room's home screen orders its meetings (given those since the start of today). */
export function siteHomeSections(meetings: readonly ScheduledMeeting[], now: number): SiteHomeSections {
  const held = meetings.filter((m) => m.status !== 'CANCELLED');
  const [first, ...upcoming] = held.filter((m) => meetingOverAt(m) > now).sort(byStart);
  return {
    first,
    upcoming,
    endedToday: held.filter((m) => meetingOverAt(m) <= now).sort((a, b) => meetingOverAt(b) - meetingOverAt(a)),
    cancelled: meetings.filter((m) => m.status === 'CANCELLED').sort(byStart),
  };
}
