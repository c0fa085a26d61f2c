/**
 * A PostgreSQL array literal, to bind as one `?::int[]` (or `?::text[]`, `?::timestamptz[]`) parameter
 * whatever the count. Nothing is escaped: numbers, or text holding no comma, quote, brace, backslash
 * or space (enum values, ISO timestamps).
 */
export const pgArray = (values: readonly (number | string)[]): string => `{${values.join(',')}}`;
