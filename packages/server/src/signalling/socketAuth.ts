import type { PlatformIo } from './socketServer.js';
import type { PlatformSocket } from './socketSession.js';
import { sessionTokenFrom, type SessionStore } from '../auth/sessions.js';

/** setTimeout's longest delay; a later expiry is looked at again then. */
const MAX_TIMER_MS = 2 ** 31 - 1;

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
 * without one is refused with the error message UNAUTHENTICATED, one whose account must change its
 * published password first with PASSWORD_CHANGE_REQUIRED.
 */
export function socketAuth(sessions: SessionStore) {
  const authenticate = async (socket: PlatformSocket): Promise<Error | undefined> => {
    const token = sessionTokenFrom(socket.request.headers.cookie);
    const session = token ? await sessions.resolve(token) : undefined;
    if (!session) return new Error('UNAUTHENTICATED');
    // Nothing but the password page until the published password is changed.
    if (session.passwordChangeRequired) return new Error('PASSWORD_CHANGE_REQUIRED');
    const { identity, tokenHash } = session;
    socket.data.identity = identity;
    closeAtExpiry(socket, sessions, tokenHash, session.expiresAt);
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

/**
 * A socket lives no longer than its session: at the session's expiry it is looked up again (HTTP
 * use may have extended it) and the socket is closed if it has ended. Logout, a password change
 * and a disabled account close sockets at once (disconnectSockets).
 */
function closeAtExpiry(socket: PlatformSocket, sessions: SessionStore, tokenHash: string, expiresAt: Date): void {
  let timer: NodeJS.Timeout | undefined;
  const watch = (until: Date) => {
    timer = setTimeout(() => {
      sessions.expiryOf(tokenHash).then(
        (extended) => (extended ? watch(extended) : socket.disconnect(true)),
        () => watch(new Date(Date.now() + 60_000)),
      );
    }, Math.min(Math.max(until.getTime() - Date.now(), 0), MAX_TIMER_MS));
    timer.unref();
  };
  watch(expiresAt);
  socket.on('disconnect', () => clearTimeout(timer));
}

/** Ends the live connections of a session or of every session of an account. */
export function disconnectSockets(io: PlatformIo, target: { tokenHash: string } | { userId: string }): void {
  io.in('tokenHash' in target ? socketRooms.session(target.tokenHash) : socketRooms.user(target.userId)).disconnectSockets(true);
}
