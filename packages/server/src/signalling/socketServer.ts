import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { Server } from 'socket.io';
import { fromOwnOrigin, type PlatformOrigins } from '../http/originCheck.js';
import type { Logger } from '../logger.js';
import { attachHandlers, type HandlerTable, type RequestObserver } from './handler.js';
import { RequestRate } from './requestRate.js';
import { SocketSession, type SocketData } from './socketSession.js';

export type PlatformIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The socket.io server, created before the features that push through it and attached to the
 * HTTP server last, once everything is built. Its handshake comes only from the platform's own
 * pages: another site's page cannot open a socket with a signed-in kiosk's cookie.
 */
export function createSocketServer(platformOrigins: PlatformOrigins): PlatformIo {
  return new Server({
    path: '/socket.io',
    serveClient: false,
    // Signalling messages are small; a large one is a mistake or an attack.
    maxHttpBufferSize: 256 * 1024,
    allowRequest: (req, answer) => {
      fromOwnOrigin(req, platformOrigins).then(
        (own) => answer(own ? null : 'FORBIDDEN', own),
        () => answer('FORBIDDEN', false),
      );
    },
  });
}

/**
 * Accepts connections: each becomes a session with the feature handler tables. Everything else
 * lives in the features.
 */
export function serveSignalling(
  io: PlatformIo,
  httpServer: HttpServer,
  tables: HandlerTable[],
  log: Logger,
  { observer, rateFactor }: { observer?: RequestObserver; rateFactor: number },
): void {
  io.on('connection', (socket) => {
    const session = new SocketSession(socket);
    log.debug({ socket: socket.id }, 'socket connected');
    attachHandlers(session, tables, log, observer, new RequestRate(rateFactor));
    socket.on('disconnect', (reason) => {
      session.close();
      log.debug({ socket: socket.id, reason }, 'socket disconnected');
    });
  });
  io.attach(httpServer);
}
