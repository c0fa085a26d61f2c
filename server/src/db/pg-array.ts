/** A PostgreSQL array literal of integers, to bind as one `?::int[]` parameter whatever the count. */
export const pgIntArray = (values: readonly number[]): string => `{${values.join(',')}}`;
