import type { FloorState, SiteStatus } from '@pm/shared';
import type { MeetingViewState } from './meetingState';
import { networkLevel, type NetworkLevel } from './networkLevel';

/**
 * What each part of a screen reads of the meeting's state. A component re-renders only when what
 * its selectors return changes, so a kiosk reading the floor sleeps through quality samples.
 * Selectors return parts of the state as they are (or primitives), never fresh objects, unless
 * their hook is given an equality to compare with.
 */
export type Selector<T> = (state: MeetingViewState) => T;

export const selectPhase: Selector<MeetingViewState['phase']> = (s) => s.phase;
export const selectError: Selector<unknown> = (s) => s.error;
export const selectReconnectedAt: Selector<number | undefined> = (s) => s.reconnectedAt;
export const selectSummary: Selector<MeetingViewState['summary']> = (s) => s.summary;
export const selectTitle: Selector<string | undefined> = (s) => s.summary?.title;
export const selectRole: Selector<'chair' | 'site' | 'operator' | undefined> = (s) => s.summary?.role;
export const selectSelfSiteId: Selector<string | null | undefined> = (s) => s.summary?.selfSiteId;
export const selectFloor: Selector<FloorState> = (s) => s.floor;
export const selectProgramme: Selector<MeetingViewState['programme']> = (s) => s.programme;
export const selectSites: Selector<MeetingViewState['sites']> = (s) => s.sites;
export const selectInvitedCount: Selector<number> = (s) => Object.keys(s.sites).length;
export const selectRollCall: Selector<MeetingViewState['rollCall']> = (s) => s.rollCall;
export const selectAlerts: Selector<MeetingViewState['alerts']> = (s) => s.alerts;
export const selectMessages: Selector<MeetingViewState['messages']> = (s) => s.messages;

/** The message a kiosk shows large: the newest one, until the room has put it away. */
export const selectBannerMessage: Selector<MeetingViewState['messages'][number] | undefined> = (s) => {
  const newest = s.messages[0];
  return newest && newest.id !== s.seenMessageId ? newest : undefined;
};
export const selectHeadcount: Selector<number | null> = (s) => s.headcount;
export const selectPresenting: Selector<boolean> = (s) => s.presenting;
export const selectLocalStreamVersion: Selector<number> = (s) => s.localStreamVersion;

/**
 * Whether this screen's own camera is on the programme: a room then watches the return picture,
 * never itself. A room presenting its screen watches its slides as every room sees them.
 */
export const selectOnProgramme: Selector<boolean> = (s) =>
  s.summary?.role === 'site' &&
  !!s.summary.selfSiteId &&
  s.programme.videoSiteId === s.summary.selfSiteId &&
  s.programme.videoKind === 'camera';

/** Whether the inset's camera is this screen's own (the presenter does not watch itself). */
const ownInset = (s: MeetingViewState) => {
  const inset = s.programme.inset;
  if (!inset || !s.summary) return false;
  return s.summary.role === 'site' ? inset.siteId === s.summary.selfSiteId : s.summary.role === 'chair' && inset.siteId === null;
};

/** The presenter's camera, shown small over a presentation: its consumer, while there is one to show. */
export const selectProgrammeInset: Selector<string | undefined> = (s) =>
  s.programme.inset && !ownInset(s) ? s.received.find((r) => r.purpose === 'programme-inset')?.consumerId : undefined;

/** Whether this screen may share its screen now: the chair always, a room holding the floor or invited to present. */
export const selectMayPresent: Selector<boolean> = (s) => {
  if (s.summary?.role === 'chair') return true;
  const selfId = s.summary?.role === 'site' ? s.summary.selfSiteId : null;
  return !!selfId && (s.floor.holder?.siteId === selfId || s.floor.presenter === selfId);
};

/** The picture this screen shows for the programme: the programme's, or the return picture while it is on it. */
export const selectProgrammeVideo: Selector<string | undefined> = (s) => {
  const purpose = selectOnProgramme(s) ? 'return-video' : 'programme-video';
  return s.received.find((r) => r.purpose === purpose)?.consumerId;
};

/** Every programme audio track (the chair and whoever holds the floor): compare with `sameItems`. */
export const selectProgrammeAudio: Selector<string[]> = (s) =>
  s.received.filter((r) => r.purpose === 'programme-audio').map((r) => r.consumerId);

