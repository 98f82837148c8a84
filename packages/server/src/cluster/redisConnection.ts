import { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/**
 * The connection to the Redis that the nodes of a cluster share. ioredis reconnects by itself
 * after a Redis restart; commands issued meanwhile are queued, so callers need no retry logic.
 */
export async function connectRedis(url: string, log: Logger): Promise<Redis> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectionName: 'province-meet' });
  redis.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
  redis.on('reconnecting', () => log.info('reconnecting to redis'));
  await redis.connect();
  log.info({ url: redactPassword(url) }, 'connected to redis');
  return redis;
}

export function redactPassword(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
