/** Writes schema.graphql from the code-first schema; with --check, fails when the file is stale. */
import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { repoRoot } from '../paths.js';
import { appSchema } from './schema.js';

export const schemaFile = path.join(repoRoot, 'schema.graphql');

export async function printedSchema(): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await appSchema()))}\n`;
}

const isMain =
  process.argv[1] && path.resolve(process.argv[1]).replace(/\.ts$/, '') === path.resolve(import.meta.filename).replace(/\.ts$/, '');
if (isMain) {
  const printed = await printedSchema();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(schemaFile) ? fs.readFileSync(schemaFile, 'utf8') : '';
    if (current !== printed) {
      console.error('schema.graphql is stale: run `pnpm schema` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date.');
  } else {
    fs.writeFileSync(schemaFile, printed);
    console.log(`Wrote ${schemaFile}`);
  }
}
