/**
 * What one request and one client may cost. Cost is counted in fields: each selected field costs 1,
 * a connection's selection counts once per requested page item, and expensive fields declare more.
 */
export interface ApiLimits {
  /** Deepest selection nesting (introspection is not counted, so GraphQL IDEs keep working). */
  maxDepth: number;
  /** Most aliases in one operation: aliases multiply work without multiplying fields. */
  maxAliases: number;
  /** Highest cost of one operation. */
  maxCost: number;
  /** Most lexical tokens in a document, checked while parsing. */
  maxTokens: number;
  /** Cost a client may spend per rate window, by how it is known. */
  pointsPerToken: number;
  pointsPerSession: number;
  pointsPerAddress: number;
  rateWindowSeconds: number;
  /** Prefix of the rate counters' keys, so deployments sharing one Redis keep apart. */
  rateKeyPrefix: string;
}

export const defaultApiLimits: ApiLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // A full page of 100 inquiries with their leads costs about 11,000.
  maxCost: 25_000,
  maxTokens: 5_000,
  // About 20 of the costliest operations, or thousands of ordinary ones, a minute.
  pointsPerToken: 500_000,
  pointsPerSession: 500_000,
  // Higher than a single client's: many people can share one address.
  pointsPerAddress: 1_000_000,
  rateWindowSeconds: 60,
  rateKeyPrefix: 'slp:rate',
};
