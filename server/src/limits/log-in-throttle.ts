import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sha256 } from '../auth/digest.js';
import type { ApiLimits } from './api-limits.js';
import { rateLimited, rateLimiter } from './rate-limits.js';
import { QueueFull, VerifyQueue } from './verify-queue.js';

/** How long an address where an account logged in stays known for it. */
// 14 days (the in-memory store keeps a key with a timer, and Node timers end at 24.8 days).
const KNOWN_PLACE_SECONDS = 14 * 86_400;

/**
 * Log-in throttling after OWASP's authentication guidance: failed log-ins are counted per account
 * (whatever address they come from) and per address (whatever accounts it tries), in memory or in
 * Redis shared by every process. Each attempt is counted BEFORE its password is verified, so
 * concurrent guesses cannot slip past the count, and a throttled guess costs no argon2 time; a
 * successful log-in gives its points back. Over either budget, even the right password is refused
 * with RATE_LIMITED until the window ends.
 *
 * Verifications themselves are bounded (`logInVerifications` at once, verify-queue.ts): guesses that
 * pass the count wait their turn instead of crowding argon2's threads, and an account's log-in from
 * an address where it logged in within 14 days goes before them, so a real user is not kept waiting
 * behind an attack it has nothing to do with (`pnpm bench:login` measures it).
 */
/** A log-in refused because too many wait for verification: RATE_LIMITED, to retry in a moment. */
const busy = () => rateLimited({ msBeforeNext: 2_000 }, 'Too many log-ins are waiting: try again in 2 s');

export class LogInThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;
  /** (account, address) pairs that logged in: the places a real user logs in from. */
  private readonly knownPlaces: RateLimiterAbstract;
  private readonly verifications: VerifyQueue;

  constructor(limits: ApiLimits, redis: Redis | null = null) {
    const duration = limits.logInWindowSeconds;
    this.byAccount = rateLimiter(redis, {
      keyPrefix: `${limits.rateKeyPrefix}:log-in:account`,
      points: limits.logInFailuresPerAccount,
      duration,
    });
    this.byAddress = rateLimiter(redis, {
      keyPrefix: `${limits.rateKeyPrefix}:log-in:address`,
      points: limits.logInFailuresPerAddress,
      duration,
    });
    this.knownPlaces = rateLimiter(redis, { keyPrefix: `${limits.rateKeyPrefix}:log-in:known`, points: 1, duration: KNOWN_PLACE_SECONDS });
    this.verifications = new VerifyQueue(limits.logInVerifications, limits.logInWaiting);
  }

  /** Verifications waiting for a place now. */
  get waiting(): number {
    return this.verifications.waiting;
  }

  /** Runs `verify` if neither budget is spent; a null result counts as a failure. */
  async attempt<T>(email: string, address: string, verify: () => Promise<T | null>): Promise<T | null> {
    const account = sha256(email).slice(0, 32);
    const counted = await Promise.allSettled([this.byAccount.consume(account), this.byAddress.consume(address)]);
    const refusal = counted.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (refusal) {
      if (refusal.reason instanceof RateLimiterRes) throw rateLimited(refusal.reason);
      throw refusal.reason;
    }
    const place = sha256(`${account} ${address}`).slice(0, 32);
    const known = (await this.knownPlaces.get(place).catch(() => null)) !== null;
    const result = await this.verifications.run(known, verify).catch(async (error: unknown) => {
      if (!(error instanceof QueueFull)) throw error;
      // Refused unheard, the attempt is no failure of its account or address: its points go back.
      await Promise.all([this.byAccount.reward(account, 1), this.byAddress.reward(address, 1)]);
      throw busy();
    });
    if (result !== null) {
      await Promise.all([
        this.byAccount.delete(account),
        this.byAddress.reward(address, 1),
        // A block (re)starts the place's 14 days: the one such write every kind of limiter has, the cluster's too.
        this.knownPlaces.block(place, KNOWN_PLACE_SECONDS),
      ]);
    }
    return result;
  }
}
