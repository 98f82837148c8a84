import type { RequestHandler } from 'express';

/**
 * Headers on every answer that tell the browser what the page may do (HSTS, which belongs to TLS,
 * is set by `tls/webServer.ts`). The app is self-hosted and its build has no inline script, so
 * scripts come from this origin only: script injected into a kiosk page does not run.
 * - `connect-src`: signalling and the API on this origin; in a cluster the page also follows a
 *   meeting to another node's address (`MOVED`), which only the cluster knows, so any http(s)/ws(s)
 *   address is allowed there (scripts stay locked to this origin all the same).
 * - `style-src 'unsafe-inline'`: components and Swagger UI set style attributes; styles run no code.
 * - `frame-ancestors 'none'`: no other site frames a page (clickjacking the chair's console).
 */
export function securityHeaders({ cluster }: { cluster: boolean }): RequestHandler {
  const policy = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    `connect-src 'self'${cluster ? ' http: https: ws: wss:' : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('Content-Security-Policy', policy);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'same-origin');
    res.setHeader('Permissions-Policy', 'camera=(self), microphone=(self), display-capture=(self), geolocation=(), payment=(), usb=()');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  };
}
