/** What the schedule tells connected screens: the invited sites' kiosks and every staff screen refresh. */
export interface ScheduleNotices {
  scheduleChanged(meetingId: string, change: 'created' | 'updated' | 'cancelled', siteIds: Iterable<string>): void;
}
