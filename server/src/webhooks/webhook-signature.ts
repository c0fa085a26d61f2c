import crypto from 'node:crypto';

/** Recognisable in logs and by secret scanners. */
export const SECRET_PREFIX = 'whsec_';

export function newWebhookSecret(): string {
  return SECRET_PREFIX + crypto.randomBytes(32).toString('base64url');
}

/**
 * The `Slp-Signature` header of a body sent at `at`: `t=<unix seconds>,v1=<hex HMAC-SHA256 of
 * "<t>.<body>">` (Stripe's scheme: the time is signed too, so a receiver can refuse old replays).
 */
export function signatureHeader(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${crypto.createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}
