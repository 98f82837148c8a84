import type { RequestHandler, Router } from 'express';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { WorkerPool } from '../sfu/workerPool.js';
import type { RequestObserver } from '../signalling/handler.js';
import { httpMetrics } from './httpMetrics.js';
import { registerMeetingMetrics, type LiveCensus } from './meetingMetrics.js';
import { metricsRoute } from './metricsRoute.js';
import { signallingMetrics } from './signallingMetrics.js';
import { registerWorkerMetrics } from './workerMetrics.js';

export interface MetricSources {
  workers: WorkerPool;
  census(): Promise<LiveCensus>;
  draining(): boolean;
  /** Free space on PM_DATA_DIR's disk. */
  dataDirFreeBytes(): Promise<number>;
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
export function nodeMetrics(sources: MetricSources, token: string | undefined): NodeMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  registerWorkerMetrics(registry, sources.workers);
  registerMeetingMetrics(registry, () => sources.census(), () => sources.draining());
  new Gauge({
    name: 'pm_data_dir_free_bytes',
    help: 'Free space on the disk of PM_DATA_DIR (recordings, attachments, database): alert well above DATA_DIR_MIN_FREE_MB',
    registers: [registry],
    async collect() {
      this.set(await sources.dataDirFreeBytes());
    },
  });
  return { router: metricsRoute(registry, token), http: httpMetrics(registry), signalling: signallingMetrics(registry) };
}
