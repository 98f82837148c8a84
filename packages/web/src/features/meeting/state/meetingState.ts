import type {
  ConsumerPurpose,
  FloorState,
  MeetingMessage,
  MeetingSummary,
  Programme,
  RollCall,
  SiteAlert,
  SiteQuality,
  SiteStatus,
} from '@pm/shared';

/** A track the client receives, as plain data: the media service holds the track itself. */
export interface ReceivedMedia {
  consumerId: string;
  purpose: ConsumerPurpose;
  siteId: string | null;
  kind: 'audio' | 'video';
}

export type MeetingPhase = 'connecting' | 'live' | 'reconnecting' | 'ended' | 'failed';

/** Everything the meeting screens show, as plain data; tracks are looked up by consumer id. */
export interface MeetingViewState {
  phase: MeetingPhase;
  error?: unknown;
  summary?: MeetingSummary;
  floor: FloorState;
  programme: Programme;
  sites: Record<string, SiteStatus>;
  received: ReceivedMedia[];
  /** The site whose voice is loudest now (null: the chair or nobody); from the SFU's audio levels. */
  activeSpeaker: string | null;
  presenting: boolean;
  rollCall: RollCall | null;
  /** Latest connection figures per site (chair and operator). */
  quality: Record<string, SiteQuality>;
  /** Recent alerts, newest first (chair and operator). */
  alerts: SiteAlert[];
  /** Text messages for this screen since it joined, newest first (staff: every message of the meeting). */
  messages: MeetingMessage[];
  /** The newest message someone at this screen has read and put away; a kiosk's banner hides it. */
  seenMessageId: string | null;
  /** The room's declared headcount (sites). */
  headcount: number | null;
  /** Changes when the local camera stream is (re)opened. */
  localStreamVersion: number;
  /** The last time the connection came back, shown briefly to reassure the room. */
  reconnectedAt?: number;
}

export const initialMeetingState: MeetingViewState = {
  phase: 'connecting',
  floor: { queue: [], holder: null, spotlight: null, muteAllAt: null },
  programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: null, returnVideo: null },
  sites: {},
  received: [],
  activeSpeaker: null,
  presenting: false,
  rollCall: null,
  quality: {},
  alerts: [],
  messages: [],
  seenMessageId: null,
  headcount: null,
  localStreamVersion: 0,
};
