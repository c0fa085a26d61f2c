import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be sent. In production (NODE_ENV=production) only https URLs whose every
 * resolved address is public unicast: no loopback, private, link-local, unique-local, IPv4-mapped or
 * other special range, so an endpoint cannot make the platform call into its own network (SSRF).
 * Otherwise http and loopback are allowed, for development. Returns why a URL is refused, or null.
 * The delivery worker asks again before every attempt, as DNS may have changed since.
 */
export async function webhookUrlProblem(url: string, production = process.env.NODE_ENV === 'production'): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/webhooks';
  }
  if (parsed.username || parsed.password) return 'The URL may not carry a user name or password';
  if (!production) return ['http:', 'https:'].includes(parsed.protocol) ? null : 'The URL must start with http:// or https://';
  if (parsed.protocol !== 'https:') return 'The URL must start with https://';
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  if (!addresses.length) return `The host ${host} does not resolve`;
  const refused = addresses.find((address) => !isPublic(address));
  return refused ? `The URL must point to a public address, not ${refused}` : null;
}

async function resolve(host: string): Promise<string[]> {
  try {
    return (await dns.lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);
  } catch {
    return [];
  }
}

/** ipaddr.js names every special range (loopback, private, linkLocal, uniqueLocal, ipv4Mapped, …); what is left is 'unicast'. */
export function isPublic(address: string): boolean {
  return ipaddr.parse(address).range() === 'unicast';
}
