import type { Redis } from 'ioredis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { sha256 } from '../auth/digest.js';
import type { ApiLimits } from './api-limits.js';
import { rateLimited, rateLimiter } from './rate-limits.js';

/**
 * Log-in throttling after OWASP's authentication guidance: failed log-ins are counted per account
 * (whatever address they come from) and per address (whatever accounts it tries), in memory or in
 * Redis shared by every process. Each attempt is counted BEFORE its password is verified, so
 * concurrent guesses cannot slip past the count, and a throttled guess costs no argon2 time; a
 * successful log-in gives its points back. Over either budget, even the right password is refused
 * with RATE_LIMITED until the window ends.
 */
export class LogInThrottle {
  private readonly byAccount: RateLimiterAbstract;
  private readonly byAddress: RateLimiterAbstract;

  constructor(limits: ApiLimits, redis: Redis | null = null) {
    const duration = limits.logInWindowSeconds;
    this.byAccount = rateLimiter(redis, { keyPrefix: `${limits.rateKeyPrefix}:log-in:account`, points: limits.logInFailuresPerAccount, duration });
    this.byAddress = rateLimiter(redis, { keyPrefix: `${limits.rateKeyPrefix}:log-in:address`, points: limits.logInFailuresPerAddress, duration });
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
    const result = await verify();
    if (result !== null) await Promise.all([this.byAccount.delete(account), this.byAddress.reward(address, 1)]);
    return result;
  }
}
