import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/db/embedded-postgres.js';
import { openDatabase } from '../src/db/orm.js';
import { buildServer } from '../build.js';

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
  }
}

/**
 * One PostgreSQL for the run (embedded, or DATABASE_URL's server) and one migrated template
 * database; every test file then gets its own copy of the template. And the server's build.
 */
export default async function setup(project: TestProject) {
  // Tests that run the API as its own process run what production runs (test/server-process.ts).
  await buildServer();
  let embedded: RunningPostgres | undefined;
  let dir: string | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-test-'));
    embedded = await startEmbeddedPostgres(dir, { database: 'postgres', durable: false });
    adminUrl = embedded.url;
  }
  const templateDatabase = `slp_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`drop database if exists "${templateDatabase}"`);
  await admin.query(`create database "${templateDatabase}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${templateDatabase}`;
  const orm = await openDatabase(url.toString(), { poolSize: 2 });
  await orm.close();
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await admin.query(`drop database if exists "${templateDatabase}"`).catch(() => {});
    await admin.end();
    await embedded?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  };
}
