import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertSavedQuery } from './factories/saved-queries.js';
import { createAccount, type TestAccount } from './factories/users.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * The workbench's saved queries: analysts and administrators keep their own and share them; a
 * query must be valid against the schema; only its owner changes or deletes it; another's private
 * query does not exist for anyone else.
 */
const FIELDS = 'id title description document variables shared ownerName mine createdAt updatedAt version';

interface SavedQueryShape {
  id: string;
  title: string;
  description: string | null;
  document: string;
  variables: string | null;
  shared: boolean;
  ownerName: string;
  mine: boolean;
  version: number;
}

const SAVE = `mutation($input: SaveQueryInput!) { saveQuery(input: $input) { savedQuery { ${FIELDS} } } }`;
const UPDATE = `mutation($input: UpdateSavedQueryInput!) { updateSavedQuery(input: $input) { savedQuery { ${FIELDS} } } }`;
const DELETE = `mutation($input: DeleteSavedQueryInput!) { deleteSavedQuery(input: $input) { id } }`;
const ONE = `query($id: ID!) { savedQuery(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $filter: SavedQueryFilter) {
  savedQueries(first: $first, after: $after, filter: $filter) { totalCount pageInfo { hasNextPage endCursor } nodes { id title mine shared } }
}`;

const DOCUMENT = `query RuralCentres($kinds: [CentreKind!] = [RURAL_DISTRICT]) {
  centres(filter: { kinds: $kinds }) { nodes { code name } }
}`;

