/**
 * Writes a migration for the difference between the entities and the checked-in migrations,
 * computed against a throwaway embedded PostgreSQL, and adds it to migrations/index.ts.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { migrationsPath, ormConfig } from './orm.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'slp-migration-'));
const pg = await startEmbeddedPostgres(dir, { durable: false });
try {
  const orm = await MikroORM.init(ormConfig(pg.url));
  const migrator = orm.getMigrator();
  await migrator.up();
  const result = await migrator.createMigration(migrationsPath, false, process.argv.includes('--initial'));
  if (!result.fileName) {
    console.log('No schema changes: nothing written.');
  } else {
    const name = result.fileName.replace(/\.ts$/, '');
    const indexFile = path.join(migrationsPath, 'index.ts');
    const index = fs
      .readFileSync(indexFile, 'utf8')
      .replace(/(import type[^\n]*\n)/, `$1import { ${name} } from './${name}.js';\n`)
      .replace(/\];\s*$/, `  { name: '${name}', class: ${name} },\n];\n`);
    fs.writeFileSync(indexFile, index);
    console.log(`Wrote ${result.fileName}`);
  }
  await orm.close();
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
