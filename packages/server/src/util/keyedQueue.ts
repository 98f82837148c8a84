import { SerialQueue } from './serialQueue.js';

/**
 * Runs async tasks one after another per key, and tasks of different keys side by side: two joins
 * of the same account (a kiosk reloading while its reconnection is still in flight) cannot
 * interleave, while a storm of different sites' joins is not serialised behind one another.
 */
export class KeyedQueue {
  private readonly queues = new Map<string, { queue: SerialQueue; pending: number }>();

  async push<T>(key: string, task: () => Promise<T>): Promise<T> {
    let entry = this.queues.get(key);
    if (!entry) {
      entry = { queue: new SerialQueue(), pending: 0 };
      this.queues.set(key, entry);
    }
    entry.pending++;
    try {
      return await entry.queue.push(task);
    } finally {
      if (--entry.pending === 0) this.queues.delete(key);
    }
  }
}
