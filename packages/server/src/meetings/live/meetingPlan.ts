/** What a live meeting needs to know of its schedule: who chairs and which sites are invited. */
export interface MeetingPlan {
  id: string;
  title: string;
  chairUserId: string | null;
  sites: PlannedSite[];
}

export interface PlannedSite {
  siteId: string;
  name: string;
  /** District (or the province, for departments): how the wall groups and filters sites. */
  groupId: string;
  groupName: string;
}

export interface MeetingPlanSource {
  load(meetingId: string): Promise<MeetingPlan | undefined>;
}
