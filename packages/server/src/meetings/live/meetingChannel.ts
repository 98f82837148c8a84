import type { ServerEventName, ServerEventPayload } from '@pm/shared';

/** Sends one of the protocol's pushed events. */
export type Push = <N extends ServerEventName>(event: N, payload: ServerEventPayload<N>) => void;

/**
 * Reaches one participant's client (its kiosk, console or wall), whatever carries it: the meeting
 * core holds this, never a socket. Implemented by `signalling/`.
 */
export interface ParticipantLink {
  /** Stable for the connection; audiences are joined by it. */
  readonly id: string;
  send: Push;
}

/**
 * Reaches the audiences of one live meeting on every node of the cluster: everyone in it, or its
 * staff (the chair and operators). Implemented by `signalling/` with socket.io rooms.
 */
export interface MeetingChannel {
  toAll: Push;
  toStaff: Push;
  /** Reaches one invited room's screens wherever they are, in this meeting or not (its home screen). */
  toSite<N extends ServerEventName>(siteId: string, event: N, payload: ServerEventPayload<N>): void;
  /** The participant hears the meeting's pushes from now on (and its staff's, for the chair and operators). */
  admit(link: ParticipantLink, audience: 'site' | 'staff'): void;
  /** The participant hears nothing more of this meeting. */
  dismiss(link: ParticipantLink): void;
}

/** Opens the channel of a meeting. */
export type MeetingChannels = (meetingId: string) => MeetingChannel;
