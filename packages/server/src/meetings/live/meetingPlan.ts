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

/** When a meeting may be joined: from its check-in window's opening to its end. */
export interface JoinWindow {
  opensAt: Date;
  closesAt: Date;
}

export interface MeetingPlanSource {
  load(meetingId: string): Promise<MeetingPlan | undefined>;
  /** Read at every join (a cheap query), so an edit of the meeting's times counts at once. */
  joinWindow(meetingId: string): Promise<JoinWindow | undefined>;
}
