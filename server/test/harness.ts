import crypto from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { openDatabase } from '../src/db/orm.js';
import { startApp, type AppOptions, type RunningApp } from '../src/app.js';

export interface TestApp {
  url: string;
  notifications: RunningApp['notifications'];
  databaseUrl: string;
  orm: MikroORM;
  client(): GraphQLClient;
  /** Counts SQL statements the app runs while `work` runs. */
  countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: number }>;
  close(): Promise<void>;
}

/**
 * A fresh database copied from the migrated template, and the real app serving it over HTTP (and
 * the built SPA from `clientDist`, for browser tests).
 */
export async function startTestApp(
  options: Pick<AppOptions, 'clientDist' | 'notifications' | 'limits' | 'redisUrl' | 'trustProxy' | 'deadlineJobs' | 'appUrl'> = {},
): Promise<TestApp> {
  const adminUrl = inject('adminUrl');
  const database = `slp_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database "${database}" template "${inject('templateDatabase')}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  let statements = 0;
  const orm = await openDatabase(url.toString(), {
    onQuery: () => {
      statements += 1;
    },
  });
  const app = await startApp({ orm, port: 0, production: true, ...options });
  return {
    url: app.url,
    notifications: app.notifications,
    databaseUrl: url.toString(),
    orm,
    client: () => new GraphQLClient(app.url),
    async countStatements(work) {
      const before = statements;
      const result = await work();
      return { result, statements: statements - before };
    },
    async close() {
      await app.close();
      await orm.close();
      await admin.query(`drop database if exists "${database}" with (force)`);
      await admin.end();
    },
  };
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** Request cost and rate budget (see src/limits). */
  extensions?: Record<string, any>;
}

/** Waits until `check` returns a value other than undefined/false, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Talks to the API as a browser would: JSON over HTTP, keeping the session cookie. */
export class GraphQLClient {
  cookie: string | null = null;
  /** Sent with every request, e.g. an API token's Authorization header. */
  headers: Record<string, string> = {};

  constructor(readonly url: string) {}

  async raw<T = any>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.cookie ? { cookie: this.cookie } : {}), ...this.headers, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const setCookie = response.headers.getSetCookie().find((c) => c.startsWith('slp_session='));
    if (setCookie) {
      const value = setCookie.split(';')[0];
      this.cookie = value === 'slp_session=' ? null : value;
    }
    return { status: response.status, setCookie, body: (await response.json()) as GraphQLResponse<T> };
  }

  /** Runs an operation and fails the test on any GraphQL error. */
  async request<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { body } = await this.raw<T>(query, variables);
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data!;
  }
}
