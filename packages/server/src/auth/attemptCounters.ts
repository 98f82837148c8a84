import type { Redis } from 'ioredis';

/** A counter and how long until it expires (0 when it does not exist). */
export interface CounterState {
  count: number;
  ttlMs: number;
}

/**
 * Counters that expire, for throttling: in Redis, so every node of a cluster counts the same
 * attempts; in memory for a node without Redis (a cluster of one).
 */
export interface AttemptCounters {
  /** Adds one to the counter; a new counter lives `windowMs` from now, an existing one keeps its expiry. */
  increment(key: string, windowMs: number): Promise<number>;
  read(keys: string[]): Promise<CounterState[]>;
  /** Sets a counter to `count` for exactly `ttlMs`. */
  set(key: string, count: number, ttlMs: number): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

export class RedisAttemptCounters implements AttemptCounters {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, windowMs: number): Promise<number> {
    const results = await this.redis.multi().set(key, 0, 'PX', windowMs, 'NX').incr(key).exec();
    return Number(results?.[1]?.[1] ?? 0);
  }

  async read(keys: string[]): Promise<CounterState[]> {
    const pipeline = this.redis.pipeline();
    for (const key of keys) pipeline.get(key).pttl(key);
    const results = (await pipeline.exec()) ?? [];
    return keys.map((_, index) => ({
      count: Number(results[index * 2]?.[1] ?? 0),
      ttlMs: Math.max(0, Number(results[index * 2 + 1]?.[1] ?? 0)),
    }));
  }

  async set(key: string, count: number, ttlMs: number): Promise<void> {
    await this.redis.set(key, count, 'PX', ttlMs);
  }

  async delete(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys);
  }
}

/** Counters kept by this process; expired ones are dropped as it goes, so an attacker's keys do not pile up. */
export class MemoryAttemptCounters implements AttemptCounters {
  private readonly counters = new Map<string, { count: number; expiresAt: number }>();
  private static readonly SWEEP_ABOVE = 10_000;

  constructor(private readonly now: () => number = Date.now) {}

  increment(key: string, windowMs: number): Promise<number> {
    const current = this.live(key);
    const next = { count: (current?.count ?? 0) + 1, expiresAt: current?.expiresAt ?? this.now() + windowMs };
    this.store(key, next);
    return Promise.resolve(next.count);
  }

  read(keys: string[]): Promise<CounterState[]> {
    return Promise.resolve(
      keys.map((key) => {
        const counter = this.live(key);
        return counter ? { count: counter.count, ttlMs: counter.expiresAt - this.now() } : { count: 0, ttlMs: 0 };
      }),
    );
  }

  set(key: string, count: number, ttlMs: number): Promise<void> {
    this.store(key, { count, expiresAt: this.now() + ttlMs });
    return Promise.resolve();
  }

  delete(keys: string[]): Promise<void> {
    for (const key of keys) this.counters.delete(key);
    return Promise.resolve();
  }

  private live(key: string): { count: number; expiresAt: number } | undefined {
    const counter = this.counters.get(key);
    if (counter && counter.expiresAt <= this.now()) {
      this.counters.delete(key);
      return undefined;
    }
    return counter;
  }

  private store(key: string, counter: { count: number; expiresAt: number }): void {
    this.counters.set(key, counter);
    if (this.counters.size <= MemoryAttemptCounters.SWEEP_ABOVE) return;
    for (const [other, { expiresAt }] of this.counters) if (expiresAt <= this.now()) this.counters.delete(other);
  }
}
