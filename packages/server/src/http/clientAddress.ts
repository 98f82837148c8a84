import type { IncomingMessage } from 'node:http';
import type { Express, Request } from 'express';

/**
 * The client's address, for throttling: the connection's peer, or under TRUST_PROXY the address
 * the trusted proxy in front reports (express's `trust proxy`, set from the settings).
 */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/**
 * The same for a request express never routed (socket.io's handshake and WebSocket upgrade):
 * read through express's own request prototype, so the app's `trust proxy` applies alike.
 */
export function handshakeAddress(app: Express, request: IncomingMessage): string {
  const viewed = Object.assign(Object.create(app.request) as Request, { app, headers: request.headers, socket: request.socket });
  return clientAddress(viewed);
}
