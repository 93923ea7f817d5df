import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createAccount } from './factories/users.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Repeated reads answered from memory: the same person asking the same question in the same language
 * gets the same answer with no SQL (the session check is kept too), until a mutation that writes moves
 * the data version (a sign-in, only for answers that show sign-ins).
 */
describe('answers to repeated reads', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ RESPONSE_CACHE_SECONDS: '30', SESSION_CACHE_SECONDS: '30' });
  });
  afterAll(() => api.close());

  const NETWORK = `{ centres(first: 20) { totalCount nodes { name clubs { type { name } } } } }`;

  it('serves a repeated query from memory, to the same user only, and forgets it at the next change', async () => {
    const admin = await api.signIn(DEMO.admin);
    const first = await api.graphql(NETWORK, {}, admin);
    const again = await api.graphql(NETWORK, {}, admin);
    expect(first.sqlStatements).toBeGreaterThan(0);
    expect(again.sqlStatements).toBe(0);
    expect(again.body).toEqual(first.body);
    // Nothing hashes the answer for an ETag on its way out: no cache revalidates a POST.
    expect(again.headers.get('etag')).toBeNull();

    // Another user, or another language, asks the database.
    const other = await api.signIn(await createAccount(api, 'ANALYST'));
    expect((await api.graphql(NETWORK, {}, other)).sqlStatements).toBeGreaterThan(0);
    const kazakh = await api.graphql(NETWORK, {}, { ...admin, 'accept-language': 'kk' });
    expect(kazakh.sqlStatements).toBeGreaterThan(0);
    expect(kazakh.body).not.toEqual(first.body);

    // Any mutation moves the data version: the next read sees the change.
    const created = await api.graphql<{ createClubType: { clubType: { id: string } } }>(
      `mutation($input: CreateClubTypeInput!) { createClubType(input: $input) { clubType { id } } }`,
      { input: { code: `cache-${Date.now()}`, names: { ru: 'Кэш', en: 'Cache' } } },
      admin,
    );
    expect(created.body.errors).toBeUndefined();
    const after = await api.graphql(NETWORK, {}, admin);
    expect(after.sqlStatements).toBeGreaterThan(0);
  });

  it('sends a kept answer as the UTF-8 bytes it was first sent as, Kazakh letters intact', async () => {
    const admin = await api.signIn(DEMO.admin);
    const raw = async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'kk', 'accept-encoding': 'identity', ...admin },
        body: JSON.stringify({ query: NETWORK }),
      });
      const sql = Number(response.headers.get('x-sql-statements'));
      return { sql, type: response.headers.get('content-type'), length: Number(response.headers.get('content-length')), text: await response.text() };
    };
    const [made, kept] = [await raw(), await raw()];
    expect(made.sql).toBeGreaterThan(0);
    expect(kept.sql).toBe(0);
    expect({ ...kept, sql: 0 }).toEqual({ ...made, sql: 0 });
    expect(kept.type).toBe('application/json; charset=utf-8');
    expect(kept.length).toBe(Buffer.byteLength(kept.text));
    // Read back as UTF-8, the Kazakh names are whole: bytes in any other encoding would not be.
    expect(kept.text).toMatch(/[әғқңөұүі]/);
    expect(kept.text).not.toContain('\uFFFD');
  });

  it('compresses answers for clients that accept it, a kept answer once for all', async () => {
    const admin = await api.signIn(DEMO.admin);
    const ask = async (encoding: string) => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-encoding': encoding, ...admin },
        // A question of its own: an answer kept by an earlier test would not be computed here.
        body: JSON.stringify({ query: NETWORK.replace('first: 20', 'first: 19') }),
      });
      const length = response.headers.get('content-length');
      return { sql: Number(response.headers.get('x-sql-statements')), encoding: response.headers.get('content-encoding'), length: length === null ? null : Number(length), text: await response.text() };
    };
    // Computed: compressed as it goes out. Kept: plain to a client that takes no compression.
    const computed = await ask('gzip');
    expect(computed).toMatchObject({ encoding: 'gzip', length: null });
    expect(computed.sql).toBeGreaterThan(0);
    const plain = await ask('identity');
    expect(plain).toMatchObject({ sql: 0, encoding: null, length: Buffer.byteLength(plain.text) });
    // The same answer once unpacked (fetch unpacks it).
    expect(computed.text).toBe(plain.text);
    // The kept answer's gzip is made off the request's path; once made, it goes out whole, with its
    // length (compressing as it goes, the middleware cannot know the length).
    let kept = await ask('gzip');
    for (let tries = 0; kept.length === null && tries < 20; tries++) kept = await ask('gzip');
    expect(kept).toMatchObject({ sql: 0, encoding: 'gzip', text: plain.text });
    expect(kept.length).toBeLessThan(Buffer.byteLength(plain.text) / 2);
  });

  it('serves nothing kept to a session that has ended, from memory or not', async () => {
    const account = await createAccount(api, 'ANALYST');
    const analyst = await api.signIn(account);
    expect((await api.graphql(NETWORK, {}, analyst)).body.errors).toBeUndefined();
    expect((await api.graphql(NETWORK, {}, analyst)).sqlStatements).toBe(0);
    expect((await api.graphql(`mutation { logout { ok } }`, {}, analyst)).body.errors).toBeUndefined();
    const after = await api.graphql(NETWORK, {}, analyst);
    expect(after.body.data).toBeFalsy();
    expect(after.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("never serves an answer kept for a user's earlier rights", async () => {
    const account = await createAccount(api, 'REGIONAL_ADMIN');
    const before = await api.signIn(account);
    const USERS = `{ users(first: 5) { totalCount } }`;
    expect((await api.graphql(USERS, {}, before)).body.errors).toBeUndefined();
    expect((await api.graphql(USERS, {}, before)).sqlStatements).toBe(0);
    const admin = await api.signIn(DEMO.admin);
    const demoted = await api.graphql(`mutation($id: ID!) { updateUser(input: { id: $id, role: ANALYST }) { user { role } } }`, { id: account.id }, admin);
    expect(demoted.body.errors).toBeUndefined();
    // The same token, the same question: the analyst may not list users, kept answer or not.
    const after = await api.graphql(USERS, {}, before);
    expect(after.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('answers a question asked many times at once by computing it once', async () => {
    const analyst = await api.signIn(await createAccount(api, 'ANALYST'));
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.graphql(NETWORK, {}, analyst)));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    // One request ran the query's SQL; the others waited for its answer (at most a session check each).
    expect(answers.filter((answer) => answer.sqlStatements > 1)).toHaveLength(1);
    expect(answers[0]!.body.errors).toBeUndefined();
  });

  it('keeps its answers through mutations refused before they wrote anything', async () => {
    const admin = await api.signIn(DEMO.admin);
    expect((await api.graphql(NETWORK, {}, admin)).body.errors).toBeUndefined();
    expect((await api.graphql(NETWORK, {}, admin)).sqlStatements).toBe(0);

    const CREATE = `mutation($input: CreateClubTypeInput!) { createClubType(input: $input) { clubType { id } } }`;
    const refusals = [
      // Anyone, signed in or not, could send these: none may make everyone's next read compute again.
      await api.graphql(CREATE, { input: { code: `anon-${Date.now()}`, names: { ru: 'Аноним' } } }),
      await api.graphql(`mutation { login(input: { email: "${DEMO.admin.email}", password: "not-the-password" }) { accessToken } }`),
      await api.graphql(CREATE, { input: { code: `blank-${Date.now()}`, names: { ru: '   ' } } }, admin),
    ];
    expect(refusals.map((refused) => refused.body.errors?.[0]?.extensions?.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED', 'BAD_USER_INPUT']);
    expect((await api.graphql(NETWORK, {}, admin)).sqlStatements).toBe(0);

    // A mutation that wrote moves the version: the next read computes.
    const created = await api.graphql(CREATE, { input: { code: `kept-${Date.now()}`, names: { ru: 'Сохранено', en: 'Kept' } } }, admin);
    expect(created.body.errors).toBeUndefined();
    expect((await api.graphql(NETWORK, {}, admin)).sqlStatements).toBeGreaterThan(0);
  });

  it("keeps answers through other people's sign-ins, except answers that show sign-ins", async () => {
    // Made first: a new account is a change every answer may show.
    const account = await createAccount(api, 'ANALYST');
    const admin = await api.signIn(DEMO.admin);
    const AUDIT = `{ auditEntries(first: 3) { nodes { action actor { email } } } }`;
    const ME = `{ me { email lastSignInAt } }`;
    for (const query of [NETWORK, AUDIT, ME]) {
      expect((await api.graphql(query, {}, admin)).body.errors).toBeUndefined();
      expect((await api.graphql(query, {}, admin)).sqlStatements).toBe(0);
    }

    // Someone signs in, and renews their session as the dashboard does on every visit.
    const login = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, variables: { input: { email: account.email, password: account.password } } }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const renewed = await api.graphql<{ refreshSession: { accessToken: string } }>(`mutation { refreshSession { accessToken } }`, {}, { cookie });
    expect(renewed.body.errors).toBeUndefined();

    // Answers that do not show sign-ins are still kept; the audit trail shows the new ones at once.
    expect((await api.graphql(NETWORK, {}, admin)).sqlStatements).toBe(0);
    const audit = await api.graphql<{ auditEntries: { nodes: { action: string; actor: { email: string } | null }[] } }>(AUDIT, {}, admin);
    expect(audit.sqlStatements).toBeGreaterThan(0);
    expect(audit.body.data?.auditEntries.nodes.slice(0, 2)).toEqual([
      { action: 'REFRESH_SESSION', actor: { email: account.email } },
      { action: 'LOGIN', actor: { email: account.email } },
    ]);

    // A sign-in beside a change in one operation: the change counts in full.
    const both = await api.graphql(
      `mutation($login: LoginInput!, $type: CreateClubTypeInput!) { login(input: $login) { accessToken } createClubType(input: $type) { clubType { id } } }`,
      { login: { email: account.email, password: account.password }, type: { code: `beside-${Date.now()}`, names: { ru: 'Рядом', en: 'Beside' } } },
      admin,
    );
    expect(both.body.errors).toBeUndefined();
    expect((await api.graphql(NETWORK, {}, admin)).sqlStatements).toBeGreaterThan(0);

    // The administrator signs in again elsewhere: an answer showing their last sign-in shows the new one.
    const before = (await api.graphql<{ me: { lastSignInAt: string } }>(ME, {}, admin)).body.data?.me.lastSignInAt;
    await api.signIn(DEMO.admin);
    const after = await api.graphql<{ me: { lastSignInAt: string } }>(ME, {}, admin);
    expect(after.sqlStatements).toBeGreaterThan(0);
    expect(Date.parse(after.body.data!.me.lastSignInAt)).toBeGreaterThan(Date.parse(before!));
  });

  it('keeps nothing that failed', async () => {
    const admin = await api.signIn(DEMO.admin);
    const broken = `{ centre(id: "00000000-0000-4000-8000-000000000000") { name } }`;
    const first = await api.graphql(broken, {}, admin);
    expect(first.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const again = await api.graphql(broken, {}, admin);
    expect(again.sqlStatements).toBeGreaterThan(0);
    // Asked at once, those waiting for the first get no answer from it, and ask for themselves.
    const together = await Promise.all(Array.from({ length: 3 }, () => api.graphql(broken, {}, admin)));
    for (const answer of together) expect(answer.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
