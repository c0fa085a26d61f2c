import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres, type RunningPostgres } from '../src/db/embedded-postgres.js';
import { openDatabase } from '../src/db/orm.js';

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * A new, migrated database for one run: on DATABASE_URL's server when set (its own database there,
 * dropped afterwards, so nothing of yours is touched), otherwise on a throwaway embedded PostgreSQL.
 */
export async function freshDatabase(serverUrl = process.env.DATABASE_URL): Promise<BenchDatabase> {
  let embedded: RunningPostgres | undefined;
  let dir: string | undefined;
  if (!serverUrl) {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-bench-'));
    embedded = await startEmbeddedPostgres(dir, { database: 'postgres' });
    serverUrl = embedded.url;
  }
  const name = `slp_bench_${crypto.randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const orm = await openDatabase(url.toString(), { poolSize: 1 });
  await orm.close();
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
      await embedded?.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
