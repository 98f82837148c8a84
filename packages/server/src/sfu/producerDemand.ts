import type { ms } from './mediasoupModule.js';

/**
 * Who receives each producer on this node: the consumers that deliver it somewhere (to a client,
 * the recorder), not paused, on any worker. Pipes between workers and nodes are not receivers
 * themselves: they carry a producer to where the receivers are. A site's camera piped up from
 * another node only needs to flow while this count is above zero.
 */
export class ProducerDemand {
  private readonly counts = new Map<string, number>();
  private readonly watchers = new Map<string, (wanted: boolean) => void>();

  /** Counts a new consumer while it is active (created paused, it counts once resumed). */
  track(consumer: ms.Consumer): void {
    if (consumer.type === 'pipe') return;
    let active = false;
    const set = (next: boolean) => {
      if (next === active) return;
      active = next;
      this.change(consumer.producerId, next ? 1 : -1);
    };
    set(!consumer.paused && !consumer.producerPaused);
    consumer.observer.on('pause', () => set(false));
    consumer.observer.on('resume', () => set(true));
    consumer.observer.once('close', () => set(false));
  }

  wanted(producerId: string): boolean {
    return this.counts.has(producerId);
  }

  /** Calls `onChange` at every change (and at once if it is already wanted); returns the function that stops watching. */
  watch(producerId: string, onChange: (wanted: boolean) => void): () => void {
    this.watchers.set(producerId, onChange);
    if (this.counts.has(producerId)) onChange(true);
    return () => {
      if (this.watchers.get(producerId) === onChange) this.watchers.delete(producerId);
    };
  }

  private change(producerId: string, delta: number): void {
    const count = (this.counts.get(producerId) ?? 0) + delta;
    if (count > 0) this.counts.set(producerId, count);
    else this.counts.delete(producerId);
    if (count === 1 && delta > 0) this.watchers.get(producerId)?.(true);
    if (count === 0) this.watchers.get(producerId)?.(false);
  }
}
