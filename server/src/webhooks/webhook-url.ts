import dns from 'node:dns/promises';
import ipaddr from 'ipaddr.js';

/**
 * Where webhooks may be sent. In production (NODE_ENV=production) only https URLs whose every
 * resolved address is public unicast: no loopback, private, link-local, unique-local, IPv4-mapped or
 * other special range, so an endpoint cannot make the platform call into its own network (SSRF).
 * Otherwise http and loopback are allowed, for development. Returns why a URL is refused, or null.
 * The delivery worker asks again before every attempt, as DNS may have changed since, and its
 * connection resolves the name through the same check (webhook-post.ts), so an answer that changes
 * between the check and the connection (DNS rebinding) cannot reach a private address.
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
  return (await checkedAddresses(parsed.hostname.replace(/^\[|\]$/g, ''), true)).refused;
}

export interface ResolvedAddress {
  address: string;
  family: number;
}

/**
 * A host's addresses and, in production, why they are refused (any one not public), or null. The
 * check before each attempt and the connection's own lookup (webhook-post.ts) both ask this, so the
 * socket only ever opens to an address that passed.
 */
export async function checkedAddresses(
  host: string,
  production: boolean,
): Promise<{ addresses: ResolvedAddress[]; refused: string | null }> {
  const addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host);
  if (!addresses.length) return { addresses, refused: `The host ${host} does not resolve` };
  const refused = production ? addresses.find(({ address }) => !isPublic(address)) : undefined;
  return { addresses, refused: refused ? `The URL must point to a public address, not ${refused.address}` : null };
}

async function resolve(host: string): Promise<ResolvedAddress[]> {
  try {
    return (await dns.lookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({ address, family }));
  } catch {
    return [];
  }
}

/** ipaddr.js names every special range (loopback, private, linkLocal, uniqueLocal, ipv4Mapped, …); what is left is 'unicast'. */
export function isPublic(address: string): boolean {
  return ipaddr.parse(address).range() === 'unicast';
}
