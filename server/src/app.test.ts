import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ notifications: { deliver: false } });
});
afterAll(() => app?.close());

it('answers GraphQL as JSON with no ETag: nothing revalidates a POST, so hashing each body would be wasted', async () => {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('etag')).toBeNull();
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect((await response.json()).data).toEqual({ __typename: 'Query' });
});

describe('bad requests get a coded GraphQL JSON body, never HTML or a stack', () => {
  const post = async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(app.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(text).not.toMatch(/<html|<pre|at .*\.(ts|js):\d+|node_modules/i);
    return { status: response.status, body: JSON.parse(text) };
  };

  it.each([
    ['malformed JSON', '{"query": "{ __typename }"', 400, 'BAD_REQUEST', 'The request body is not valid JSON'],
    [
      'a body over 1 MB',
      JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } }),
      413,
      'PAYLOAD_TOO_LARGE',
      'The request body is larger than 1 MB',
    ],
    [
      'JSON nested 100,000 deep',
      `{"query": "{ __typename }", "variables": {"v": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      400,
      'BAD_REQUEST',
      'The request body nests deeper than 64 levels',
    ],
  ])('answers %s with a code', async (_what, body, status, code, message) => {
    expect(await post(body)).toEqual({ status, body: { errors: [{ message, extensions: { code } }] } });
  });

  it('answers a mismatched operationName with a code', async () => {
    const answer = await post(JSON.stringify({ query: 'query A { __typename }', operationName: 'B' }));
    expect(answer).toEqual({
      status: 400,
      body: { errors: [{ message: 'Unknown operation named "B".', extensions: { code: 'OPERATION_RESOLUTION_FAILURE' } }] },
    });
  });

  it.each([
    [
      'a variable',
      JSON.stringify({
        query: 'query($e: String!, $p: String!) { logIn(input: { email: $e, password: $p }) { userErrors { code } } }'.replace(
          'query',
          'mutation',
        ),
        variables: { e: 'a\u0000@b.test', p: 'x' },
      }),
    ],
    [
      'a literal',
      JSON.stringify({ query: 'mutation { logIn(input: { email: "a\\u0000@b.test", password: "x" }) { userErrors { code } } }' }),
    ],
    ['a search filter', JSON.stringify({ query: '{ services(first: 1, filter: { search: "a\\u0000" }) { totalCount } }' })],
  ])('refuses a NUL character in %s with BAD_USER_INPUT before anything runs', async (_where, body) => {
    expect(await post(body)).toEqual({
      status: 400,
      body: { errors: [{ message: 'Text must not contain NUL characters', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });
});
