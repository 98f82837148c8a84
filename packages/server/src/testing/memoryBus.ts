import type { MessageBus } from '../cluster/messageBus.js';

/** Pub/sub in memory, delivered on a later tick like Redis would. */
export class MemoryBus implements MessageBus {
  private readonly channels = new Map<string, Set<(message: string) => void>>();
  /** Channels whose messages are lost (a node cut off). */
  readonly deaf = new Set<string>();
  readonly published: Array<{ channel: string; message: string }> = [];

  async publish(channel: string, message: string): Promise<void> {
    this.published.push({ channel, message });
    if (this.deaf.has(channel)) return;
    for (const listener of this.channels.get(channel) ?? []) setImmediate(() => listener(message));
  }

  async subscribe(channel: string, onMessage: (message: string) => void): Promise<() => void> {
    const listeners = this.channels.get(channel) ?? new Set();
    listeners.add(onMessage);
    this.channels.set(channel, listeners);
    return () => listeners.delete(onMessage);
  }
}