/** A site's wall tile video, if it is received. */
export const selectWallTile =
  (siteId: string): Selector<string | undefined> =>
  (s) =>
    s.received.find((r) => r.purpose === 'wall' && r.siteId === siteId)?.consumerId;

export const selectQualityFigures = (siteId: string) => (s: MeetingViewState) => s.quality[siteId]?.figures;

export const selectIsTalking =
  (siteId: string): Selector<boolean> =>
  (s) =>
    s.activeSpeaker === siteId;

/** Where a site kiosk stands: holding the floor, or its place in the queue (0: not queued). */
export const selectOwnFloor: Selector<{ hasFloor: boolean; position: number }> = (s) => {
  const selfId = s.summary?.selfSiteId;
  return {
    hasFloor: !!selfId && s.floor.holder?.siteId === selfId,
    position: s.floor.queue.findIndex((r) => r.siteId === selfId) + 1,
  };
};

export type WallStatus = 'absent' | 'connected' | 'poor' | 'reconnecting' | 'speaking' | 'requesting';

/** What colour a site's tile has: speaking and requesting win over plain connection states. */
export function wallStatus(site: SiteStatus, floor: FloorState): WallStatus {
  if (floor.holder?.siteId === site.siteId) return 'speaking';
  if (site.connection !== 'absent' && floor.queue.some((r) => r.siteId === site.siteId)) return 'requesting';
  return site.connection;
}

export function siteName(sites: MeetingViewState['sites'], siteId: string): string {
  return sites[siteId]?.name ?? siteId;
}

/** Equality for selectors that build arrays of primitives. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/** Equality for selectors that build small records of primitives. */
export function sameFields<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>;
  return keys.length === Object.keys(b).length && keys.every((k) => Object.is(a[k], b[k]));
}

/**
 * What a kiosk tells its room about itself: whether its picture is on every screen, whether its
 * microphone is in the programme (a spotlighted room's microphone may well be closed), its floor.
 */
export const selectOwnMedia: Selector<{ onProgramme: boolean; micOpen: boolean }> = (s) => {
  const selfId = s.summary?.selfSiteId;
  return { onProgramme: selectOnProgramme(s), micOpen: !!selfId && s.programme.audioSiteIds.includes(selfId) };
};

/** The kiosk's network indicator: its own measurement while live, "down" while the connection is lost. */
export const selectNetworkLevel: Selector<NetworkLevel | 'down'> = (s) =>
  s.phase === 'reconnecting' || s.phase === 'failed' ? 'down' : s.phase === 'live' ? networkLevel(s.ownQuality) : 'unknown';

export const selectFloorNotice: Selector<MeetingViewState['floorNotice']> = (s) => s.floorNotice;
export const selectAgendaItem: Selector<number | null> = (s) => s.agendaItem;

/**
 * Nothing is on the programme yet: the chair has not arrived (or has left), so the room sees the
 * waiting screen rather than a black picture captioned as the chair.
 */
export const selectWaitingForChair: Selector<boolean> = (s) => s.phase === 'live' && s.programme.videoKind === null;

/** Whether the voice heard now is the one whose picture is on the programme (a site's, by its id). */
export const selectProgrammeSpeaking: Selector<boolean> = (s) =>
  s.activeSpeaker !== null && s.activeSpeaker === s.programme.videoSiteId;

/** Every status a site can show on the wall, in the order the legend lists them. */
export const wallStatuses: readonly WallStatus[] = ['speaking', 'requesting', 'connected', 'poor', 'reconnecting', 'absent'];

/** How many sites show each status, and how many are present (any status but absent): the wall's counters. */
export function wallCounts(sites: MeetingViewState['sites'], floor: FloorState): Record<WallStatus, number> & { present: number; invited: number } {
  const counts = { speaking: 0, requesting: 0, connected: 0, poor: 0, reconnecting: 0, absent: 0 };
  for (const site of Object.values(sites)) counts[wallStatus(site, floor)]++;
  const invited = Object.keys(sites).length;
  return { ...counts, present: invited - counts.absent, invited };
}

/** Invited sites that have not answered the roll call, by name (none while there is no roll call). */
export function unansweredSites(sites: MeetingViewState['sites'], rollCall: MeetingViewState['rollCall']): SiteStatus[] {
  if (!rollCall) return [];
  return Object.values(sites)
    .filter((site) => rollCall.confirmed[site.siteId] === undefined)
    .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}
