import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

let app: TestApp;
beforeAll(async () => { app = await startTestApp({ notifications: { deliver: false } }); });
afterAll(() => app?.close());

it('answers GraphQL as JSON with no ETag: nothing revalidates a POST, so hashing each body would be wasted', async () => {
  const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBeNull();
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect((await response.json()).data).toEqual({ __typename: 'Query' });
});
