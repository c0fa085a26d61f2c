import crypto from 'node:crypto';

/** Secrets (session tokens, API tokens) are stored and compared only as their SHA-256 digest. */
export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');
