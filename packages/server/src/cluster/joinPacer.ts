import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

// A token bucket shared by every node, in Redis time. Each join takes a token even when the
// bucket is empty (it goes negative): the count below zero is the queue, and the answer is how
// long this join waits for its turn. So a storm is paced in arrival order instead of refused,
// and nobody retries in a loop.
const TAKE = `
local now = redis.call('TIME')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens') or burst)
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or nowMs)
tokens = math.min(burst, tokens + (nowMs - at) * rate / 1000) - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(nowMs))
redis.call('PEXPIRE', KEYS[1], 60000)
if tokens >= 0 then return 0 end
return math.ceil(-tokens * 1000 / rate)`;

/**
 * Paces site joins across the cluster (a whole province reconnecting after a network cut must not
 * stall the meetings that run): at most `ratePerSecond` placements per second after a burst of as
 * many, queued in arrival order. If Redis cannot answer, joins are not held up.
 */
export class JoinPacer {
  constructor(
    private readonly redis: Redis,
    private readonly ratePerSecond: number,
    private readonly log: Logger,
  ) {}

  /** Resolves when this join's turn has come; returns how long it waited (ms). */
  async admit(): Promise<number> {
    let waitMs: number;
    try {
      waitMs = Number(await this.redis.eval(TAKE, 1, 'join-pacer', this.ratePerSecond, this.ratePerSecond));
    } catch (err) {
      this.log.warn({ err }, 'join pacing unavailable; admitting at once');
      return 0;
    }
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    return waitMs;
  }
}
