import type { RequestName } from '@pm/shared';
import { TokenBuckets, type Rate } from '../util/tokenBuckets.js';

/**
 * What one client may ask per second, by kind. A kiosk joins once, asks for the floor now and
 * then and reports its connection every 5 s; an operator's wall resumes a consumer per tile on
 * screen. Anything faster is a broken or hostile client (issue 15: 2,000 floor requests in 0.2 s
 * became 2,000 broadcasts to every room; 2,000 transports in 0.5 s held the worker's memory).
 */
const RATES: Partial<Record<RequestName, Rate>> = {
  'meeting:join': { perSecond: 0.5, burst: 3 },
  'check:start': { perSecond: 0.5, burst: 3 },
  'media:createTransport': { perSecond: 1, burst: 6 },
  'floor:request': { perSecond: 1, burst: 5 },
  'floor:cancel': { perSecond: 1, burst: 5 },
  'quality:report': { perSecond: 1, burst: 5 },
  'rollcall:start': { perSecond: 0.5, burst: 3 },
};
const DEFAULT_RATE: Rate = { perSecond: 20, burst: 100 };

/** Refusals within `windowMs` after which the client is disconnected: it was told, and went on. */
export const PERSISTENCE = { refusals: 50, windowMs: 10_000 };

export type RateVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; persistent: boolean };

/**
 * One socket's request budget: a token bucket per kind of request, scaled by the node's setting
 * (`SIGNALLING_RATE_FACTOR`), and a count of the refusals that tells a client to go.
 */
export class RequestRate {
  private readonly buckets: TokenBuckets<RequestName>;
  private refusals: number[] = [];

  constructor(
    factor = 1,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.buckets = new TokenBuckets((name) => {
      const rate = RATES[name] ?? DEFAULT_RATE;
      return { perSecond: rate.perSecond * factor, burst: rate.burst * factor };
    }, now);
  }

  take(name: RequestName): RateVerdict {
    const retryAfterSeconds = this.buckets.take(name);
    if (retryAfterSeconds === 0) return { allowed: true };
    const now = this.now();
    this.refusals = this.refusals.filter((at) => at > now - PERSISTENCE.windowMs);
    this.refusals.push(now);
    return { allowed: false, retryAfterSeconds, persistent: this.refusals.length >= PERSISTENCE.refusals };
  }
}
