import { Router } from 'express';
import type { WebServer } from '../tls/webServer.js';

/** Mounted before every other route: HSTS on every answer under TLS, and the local CA's certificate. */
export function tlsRoutes(web: WebServer): Router {
  const router = Router();
  if (web.scheme !== 'https') return router;
  router.use((_req, res, next) => {
    // A year, without subdomains: the province's other sites under the same domain are not ours to decide.
    res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  });
  const ca = web.localCa;
  if (ca) {
    router.get('/tls/ca.crt', (_req, res) => {
      res.type('application/x-x509-ca-cert').attachment('province-meet-ca.crt').send(Buffer.from(ca.caPem));
    });
  }
  return router;
}