describe('saved queries', () => {
  let api: TestApp;
  let analystA: TestAccount;
  let analystB: TestAccount;
  let asA: Record<string, string>;
  let asB: Record<string, string>;

  const save = async (as: Record<string, string>, input: Record<string, unknown>) => {
    const { body } = await api.graphql<{ saveQuery: { savedQuery: SavedQueryShape } }>(SAVE, { input }, as);
    return body;
  };
  const auditActions = async (entityId: string) =>
    (await api.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_entry WHERE entity_type = 'SavedQuery' AND entity_id = $1 ORDER BY occurred_at, id`, [entityId])).map(
      (row) => row.action,
    );

  beforeAll(async () => {
    // Its own database: the lists below are counted whole.
    api = await startTestApp({}, { ownDatabase: true });
    analystA = await createAccount(api, 'ANALYST');
    analystB = await createAccount(api, 'ANALYST');
    asA = await api.signIn(analystA);
    asB = await api.signIn(analystB);
  });
  afterAll(() => api.close());

  it('an analyst saves a query with its variables; the write is audited', async () => {
    const body = await save(asA, { title: '  Rural districts  ', description: 'Сельские районы — ауылдық аудандар', document: DOCUMENT, variables: '{"kinds": ["RURAL_DISTRICT"]}' });
    expect(body.errors).toBeUndefined();
    const saved = body.data!.saveQuery.savedQuery;
    expect(saved).toMatchObject({
      title: 'Rural districts',
      description: 'Сельские районы — ауылдық аудандар',
      document: DOCUMENT,
      shared: false,
      ownerName: 'Test analyst',
      mine: true,
      version: 1,
    });
    expect(JSON.parse(saved.variables!)).toEqual({ kinds: ['RURAL_DISTRICT'] });
    expect(await auditActions(saved.id)).toEqual(['CREATE_SAVED_QUERY']);
    // The saved document runs as it was saved.
    const run = await api.graphql(saved.document, JSON.parse(saved.variables!), asA);
    expect(run.body.errors).toBeUndefined();
  });

  describe('refuses what cannot be saved, at the field', () => {
    const cases: [string, Record<string, unknown>, string, RegExp][] = [
      ['a document that does not parse', { document: '{ centres { nodes { code }' }, 'document', /Syntax Error/],
      ['a document not valid against the schema', { document: '{ centres { nodes { colour } } }' }, 'document', /Cannot query field "colour" on type "Centre"/],
      ['an operation with an undeclared variable', { document: '{ centre(id: $id) { code } }' }, 'document', /Variable "\$id" is not defined/],
      ['variables that are not JSON', { variables: '{kinds: RURAL}' }, 'variables', /not JSON/],
      ['variables that are not an object', { variables: '["RURAL_DISTRICT"]' }, 'variables', /object/],
      ['an empty title', { title: '   ' }, 'title', /empty/],
      ['a title over 200 characters', { title: 'x'.repeat(201) }, 'title', /200 characters/],
      ['a document over 20,000 characters', { document: `{ centres { nodes { code } } }${' '.repeat(20_000)}` }, 'document', /20000 characters/],
    ];
    for (const [name, change, field, message] of cases) {
      it(`${name}: BAD_USER_INPUT at ${field}`, async () => {
        const body = await save({ ...asA, 'accept-language': 'en' }, { title: 'A query', document: '{ centres { nodes { code } } }', ...change });
        expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
        expect((body.errors?.[0]?.extensions?.fields as Record<string, string> | undefined)?.[field]).toMatch(message);
      });
    }
  });

  it('shows each user their own queries and every shared one, newest first, page by page', async () => {
    const own = await Promise.all([1, 2, 3].map((n) => insertSavedQuery(api, analystB.id, { title: `B private ${n}` })));
    const shared = await insertSavedQuery(api, analystB.id, { title: 'B shared: reports by quarter', shared: true });
    const privateOfA = await insertSavedQuery(api, analystA.id, { title: 'A private' });

    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: Awaited<ReturnType<typeof api.graphql<{ savedQueries: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: { id: string }[] } }>>> =
        await api.graphql(LIST, { first: 2, after }, asB);
      expect(page.body.errors).toBeUndefined();
      total = page.body.data!.savedQueries.totalCount;
      seen.push(...page.body.data!.savedQueries.nodes.map((node) => node.id));
      after = page.body.data!.savedQueries.pageInfo.hasNextPage ? page.body.data!.savedQueries.pageInfo.endCursor : null;
    } while (after);
    expect(seen).not.toContain(privateOfA);
    expect(seen).toEqual(expect.arrayContaining([...own, shared]));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(total);
    const created = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM saved_query WHERE id = ANY($1) ORDER BY created_at DESC, id DESC`, [seen]);
    expect(seen).toEqual(created.map((row) => row.id));

    const list = async (filter: Record<string, unknown>, as = asA) => (await api.graphql<{ savedQueries: { nodes: { id: string; mine: boolean; shared: boolean }[] } }>(LIST, { filter }, as)).body.data!.savedQueries.nodes;
    expect((await list({ mine: false })).map((node) => node.id)).toEqual([shared]);
    expect((await list({ mine: true })).every((node) => node.mine)).toBe(true);
    expect((await list({ shared: true })).map((node) => node.id)).toContain(shared);
    expect((await list({ shared: false })).every((node) => node.mine && !node.shared)).toBe(true);
    expect((await list({ search: 'BY QUARTER' })).map((node) => node.id)).toEqual([shared]);
    expect(await list({ search: '100%_' })).toEqual([]);
  });

  it("another user's private query is NOT_FOUND, as if it did not exist; a shared one is read but not changed", async () => {
    const privateOfB = await insertSavedQuery(api, analystB.id, { title: 'B only' });
    const sharedOfB = await insertSavedQuery(api, analystB.id, { title: 'B for all', shared: true });
    const missing = '00000000-0000-4000-8000-000000000000';

    const notFound = await api.graphql(ONE, { id: privateOfB }, asA);
    const nothing = await api.graphql(ONE, { id: missing }, asA);
    expect(notFound.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(notFound.body.errors?.[0]?.message).toBe(nothing.body.errors?.[0]?.message.replace(missing, privateOfB));

    const read = await api.graphql<{ savedQuery: SavedQueryShape }>(ONE, { id: sharedOfB }, asA);
    expect(read.body.data?.savedQuery).toMatchObject({ title: 'B for all', mine: false, shared: true });

    const updatePrivate = await api.graphql(UPDATE, { input: { id: privateOfB, version: 1, title: 'Mine now' } }, asA);
    expect(updatePrivate.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const updateShared = await api.graphql(UPDATE, { input: { id: sharedOfB, version: 1, title: 'Mine now' } }, asA);
    expect(updateShared.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deleteShared = await api.graphql(DELETE, { input: { id: sharedOfB } }, asA);
    expect(deleteShared.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const deletePrivate = await api.graphql(DELETE, { input: { id: privateOfB } }, asA);
    expect(deletePrivate.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    // Not even an administrator changes another's query.
    const admin = await api.signIn(DEMO.admin);
    const byAdmin = await api.graphql(UPDATE, { input: { id: sharedOfB, version: 1, shared: false } }, admin);
    expect(byAdmin.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const rows = await api.dataSource.query<{ title: string; version: number }[]>(`SELECT title, version FROM saved_query WHERE id = ANY($1) ORDER BY title`, [[privateOfB, sharedOfB]]);
    expect(rows).toEqual([
      { title: 'B for all', version: 1 },
      { title: 'B only', version: 1 },
    ]);
    expect(await auditActions(privateOfB)).toEqual([]);
    expect(await auditActions(sharedOfB)).toEqual([]);
  });

  it('the owner updates with the version, shares and unshares; a stale version is CONFLICT with currentVersion', async () => {
    const saved = (await save(asA, { title: 'Clubs', description: 'All clubs', document: '{ clubs { nodes { id } } }', variables: '{"a": 1}' })).data!.saveQuery.savedQuery;

    const shared = await api.graphql<{ updateSavedQuery: { savedQuery: SavedQueryShape } }>(
      UPDATE,
      { input: { id: saved.id, version: 1, shared: true, description: null, variables: null, document: '{ clubs { nodes { id status } } }' } },
      asA,
    );
    expect(shared.body.errors).toBeUndefined();
    expect(shared.body.data!.updateSavedQuery.savedQuery).toMatchObject({ version: 2, shared: true, description: null, variables: null, title: 'Clubs', document: '{ clubs { nodes { id status } } }' });
    expect((await api.graphql<{ savedQuery: { shared: boolean } }>(ONE, { id: saved.id }, asB)).body.data?.savedQuery.shared).toBe(true);

    const stale = await api.graphql(UPDATE, { input: { id: saved.id, version: 1, title: 'Late' } }, asA);
    expect(stale.body.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });

    const invalid = await api.graphql(UPDATE, { input: { id: saved.id, version: 2, document: '{ clubs { nodes { colour } } }' } }, asA);
    expect(invalid.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((invalid.body.errors?.[0]?.extensions?.fields as Record<string, string>).document).toMatch(/colour/);
    const cleared = await api.graphql(UPDATE, { input: { id: saved.id, version: 2, title: null } }, asA);
    expect(Object.keys(cleared.body.errors?.[0]?.extensions?.fields as Record<string, string>)).toEqual(['title']);

    const unshared = await api.graphql<{ updateSavedQuery: { savedQuery: SavedQueryShape } }>(UPDATE, { input: { id: saved.id, version: 2, shared: false } }, asA);
    expect(unshared.body.data!.updateSavedQuery.savedQuery).toMatchObject({ version: 3, shared: false });
    expect((await api.graphql(ONE, { id: saved.id }, asB)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await auditActions(saved.id)).toEqual(['CREATE_SAVED_QUERY', 'UPDATE_SAVED_QUERY', 'UPDATE_SAVED_QUERY']);
  });

  it('the owner deletes it; the trail keeps what it held', async () => {
    const saved = (await save(asA, { title: 'To delete', document: '{ programs { nodes { code } } }', shared: true })).data!.saveQuery.savedQuery;
    const deleted = await api.graphql<{ deleteSavedQuery: { id: string } }>(DELETE, { input: { id: saved.id } }, asA);
    expect(deleted.body.data?.deleteSavedQuery.id).toBe(saved.id);
    expect((await api.graphql(ONE, { id: saved.id }, asA)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect((await api.graphql(DELETE, { input: { id: saved.id } }, asA)).body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const trail = await api.dataSource.query<{ action: string; changes: { field: string; before: unknown; after: unknown }[] }[]>(
      `SELECT action, changes FROM audit_entry WHERE entity_id = $1 AND action = 'DELETE_SAVED_QUERY'`,
      [saved.id],
    );
    expect(trail).toHaveLength(1);
    expect(trail[0]!.changes).toEqual(expect.arrayContaining([{ field: 'title', before: 'To delete', after: null }]));
  });

  it('district coordinators neither save nor read saved queries; administrators do both', async () => {
    const coordinator = await api.signIn(DEMO.temirtau);
    expect((await save(coordinator, { title: 'Mine', document: '{ centres { nodes { code } } }' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(LIST, {}, coordinator)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const admin = await api.signIn(DEMO.admin);
    const byAdmin = await save(admin, { title: 'Region', document: '{ centres { totalCount } }', shared: true });
    expect(byAdmin.data?.saveQuery.savedQuery).toMatchObject({ ownerName: 'Демо администратор', mine: true, shared: true });
    const seenByA = (await api.graphql<{ savedQueries: { nodes: { id: string }[] } }>(LIST, { filter: { mine: false, search: 'Region' } }, asA)).body.data!.savedQueries.nodes;
    expect(seenByA.map((node) => node.id)).toEqual([byAdmin.data!.saveQuery.savedQuery.id]);
  });
});
