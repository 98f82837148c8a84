import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { CodedError } from '@pm/shared';
import type { Socket } from 'socket.io';
import type { PeerMedia } from '../sfu/peerMedia.js';

export type PlatformSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/**
 * What the server knows about one connected client. The media it holds belongs to whichever
 * feature placed it (a technical check now, a meeting later); the session only points at it.
 */
export class SocketSession {
  private currentMedia: PeerMedia | undefined;

  constructor(readonly socket: PlatformSocket) {}

  get id(): string {
    return this.socket.id;
  }

  get media(): PeerMedia {
    if (!this.currentMedia || this.currentMedia.isClosed) {
      throw new CodedError('CONFLICT', 'no media session: start a check or join a meeting first');
    }
    return this.currentMedia;
  }

  /** Replaces the client's media, closing what it had. */
  setMedia(media: PeerMedia | undefined): void {
    if (this.currentMedia !== media) this.currentMedia?.close();
    this.currentMedia = media;
  }

  close(): void {
    this.setMedia(undefined);
  }
}
