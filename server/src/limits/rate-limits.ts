import cluster from 'node:cluster';
import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import type { Redis } from 'ioredis';
import { RateLimiterCluster, RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { ApiLimits } from './api-limits.js';

/** How a client is known: the budgets of each that applies to a request are all charged. */
export type ClientKind = 'token' | 'session' | 'address';
export interface ClientKey {
  kind: ClientKind;
  id: string;
}

export interface RateState {
  remaining: number;
  resetInSeconds: number;
}

function pointsFor(kind: ClientKind, limits: ApiLimits): number {
  if (kind === 'token') return limits.pointsPerToken;
  return kind === 'session' ? limits.pointsPerSession : limits.pointsPerAddress;
}

/**
 * A limiter in Redis shared by every process when there is one; else in this process, or, for the
 * API processes of one server (api-processes.ts), in their primary, which counts for them all.
 */
export function rateLimiter(redis: Redis | null, options: { keyPrefix: string; points: number; duration: number }): RateLimiterAbstract {
  if (!redis) return cluster.isWorker ? new RateLimiterCluster({ ...options, timeoutMs: 3000 }) : new RateLimiterMemory(options);
  // If Redis is unreachable each process falls back to counting alone rather than failing requests.
  return new RateLimiterRedis({ ...options, storeClient: redis, insuranceLimiter: new RateLimiterMemory(options) });
}

function limiterFor(kind: ClientKind, limits: ApiLimits, redis: Redis | null): RateLimiterAbstract {
  return rateLimiter(redis, {
    keyPrefix: `${limits.rateKeyPrefix}:${kind}`,
    points: pointsFor(kind, limits),
    duration: limits.rateWindowSeconds,
  });
}

export function rateLimited(refusal: Pick<RateLimiterRes, 'msBeforeNext'>, message?: string): GraphQLError {
  const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
  return new GraphQLError(message ?? `Rate limit exceeded: try again in ${seconds} s`, {
    extensions: { code: 'RATE_LIMITED', http: { status: 429, headers: new HeaderMap([['retry-after', String(seconds)]]) } },
  });
}

/**
 * Cost-based rate limits per API token, per session and per address, in memory or shared through
 * Redis by every process of the API.
 */
export class RateLimits {
  private readonly limiters: Record<ClientKind, RateLimiterAbstract>;

  constructor(limits: ApiLimits, redis: Redis | null = null) {
    this.limiters = {
      token: limiterFor('token', limits, redis),
      session: limiterFor('session', limits, redis),
      address: limiterFor('address', limits, redis),
    };
  }

  /** Charges the cost to every key; refused with RATE_LIMITED when any budget is spent. */
  async charge(keys: ClientKey[], cost: number): Promise<RateState> {
    const results = await Promise.allSettled(keys.map(({ kind, id }) => this.limiters[kind].consume(id, cost)));
    const states: RateLimiterRes[] = [];
    for (const result of results) {
      if (result.status === 'fulfilled') states.push(result.value);
      else if (result.reason instanceof RateLimiterRes) throw rateLimited(result.reason);
      else throw result.reason;
    }
    const tightest = states.reduce((a, b) => (b.remainingPoints < a.remainingPoints ? b : a));
    return { remaining: tightest.remainingPoints, resetInSeconds: Math.ceil(tightest.msBeforeNext / 1000) };
  }
}
