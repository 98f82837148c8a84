/**
 * Runs async tasks one after another. Used where two racing updates of the same thing (one
 * participant's consumers, one meeting's creation) would otherwise interleave.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  push<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
