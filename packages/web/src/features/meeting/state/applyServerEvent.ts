import type { ClientQualityReport, FloorState, MeetingSummary, ServerEventName, ServerEventPayload, SiteAlert } from '@pm/shared';
import type { ServerEvent } from '../../../signalling/signallingClient';
import type { FloorNotice, MeetingViewState } from './meetingState';

/** Alerts kept on screen; older ones drop off. */
export const MAX_ALERTS = 20;
/** Messages kept on screen; older ones stay in the meeting's log. */
export const MAX_MESSAGES = 50;

/** What the client itself does to the meeting's state, beside what the server pushes. */
export type ClientTransition =
  /** A (re)join begins: what was received belongs to the media being rebuilt. */
  | { type: 'joining' }
  /** The server accepted the join: its summary replaces what the screen knew. */
  | { type: 'joined'; summary: MeetingSummary }
  /** Media are up; `at` is when, for the "reconnected" notice after a rejoin. */
  | { type: 'live'; at: number }
  | { type: 'reconnecting' }
  | { type: 'failed'; error: unknown }
  | { type: 'presenting'; presenting: boolean }
  | { type: 'headcountSaved'; headcount: number }
  | { type: 'alertDismissed'; alert: SiteAlert }
  | { type: 'messageSeen'; messageId: string }
  | { type: 'localStreamOpened' }
  /** The kiosk measured its own connection (the figures it also reports to the server). */
  | { type: 'ownQualityMeasured'; report: ClientQualityReport };

export type MeetingEvent = ServerEvent | ClientTransition;

type PushedHandlers = {
  [N in ServerEventName]: (state: MeetingViewState, payload: ServerEventPayload<N>) => MeetingViewState;
};

const unchanged = (state: MeetingViewState) => state;

/**
 * How every pushed event changes what the screens show. Every event of the protocol has an entry,
 * so a new event does not compile until someone decides what it means here.
 */
const pushed: PushedHandlers = {
  // Applied once the media service has built the consumer, so a screen never looks up a missing track.
  'media:newConsumer': (state, c) => ({
    ...state,
    received: [
      ...state.received.filter((r) => r.consumerId !== c.id),
      { consumerId: c.id, purpose: c.purpose, siteId: c.siteId, kind: c.kind },
    ],
  }),
  'media:consumerClosed': (state, { consumerId }) =>
    state.received.some((r) => r.consumerId === consumerId)
      ? { ...state, received: state.received.filter((r) => r.consumerId !== consumerId) }
      : state,
  // The connection rebuilds its media; the rejoin's `joining` clears what was received.
  'media:reconnectRequired': unchanged,
  'meeting:floor': (state, floor) => ({ ...state, floor, floorNotice: floorNotice(state, floor) ?? state.floorNotice }),
  'meeting:programme': (state, programme) => ({ ...state, programme }),
  'meeting:siteStatus': (state, site) => ({ ...state, sites: { ...state.sites, [site.siteId]: site } }),
  'meeting:activeSpeaker': (state, { siteId }) => (state.activeSpeaker === siteId ? state : { ...state, activeSpeaker: siteId }),
  // The media close with the meeting; nothing is received any more.
  'meeting:ended': (state) => ({ ...state, phase: 'ended', received: [], presenting: false, activeSpeaker: null }),
  'meeting:agendaItem': (state, { position }) => (state.agendaItem === position ? state : { ...state, agendaItem: position }),
  // The room lost the floor (or its invitation): the connection has stopped the share.
  'presentation:ended': (state) => (state.presenting ? { ...state, presenting: false } : state),
  // The home screen's concern, not the meeting's.
  'schedule:changed': unchanged,
  'meeting:callBack': unchanged,
  'rollcall:update': (state, rollCall) => ({ ...state, rollCall }),
  'meeting:message': (state, message) => ({ ...state, messages: [message, ...state.messages].slice(0, MAX_MESSAGES) }),
  'meeting:quality': (state, { sites }) => ({
    ...state,
    quality: { ...state.quality, ...Object.fromEntries(sites.map((q) => [q.siteId, q])) },
  }),
  'meeting:alert': (state, alert) => ({ ...state, alerts: [alert, ...state.alerts].slice(0, MAX_ALERTS) }),
  // The recording bar keeps its own subscription.
  'recording:state': unchanged,
  // Node routing moves the connection; the state hears of it through `reconnecting`.
  'node:draining': unchanged,
};

