import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/** Bad requests get a 400-class answer with a stable code and a message; the server keeps serving. */
describe('GraphQL request errors', () => {
  let api: TestApp;
  let asAnalyst: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp({ GRAPHQL_MAX_DEPTH: '6' });
    asAnalyst = await api.signIn(DEMO.analyst);
  });
  afterAll(() => api.close());

  const deep = (levels: number) => `{ centres { nodes { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } } }`;

  it.each([
    ['a malformed document', '{ centres( ', undefined],
    ['an unknown field', '{ centres { nodes { nme } } }', undefined],
    ['a query deeper than the limit', deep(8), undefined],
    ['a variable of the wrong type', 'query($n: Int!) { centres(first: $n) { totalCount } }', { n: 'many' }],
    ['an undeclared variable', '{ centres(first: $n) { totalCount } }', undefined],
  ])('%s', async (_case, query, variables) => {
    const { status, body } = await api.graphql(query, variables, asAnalyst);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    const [error] = body.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.message.length).toBeGreaterThan(10);
    expect(error!.extensions).not.toHaveProperty('stacktrace');

    const after = await api.graphql<{ centres: { totalCount: number } }>('{ centres { totalCount } }', {}, asAnalyst);
    expect(after.status).toBe(200);
    expect(after.body.data?.centres.totalCount).toBe(15);
  });

  it('refuses lists nested in lists by their cost, before any SQL of the query runs', async () => {
    const { status, body, sqlStatements } = await api.graphql(
      '{ clubTypes(first: 100) { nodes { clubs { centre { children { id } } } } } }',
      {},
      asAnalyst,
    );
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'COST', maxCost: api.config.graphql.maxCost.ANALYST, cost: expect.any(Number) });
    expect(body.errors?.[0]?.message).toMatch(/first/);
    // The one statement is the caller's session check; the query itself never ran.
    expect(sqlStatements).toBe(1);
    const page = await api.graphql('query($n: Int!) { centres(first: $n) { nodes { clubs { type { name } } } } }', { n: 100 }, asAnalyst);
    expect(page.body.errors).toBeUndefined();
  });

  it('accepts a query just within the depth limit', async () => {
    const { status, body } = await api.graphql(deep(3), {}, asAnalyst);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it('answers under any alias, "__proto__" and "constructor" too (patches/graphql@16.15.0.patch keeps them plain fields)', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asAnalyst },
      body: JSON.stringify({ query: '{ centres(first: 1) { __proto__: totalCount constructor: totalCount nodes { __proto__: code toString: code } } }' }),
    });
    expect(response.status).toBe(200);
    // Read as text: JSON.parse would hide a "__proto__" key the server left out.
    const text = await response.text();
    // The JSON's spacing is free: compiled reads (src/graphql/compiled-reads/) write it in PostgreSQL, which spaces it.
    expect(text.replace(/\s+/g, '')).toMatch(/^\{"data":\{"centres":\{"__proto__":15,"constructor":15,"nodes":\[\{"__proto__":"[a-z-]+","toString":"[a-z-]+"\}\]\}\}\}$/);
  });

  it('answers aliases named like Object methods as plain fields, with no "__proto__" beside them', async () => {
    const response = await api.graphql<{ centres: Record<string, unknown> }>('{ centres(first: 1) { constructor: totalCount hasOwnProperty: totalCount nodes { toString: code valueOf: code } } }', {}, asAnalyst);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data?.centres).toEqual({ constructor: 15, hasOwnProperty: 15, nodes: [{ toString: expect.any(String), valueOf: expect.any(String) }] });
  });

  it('refuses batched operations in one HTTP request', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ centres { totalCount } }' }, { query: '{ centres { totalCount } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('tags every response with its own request id, whatever id the caller sent', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'trace-123' },
      body: JSON.stringify({ query: '{ centres { totalCount } }' }),
    });
    const first = response.headers.get('x-request-id');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    const second = (await fetch(`${api.url}/health`)).headers.get('x-request-id');
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
  });
});

describe('health and explorer', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('reports the database as ready', async () => {
    const response = await fetch(`${api.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
  });

  it('serves a query explorer at /graphql that loads nothing from outside', async () => {
    const response = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('GraphiQL');
    expect(html).not.toMatch(/<script[^>]+src=["']https?:/);
    expect(html).not.toMatch(/<link[^>]+href=["']https?:/);
  });

  it('sends the explorer gzipped, with an ETag, and 304 to a browser that has it', async () => {
    const first = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip' } });
    expect(first.headers.get('content-encoding')).toBe('gzip');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    const html = await first.text();
    expect(html).toContain('GraphiQL');

    const plain = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(plain.headers.get('etag')).toMatch(/^"[\w-]+"$/);
    expect(plain.headers.get('etag')).not.toBe(etag);
    expect(await plain.text()).toBe(html);

    // As a browser revalidates on reload (fetch would add `no-cache`, which asks for the page again).
    const again = await fetch(`${api.url}/graphql`, { headers: { accept: 'text/html', 'accept-encoding': 'gzip', 'if-none-match': etag!, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });
});
