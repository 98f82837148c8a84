import type { Request, RequestHandler } from 'express';
import { Histogram, type Registry } from 'prom-client';

/** Times every HTTP request; mount it before the routes. */
export function httpMetrics(registry: Registry): RequestHandler {
  const duration = new Histogram({
    name: 'pm_http_request_duration_seconds',
    help: 'HTTP requests from arrival to the last byte sent, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  return (req, res, next) => {
    const started = performance.now();
    res.once('finish', () => {
      duration.observe({ method: req.method, route: routeOf(req), status: String(res.statusCode) }, (performance.now() - started) / 1000);
    });
    next();
  };
}

/**
 * The matched route's template (`/api/meetings/:id`), never the path itself: ids in a label would
 * make a series per meeting. Static files, the web app and unknown paths share one value.
 */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? path : 'other';
}
