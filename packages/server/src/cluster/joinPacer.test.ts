import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JoinPacer } from './joinPacer.js';

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

/** Against the test run's real Redis, under a cluster name of its own. */
describe('JoinPacer', () => {
  let redis: Redis;

  beforeAll(async () => {
    const url = process.env.REDIS_URL;
    if (!url) throw new Error('REDIS_URL must point to a Redis server');
    redis = new Redis(url, { lazyConnect: true, keyPrefix: `pacer-test-${randomUUID()}:` });
    await redis.connect();
  });

  afterAll(async () => {
    await redis.del('join-pacer');
    redis.disconnect();
  });

  it('admits a burst at once, then queues each join behind the previous ones at the set pace', async () => {
    const rate = 10;
    // Two nodes sharing the bucket: the pace is the cluster's, not each node's.
    const nodeA = new JoinPacer(redis, rate, pino({ level: 'silent' }));
    const nodeB = new JoinPacer(redis.duplicate(), rate, pino({ level: 'silent' }));
    const started = performance.now();
    const waits = await Promise.all(Array.from({ length: 25 }, (_, i) => (i % 2 ? nodeA : nodeB).admit()));
    // The joins reach Redis over some milliseconds (more on a busy machine); the bucket refills
    // meanwhile, so each queued join may wait that much less.
    const arrivalSpreadMs = performance.now() - started - sorted(waits).at(-1)!;
    const inOrder = sorted(waits);
    expect(inOrder.slice(0, rate).every((w) => w === 0)).toBe(true);
    // The 15 beyond the burst wait about 100, 200, ... 1500 ms: in turn, none refused.
    const queued = inOrder.slice(rate);
    expect(queued).toHaveLength(15);
    for (let i = 0; i < queued.length; i++) {
      expect(queued[i]!).toBeGreaterThan((i + 1) * 100 - Math.max(60, arrivalSpreadMs));
      expect(queued[i]!).toBeLessThanOrEqual((i + 1) * 100 + 1);
    }
  }, 10_000);

  it('admits joins when Redis cannot answer', async () => {
    const down = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    expect(await new JoinPacer(down, 1, pino({ level: 'silent' })).admit()).toBe(0);
    down.disconnect();
  });
});
