import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The connection to the Redis that the nodes of a cluster share. ioredis reconnects by itself
 * after a Redis restart; commands issued meanwhile are queued, so callers need no retry logic.
 */
export async function connectRedis(url: string, clusterName: string, log: Logger): Promise<Redis> {
  // Every key of this cluster starts with its name, so several clusters can share one Redis.
  const redis = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 3,
    connectionName: 'province-meet',
    keyPrefix: `${clusterName}:`,
  });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  redis.on('reconnecting', () => log.info('reconnecting to redis'));
  await redis.connect();
  log.info({ url: redactPassword(url), cluster: clusterName }, 'connected to redis');
  return redis;
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}

/**
 * Closes a connection once Redis has answered what was sent on it: a subscription or publish in
 * flight when a node stops (or fails to start) would otherwise reject unobserved inside a library.
 * A Redis that does not answer within `waitMs` is not waited for.
 */
export async function closeRedis(client: Redis, waitMs = 1000): Promise<void> {
  if (client.status === 'end') return;
  let timer: NodeJS.Timeout | undefined;
  const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
  await Promise.race([client.quit().then(() => undefined, () => undefined), gaveUp]);
  clearTimeout(timer);
  client.disconnect();
}
