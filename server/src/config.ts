import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { notificationSettingsFromEnv, type NotificationSettings } from './notifications/notifications.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppConfig {
  port: number;
  /** A PostgreSQL server to use; unset starts an embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  demoData: boolean;
  operator?: { email: string; password: string };
  production: boolean;
  /** Redis for rate limits shared by every API process; unset counts per process. */
  redisUrl?: string;
  /** Express "trust proxy" value, e.g. "loopback" or a hop count, behind a load balancer. */
  trustProxy?: string;
  /** Serves the built SPA from here when it exists. */
  clientDist: string;
  /** SMTP_URL, MAIL_FROM and the outbox's timing (see notifications/notifications.ts). */
  notifications: Partial<NotificationSettings>;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    port: Number(env.PORT ?? 4000),
    databaseUrl,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? '.data'),
    demoData: databaseUrl ? env.DEMO_DATA === '1' : env.DEMO_DATA !== '0',
    operator: env.OPERATOR_EMAIL && env.OPERATOR_PASSWORD
      ? { email: env.OPERATOR_EMAIL, password: env.OPERATOR_PASSWORD }
      : undefined,
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    clientDist: path.resolve(repoRoot, 'client/dist'),
    notifications: notificationSettingsFromEnv(env),
  };
}
