/**
 * When a meeting ended, as every report and document states it: the moment it was ended for
 * everyone when that was recorded (`endedAt`), else its scheduled end. The one place that decides,
 * so attendance, minutes and exports never disagree about the end.
 */
export function meetingEnd(meeting: { endsAt: Date; endedAt?: Date | null }): Date {
  return meeting.endedAt ?? meeting.endsAt;
}
