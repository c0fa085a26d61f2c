import autocannon from 'autocannon';
import { latencyOf, type Latency } from '../stats.js';

/** One request: whose session, which variables. */
export interface RequestPlan { cookie: string; variables: Record<string, unknown> }

export interface LoadResult extends Latency { requests: number; throughput: number; errors: number }

export interface LoadOptions { connections: number; seconds?: number; amount?: number }

const bodyOf = (document: string, plan: RequestPlan) => JSON.stringify({ query: document, variables: plan.variables });

/** A GraphQL answer counts as an error when it has errors or userErrors. */
export function isCleanAnswer(body: string): boolean {
  return !body.includes('"errors":') && !body.includes('"userErrors":[{');
}

/**
 * Fixed concurrency with autocannon: every connection sends its next request as soon as the last
 * answer arrives. Each request takes the next plan in turn, so load spreads over many users.
 */
export function runLoad(url: string, document: string, plans: RequestPlan[], options: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const tracker = autocannon({
      url, method: 'POST', connections: options.connections,
      ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
      headers: { 'content-type': 'application/json' },
      requests: [{
        setupRequest: (request) => {
          const plan = plans[next++ % plans.length];
          return { ...request, headers: { ...request.headers, cookie: plan.cookie }, body: bodyOf(document, plan) };
        },
      }],
      verifyBody: (body) => isCleanAnswer(String(body)),
    }, (error, result) => {
      if (error) return reject(error);
      resolve({
        ...latencyOf(latencies),
        requests: latencies.length,
        throughput: latencies.length / result.duration,
        errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
      });
    });
    tracker.on('response', (_client, _status, _bytes, responseTime) => { latencies.push(responseTime); });
  });
}

/** One request outside the load, e.g. to count its SQL statements or compare answers. */
export async function sendOne(url: string, document: string, plan: RequestPlan): Promise<{ text: string; clean: boolean }> {
  const response = await fetch(url, {
    method: 'POST', headers: { 'content-type': 'application/json', cookie: plan.cookie }, body: bodyOf(document, plan),
  });
  const text = await response.text();
  return { text, clean: response.ok && isCleanAnswer(text) };
}
