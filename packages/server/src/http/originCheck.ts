import type { IncomingMessage } from 'node:http';
import { CodedError } from '@pm/shared';
import type { RequestHandler } from 'express';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The platform's own pages besides the address a request reached: PUBLIC_URL and, in a cluster,
 * every node's URL (a page served by one node follows its meeting to the node that hosts it).
 */
export type PlatformOrigins = () => Promise<string[]>;

/**
 * Whether a browser request comes from the platform's own pages. Browsers name the page's origin
 * in `Origin` on every cross-site request and on same-site POSTs; it must be this server as the
 * browser reached it (the Host it asked for) or one of the platform's origins. A request without
 * `Origin` is not from another site's page (curl, the test clients, same-origin GETs), so the
 * cookie's SameSite=Lax and this check together refuse cross-site writes.
 */
export async function fromOwnOrigin(req: IncomingMessage, platformOrigins: PlatformOrigins): Promise<boolean> {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  return (await platformOrigins()).some((url) => new URL(url).host === host);
}

/** Express: state-changing requests from another site's page are refused (CSRF beyond SameSite). */
export function originCheck(platformOrigins: PlatformOrigins): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) {
      next();
      return;
    }
    fromOwnOrigin(req, platformOrigins).then(
      (own) => next(own ? undefined : new CodedError('FORBIDDEN', 'this request comes from another site’s page')),
      (error: unknown) => next(error),
    );
  };
}
