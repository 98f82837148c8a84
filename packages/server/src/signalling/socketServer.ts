import type { Server as HttpServer } from 'node:http';
import type { ClientToServerEvents, ServerToClientEvents } from '@pm/shared';
import { Server } from 'socket.io';
import type { Logger } from '../logger.js';
import { attachHandlers, type HandlerTable, type RequestObserver } from './handler.js';
import { SocketSession, type SocketData } from './socketSession.js';

export type PlatformIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/**
 * The socket.io server. It only accepts connections and hands each to a session with the feature
 * handler tables; everything else lives in the features.
 */
export function createSocketServer(
  httpServer: HttpServer,
  features: (io: PlatformIo) => HandlerTable[],
  log: Logger,
  observer?: RequestObserver,
): PlatformIo {
  const io: PlatformIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    // Signalling messages are small; a large one is a mistake or an attack.
    maxHttpBufferSize: 256 * 1024,
  });
  const tables = features(io);
  io.on('connection', (socket) => {
    const session = new SocketSession(socket);
    log.debug({ socket: socket.id }, 'socket connected');
    attachHandlers(session, tables, log, observer);
    socket.on('disconnect', (reason) => {
      session.close();
      log.debug({ socket: socket.id, reason }, 'socket disconnected');
    });
  });
  return io;
}
