import type { RecordingStatus } from '@pm/shared';
import type { SessionNotices } from '../auth/sessionNotices.js';
import type { ScheduleNotices } from '../meetings/schedule/scheduleNotices.js';
import { disconnectSockets, socketRooms } from './socketAuth.js';
import type { PlatformIo } from './socketServer.js';

/** What the platform tells connected clients outside a live meeting, through their account's rooms. */
export class SocketPushes implements ScheduleNotices, SessionNotices {
  constructor(private readonly io: PlatformIo) {}

  scheduleChanged(meetingId: string, change: 'created' | 'updated' | 'cancelled', siteIds: Iterable<string>): void {
    this.io.to([socketRooms.staff, ...[...siteIds].map(socketRooms.site)]).emit('schedule:changed', { meetingId, change });
  }

  /** The invited sites (home screen or meeting alike) and every staff screen show the recording's state. */
  recordingState(siteIds: string[], status: RecordingStatus): void {
    this.io.to([socketRooms.staff, ...siteIds.map(socketRooms.site)]).emit('recording:state', status);
  }

  endSessions(tokenHashes: string[]): void {
    for (const tokenHash of tokenHashes) disconnectSockets(this.io, { tokenHash });
  }

  endAccount(userId: string): void {
    disconnectSockets(this.io, { userId });
  }
}
