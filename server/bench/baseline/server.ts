// The limit to compare against: the NEW tab page from plain `pg` and node:http, no framework at all.
import crypto from 'node:crypto';
import http from 'node:http';
import pg from 'pg';
import { answerCommands, processCommands } from '../ipc.js';
import { newTabSql } from './new-tab-sql.js';

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
// The API's cursor: the order, the key (the time received, in UTC to the microsecond) and the id, as JSON in base64url.
const cursorOf = (row: { key: string; id: number }) =>
  Buffer.from(JSON.stringify(['RECEIVED_DESC', row.key, row.id])).toString('base64url');
function after(cursor: string | null | undefined): [string | null, number | null] {
  if (!cursor) return [null, null];
  const [, key, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string, number];
  return [key, id];
}

async function readJson(request: http.IncomingMessage): Promise<{ variables?: { first?: number; after?: string | null } }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** Answers with the same JSON as the GraphQL NEW-tab query (bench/scenarios/queries.ts). */
async function newTab(request: http.IncomingMessage): Promise<unknown> {
  const { variables = {} } = await readJson(request);
  const token = /(?:^|;\s*)slp_session=([^;]+)/.exec(request.headers.cookie ?? '')?.[1] ?? '';
  const size = variables.first ?? 20;
  const result = await pool.query<{ total: number; rows: { id: number; key: string; node: unknown }[] }>(newTabSql, [
    crypto.createHash('sha256').update(token).digest('hex'),
    size + 1,
    ...after(variables.after),
  ]);
  const { total, rows } = result.rows[0];
  const edges = rows.slice(0, size).map((row) => ({ cursor: cursorOf(row), node: row.node }));
  return {
    data: {
      leads: {
        totalCount: total,
        pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    },
  };
}

const server = http.createServer((request, response) => {
  newTab(request).then(
    (body) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    },
    (error: Error) => {
      response.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: error.message }] }));
    },
  );
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  answerCommands({ url: `http://127.0.0.1:${port}/new-tab` }, processCommands);
});
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
