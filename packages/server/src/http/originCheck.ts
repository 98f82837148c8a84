import type { IncomingMessage } from 'node:http';
import { CodedError } from '@pm/shared';
import type { RequestHandler } from 'express';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Whether a browser request comes from the platform's own pages. Browsers name the page's origin
 * in `Origin` on every cross-site request and on same-site POSTs; it must be this server as the
 * browser reached it (the Host it asked for) or PUBLIC_URL. A request without `Origin` is not from
 * another site's page (curl, the test clients, same-origin GETs), so the cookie's SameSite=Lax and
 * this check together refuse cross-site writes.
 */
export function fromOwnOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return host === req.headers.host || (publicUrl !== undefined && host === new URL(publicUrl).host);
}

/** Express: state-changing requests from another site's page are refused (CSRF beyond SameSite). */
export function originCheck(publicUrl: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (STATE_CHANGING.has(req.method) && !fromOwnOrigin(req, publicUrl)) {
      next(new CodedError('FORBIDDEN', 'this request comes from another site’s page'));
      return;
    }
    next();
  };
}
