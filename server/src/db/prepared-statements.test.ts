import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { startTestApp, type TestApp } from '../../test/harness.js';
import { executePrepared } from './prepared-statements.js';
import { pgArray } from './pg-array.js';

let app: TestApp;
const em = () => (app.orm as MikroORM).em.fork() as EntityManager;

beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
});
afterAll(() => app?.close());

const PREPARED = 'select name, statement, parameter_types::text[] as types from pg_prepared_statements where statement like ?';

it("sends the values as parameters of a statement named by its text, which the connection's later runs reuse", async () => {
  await em().transactional(async (tx) => {
    // A question mark that is no placeholder is written \\? (as for the ORM's execute).
    const sql = "select ?::int + 1 as next, ?::text as word, 'what\\?'::text as quoted";
    expect(await executePrepared(tx, sql, [41, "it's"])).toEqual([{ next: 42, word: "it's", quoted: 'what?' }]);
    expect(await executePrepared(tx, sql, [1, 'b'])).toEqual([{ next: 2, word: 'b', quoted: 'what?' }]);
    const [statement] = await executePrepared<{ name: string; statement: string; types: string[] }>(tx, PREPARED, ['select $1::int + 1%']);
    expect(statement).toEqual({
      name: expect.stringMatching(/^slp_[\w-]{27}$/),
      statement: "select $1::int + 1 as next, $2::text as word, 'what?'::text as quoted",
      types: ['integer', 'text'],
    });
  });
});

it('takes a list as one array parameter, and refuses a list knex would spread', async () => {
  expect(await executePrepared(em(), 'select sum(n)::int as sum from unnest(?::int[]) n', [pgArray([1, 2, 3])])).toEqual([{ sum: 6 }]);
  await expect(executePrepared(em(), 'select 1 where 1 in (?)', [[1, 2]])).rejects.toThrow(
    'A list goes to executePrepared as one pgArray parameter',
  );
});

it("runs in the EntityManager's transaction, and fails with the ORM's own exceptions", async () => {
  const outside = em();
  await expect(
    outside.transactional(async (tx) => {
      await executePrepared(tx, 'create temporary table prepared_probe (id int primary key) on commit drop', []);
      await executePrepared(tx, 'insert into prepared_probe values (?)', [1]);
      await executePrepared(tx, 'insert into prepared_probe values (?)', [1]);
    }),
  ).rejects.toBeInstanceOf(UniqueConstraintViolationException);
});
