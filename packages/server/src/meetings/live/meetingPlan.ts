/** What a live meeting needs to know of its schedule: who chairs, which sites are invited, its agenda's length. */
export interface MeetingPlan {
  id: string;
  title: string;
  chairUserId: string | null;
  sites: PlannedSite[];
  /** How many items the agenda has (positions 1 to this). */
  agendaItems: number;
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
