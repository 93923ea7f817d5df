import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedNetworkIfEmpty } from '../src/database/seed/seed-network.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

interface CentreNode {
  id: string;
  code: string;
  name: string;
  kind: string;
  town: string | null;
  parent: { code: string } | null;
  children: { code: string }[];
}
interface CentresData {
  centres: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    nodes: CentreNode[];
  };
}

const LIST = /* GraphQL */ `
  query List($first: Int!, $after: String, $filter: CentreFilter, $orderBy: CentreOrder) {
    centres(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id code name kind town parent { code } children { code } }
    }
  }
`;

describe('the Karaganda network', () => {
  let api: TestApp;
  let asAnalyst: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp();
    asAnalyst = await api.signIn(DEMO.analyst);
  });
  afterAll(() => api.close());

  const list = (variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
    api.graphql<CentresData>(LIST, { first: 100, ...variables }, { ...asAnalyst, ...headers });
  const query = <Data>(document: string, variables?: Record<string, unknown>) => api.graphql<Data>(document, variables, asAnalyst);

  it('is seeded: the regional centre and its 14 district centres', async () => {
    const { body } = await list({});
    expect(body.errors).toBeUndefined();
    const { nodes, totalCount } = body.data!.centres;
    expect(totalCount).toBe(15);
    const [root, ...districts] = nodes;
    expect(root).toMatchObject({ code: 'karaganda-region', kind: 'REGIONAL', parent: null });
    expect(root!.children).toHaveLength(14);
    expect(districts).toHaveLength(14);
    expect(districts.every((centre) => centre.parent?.code === 'karaganda-region')).toBe(true);
    expect(new Set(districts.map((centre) => centre.kind))).toEqual(new Set(['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT']));
  });

  it('seeds only an empty database: a second run adds nothing', async () => {
    expect(Object.values(await seedNetworkIfEmpty(api.dataSource)).every((count) => count === 0)).toBe(true);
    const { body } = await list({});
    expect(body.data!.centres.totalCount).toBe(15);
  });

  it('speaks the caller\'s language, from Accept-Language or the lang argument', async () => {
    const kk = await list({ filter: { search: 'Temirtau' } }, { 'accept-language': 'kk-KZ,kk;q=0.9' });
    expect(kk.body.data!.centres.nodes.map((c) => c.name)).toEqual(['Теміртау қаласы']);
    const ru = await list({ filter: { search: 'Temirtau' } }, { 'accept-language': 'ru' });
    expect(ru.body.data!.centres.nodes.map((c) => [c.name, c.town])).toEqual([['г. Темиртау', 'Темиртау']]);

    const { body } = await query<{ centre: { en: string; kk: string; names: Record<string, string> } }>(
      `query($id: ID!) { centre(id: $id) { en: name(lang: EN) kk: name(lang: KK) names { kk ru en } } }`,
      { id: kk.body.data!.centres.nodes[0]!.id },
    );
    expect(body.data!.centre).toEqual({
      en: 'Temirtau',
      kk: 'Теміртау қаласы',
      names: { kk: 'Теміртау қаласы', ru: 'г. Темиртау', en: 'Temirtau' },
    });
  });

  it('sorts names by the alphabet of the language (Kazakh Ұ after У, Ә after А)', async () => {
    const { body } = await list({ filter: { kinds: ['RURAL_DISTRICT'] } }, { 'accept-language': 'kk' });
    expect(body.data!.centres.nodes.map((c) => c.name)).toEqual([
      'Абай ауданы',
      'Ақтоғай ауданы',
      'Бұқар жырау ауданы',
      'Қарқаралы ауданы',
      'Нұра ауданы',
      'Осакаров ауданы',
      'Шет ауданы',
    ]);
  });

  it('pages through every centre exactly once, in both directions of order', async () => {
    for (const direction of ['ASC', 'DESC']) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const { body }: { body: { data?: CentresData | null } } = await list({ first: 4, after, orderBy: { field: 'NAME', direction } });
        const connection = body.data!.centres;
        seen.push(...connection.nodes.map((c) => c.code));
        if (!connection.pageInfo.hasNextPage) break;
        after = connection.pageInfo.endCursor;
      }
      expect(seen).toHaveLength(15);
      expect(new Set(seen).size).toBe(15);
      expect(seen[0]).toBe('karaganda-region');
    }
  });

  it('filters by subtree, parent, kind and text, combined with AND', async () => {
    const all = await list({});
    const root = all.body.data!.centres.nodes[0]!;
    const subtree = await list({ filter: { centreId: root.id, includeSubtree: true } });
    expect(subtree.body.data!.centres.totalCount).toBe(15);
    const only = await list({ filter: { centreId: root.id } });
    expect(only.body.data!.centres.nodes.map((c) => c.code)).toEqual(['karaganda-region']);
    const children = await list({ filter: { parentId: root.id, kinds: ['CITY'] } });
    expect(children.body.data!.centres.nodes.map((c) => c.code).sort()).toEqual(
      ['balkhash', 'priozersk', 'saran', 'shakhtinsk', 'temirtau'],
    );
    const search = await list({ filter: { search: '100%_' } });
    expect(search.body.data!.centres.totalCount).toBe(0);
  });

  it('refuses bad input with BAD_USER_INPUT and a message per field', async () => {
    const tooMany = await list({ first: 101 });
    expect(tooMany.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { first: expect.any(String) } });
    const badCursor = await list({ after: 'not-a-cursor' });
    expect(badCursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    const badId = await query(`{ centre(id: "42") { name } }`);
    expect(badId.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { id: expect.any(String) } });
    const nul = await list({ filter: { search: 'Abay\u0000' } });
    expect(nul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'filter.search': expect.any(String) } });
    const forged = Buffer.from(JSON.stringify(['NAME:ASC:ru', true, 'x\u0000', 'id'])).toString('base64url');
    const forgedCursor = await list({ after: forged });
    expect(forgedCursor.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { after: expect.any(String) } });
    const badFilter = await list({ filter: { centreId: 'x' } });
    expect(badFilter.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'filter.centreId': expect.any(String) } });
  });

  it('resolves nested centres in a fixed number of SQL statements, whatever the page size (DataLoaders)', async () => {
    const nested = /* GraphQL */ `
      query Nested($first: Int!) {
        centres(first: $first) {
          nodes { code parent { code children { code } } children { code parent { code } } }
        }
      }
    `;
    const small = await query<CentresData>(nested, { first: 2 });
    const large = await query<CentresData>(nested, { first: 15 });
    expect(large.body.errors).toBeUndefined();
    expect(large.body.data!.centres.nodes).toHaveLength(15);
    // Who is calling (session and user in one statement), the page, the parents (one batch) and the
    // children (one batch); the rest comes from the loaders' cache.
    expect(large.sqlStatements).toBe(4);
    expect(small.sqlStatements).toBe(large.sqlStatements);
  });

  it('answers NOT_FOUND for an id that names no centre', async () => {
    const { body } = await query(`{ centre(id: "6f1c1c1e-0000-4000-8000-000000000000") { name } }`);
    expect(body.data).toEqual({ centre: null });
    expect(body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
