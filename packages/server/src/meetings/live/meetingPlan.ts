/** What a live meeting needs to know of its schedule: who chairs, which sites are invited, its agenda's length. */
export interface MeetingPlan {
  id: string;
  title: string;
  chairUserId: string | null;
  sites: PlannedSite[];
  /** How many items the agenda has (positions 1 to this). */
  agendaItems: number;
  /** When the chair or an operator ended it; an ended meeting is not opened again. */
  endedAt: Date | null;
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
  /** Stores the real end: attendance, reports and the minutes count up to it. */
  markEnded(meetingId: string, endedAt: Date): Promise<void>;
  /** Read at every join (a cheap query), so an edit of the meeting's times counts at once. */
  joinWindow(meetingId: string): Promise<JoinWindow | undefined>;
}
