import { RetryLaterError } from '@pm/shared';
import type { AttemptCounters } from './attemptCounters.js';

export interface ThrottlePolicy {
  /** Failures of one account from one address that shut that address out of that account. */
  maxFailures: number;
  /** How long failures are remembered, and how long a shut-out lasts. */
  windowMs: number;
  /** Failures from one address, whatever the accounts, that shut the address out of signing in. */
  maxAddressFailures: number;
}

/** Failures of one account from one address that cost nothing: a typo or two. */
const FREE_FAILURES = 2;
/** Failures of one account, from anywhere, above which its attempts are paced to one a second. */
const ACCOUNT_PACE_FACTOR = 4;
/**
 * Attempts one address may have under way on this node at once: 300 concurrent guesses would
 * otherwise all pass the counters before the first failure is counted, and each costs a password
 * hash (argon2) that slows everyone's sign-in.
 */
const CONCURRENT_PER_ADDRESS = 8;

const tooMany = (retryAfterMs: number) =>
  new RetryLaterError('too many failed attempts: wait, then try again', Math.max(1, Math.ceil(retryAfterMs / 1000)));

/**
 * Throttles password guessing (sign-in and password change) by client address and by account,
 * with counters every node shares:
 * - an account's failures from one address delay that address's next attempt (1 s, 2 s, 4 s…)
 *   and, at `maxFailures`, shut that address out of that account for the window. Only the
 *   guessing address is shut out: the account's owner elsewhere still signs in, so five wrong
 *   passwords typed by someone else no longer lock a kiosk out of its meeting;
 * - an address failing on many accounts is shut out of all of them for the window;
 * - an account guessed at from many addresses is paced to one attempt a second, which costs its
 *   owner at most a second's wait.
 * Nothing here reads the account: an unknown name is throttled exactly like a real one, so the
 * answers tell nobody which accounts exist.
 */
export class SignInThrottle {
  private readonly underWay = new Map<string, number>();

  constructor(
    private readonly counters: AttemptCounters,
    private readonly policy: ThrottlePolicy,
  ) {}

  /**
   * Makes one attempt at `account` from `address`: `check` answers the verified result, or
   * undefined for a wrong password (or unknown account), which counts as a failure. Throws
   * TOO_MANY_REQUESTS, with how long to wait, when the attempt may not be made now.
   */
  async attempt<T>(account: string, address: string, check: () => Promise<T | undefined>): Promise<T | undefined> {
    const running = this.underWay.get(address) ?? 0;
    if (running >= CONCURRENT_PER_ADDRESS)
      throw new RetryLaterError('too many sign-ins under way from this address: try again in a moment', 1);
    this.underWay.set(address, running + 1);
    try {
      await this.admit(account, address);
      const result = await check();
      await (result === undefined ? this.failed(account, address) : this.succeeded(account, address));
      return result;
    } finally {
      const left = (this.underWay.get(address) ?? 1) - 1;
      if (left > 0) this.underWay.set(address, left);
      else this.underWay.delete(address);
    }
  }

  private async admit(account: string, address: string): Promise<void> {
    const keys = this.keys(account, address);
    const [pair, wait, fromAddress, onAccount] = await this.counters.read([keys.pair, keys.wait, keys.address, keys.account]);
    if (pair!.count >= this.policy.maxFailures) throw tooMany(pair!.ttlMs);
    if (fromAddress!.count >= this.policy.maxAddressFailures) throw tooMany(fromAddress!.ttlMs);
    if (wait!.ttlMs > 0) throw tooMany(wait!.ttlMs);
    if (onAccount!.count >= this.policy.maxFailures * ACCOUNT_PACE_FACTOR) {
      const [turn] = await this.counters.read([keys.turn]);
      if (turn!.ttlMs > 0) throw tooMany(turn!.ttlMs);
      await this.counters.set(keys.turn, 1, 1000);
    }
  }

  private async failed(account: string, address: string): Promise<void> {
    const keys = this.keys(account, address);
    const { windowMs } = this.policy;
    const [failures] = await Promise.all([
      this.counters.increment(keys.pair, windowMs),
      this.counters.increment(keys.address, windowMs),
      this.counters.increment(keys.account, windowMs),
    ]);
    if (failures > FREE_FAILURES && failures < this.policy.maxFailures) {
      await this.counters.set(keys.wait, 1, 1000 * 2 ** (failures - FREE_FAILURES - 1));
    }
  }

  /** The right password from this address: its own failures on this account are forgiven. */
  private async succeeded(account: string, address: string): Promise<void> {
    const keys = this.keys(account, address);
    await this.counters.delete([keys.pair, keys.wait]);
  }

  private keys(account: string, address: string) {
    const name = account.trim().toLowerCase();
    return {
      pair: `signin:pair:${name}:${address}`,
      wait: `signin:wait:${name}:${address}`,
      address: `signin:address:${address}`,
      account: `signin:account:${name}`,
      turn: `signin:turn:${name}`,
    };
  }
}
