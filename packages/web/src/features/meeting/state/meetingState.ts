import type {
  ClientQualityReport,
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

/**
 * What the chair just did to this room's floor, told in words on the kiosk: the microphone went
 * off or on without anyone at the room touching it. `seq` tells one notice from the next.
 */
export interface FloorNotice {
  kind: 'granted' | 'revoked' | 'mutedAll' | 'mutedByStaff';
  seq: number;
}

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
  /** This screen shares its screen into the programme (the chair, or a room that may present). */
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
  /** The kiosk's own latest WebRTC figures (sites): its network indicator. */
  ownQuality: ClientQualityReport | null;
  /** The last change to this room's floor made by the chair (sites). */
  floorNotice: FloorNotice | null;
  /** The agenda item under discussion, by position (null: none named). */
  agendaItem: number | null;
}

export const initialMeetingState: MeetingViewState = {
  phase: 'connecting',
  floor: { queue: [], holder: null, spotlight: null, muteAllAt: null, presenter: null, mutedSite: null },
  programme: { videoSiteId: null, videoSiteName: null, audioSiteIds: [], videoKind: null, returnVideo: null, inset: null },
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
  ownQuality: null,
  floorNotice: null,
  agendaItem: null,
};
