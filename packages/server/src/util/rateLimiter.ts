/**
 * At most `limit` events in any window of `windowMs`: the times of the last events are kept, and
 * one is allowed when fewer than `limit` fall inside the window before it.
 */
export class RateLimiter {
  private readonly times: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one event at `now` if it is allowed; false (and nothing counted) if not. */
  take(now = Date.now()): boolean {
    while (this.times.length > 0 && now - this.times[0]! >= this.windowMs) this.times.shift();
    if (this.times.length >= this.limit) return false;
    this.times.push(now);
    return true;
  }
}
