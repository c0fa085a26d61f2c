import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

export type Cell = string | number | boolean | Date | readonly string[] | null | undefined;

/** PostgreSQL's COPY text format: tab-separated, \N for null, backslash escapes. */
function cell(value: Cell): string {
  if (value == null) return '\\N';
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(',')}}`;
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

function* lines(rows: Iterable<Cell[]>): Generator<string> {
  let chunk: string[] = [];
  for (const row of rows) {
    chunk.push(`${row.map(cell).join('\t')}\n`);
    if (chunk.length === 5000) {
      yield chunk.join('');
      chunk = [];
    }
  }
  if (chunk.length) yield chunk.join('');
}

/** A table's rows, column names in the order of each row's cells. */
export interface TableRows {
  table: string;
  columns: readonly string[];
  rows: Iterable<Cell[]>;
}

/** Streams rows into a table with COPY … FROM STDIN: one statement for any number of rows. */
export async function copyRows(client: pg.ClientBase, { table, columns, rows }: TableRows): Promise<void> {
  const sql = `copy "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) from stdin`;
  await pipeline(Readable.from(lines(rows)), client.query(copyFrom(sql)));
}
