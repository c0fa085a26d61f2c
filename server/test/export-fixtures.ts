import type { GraphQLClient, TestApp } from './harness.js';

/** The CSV export's address on the test app, with its query string. */
export function exportUrl(app: TestApp, params: Record<string, string> | string): string {
  const query = typeof params === 'string' ? params : new URLSearchParams(params).toString();
  return `${app.url.replace(/\/graphql$/, '')}/export/leads.csv?${query}`;
}

/** GETs the export as the client (its cookie and headers). */
export async function download(app: TestApp, client: GraphQLClient, params: Record<string, string> | string) {
  const response = await fetch(exportUrl(app, params), {
    headers: { ...(client.cookie ? { cookie: client.cookie } : {}), ...client.headers },
  });
  return { response, text: await response.text() };
}
