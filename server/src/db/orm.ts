import 'reflect-metadata';
import { MikroORM, defineConfig } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { entities } from './entities.js';
import { migrations } from './migrations/index.js';
import { migrateJobQueue } from '../deadlines/deadline-jobs.js';

export const migrationsPath = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface DatabaseOptions {
  poolSize?: number;
  /** Called once per SQL statement (tests count statements with it). */
  onQuery?: (sql: string) => void;
}

export function ormConfig(clientUrl: string, { poolSize = 10, onQuery }: DatabaseOptions = {}) {
  return defineConfig({
    clientUrl,
    ...(onQuery ? { debug: ['query' as const], logger: onQuery, colors: false } : {}),
    entities,
    extensions: [Migrator],
    // Written only by triggers on leads (see its migration), so it has no entity to diff against.
    schemaGenerator: { skipTables: ['partner_lead_stats'] },
    forceUtcTimezone: true,
    // Each request forks its own EntityManager; the global one must never be used by accident.
    allowGlobalContext: false,
    pool: { min: 0, max: poolSize },
    migrations: {
      tableName: 'mikro_orm_migrations',
      path: migrationsPath,
      pathTs: migrationsPath,
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      emit: 'ts',
      snapshot: false,
      silent: true,
    },
  });
}

/**
 * Connects and brings the schema up to date: the job queue's schema first (our leads trigger adds
 * jobs to it), then the checked-in migrations.
 */
export async function openDatabase(clientUrl: string, options?: DatabaseOptions): Promise<MikroORM> {
  await migrateJobQueue(clientUrl);
  const orm = await MikroORM.init(ormConfig(clientUrl, options));
  await orm.getMigrator().up();
  return orm;
}
