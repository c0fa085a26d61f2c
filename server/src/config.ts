import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.js';
import { notificationSettingsFromEnv, type NotificationSettings } from './notifications/notifications.js';

export interface AppConfig {
  port: number;
  /** A PostgreSQL server to use; unset starts an embedded one in dataDir. */
  databaseUrl?: string;
  dataDir: string;
  demoData: boolean;
  operator?: { email: string; password: string };
  production: boolean;
  /** API processes sharing the port (api-processes.ts): WEB_CONCURRENCY, else one per core in production, one in development. */
  apiProcesses: number;
  /** Redis for rate limits shared by every API process; unset counts per process. */
  redisUrl?: string;
  /**
   * APP_URL, read here only: where users open the app, for the links in emails and the WebSocket
   * origin. Unset, the app uses its own address, http://localhost:PORT (app.ts).
   */
  appUrl?: string;
  /** More origins whose pages may open WebSockets; in development the Vite dev server's by default. */
  allowedOrigins: string[];
  /** Express "trust proxy" value, e.g. "loopback" or a hop count, behind a load balancer. */
  trustProxy?: string;
  /** Serves the built SPA from here when it exists. */
  clientDist: string;
  /** SMTP_URL, MAIL_FROM and the outbox's timing (see notifications/notifications.ts). */
  notifications: Partial<NotificationSettings>;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL || undefined;
  const port = Number(env.PORT ?? 4000);
  const production = env.NODE_ENV === 'production';
  return {
    port,
    databaseUrl,
    dataDir: path.resolve(repoRoot, env.DATA_DIR ?? '.data'),
    demoData: databaseUrl ? env.DEMO_DATA === '1' : env.DEMO_DATA !== '0',
    operator: env.OPERATOR_EMAIL && env.OPERATOR_PASSWORD ? { email: env.OPERATOR_EMAIL, password: env.OPERATOR_PASSWORD } : undefined,
    production,
    apiProcesses: apiProcessCount(env.WEB_CONCURRENCY, production),
    appUrl: env.APP_URL?.trim().replace(/\/+$/, '') || undefined,
    allowedOrigins: env.ALLOWED_ORIGINS
      ? env.ALLOWED_ORIGINS.split(',')
          .map((origin) => origin.trim())
          .filter(Boolean)
      : production
        ? []
        : ['http://localhost:5173'],
    redisUrl: env.REDIS_URL || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    clientDist: path.resolve(repoRoot, 'client/dist'),
    notifications: notificationSettingsFromEnv(env),
  };
}

/** Node runs JavaScript on one core per process: production serves from one process per core unless told. */
export function apiProcessCount(setting: string | undefined, production: boolean): number {
  if (setting === undefined || setting === '') return production ? os.availableParallelism() : 1;
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`WEB_CONCURRENCY must be a whole number of processes, 1 or more, not "${setting}"`);
  return count;
}
