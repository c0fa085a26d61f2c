import type { ApolloCache } from '@apollo/client';

/**
 * Drops cached lists after a change moved an object between them (a lead from New to Following, a
 * new inquiry); active queries refetch them, others load fresh when next shown.
 */
export function evictLists(cache: ApolloCache, ...fieldNames: string[]) {
  for (const fieldName of fieldNames) cache.evict({ id: 'ROOT_QUERY', fieldName });
  cache.gc();
}
