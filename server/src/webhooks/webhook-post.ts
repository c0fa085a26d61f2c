import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkedAddresses } from './webhook-url.js';

export interface PostAnswer {
  status: number;
  location: string | null;
}

/**
 * The connection's own name lookup: the name is resolved once more as the socket opens, and in
 * production every address it gives must be public (webhook-url.ts), or the connection is refused.
 * The socket then connects to one of exactly those addresses, so a name that resolved to a public
 * address for the check and to a private one a moment later (DNS rebinding) never reaches the
 * private one. An IP literal is not looked up: the check before the attempt covered it.
 */
export function pinnedLookup(production: boolean): LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(hostname, production).then(
      ({ addresses, refused }) => {
        if (refused) {
          callback(new Error(refused), '', 4);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (!wanted.length) {
          callback(Object.assign(new Error(`The host ${hostname} does not resolve`), { code: 'ENOTFOUND' }), '', 4);
          return;
        }
        if (options.all) (callback as unknown as (error: null, all: typeof wanted) => void)(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      },
      (error: Error) => callback(error as NodeJS.ErrnoException, '', 4),
    );
  };
}

export class PostTimeout extends Error {
  override name = 'TimeoutError';
}

/**
 * One POST, no redirects followed (node:http never follows them), the answer's body discarded, a
 * fresh connection each time (no agent), resolved by `pinnedLookup`, given up after `timeoutMs`.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
  production: boolean,
): Promise<PostAnswer> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      target,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(production),
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location ?? null });
        response.on('error', () => {});
      },
    );
    const timer = setTimeout(() => request.destroy(new PostTimeout(`No answer within ${timeoutMs} ms`)), timeoutMs);
    request.on('error', reject);
    request.on('close', () => clearTimeout(timer));
    request.end(body);
  });
}
