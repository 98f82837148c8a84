import { Histogram, type Registry } from 'prom-client';
import type { RequestObserver } from '../signalling/handler.js';

/** Request durations of the signalling edge: by request and outcome, and joins on their own scale. */
export function signallingMetrics(registry: Registry): RequestObserver {
  const requests = new Histogram({
    name: 'pm_signalling_request_duration_seconds',
    help: 'Socket requests from arrival to acknowledgement, by event and outcome (ok or the error code)',
    labelNames: ['event', 'outcome'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const joins = new Histogram({
    name: 'pm_meeting_join_duration_seconds',
    help: 'Successful meeting:join requests, from arrival to answer (opening the meeting, placing the site on a worker)',
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
    registers: [registry],
  });
  return (event, outcome, seconds) => {
    requests.observe({ event, outcome }, seconds);
    if (event === 'meeting:join' && outcome === 'ok') joins.observe(seconds);
  };
}
