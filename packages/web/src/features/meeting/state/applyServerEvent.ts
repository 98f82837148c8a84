import type { MeetingSummary, ServerEventName, ServerEventPayload, SiteAlert } from '@pm/shared';
import type { ServerEvent } from '../../../signalling/signallingClient';
import type { MeetingViewState } from './meetingState';

/** Alerts kept on screen; older ones drop off. */
export const MAX_ALERTS = 20;

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
  | { type: 'localStreamOpened' };

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
  'meeting:floor': (state, floor) => ({ ...state, floor }),
  'meeting:programme': (state, programme) => ({ ...state, programme }),
  'meeting:siteStatus': (state, site) => ({ ...state, sites: { ...state.sites, [site.siteId]: site } }),
  'meeting:activeSpeaker': (state, { siteId }) => (state.activeSpeaker === siteId ? state : { ...state, activeSpeaker: siteId }),
  'meeting:ended': (state) => ({ ...state, phase: 'ended' }),
  // The room lost the floor (or its invitation): the connection has stopped the share.
  'presentation:ended': (state) => (state.presenting ? { ...state, presenting: false } : state),
  // The home screen's concern, not the meeting's.
  'schedule:changed': unchanged,
  'rollcall:update': (state, rollCall) => ({ ...state, rollCall }),
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
  switch (event.type) {
    case 'joining':
      return { ...state, phase: state.summary ? 'reconnecting' : 'connecting', received: [], presenting: false };
    case 'joined': {
      const { summary } = event;
      return {
        ...state,
        summary,
        rollCall: summary.rollCall,
        headcount: summary.headcount,
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
    case 'localStreamOpened':
      return { ...state, localStreamVersion: state.localStreamVersion + 1 };
    default:
      return applyPushed(state, event);
  }
}
