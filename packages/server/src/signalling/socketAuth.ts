import type { PlatformIo } from './socketServer.js';
import type { PlatformSocket } from './socketSession.js';
import { sessionTokenFrom, type SessionStore } from '../auth/sessions.js';

/** socket.io rooms every authenticated socket joins, so the server can reach it by account. */
export const socketRooms = {
  session: (tokenHash: string) => `session:${tokenHash}`,
  user: (userId: string) => `user:${userId}`,
  site: (siteId: string) => `site:${siteId}`,
  /** Accounts that are not a meeting room: they hear about every schedule change. */
  staff: 'schedule:staff',
};

/**
 * socket.io middleware: the handshake must carry a valid `pm_session` cookie (the browser sends
 * it with the WebSocket upgrade). The identity lands on `socket.data.identity`; a connection
 * without one is refused with the error message UNAUTHENTICATED.
 */
export function socketAuth(sessions: SessionStore) {
  const authenticate = async (socket: PlatformSocket): Promise<Error | undefined> => {
    const token = sessionTokenFrom(socket.request.headers.cookie);
    const session = token ? await sessions.resolve(token) : undefined;
    if (!session) return new Error('UNAUTHENTICATED');
    const { identity, tokenHash } = session;
    socket.data.identity = identity;
    await socket.join([
      socketRooms.session(tokenHash),
      socketRooms.user(identity.userId),
      identity.siteId ? socketRooms.site(identity.siteId) : socketRooms.staff,
    ]);
    return undefined;
  };
  return (socket: PlatformSocket, next: (error?: Error) => void): void => {
    authenticate(socket).then(next, () => next(new Error('INTERNAL')));
  };
}

/** Ends the live connections of a session or of every session of an account. */
export function disconnectSockets(io: PlatformIo, target: { tokenHash: string } | { userId: string }): void {
  io.in('tokenHash' in target ? socketRooms.session(target.tokenHash) : socketRooms.user(target.userId)).disconnectSockets(true);
}
