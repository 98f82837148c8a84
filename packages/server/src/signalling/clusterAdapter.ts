import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { closeRedis } from '../cluster/redisConnection.js';
import type { Logger } from '../logger.js';
import type { PlatformIo } from './socketServer.js';

/**
 * Socket events to a room reach its sockets on every node of the cluster (schedule pushes, staff
 * screens). Returns the function that closes the adapter's own Redis connections, after socket.io.
 */
export function attachClusterAdapter(io: PlatformIo, redis: Redis, log: Logger): () => Promise<void> {
  // The adapter publishes every room emit without handling a failure: with ioredis's default
  // (give up after 3 retries) an emit during a Redis restart rejected unhandled and ended the
  // process. These connections wait for Redis to come back instead.
  // An emit after the node closed these connections (background work finishing during shutdown)
  // fails with "Connection is closed": each publish's failure is observed here, never left to
  // reject unhandled inside the adapter.
  const clients = [redis.duplicate({ maxRetriesPerRequest: null }), redis.duplicate({ maxRetriesPerRequest: null })] as const;
  for (const client of clients) {
    client.on('error', (err: Error) => log.warn({ err: err.message }, 'socket adapter redis connection error'));
  }
  const [pub] = clients;
  const publish = pub.publish.bind(pub);
  pub.publish = ((...args: Parameters<typeof publish>) => {
    const published = publish(...args);
    published.catch((err: unknown) => log.warn({ err: err instanceof Error ? err.message : String(err) }, 'a room emit did not reach the cluster'));
    return published;
  });
  io.adapter(createAdapter(clients[0], clients[1], { key: `${redis.options.keyPrefix ?? ''}socket.io` }));
  return async () => void (await Promise.all(clients.map((client) => closeRedis(client))));
}
