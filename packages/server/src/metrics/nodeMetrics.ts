import type { RequestHandler, Router } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { WorkerPool } from '../sfu/workerPool.js';
import type { RequestObserver } from '../signalling/handler.js';
import { httpMetrics } from './httpMetrics.js';
import { registerMeetingMetrics, type LiveCensus } from './meetingMetrics.js';
import { metricsRoute, type MetricsAccess } from './metricsRoute.js';
import { signallingMetrics } from './signallingMetrics.js';
import { registerWorkerMetrics } from './workerMetrics.js';

export interface MetricSources {
  workers: WorkerPool;
  census(): Promise<LiveCensus>;
  draining(): boolean;
}

export interface NodeMetrics {
  /** `GET /metrics`. */
  router: Router;
  /** Times HTTP requests: mount before the routes. */
  http: RequestHandler;
  /** The signalling edge's observer. */
  signalling: RequestObserver;
}

/**
 * The Prometheus metrics of one node, in a registry of its own (tests run several nodes in one
 * process). Gauges are read from their sources when scraped; nothing runs on a timer.
 */
export function nodeMetrics(sources: MetricSources, access: MetricsAccess): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerWorkerMetrics(registry, sources.workers);
  registerMeetingMetrics(registry, () => sources.census(), () => sources.draining());
  return { router: metricsRoute(registry, access), http: httpMetrics(registry), signalling: signallingMetrics(registry) };
}
