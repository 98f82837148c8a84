import type { Redis } from 'ioredis';
import type { Logger } from '../logger.js';

/** Messages between the nodes of a cluster: each node listens on channels of its own. */
export interface MessageBus {
  publish(channel: string, message: string): Promise<void>;
  /** Delivers every message of `channel`; resolves once listening. Returns the function that stops. */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<() => void>;
}

/**
 * Redis pub/sub as the bus: a subscribing connection of its own (a subscribed connection can do
 * nothing else). Channel names are not prefixed by ioredis: the cluster's prefix is added here.
 */
export class RedisMessageBus implements MessageBus {
  constructor(
    private readonly redis: Redis,
    private readonly log: Logger,
  ) {}

  async publish(channel: string, message: string): Promise<void> {
    await this.redis.publish(this.prefixed(channel), message);
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => void> {
    const subscriber = this.redis.duplicate();
    subscriber.on('error', (err: Error) => this.log.warn({ err: err.message }, 'bus subscriber error'));
    subscriber.on('message', (_channel: string, message: string) => onMessage(message));
    await subscriber.subscribe(this.prefixed(channel));
    return () => subscriber.disconnect();
  }

  private prefixed(channel: string): string {
    return `${this.redis.options.keyPrefix ?? ''}${channel}`;
  }
}
