import autocannon from 'autocannon';
import type { ChildServer } from '../ipc.js';
import { latencyOf, type Latency } from '../stats.js';

/** One request: whose session, which variables, and its own document when a load mixes several. */
export interface RequestPlan {
  cookie: string;
  variables: Record<string, unknown>;
  document?: string;
}

export interface LoadResult extends Latency {
  requests: number;
  throughput: number;
  errors: number;
}

export interface LoadOptions {
  connections: number;
  seconds?: number;
  amount?: number;
}

export interface Measured extends LoadResult {
  cpuMsPerRequest: number;
  peakRssMb: number;
}

const bodyOf = (document: string, plan: RequestPlan) => JSON.stringify({ query: plan.document ?? document, variables: plan.variables });

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
    const tracker = autocannon(
      {
        url,
        method: 'POST',
        connections: options.connections,
        ...(options.amount ? { amount: options.amount } : { duration: options.seconds ?? 1 }),
        headers: { 'content-type': 'application/json' },
        requests: [
          {
            setupRequest: (request) => {
              const plan = plans[next++ % plans.length];
              return { ...request, headers: { ...request.headers, cookie: plan.cookie }, body: bodyOf(document, plan) };
            },
          },
        ],
        verifyBody: (body) => isCleanAnswer(String(body)),
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          ...latencyOf(latencies),
          requests: latencies.length,
          throughput: latencies.length / result.duration,
          errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
        });
      },
    );
    tracker.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
}

/**
 * Warms the server up (unless each plan may run only once), then measures under load, with the
 * server process's CPU time per request and its peak memory.
 */
export async function measure(
  server: ChildServer,
  document: string,
  plans: RequestPlan[],
  options: LoadOptions & { warmUpSeconds?: number },
): Promise<Measured> {
  if (options.warmUpSeconds)
    await runLoad(server.url, document, plans, { connections: options.connections, seconds: options.warmUpSeconds });
  const cpuBefore = await server.ask<number>('cpuMs');
  const load = await runLoad(server.url, document, plans, options);
  const cpuMs = (await server.ask<number>('cpuMs')) - cpuBefore;
  return { ...load, cpuMsPerRequest: cpuMs / Math.max(1, load.requests), peakRssMb: await server.ask<number>('peakRssMb') };
}

/** One request outside the load, e.g. to count its SQL statements or compare answers. */
export async function sendOne(url: string, document: string, plan: RequestPlan): Promise<{ text: string; clean: boolean }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: plan.cookie },
    body: bodyOf(document, plan),
  });
  const text = await response.text();
  return { text, clean: response.ok && isCleanAnswer(text) };
}
