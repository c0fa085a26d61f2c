import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** A statement's name by its text: the same text always gets the same name, and no two texts share one. */
const names = new Map<string, string>();

function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `slp_${crypto.createHash('sha1').update(sql).digest('base64url')}`));
  return name;
}

/** Logged as the ORM logs its own statements, values in place under query-params (tests and the benchmark count them). */
function logStatement(em: EntityManager, sql: string, params: readonly unknown[], level: 'info' | 'error', started: number): void {
  const logger = em.config.getLogger();
  if (!logger.isEnabled('query')) return;
  const text = logger.isEnabled('query-params') ? em.getPlatform().formatQuery(sql, [...params]) : sql;
  logger.logQuery({ query: text, took: Date.now() - started, level });
}

/**
 * Runs a hot read (a request's session, page and batched rows) as a named prepared statement, with
 * `?` placeholders as the ORM writes them. MikroORM's execute writes the values into the text, so
 * each page's statement was new to PostgreSQL, parsed and planned again: 0.2 ms of planning for
 * each of a NEW-tab page's three, about as much as running them (docs/performance.md). Named, a
 * connection parses a text once, and after five runs PostgreSQL keeps a generic plan when it costs
 * no more than the values' own. Each value goes as one parameter, a list as one pgArray literal
 * (`= any(?::int[])`): knex would spread an array into `?, ?, ?`, a new text for each length.
 */
export async function executePrepared<T>(em: EntityManager, sql: string, params: readonly unknown[]): Promise<T[]> {
  if (params.some(Array.isArray)) throw new Error('A list goes to executePrepared as one pgArray parameter');
  const query = em
    .getConnection()
    .getKnex()
    .raw(sql, params as never)
    .options({ name: nameOf(sql) });
  const transaction = em.getTransactionContext();
  if (transaction) query.transacting(transaction);
  const started = Date.now();
  try {
    const { rows } = (await query) as { rows: T[] };
    logStatement(em, sql, params, 'info', started);
    return rows;
  } catch (error) {
    logStatement(em, sql, params, 'error', started);
    throw em
      .getPlatform()
      .getExceptionConverter()
      .convertException(error as Error);
  }
}
