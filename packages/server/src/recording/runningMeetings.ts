import type { NamedRef } from '@pm/shared';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import type { LiveMeetings } from '../meetings/live/liveMeetings.js';

/**
 * The meetings running on this node, for the HTTP side: it exists before the live meetings do,
 * so they are attached late; until then nothing is running.
 */
export class RunningMeetings {
  private live: LiveMeetings | undefined;

  attach(live: LiveMeetings): void {
    this.live = live;
  }

  /** The meeting, if it is open on this node (never opens one). */
  async find(meetingId: string): Promise<LiveMeeting | undefined> {
    return this.live?.running(meetingId);
  }
}

/** The site holding the floor, named as the meeting's plan names it. */
export function floorSpeaker(meeting: LiveMeeting): NamedRef | null {
  const siteId = meeting.floorHolder();
  if (!siteId) return null;
  return { id: siteId, name: meeting.plan.sites.find((s) => s.siteId === siteId)?.name ?? siteId };
}
