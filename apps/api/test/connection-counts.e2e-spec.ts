import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { centreId } from './factories/users.js';
import { DEMO, type GraphqlResponse, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Connections run what is asked of them and no more: the page's query only for a page, the COUNT
 * only for `totalCount`, and the counts of one request together in one statement.
 */
describe('lazy pages and counts sent together', () => {
  let api: TestApp;
  let admin: Record<string, string>;
  let karaganda: string;
  beforeAll(async () => {
    api = await startTestApp();
    admin = await api.signIn(DEMO.admin);
    karaganda = await centreId(api, 'karaganda-region');
  });
  afterAll(() => api.close());

  const sqlCount = async (sql: string, parameters: unknown[] = []) => Number((await api.dataSource.query<{ n: string }[]>(sql, parameters))[0]!.n);
  /** Every node of a list, page by page, to count it the long way. */
  const everyNode = async (list: string, filter: string) => {
    let after: string | null = null;
    let nodes = 0;
    do {
      const page: GraphqlResponse<Record<string, { nodes: unknown[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } }>> = await api.graphql(
        `query($after: String) { ${list}(first: 100, after: $after, filter: ${filter}) { nodes { id } pageInfo { endCursor hasNextPage } } }`,
        { after },
        admin,
      );
      const connection = page.body.data![list]!;
      nodes += connection.nodes.length;
      after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    return nodes;
  };

  it("answers the overview's five counts in one statement, each equal to PostgreSQL's own count", async () => {
    const { body, sqlStatements } = await api.graphql<Record<string, { totalCount: number }>>(
      `query($since: Date!) {
        allCentres: centres(first: 1) { totalCount }
        openCentres: centres(first: 1, filter: { open: true }) { totalCount }
        activeClubs: clubs(first: 1, filter: { statuses: [ACTIVE] }) { totalCount }
        clubsSince: clubs(first: 1, filter: { startedFrom: $since }) { totalCount }
        runningPrograms: programRuns(first: 1, filter: { statuses: [RUNNING] }) { totalCount }
      }`,
      { since: '2025-01-01' },
      admin,
    );
    expect(body.errors).toBeUndefined();
    // The session check, then the five counts: no page was asked for.
    expect(sqlStatements).toBe(2);
    expect(body.data).toEqual({
      allCentres: { totalCount: await sqlCount('SELECT count(*) AS n FROM centre') },
      openCentres: { totalCount: await sqlCount('SELECT count(*) AS n FROM centre WHERE closed_on IS NULL OR closed_on > current_date') },
      activeClubs: { totalCount: await sqlCount(`SELECT count(*) AS n FROM club WHERE status = 'ACTIVE'`) },
      clubsSince: { totalCount: await sqlCount(`SELECT count(*) AS n FROM club WHERE started_on >= '2025-01-01'`) },
      runningPrograms: { totalCount: await everyNode('programRuns', '{ statuses: [RUNNING] }') },
    });
  });

  it('counts lists with joins and parameters as paging through them does, in one statement', async () => {
    const lists = [
      ['clubs', `{ centreId: "${karaganda}", includeSubtree: true, statuses: [ACTIVE] }`],
      ['programRuns', `{ centreId: "${karaganda}", includeSubtree: true }`],
      ['reports', `{ centreId: "${karaganda}", includeSubtree: true, states: [APPROVED, SUBMITTED] }`],
      ['centres', `{ centreId: "${karaganda}", includeSubtree: true, kinds: [RURAL_DISTRICT] }`],
    ] as const;
    const { body, sqlStatements } = await api.graphql<Record<string, { totalCount: number }>>(
      `{ ${lists.map(([list, filter], index) => `l${index}: ${list}(first: 1, filter: ${filter}) { totalCount }`).join('\n')} }`,
      {},
      admin,
    );
    expect(body.errors).toBeUndefined();
    expect(sqlStatements).toBe(2);
    for (const [index, [list, filter]] of lists.entries()) {
      const counted = body.data![`l${index}`]!.totalCount;
      expect(counted).toBeGreaterThan(0);
      expect(counted).toBe(await everyNode(list, filter));
    }
  });

  it('runs the page only for a page, and the count only for totalCount', async () => {
    const pageOnly = await api.graphql(`{ centres(first: 5) { nodes { id } } }`, {}, admin);
    const countOnly = await api.graphql(`{ centres(first: 5) { totalCount } }`, {}, admin);
    const both = await api.graphql(`{ centres(first: 5) { totalCount pageInfo { hasNextPage } edges { cursor } nodes { id } } }`, {}, admin);
    expect([pageOnly.sqlStatements, countOnly.sqlStatements, both.sqlStatements]).toEqual([2, 2, 3]);
  });

  it('still refuses a cursor from another list before any SQL but the session check', async () => {
    const { body, sqlStatements } = await api.graphql(`{ clubs(first: 1, after: "bm90IGEgY3Vyc29y") { totalCount } }`, {}, admin);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(sqlStatements).toBe(1);
  });
});
