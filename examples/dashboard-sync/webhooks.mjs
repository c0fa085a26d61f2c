// A webhook receiver: verifies `Slp-Signature`, refuses stale or tampered events, and handles each
// event id once. Plain Node (>= 20), no dependencies.
import crypto from 'node:crypto';
import http from 'node:http';

/**
 * Checks `Slp-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">` against the raw body
 * as received (before any JSON parsing). Several v1 values are allowed (one per secret while a secret
 * is rotated). The time is signed too: events older or newer than `toleranceSeconds` are refused, so
 * a captured request cannot be replayed later.
 */
export function verifySignature(secret, header, rawBody, { toleranceSeconds = 300, now = Date.now() } = {}) {
  const parts = String(header ?? '')
    .split(',')
    .map((part) => part.trim().split('='));
  const t = parts.find(([key]) => key === 't')?.[1];
  const signatures = parts.filter(([key, value]) => key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')).map(([, value]) => value);
  if (!t || !/^\d+$/.test(t) || !signatures.length) return { ok: false, reason: 'malformed Slp-Signature header' };
  if (Math.abs(now / 1000 - Number(t)) > toleranceSeconds) return { ok: false, reason: 'timestamp outside the tolerance window' };
  const expected = crypto.createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  // timingSafeEqual: comparing takes as long whatever the first wrong byte, so nothing leaks by timing.
  const matches = signatures.some((signature) => crypto.timingSafeEqual(expected, Buffer.from(signature, 'hex')));
  return matches ? { ok: true, timestamp: Number(t) } : { ok: false, reason: 'signature does not match' };
}

/** Event ids already handled, oldest forgotten first (keep them in your database in a real receiver). */
class SeenIds {
  constructor(limit) {
    this.limit = limit;
    this.ids = new Set();
  }
  has(id) {
    return this.ids.has(id);
  }
  add(id) {
    this.ids.add(id);
    if (this.ids.size > this.limit) this.ids.delete(this.ids.values().next().value);
  }
}

/**
 * An HTTP server POSTed to by the app. Each verified event is answered 200 at once and then given to
 * `onEvent` (the app waits at most 5 s); a redelivery of an id already handled is answered 200 and
 * not handled again. A bad signature is 401, a body that is not an event 400.
 */
export function createReceiver({
  secret,
  path = '/webhooks',
  onEvent = () => {},
  onRefused = () => {},
  toleranceSeconds = 300,
  maxBodyBytes = 1024 * 1024,
  rememberIds = 10_000,
}) {
  const seen = new SeenIds(rememberIds);
  return http.createServer((req, res) => {
    if (req.method !== 'POST' || new URL(req.url, 'http://receiver').pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        res.writeHead(413).end();
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (res.writableEnded) return;
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const verdict = verifySignature(secret, req.headers['slp-signature'], rawBody, { toleranceSeconds });
      if (!verdict.ok) {
        onRefused({ reason: verdict.reason });
        res.writeHead(401, { 'content-type': 'text/plain' }).end(verdict.reason);
        return;
      }
      let event;
      try {
        event = JSON.parse(rawBody);
      } catch {
        event = null;
      }
      if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') {
        onRefused({ reason: 'not an event' });
        res.writeHead(400, { 'content-type': 'text/plain' }).end('not an event');
        return;
      }
      const duplicate = seen.has(event.id);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ received: true, duplicate }));
      if (duplicate) return;
      seen.add(event.id);
      onEvent(event);
    });
  });
}