/**
 * What a floor change did to a kiosk's own room, if anything it should be told: everyone muted,
 * the staff closed its microphone, its turn ended, or the floor given to it. Other screens (and
 * other rooms' changes) get none.
 */
function floorNotice(state: MeetingViewState, next: FloorState): FloorNotice | undefined {
  const selfId = state.summary?.role === 'site' ? state.summary.selfSiteId : null;
  if (!selfId) return undefined;
  const had = state.floor.holder?.siteId === selfId;
  const has = next.holder?.siteId === selfId;
  const kind =
    next.muteAllAt !== null && next.muteAllAt !== state.floor.muteAllAt
      ? 'mutedAll'
      : next.mutedSite?.siteId === selfId && next.mutedSite.at !== state.floor.mutedSite?.at
        ? 'mutedByStaff'
        : had && !has
          ? 'revoked'
          : !had && has
            ? 'granted'
            : undefined;
  return kind && { kind, seq: (state.floorNotice?.seq ?? 0) + 1 };
}

function applyPushed<N extends ServerEventName>(state: MeetingViewState, event: ServerEvent<N>): MeetingViewState {
  // The table is indexed by the event's own name, so its handler takes exactly this payload.
  const handler = pushed[event.type] as (state: MeetingViewState, payload: ServerEventPayload<N>) => MeetingViewState;
  return handler(state, event.payload);
}

/**
 * The meeting's state after one event, pushed by the server or done by the client: pure, so the
 * screens' whole behaviour is testable without a socket. Returns the same object when nothing
 * changed, so nobody is told.
 */
export function applyServerEvent(state: MeetingViewState, event: MeetingEvent): MeetingViewState {
  // An ended meeting stays ended: the connection closing behind it is no drop to reconnect from.
  if (state.phase === 'ended') return state;
  switch (event.type) {
    case 'joining':
      // The figures measured on the media being rebuilt no longer describe the connection.
      return { ...state, phase: state.summary ? 'reconnecting' : 'connecting', received: [], presenting: false, ownQuality: null };
    case 'joined': {
      const { summary } = event;
      return {
        ...state,
        summary,
        rollCall: summary.rollCall,
        headcount: summary.headcount,
        agendaItem: summary.agendaItem ?? null,
        floor: summary.floor,
        programme: summary.programme,
        sites: Object.fromEntries(summary.sites.map((s) => [s.siteId, s])),
      };
    }
    case 'live':
      return {
        ...state,
        phase: 'live',
        error: undefined,
        // Back after a drop: the room is told so for a moment. The first join is no reconnection.
        reconnectedAt: state.phase === 'reconnecting' ? event.at : state.reconnectedAt,
      };
    case 'reconnecting':
      return state.phase === 'reconnecting' ? state : { ...state, phase: 'reconnecting' };
    case 'failed':
      return { ...state, phase: 'failed', error: event.error };
    case 'presenting':
      return state.presenting === event.presenting ? state : { ...state, presenting: event.presenting };
    case 'headcountSaved':
      return { ...state, headcount: event.headcount };
    case 'alertDismissed':
      return { ...state, alerts: state.alerts.filter((a) => a !== event.alert) };
    case 'messageSeen':
      return { ...state, seenMessageId: event.messageId };
    case 'localStreamOpened':
      return { ...state, localStreamVersion: state.localStreamVersion + 1 };
    case 'ownQualityMeasured':
      return { ...state, ownQuality: event.report };
    default:
      return applyPushed(state, event);
  }
}
