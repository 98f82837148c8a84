import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rateLimiter.js';

describe('RateLimiter', () => {
  it('allows `limit` events in a window, refuses more, and allows again as old ones leave the window', () => {
    const limiter = new RateLimiter(3, 10_000);
    expect([0, 1000, 2000, 3000].map((t) => limiter.take(t))).toEqual([true, true, true, false]);
    // The refused one was not counted: at 10 s the first leaves the window, one more fits.
    expect(limiter.take(9_999)).toBe(false);
    expect(limiter.take(10_000)).toBe(true);
    expect(limiter.take(10_500)).toBe(false);
    expect(limiter.take(12_000)).toBe(true);
  });
});
