// Incremental sync of a partner's leads through the GraphQL API: every tab, `filter: { updatedAfter }`,
// page by page. Plain Node (>= 20), no dependencies.
import fs from 'node:fs/promises';

export const TABS = ['NEW', 'FOLLOWING', 'DEAL', 'CLOSED', 'REJECTED'];

const QUERY = `query Sync($status: LeadStatus!, $after: String, $since: DateTime) {
  leads(status: $status, first: 100, after: $after, filter: { updatedAfter: $since }) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id status source createdAt updatedAt followedAt dealAt closedAt closeReason rejectedAt
      inquiry { productCategory budget { amount currency } contactAccess contact { name email } }
    } }
  }
}`;

/**
 * What the sync remembers between runs: `since`, the latest `updatedAt` it has seen, and `seen`, the
 * `updatedAt` of each lead it has seen near that time. Each run asks for what changed after
 * `since - overlapMs` and drops what it has already seen at that same `updatedAt`, so
 *  - leads sharing a timestamp with the cursor (ties) are not lost when some of them are committed
 *    after a run read the others, and
 *  - a change committed late (the server stamps `updatedAt` when it writes the row, a moment before
 *    its transaction commits) within the overlap is still picked up,
 * while nothing is reported twice.
 */
export function emptyState() {
  return { since: null, seen: {} };
}

export async function loadState(file) {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return emptyState();
    throw error;
  }
}

export async function saveState(file, state) {
  const temporary = `${file}.tmp`;
  await fs.writeFile(temporary, JSON.stringify(state));
  await fs.rename(temporary, file);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One GraphQL request with the token; waits out a rate limit (429, Retry-After) and tries again. */
export async function graphql(apiUrl, token, query, variables) {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    if (response.status === 429 && attempt < 5) {
      await sleep(1000 * Number(response.headers.get('retry-after') ?? 1));
      continue;
    }
    const body = await response.json();
    if (body.errors?.length) {
      const [first] = body.errors;
      throw new Error(`GraphQL ${first.extensions?.code ?? response.status}: ${first.message}`);
    }
    return body.data;
  }
}

/** Every lead of one tab changed after `since` (null: all of them), page after page. */
async function* changedInTab(apiUrl, token, status, since) {
  let after = null;
  do {
    const { leads } = await graphql(apiUrl, token, QUERY, { status, after, since });
    for (const edge of leads.edges) yield edge.node;
    after = leads.pageInfo.hasNextPage ? leads.pageInfo.endCursor : null;
  } while (after);
}

/**
 * One sync run: returns the leads that changed since the last run (each once, as they are now) and
 * the state to keep for the next one. A lead that moved tab is found in its new tab.
 */
export async function syncLeads({ apiUrl, token, state = emptyState(), overlapMs = 5_000 }) {
  const from = state.since ? new Date(Date.parse(state.since) - overlapMs).toISOString() : null;
  const seen = { ...state.seen };
  const changed = [];
  let since = state.since;
  for (const status of TABS) {
    for await (const lead of changedInTab(apiUrl, token, status, from)) {
      if (seen[lead.id] === lead.updatedAt) continue;
      seen[lead.id] = lead.updatedAt;
      changed.push(lead);
      if (!since || lead.updatedAt > since) since = lead.updatedAt;
    }
  }
  // Only what the next run can still be sent again needs remembering: it asks for updated_at > keepFrom,
  // and a time given to the millisecond stands for every microsecond within it, hence `<`, not `<=`.
  const keepFrom = since ? new Date(Date.parse(since) - overlapMs).toISOString() : null;
  for (const [id, updatedAt] of Object.entries(seen)) if (keepFrom && updatedAt < keepFrom) delete seen[id];
  return { changed, state: { since, seen } };
}
