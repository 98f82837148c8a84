import { disconnectSockets, socketRooms } from '../auth/socketAuth.js';
import type { PlatformIo } from './socketServer.js';

/**
 * What the HTTP side tells connected clients. The HTTP routes exist before the socket server, so
 * the server is attached late; until then (and in a process without sockets) pushes are dropped.
 */
export class SocketPushes {
  private io: PlatformIo | undefined;

  attach(io: PlatformIo): void {
    this.io = io;
  }

  /** The invited sites' kiosks and every staff screen refresh their schedule. */
  scheduleChanged(meetingId: string, change: 'created' | 'updated' | 'cancelled', siteIds: Iterable<string>): void {
    this.io?.to([socketRooms.staff, ...[...siteIds].map(socketRooms.site)]).emit('schedule:changed', { meetingId, change });
  }

  /** Live connections of ended sessions go too: a signed-out kiosk must not stay in a meeting. */
  endSessions(tokenHashes: string[]): void {
    for (const tokenHash of tokenHashes) if (this.io) disconnectSockets(this.io, { tokenHash });
  }

  endAccount(userId: string): void {
    if (this.io) disconnectSockets(this.io, { userId });
  }
}
