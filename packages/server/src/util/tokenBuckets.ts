/** So many a second, after a burst of `burst`. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** Buckets idle this long are full again and are forgotten, so many keys (addresses) do not pile up. */
const FORGET_AFTER_MS = 60_000;
const SWEEP_ABOVE = 10_000;

/**
 * Token buckets by key (a client address, a kind of request): each take costs one token, tokens
 * come back at the key's rate up to its burst. Kept in this process: a per-node limit.
 */
export class TokenBuckets<K> {
  private readonly buckets = new Map<K, { tokens: number; at: number }>();

  constructor(
    private readonly rateOf: (key: K) => Rate,
    private readonly now: () => number = performance.now.bind(performance),
  ) {}

  /** Takes a token: 0 when there was one, else the seconds until there is (at least 1). */
  take(key: K): number {
    const { perSecond, burst } = this.rateOf(key);
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: burst, at: now };
    bucket.tokens = Math.min(burst, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    bucket.at = now;
    if (!this.buckets.has(key)) this.remember(key, bucket, now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond));
  }

  private remember(key: K, bucket: { tokens: number; at: number }, now: number): void {
    if (this.buckets.size >= SWEEP_ABOVE) {
      for (const [other, { at }] of this.buckets) if (now - at > FORGET_AFTER_MS) this.buckets.delete(other);
    }
    this.buckets.set(key, bucket);
  }
}
