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
  /** Failed log-ins allowed per account, and per address, in each log-in window (limits/log-in-throttle.ts). */
  logInFailuresPerAccount: number;
  logInFailuresPerAddress: number;
  logInWindowSeconds: number;
  /** Password verifications (argon2id) run at once in a process; more wait, known places first (log-in-throttle.ts). */
  logInVerifications: number;
  /** Log-ins from unknown places that may wait for a verification; more are refused with RATE_LIMITED. */
  logInWaiting: number;
  /** WebSocket: the largest frame, open connections per session (or API token) and per address,
   * subscriptions per connection, and the bytes a subscriber may leave unread before it is disconnected. */
  wsMaxPayloadBytes: number;
  wsConnectionsPerSession: number;
  wsConnectionsPerAddress: number;
  wsSubscriptionsPerConnection: number;
  wsSendBufferBytes: number;
  /** The CSV export of a tab (exports/): what one export costs of the client's rate budgets, and the
   * rows read per statement while it streams. */
  exportCost: number;
  exportChunkRows: number;
  /** Prefix of the rate counters' keys, so deployments sharing one Redis keep apart. */
  rateKeyPrefix: string;
}

export const defaultApiLimits: ApiLimits = {
  maxDepth: 12,
  maxAliases: 30,
  // Nested pages multiply: the SPA's "My requests" (100 inquiries × up to 100 leads each) is ~145,000.
  maxCost: 200_000,
  maxTokens: 5_000,
  // About 10 of the costliest operations, or thousands of ordinary ones, a minute.
  pointsPerToken: 2_000_000,
  pointsPerSession: 2_000_000,
  // Higher than a single client's: many people can share one address.
  pointsPerAddress: 4_000_000,
  rateWindowSeconds: 60,
  // OWASP: a handful of wrong passwords per account, more per address (people share addresses).
  logInFailuresPerAccount: 10,
  logInFailuresPerAddress: 100,
  logInWindowSeconds: 900,
  logInVerifications: 2,
  // About 5 s of argon2 at two at a time: a real user beyond that is better told to retry.
  logInWaiting: 50,
  // Operations are small; the SPA keeps one socket per tab with a few subscriptions.
  wsMaxPayloadBytes: 64 * 1024,
  wsConnectionsPerSession: 10,
  wsConnectionsPerAddress: 200,
  wsSubscriptionsPerConnection: 20,
  wsSendBufferBytes: 1024 * 1024,
  // As much as the costliest operation: 10 exports a minute per token or session, 20 per address.
  exportCost: 200_000,
  exportChunkRows: 1_000,
  rateKeyPrefix: 'slp:rate',
};
