import type { ClientToServerEvents, Identity, ServerEventName, ServerEventPayload, ServerToClientEvents } from '@pm/shared';
import { CodedError } from '@pm/shared';
import type { Socket } from 'socket.io';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
import type { ParticipantLink } from '../meetings/live/meetingChannel.js';
import type { Participant } from '../meetings/live/participant.js';
import type { ParticipantMedia } from '../sfu/participantMedia.js';

/** What the authentication middleware leaves on `socket.data`. */
export interface SocketData {
  identity?: Identity;
}

export type PlatformSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface Participation {
  meeting: LiveMeeting;
  participant: Participant;
}

/**
 * What the server knows about one connected client, and how the meeting core reaches it. The
 * media it holds belong to whichever feature placed it (a technical check, a meeting); the
 * session only points at them.
 */
export class SocketSession implements ParticipantLink {
  private currentMedia: ParticipantMedia | undefined;
  private joined: Participation | undefined;
  private readonly closeListeners: Array<() => void> = [];

  constructor(readonly socket: PlatformSocket) {}

  get id(): string {
    return this.socket.id;
  }

  send<N extends ServerEventName>(event: N, payload: ServerEventPayload<N>): void {
    (this.socket.emit as (e: string, p: unknown) => void)(event, payload);
  }

  get identity(): Identity {
    const identity = this.socket.data.identity;
    if (!identity) throw new CodedError('UNAUTHENTICATED', 'sign in first');
    return identity;
  }

  get media(): ParticipantMedia {
    if (!this.currentMedia || this.currentMedia.isClosed) {
      throw new CodedError('CONFLICT', 'no media session: start a check or join a meeting first');
    }
    return this.currentMedia;
  }

  /** Replaces the client's media, closing what it had. */
  setMedia(media: ParticipantMedia | undefined): void {
    if (this.currentMedia !== media) this.currentMedia?.close();
    this.currentMedia = media;
  }

  get participation(): Participation {
    const current = this.joined;
    if (!current || current.participant.media.isClosed) {
      throw new CodedError('CONFLICT', 'join the meeting first');
    }
    return current;
  }

  /** The meeting the client is in, if any, without requiring one. */
  get currentParticipation(): Participation | undefined {
    return this.joined;
  }

  setParticipation(participation: Participation | undefined): void {
    this.joined = participation;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    for (const listener of this.closeListeners) listener();
    this.setMedia(undefined);
  }
}
