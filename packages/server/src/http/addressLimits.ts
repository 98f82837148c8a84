import { RetryLaterError } from '@pm/shared';
import type { Express, RequestHandler } from 'express';
import type { PlatformIo } from '../signalling/socketServer.js';
import { TokenBuckets, type Rate } from '../util/tokenBuckets.js';
import { clientAddress, handshakeAddress } from './clientAddress.js';

export interface AddressLimits {
  /** HTTP requests one client address may make (per node). */
  requests: Rate;
  /** Signalling connections one client address may hold open at once (per node). */
  sockets: number;
}

/**
 * Limits each client address's HTTP requests on this node, before anything else reads them: over
 * the limit, 429 with Retry-After. Meeting rooms behind one NAT share an address, so the defaults
 * (README, Security) leave room for a whole province's kiosks loading the page at once.
 */
export function requestsPerAddress(rate: Rate): RequestHandler {
  const buckets = new TokenBuckets<string>(() => rate);
  return (req, res, next) => {
    const wait = buckets.take(clientAddress(req));
    if (wait === 0) {
      next();
      return;
    }
    res.status(429).set('Retry-After', String(wait)).json(new RetryLaterError('too many requests from this address', wait).toJSON());
  };
}

/** Refuses a signalling connection from an address that holds `limit` open on this node already. */
export function socketsPerAddress(io: PlatformIo, app: Express, limit: number): void {
  const open = new Map<string, number>();
  io.use((socket, next) => {
    const address = handshakeAddress(app, socket.request);
    const count = open.get(address) ?? 0;
    if (count >= limit) {
      next(new Error('TOO_MANY_REQUESTS'));
      return;
    }
    open.set(address, count + 1);
    socket.once('disconnect', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
    next();
  });
}
