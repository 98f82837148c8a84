import type { ClientToServerEvents, Identity, ServerToClientEvents } from '@pm/shared';
import { CodedError } from '@pm/shared';
import type { Socket } from 'socket.io';
import type { LiveMeeting } from '../meetings/live/liveMeeting.js';
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
 * What the server knows about one connected client. The media it holds belong to whichever
 * feature placed it (a technical check, a meeting); the session only points at them.
 */
export class SocketSession {
  private currentMedia: ParticipantMedia | undefined;
  private currentParticipation: Participation | undefined;
  private readonly closeListeners: Array<() => void> = [];

  constructor(readonly socket: PlatformSocket) {}

  get id(): string {
    return this.socket.id;
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
    const current = this.currentParticipation;
    if (!current || current.participant.media.isClosed) {
      throw new CodedError('CONFLICT', 'join the meeting first');
    }
    return current;
  }

  setParticipation(participation: Participation | undefined): void {
    this.currentParticipation = participation;
  }

  onClose(listener: () => void): void {
    this.closeListeners.push(listener);
  }

  close(): void {
    for (const listener of this.closeListeners) listener();
    this.setMedia(undefined);
  }
}
