import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { isNonNullType } from 'graphql';
import { DEMO, type GraphqlResponse, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Queries over a limit (depth, aliases, directives, size, batched operations, `first` over 100, cost)
 * are refused with BAD_USER_INPUT before any SQL statement of theirs runs. Two counts show it: the
 * X-SQL-Statements header of the refusal, and every statement the app sent from the request until a
 * moment after its answer (work left running after the answer is not in the header). Both hold only
 * what every request of the caller costs: the session check. Each test first shows that the query
 * within the limit does run SQL, so the counts can tell. The limits are the production defaults.
 */
describe('over-limit queries are refused before any SQL statement runs', () => {
  let api: TestApp;
  let asAdmin: Record<string, string>;
  /** What any request of a signed-in caller costs before its operation runs (the session check). */
  let baseline: number;

  /** Every statement the app sends while `sent` is non-null: the tests run one request at a time. */
  let sent: string[] | null = null;

  beforeAll(async () => {
    api = await startTestApp();
    const logger = api.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, queryRunner) => {
      sent?.push(query);
      return logQuery(query, parameters, queryRunner);
    };
    asAdmin = await api.signIn(DEMO.admin);
    baseline = (await graphql('{ __typename }', {}, asAdmin)).sqlStatements;
  });
  afterAll(() => api.close());

  /** A request, with `sqlStatements` counting what the app sent until 150 ms after the answer, if more than the header says. */
  const graphql = async (query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphqlResponse> => {
    sent = [];
    try {
      const response = await api.graphql(query, variables, headers);
      await new Promise((settle) => setTimeout(settle, 150));
      return { ...response, sqlStatements: Math.max(response.sqlStatements, sent.length) };
    } finally {
      sent = null;
    }
  };

  /**
   * A refusal with a stable code and a message, after no SQL beyond the caller's session check.
   * Limits checked while validating the whole document answer 400 with no data; a refusal by a
   * field's argument rules answers 200 with `data: null`, as GraphQL does for field errors.
   */
  const expectRefusedBeforeSql = (response: GraphqlResponse, sqlBefore: number, statuses = [400]) => {
    expect(statuses).toContain(response.status);
    expect(response.body.data ?? null).toBeNull();
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.body.errors?.[0]?.message.length).toBeGreaterThan(10);
    expect(response.sqlStatements).toBe(sqlBefore);
  };

  /** The query runs, and costs SQL of its own: a refusal of a longer one with no SQL is then meaningful. */
  const expectRunsSql = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await graphql(query, variables, asAdmin);
    expect(response.body.errors).toBeUndefined();
    expect(response.sqlStatements).toBeGreaterThan(baseline);
  };

  it('counts the session check alone for a signed-in caller, and nothing for an anonymous one', async () => {
    expect(baseline).toBe(1);
    expect((await graphql('{ __typename }')).sqlStatements).toBe(0);
  });

  const nested = (levels: number) => `{ centres(first: 1) { nodes { ${'parent { '.repeat(levels)}code${' }'.repeat(levels)} } } }`;

  it('depth', async () => {
    const { maxDepth } = api.config.graphql;
    await expectRunsSql(nested(maxDepth - 3));
    expectRefusedBeforeSql(await graphql(nested(maxDepth + 1), {}, asAdmin), baseline);
    expectRefusedBeforeSql(await graphql(nested(maxDepth + 1)), 0);
  });

  it('aliases', async () => {
    const { maxAliases } = api.config.graphql;
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, n) => `a${n}: centres(first: 1) { totalCount }`).join(' ')} }`;
    await expectRunsSql(aliased(maxAliases));
    expectRefusedBeforeSql(await graphql(aliased(maxAliases + 1), {}, asAdmin), baseline);
    expectRefusedBeforeSql(await graphql(aliased(maxAliases + 1)), 0);
  });

  it('directives', async () => {
    const directives = `{ centres(first: 1) { totalCount ${'@include(if: true) '.repeat(60)}} }`;
    expectRefusedBeforeSql(await graphql(directives, {}, asAdmin), baseline);
  });

  it('size: a document of more tokens than the parser takes', async () => {
    const long = `{ centres(first: 1) { ${'totalCount '.repeat(6_000)}} }`;
    expectRefusedBeforeSql(await graphql(long, {}, asAdmin), baseline);
  });

  it('batched operations: an array of operations in one request', async () => {
    const one = { query: '{ centres(first: 1) { totalCount } }' };
    sent = [];
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...asAdmin },
      body: JSON.stringify([one, one, one]),
    });
    const body = (await response.json()) as GraphqlResponse['body'];
    await new Promise((settle) => setTimeout(settle, 150));
    const statements = Math.max(Number(response.headers.get('x-sql-statements')), sent.length);
    sent = null;
    expect(response.status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(statements).toBeLessThanOrEqual(baseline);
  });

  it('batched operations: several operations in one document, none named', async () => {
    expectRefusedBeforeSql(await graphql('query A { centres(first: 1) { totalCount } } query B { clubs(first: 1) { totalCount } }', {}, asAdmin), baseline);
  });

  it('`first` over 100, on every paginated list of the schema', async () => {
    const paged = Object.values(api.app.get(GraphQLSchemaHost).schema.getQueryType()!.getFields()).filter((field) => field.args.some((arg) => arg.name === 'first'));
    expect(paged.length).toBeGreaterThan(5);
    for (const field of paged) {
      // Other required arguments, if a list ever gets one, would be a refusal of their own: none today.
      expect(field.args.filter((arg) => arg.name !== 'first' && isNonNullType(arg.type) && arg.defaultValue === undefined)).toEqual([]);
      const query = `query($n: Int!) { ${field.name}(first: $n) { totalCount } }`;
      await expectRunsSql(query, { n: 100 });
      const inline = await graphql(`{ ${field.name}(first: 101) { totalCount } }`, {}, asAdmin);
      // 200 while the field's own rules refuse it; 400 once the whole operation is checked first (see the known gap below).
      expectRefusedBeforeSql(inline, baseline, [200, 400]);
      expect(inline.body.errors?.[0]?.extensions?.fields).toHaveProperty('first');
      expectRefusedBeforeSql(await graphql(query, { n: 1_000_000 }, asAdmin), baseline);
    }
  });

  it('cost: lists nested in lists, with `first` given inline or as a variable', async () => {
    const query = 'query($n: Int!) { centres(first: $n) { nodes { clubs { type { clubs { centre { code } } } } } } }';
    const refused = await graphql(query, { n: 100 }, asAdmin);
    expectRefusedBeforeSql(refused, baseline);
    const { cost, maxCost } = refused.body.errors![0]!.extensions as { cost: number; maxCost: number };
    expect(cost).toBeGreaterThan(maxCost);
    // The cost grows with `first`: the most that fits runs, and runs SQL.
    const fits = Math.floor(((maxCost - 1) * 100) / (cost - 1));
    expect(fits).toBeGreaterThanOrEqual(1);
    await expectRunsSql(query, { n: fits });
    expectRefusedBeforeSql(await graphql('{ centres(first: 100) { nodes { clubs { type { clubs { centre { code } } } } } } }', {}, asAdmin), baseline);
  });

  const beside = (over: string) => `{ users(first: 1) { totalCount } ${over} }`;

  it('an over-limit field beside others: the whole operation is refused, the others run no SQL either', async () => {
    const { maxDepth } = api.config.graphql;
    expectRefusedBeforeSql(await graphql(beside(nested(maxDepth + 1).slice(1, -1)), {}, asAdmin), baseline);
    expectRefusedBeforeSql(await graphql(beside('centres(first: 100) { nodes { clubs { type { clubs { centre { code } } } } } }'), {}, asAdmin), baseline);
  });

  // Each field's own argument rules check `first` only when that field runs: the cost plugin checks
  // every page size while it counts, so the fields beside it run nothing either.
  it('`first` over 100 beside other fields: the whole operation is refused before any SQL', async () => {
    const response = await graphql(beside('centres(first: 101) { totalCount }'), {}, asAdmin);
    expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.sqlStatements).toBe(baseline);
  });
});
