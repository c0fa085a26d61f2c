import type pg from 'pg';

/**
 * Drops the secondary indexes of the given tables before a bulk load and returns what builds them
 * again after it: one sorted build per index is several times faster than maintaining every index
 * row by row through millions of COPY rows. Indexes behind a constraint (primary keys, unique)
 * stay, as the rows' ids arrive in order and cost little.
 */
export async function dropSecondaryIndexes(client: pg.ClientBase, tables: string[]): Promise<() => Promise<void>> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conindid = (quote_ident(i.indexname))::regclass)`,
    [tables],
  );
  for (const index of rows) await client.query(`drop index "${index.name}"`);
  return async () => {
    await client.query(`set maintenance_work_mem = '1GB'`);
    for (const index of rows) await client.query(index.definition);
  };
}
