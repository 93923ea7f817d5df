import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AuthChanges, HEARTBEAT_MS } from '../src/auth/auth-changes.js';
import { AuthSessionsSweeper } from '../src/auth/auth-sessions.sweeper.js';
import { SignInAuditSweeper } from '../src/auth/sign-in-audit.sweeper.js';
import { createCentre } from './factories/network.js';
import { insertSessions } from './factories/sessions.js';
import { centreId, createAccount, type TestAccount } from './factories/users.js';
import { waitingOnLocks } from './utils/locks.js';
import { redisForSuite, TEST_REDIS_URL } from './utils/redis.js';
import { type FakeRedis, REPLIES, startFakeRedis } from './utils/fake-redis.js';
import { DEMO, type GraphqlResponse, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * Valid sessions are believed from memory here, as in production (SESSION_CACHE_SECONDS), and for
 * longer than any test takes: every "at once" below also proves a change forgets them.
 */
const SESSIONS_KEPT = { SESSION_CACHE_SECONDS: '60' };

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken user { email role } } }`;
const REFRESH = `mutation { refreshSession { accessToken } }`;
const ME = `{ me { email } }`;

/** Signs in over raw HTTP, returning the access token and the refresh cookie as a browser would keep it. */
async function signInWithCookie(api: TestApp, email: string, password: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: LOGIN, variables: { input: { email, password } } }),
  });
  const body = (await response.json()) as { data?: { login: { accessToken: string } } };
  const setCookie = response.headers.get('set-cookie') ?? '';
  return { token: body.data!.login.accessToken, cookie: setCookie.split(';')[0]!, setCookie };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
/** The session a refresh cookie belongs to: its id comes before the secret. */
const sessionOf = (cookie: string) => cookie.split('=')[1]!.split('.')[0]!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('sessions', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ REFRESH_RACE_SECONDS: '1', ...SESSIONS_KEPT });
  });
  afterAll(() => api.close());

  it('keeps the refresh token in an httpOnly, SameSite=Strict cookie scoped to /graphql', async () => {
    const { setCookie } = await signInWithCookie(api, DEMO.analyst.email, DEMO.analyst.password);
    expect(setCookie).toMatch(/^mrc_refresh=[0-9a-f-]{36}\./);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(setCookie).toMatch(/Path=\/graphql/i);
  });

  it('rotates the refresh token on each use; a reused one revokes the whole session', async () => {
    const account = await createAccount(api, 'ANALYST');
    const first = await signInWithCookie(api, account.email, account.password);

    const renewed = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: first.cookie },
      body: JSON.stringify({ query: REFRESH }),
    });
    const second = (renewed.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(second).not.toBe(first.cookie);
    const { data } = (await renewed.json()) as { data: { refreshSession: { accessToken: string } } };
    expect((await api.graphql(ME, {}, bearer(data.refreshSession.accessToken))).body.errors).toBeUndefined();

    // The first cookie again, after the moment two tabs could race: a copy is in someone else's hands.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const reused = await api.graphql(REFRESH, {}, { cookie: first.cookie });
    expect(reused.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    // ... so the legitimate holder is out too, refresh and access token alike.
    expect((await api.graphql(REFRESH, {}, { cookie: second })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await api.graphql(ME, {}, bearer(data.refreshSession.accessToken))).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets two tabs refresh at once with the same cookie, and ignores a forged secret', async () => {
    const account = await createAccount(api, 'ANALYST');
    const { cookie } = await signInWithCookie(api, account.email, account.password);
    const [one, two] = await Promise.all([api.graphql(REFRESH, {}, { cookie }), api.graphql(REFRESH, {}, { cookie })]);
    expect(one.body.errors).toBeUndefined();
    expect(two.body.errors).toBeUndefined();
    // Knowing a session id (it is in the token) is not enough to end someone's session.
    const sessionId = sessionOf(cookie);
    expect((await api.graphql(REFRESH, {}, { cookie: `mrc_refresh=${sessionId}.forged` })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const sessions = await api.dataSource.query<{ revoked_at: Date | null }[]>('SELECT revoked_at FROM auth_session WHERE id = $1', [sessionId]);
    expect(sessions).toEqual([{ revoked_at: null }]);
  });

  it('checks a session once for a burst of its requests, not once per request', async () => {
    const account = await createAccount(api, 'ANALYST');
    const { token } = await signInWithCookie(api, account.email, account.password);
    // Sessions locked: the first lookup waits, so the whole burst arrives while it runs.
    const lock = api.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE auth_session IN ACCESS EXCLUSIVE MODE');
    const burst = Promise.all(Array.from({ length: 8 }, () => api.graphql<{ me: { email: string } }>(ME, {}, bearer(token))));
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
    await sleep(500);
    const waiting = await waitingOnLocks(api);
    await lock.commitTransaction();
    await lock.release();

    const answers = await burst;
    expect(answers.map(({ body }) => body.data?.me.email)).toEqual(Array(8).fill(account.email));
    expect(waiting).toBe(1);
    // Besides its own statements (those of a request whose session is believed), one lookup among them all.
    const believed = await api.graphql(ME, {}, bearer(token));
    expect(answers.reduce((sum, { sqlStatements }) => sum + sqlStatements, 0)).toBe(8 * believed.sqlStatements + 1);
  });

  it('ends a session on logout: its access token and its cookie stop working at once', async () => {
    const account = await createAccount(api, 'ANALYST');
    const { token, cookie } = await signInWithCookie(api, account.email, account.password);
    expect((await api.graphql(`mutation { logout { ok } }`, {}, bearer(token))).body.errors).toBeUndefined();
    expect((await api.graphql(ME, {}, bearer(token))).body.errors?.[0]).toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    expect((await api.graphql(REFRESH, {}, { cookie })).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('stops a deactivated user\'s tokens at once, and lets them in again once reactivated', async () => {
    const account = await createAccount(api, 'DISTRICT_COORDINATOR', 'temirtau');
    const { token } = await signInWithCookie(api, account.email, account.password);
    const admin = await api.signIn(DEMO.admin);
    const deactivate = await api.graphql(`mutation($input: UserIdInput!) { deactivateUser(input: $input) { user { active } } }`, { input: { id: account.id } }, admin);
    expect(deactivate.body.data).toEqual({ deactivateUser: { user: { active: false } } });

    expect((await api.graphql(ME, {}, bearer(token))).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const login = await api.graphql(LOGIN, { input: { email: account.email, password: account.password } });
    expect(login.body.errors?.[0]).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });

    await api.graphql(`mutation($input: UserIdInput!) { activateUser(input: $input) { user { active } } }`, { input: { id: account.id } }, admin);
    expect((await api.graphql(LOGIN, { input: { email: account.email, password: account.password } })).body.errors).toBeUndefined();
  });

  it('answers a wrong email and a wrong password alike, in words and in time', async () => {
    const timed = async (email: string) => {
      const started = performance.now();
      const { body } = await api.graphql(LOGIN, { input: { email, password: 'not-the-password-at-all' } });
      return { error: body.errors?.[0], ms: performance.now() - started };
    };
    // Interleaved, so a busy machine slows both kinds alike.
    const unknown: Awaited<ReturnType<typeof timed>>[] = [];
    const wrong: Awaited<ReturnType<typeof timed>>[] = [];
    // Four wrong passwords: the account's fifth failure in the window would be throttled.
    for (const name of ['nobody-here', 'nobody-else', 'no-one', 'no-such']) {
      unknown.push(await timed(`${name}@mrc.test`));
      wrong.push(await timed(DEMO.balkhash.email));
    }
    const answers = new Set([...unknown, ...wrong].map((attempt) => JSON.stringify(attempt.error)));
    expect(answers.size).toBe(1);
    expect(unknown[0]!.error).toMatchObject({ message: 'The email or password is wrong.', extensions: { code: 'UNAUTHENTICATED' } });
    // Both run one Argon2 verification; without the dummy hash an unknown email answers some thirty
    // times faster (a ratio near 0.03), which these bounds catch with room for a busy machine.
    const median = (attempts: { ms: number }[]) => {
      const [, low, high] = attempts.map((a) => a.ms).sort((a, b) => a - b);
      return (low! + high!) / 2;
    };
    expect(median(unknown) / median(wrong)).toBeGreaterThan(0.25);
    expect(median(unknown) / median(wrong)).toBeLessThan(4);
  });

  it('signs in with the email in any letter case, and tells the user who they are', async () => {
    const { body } = await api.graphql<{ login: { user: { email: string; role: string } } }>(LOGIN, { input: { email: '  Admin@MRC.demo ', password: DEMO.admin.password } });
    expect(body.data?.login.user).toEqual({ email: 'admin@mrc.demo', role: 'REGIONAL_ADMIN' });
  });

  const endingSessions: [string, string, (account: TestAccount, admin: Record<string, string>) => Promise<GraphqlResponse>][] = [
    [
      'a password change',
      'password changed',
      async (account) =>
        api.graphql(
          `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { user { id } } }`,
          { input: { currentPassword: account.password, newPassword: 'Fresh-lantern-steppe-42' } },
          await api.signIn(account),
        ),
    ],
    [
      'a password reset',
      'password reset',
      (account, admin) =>
        api.graphql(`mutation($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { user { id } } }`, { input: { id: account.id, newPassword: 'Another-lantern-steppe-7' } }, admin),
    ],
    ['a deactivation', 'deactivated', (account, admin) => api.graphql(`mutation($input: UserIdInput!) { deactivateUser(input: $input) { user { id } } }`, { input: { id: account.id } }, admin)],
  ];

  it.each(endingSessions)('ends only live sessions on %s: an expired one keeps how it ended', async (_, reason, change) => {
    const account = await createAccount(api, 'ANALYST');
    const live = sessionOf((await signInWithCookie(api, account.email, account.password)).cookie);
    // Expired an hour ago, so kept for people to read: one ran out, one was ended by a stolen cookie.
    const [ranOut] = await insertSessions(api, account.id, 1, '1 hour');
    const [caught] = await insertSessions(api, account.id, 1, '1 hour', { revoked: true });
    const endings = async () =>
      new Map(
        (await api.dataSource.query<{ id: string; revoked_at: Date | null; revoked_reason: string | null }[]>(
          'SELECT id, revoked_at, revoked_reason FROM auth_session WHERE id = ANY($1::uuid[])',
          [[live, ranOut, caught]],
        )).map(({ id, ...ending }) => [id, ending]),
      );
    const before = await endings();
    expect(before.get(ranOut!)).toEqual({ revoked_at: null, revoked_reason: null });
    expect(before.get(caught!)).toEqual({ revoked_at: expect.any(Date), revoked_reason: 'refresh token reused' });

    const { body } = await change(account, await api.signIn(DEMO.admin));
    expect(body.errors).toBeUndefined();

    const after = await endings();
    expect(after.get(live)).toEqual({ revoked_at: expect.any(Date), revoked_reason: reason });
    expect(after.get(ranOut!)).toEqual(before.get(ranOut!));
    expect(after.get(caught!)).toEqual(before.get(caught!));
  });
});

describe('sessions believed until PostgreSQL tells of a change', () => {
  let api: TestApp;
  beforeAll(async () => {
    // A database of its own: the test below ends this app's listening connection, found by name.
    api = await startTestApp(SESSIONS_KEPT, { ownDatabase: true });
  });
  afterAll(() => api.close());

  const ME_WITH_ROLE = `{ me { email role } }`;
  /** Asks until the token is refused; PostgreSQL's news arrives on its own connection, a moment after the commit. */
  const refusedSoon = async (token: string) => {
    for (let tries = 0; tries < 40; tries++) {
      if ((await api.graphql(ME, {}, bearer(token))).body.errors?.[0]?.extensions?.code === 'UNAUTHENTICATED') return true;
      await sleep(50);
    }
    return false;
  };
  /** A signed-in account whose session is believed, and the statements of a request that needs no check. */
  const believedSession = async () => {
    const account = await createAccount(api, 'ANALYST');
    const { token, cookie } = await signInWithCookie(api, account.email, account.password);
    const checked = await api.graphql(ME, {}, bearer(token));
    const believed = await api.graphql(ME, {}, bearer(token));
    expect(believed.body.data).toEqual(checked.body.data);
    expect(believed.sqlStatements).toBe(checked.sqlStatements - 1);
    return { account, token, session: sessionOf(cookie), believedStatements: believed.sqlStatements };
  };
  const listenerPid = async () =>
    (await api.dataSource.query<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'mrc-api-auth-changes'`,
    ))[0]?.pid;

  it.each([
    ['revoked', `UPDATE auth_session SET revoked_at = now(), revoked_reason = 'revoked by hand' WHERE id = $1`],
    ['deleted', `DELETE FROM auth_session WHERE id = $1`],
  ])('ends a believed session %s by hand, with no mutation through the API', async (_, statement) => {
    const { token, session } = await believedSession();
    await api.dataSource.query(statement, [session]);
    expect(await refusedSoon(token)).toBe(true);
  });

  it('applies a role change and a deactivation made by hand to a believed session', async () => {
    const { account, token } = await believedSession();
    await api.dataSource.query(`UPDATE app_user SET role = 'REGIONAL_ADMIN' WHERE id = $1`, [account.id]);
    let role: string | undefined;
    for (let tries = 0; tries < 40 && role !== 'REGIONAL_ADMIN'; tries++) {
      role = (await api.graphql<{ me: { role: string } }>(ME_WITH_ROLE, {}, bearer(token))).body.data?.me.role;
      if (role !== 'REGIONAL_ADMIN') await sleep(50);
    }
    expect(role).toBe('REGIONAL_ADMIN');
    await api.dataSource.query(`UPDATE app_user SET active = false WHERE id = $1`, [account.id]);
    expect(await refusedSoon(token)).toBe(true);
  });

  it('keeps believing an account\'s sessions when it signs in again (only when it signed in changes)', async () => {
    const { account, token, believedStatements } = await believedSession();
    await signInWithCookie(api, account.email, account.password);
    // News of the sign-in, were there any, would come within this.
    await sleep(300);
    expect((await api.graphql(ME, {}, bearer(token))).sqlStatements).toBe(believedStatements);
  });

  it('does not believe a check that ran while a change to its session was told', async () => {
    const { believedStatements } = await believedSession();
    // A new session's first check is held on a lock while PostgreSQL tells of a change to it.
    const account = await createAccount(api, 'ANALYST');
    const { token, cookie } = await signInWithCookie(api, account.email, account.password);
    const session = sessionOf(cookie);
    const lock = api.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE auth_session IN ACCESS EXCLUSIVE MODE');
    const checking = api.graphql(ME, {}, bearer(token));
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
    expect(await waitingOnLocks(api)).toBe(1);
    await api.dataSource.query(`SELECT pg_notify('auth_change', 'session:' || $1::text)`, [session]);
    // The news travels on the listener's own connection: give it far longer than it takes.
    await sleep(300);
    await lock.commitTransaction();
    await lock.release();
    const checked = await checking;
    expect(checked.body.errors).toBeUndefined();
    expect(checked.sqlStatements).toBe(believedStatements + 1);
    // Its answer was not kept: the next request checks again, and the one after is believed.
    expect((await api.graphql(ME, {}, bearer(token))).sqlStatements).toBe(believedStatements + 1);
    expect((await api.graphql(ME, {}, bearer(token))).sqlStatements).toBe(believedStatements);
  });

  /** Asks until the session is believed again (the process listens anew), at most `ms`. */
  const believedAgainWithin = async (token: string, believedStatements: number, ms: number) => {
    for (const started = Date.now(); Date.now() - started < ms; await sleep(100)) {
      if ((await api.graphql(ME, {}, bearer(token))).sqlStatements === believedStatements) return true;
    }
    return false;
  };

  it('checks every request while it cannot listen, and believes again once it listens', async () => {
    const { token, session, believedStatements } = await believedSession();
    const { name } = (await api.dataSource.query<{ name: string }[]>('SELECT current_database() AS name'))[0]!;
    // No new connection may open, so the listener, once ended, cannot come back; the pool keeps its own.
    // (Said from another database: a database cannot close its own door.)
    const door = new pg.Client({ connectionString: process.env.MRC_TEST_DATABASE_URL });
    await door.connect();
    await door.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS false`);
    try {
      await api.dataSource.query('SELECT pg_terminate_backend($1)', [await listenerPid()]);
      let statements = believedStatements;
      for (let tries = 0; tries < 40 && statements === believedStatements; tries++) {
        await sleep(50);
        statements = (await api.graphql(ME, {}, bearer(token))).sqlStatements;
      }
      expect(statements).toBe(believedStatements + 1);
      // Nothing is believed while nothing can be heard: each request checks, and a revocation applies at once.
      expect((await api.graphql(ME, {}, bearer(token))).sqlStatements).toBe(believedStatements + 1);
      await api.dataSource.query(`UPDATE auth_session SET revoked_at = now(), revoked_reason = 'revoked by hand' WHERE id = $1`, [session]);
      expect((await api.graphql(ME, {}, bearer(token))).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    } finally {
      await door.query(`ALTER DATABASE "${name}" ALLOW_CONNECTIONS true`);
      await door.end();
    }
    const fresh = await believedSession();
    expect(await believedAgainWithin(fresh.token, fresh.believedStatements, 10_000)).toBe(true);
  });

  it('notices a listening connection gone deaf without closing, and listens anew', async () => {
    const { token, believedStatements } = await believedSession();
    const before = await listenerPid();
    // Deaf as a half-open connection is: still open, hearing nothing. Reached inside, as no client can do it.
    const changes = api.app.get(AuthChanges) as unknown as { client: { query(sql: string): Promise<unknown> } };
    await changes.client.query('UNLISTEN *');
    // Within two heartbeats the process stops believing and connects again.
    let after = before;
    for (const started = Date.now(); (after === undefined || after === before) && Date.now() - started < 4 * HEARTBEAT_MS; await sleep(100)) after = await listenerPid();
    expect(after).toEqual(expect.any(Number));
    expect(after).not.toBe(before);
    expect((await api.graphql(ME, {}, bearer(token))).sqlStatements).toBe(believedStatements + 1);
    expect(await believedAgainWithin(token, believedStatements, 5_000)).toBe(true);
  });
});

describe('two API processes on one database, without Redis', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    // One secret, so a token from one holds at the other, as behind a load balancer; no REDIS_URL.
    const env = { ...SESSIONS_KEPT, AUTH_SECRET: randomBytes(32).toString('hex') };
    first = await startTestApp(env);
    second = await startTestApp(env);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('ends a session believed by one process when it signs out through the other', async () => {
    const account = await createAccount(first, 'ANALYST');
    const { token } = await signInWithCookie(first, account.email, account.password);
    const checked = await second.graphql(ME, {}, bearer(token));
    expect(checked.body.errors).toBeUndefined();
    expect((await second.graphql(ME, {}, bearer(token))).sqlStatements).toBe(checked.sqlStatements - 1);

    expect((await first.graphql(`mutation { logout { ok } }`, {}, bearer(token))).body.errors).toBeUndefined();
    let code: unknown;
    for (let tries = 0; tries < 40 && code !== 'UNAUTHENTICATED'; tries++) {
      if (tries > 0) await sleep(50);
      code = (await second.graphql(ME, {}, bearer(token))).body.errors?.[0]?.extensions?.code;
    }
    expect(code).toBe('UNAUTHENTICATED');
  });
});

describe('sessions deleted SESSION_KEEP_DAYS after they expire', () => {
  let api: TestApp;
  let sweeper: AuthSessionsSweeper;
  beforeAll(async () => {
    // Its own database: a sweep deletes every session expired long enough, and the tests count them all.
    // A window unlike SESSION_TTL_DAYS (30), so a sweep that took the wrong setting would be seen.
    api = await startTestApp({ SESSION_KEEP_DAYS: '3' }, { ownDatabase: true });
    sweeper = api.app.get(AuthSessionsSweeper);
  });
  afterAll(() => api.close());

  const days = () => api.config.auth.sessionKeepDays;
  const expiredBeyondWindow = () => `${days()} days 1 minute`;
  const expiredWithinWindow = () => `${days()} days -1 hour`;
  const countExpiredBeyondWindow = async () =>
    Number((await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM auth_session WHERE expires_at < now() - make_interval(days => $1)`, [days()]))[0]!.n);
  const sessionsLeft = async (ids: string[]) =>
    (await api.dataSource.query<{ id: string }[]>(`SELECT id FROM auth_session WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])).map((row) => row.id);

  it('sweeps away the sessions expired beyond the window, more than one batch of them, revoked or not, and keeps the others', async () => {
    const { id: user } = await createAccount(api, 'ANALYST');
    const expired = [...(await insertSessions(api, user, 2500, expiredBeyondWindow())), ...(await insertSessions(api, user, 3, expiredBeyondWindow(), { revoked: true }))];
    const kept = [
      ...(await insertSessions(api, user, 3, '-1 day')),
      ...(await insertSessions(api, user, 3, '-1 day', { revoked: true })),
      ...(await insertSessions(api, user, 3, expiredWithinWindow())),
      ...(await insertSessions(api, user, 3, expiredWithinWindow(), { revoked: true })),
    ];
    expect(await countExpiredBeyondWindow()).toBe(expired.length);

    expect(await sweeper.sweep()).toBe(expired.length);
    expect(await countExpiredBeyondWindow()).toBe(0);
    expect(await sessionsLeft([...expired, ...kept])).toEqual([...kept].sort());
  });

  it('changes no answer by deleting an expired session: refresh and requests refuse it as they refuse one still kept', async () => {
    const account = await createAccount(api, 'ANALYST');
    const kept = await signInWithCookie(api, account.email, account.password);
    const swept = await signInWithCookie(api, account.email, account.password);
    const live = await signInWithCookie(api, account.email, account.password);
    const expire = (cookie: string, ago: string) => api.dataSource.query(`UPDATE auth_session SET expires_at = now() - $2::interval WHERE id = $1`, [sessionOf(cookie), ago]);
    await expire(kept.cookie, expiredWithinWindow());
    await expire(swept.cookie, expiredBeyondWindow());

    expect(await sweeper.sweep()).toBe(1);
    expect(await sessionsLeft([kept.cookie, swept.cookie, live.cookie].map(sessionOf))).toEqual([sessionOf(kept.cookie), sessionOf(live.cookie)].sort());

    // What a client sees, its request id aside.
    const seen = ({ status, headers, body }: GraphqlResponse) => ({
      status,
      cookie: headers.get('set-cookie'),
      data: body.data,
      errors: body.errors?.map(({ message, path, extensions }) => ({ message, path, code: extensions?.code })),
    });
    const refusals = {
      refresh: [seen(await api.graphql(REFRESH, {}, { cookie: kept.cookie })), seen(await api.graphql(REFRESH, {}, { cookie: swept.cookie }))],
      me: [seen(await api.graphql(ME, {}, bearer(kept.token))), seen(await api.graphql(ME, {}, bearer(swept.token)))],
    };
    for (const [ofKept, ofSwept] of Object.values(refusals)) {
      expect(ofKept!.errors?.[0]?.code).toBe('UNAUTHENTICATED');
      expect(ofSwept).toEqual(ofKept);
    }

    const refreshed = await api.graphql<{ refreshSession: { accessToken: string } }>(REFRESH, {}, { cookie: live.cookie });
    expect(refreshed.body.errors).toBeUndefined();
    expect((await api.graphql(ME, {}, bearer(refreshed.body.data!.refreshSession.accessToken))).body.data).toEqual({ me: { email: account.email } });
  });
});

describe('sign-in audit entries deleted AUDIT_SIGN_IN_KEEP_DAYS after', () => {
  let api: TestApp;
  beforeAll(async () => {
    // Its own database: the sweep deletes every old sign-in entry, and the test counts them all.
    // A window unlike the trigger's 30-day floor and SESSION_KEEP_DAYS, so the wrong setting would be seen.
    api = await startTestApp({ AUDIT_SIGN_IN_KEEP_DAYS: '40' }, { ownDatabase: true });
  });
  afterAll(() => api.close());

  /** Audit entries of `action`, `daysAgo` old, written straight into the trail (inserting is always allowed). */
  const insertEntries = async (action: string, count: number, daysAgo: number) =>
    (await api.dataSource.query<{ id: string }[]>(
      `INSERT INTO audit_entry (occurred_at, action, entity_type) SELECT now() - make_interval(days => $3), $1, 'Session' FROM generate_series(1, $2::int) RETURNING id`,
      [action, count, daysAgo],
    )).map((row) => row.id);
  const left = async (ids: string[]) => Number((await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM audit_entry WHERE id = ANY($1::uuid[])`, [ids]))[0]!.n);

  it('sweeps away sign-ins, renewals and sign-outs older than the window, more than one batch, and keeps everything else', async () => {
    const old = [...(await insertEntries('LOGIN', 600, 41)), ...(await insertEntries('REFRESH_SESSION', 700, 41)), ...(await insertEntries('LOGOUT', 3, 41))];
    const recent = [...(await insertEntries('LOGIN', 2, 39)), ...(await insertEntries('REFRESH_SESSION', 2, 39)), ...(await insertEntries('LOGOUT', 2, 39))];
    const otherOld = [...(await insertEntries('CREATE_USER', 2, 400)), ...(await insertEntries('APPROVE', 2, 400))];

    expect(await api.app.get(SignInAuditSweeper).sweep()).toBe(old.length);
    expect(await left(old)).toBe(0);
    expect(await left(recent)).toBe(recent.length);
    expect(await left(otherOld)).toBe(otherOld.length);
  });

  it('keeps the rest of the trail append-only: only sign-in activity 30 days old may go, and nothing changes', async () => {
    const [otherOld] = await insertEntries('CREATE_USER', 1, 400);
    const [young] = await insertEntries('LOGIN', 1, 29);
    const [old] = await insertEntries('LOGIN', 1, 31);
    for (const [statement, id] of [
      ['DELETE FROM audit_entry WHERE id = $1', otherOld],
      ['DELETE FROM audit_entry WHERE id = $1', young],
      [`UPDATE audit_entry SET action = 'LOGOUT' WHERE id = $1`, old],
    ] as const) {
      await expect(api.dataSource.query(statement, [id])).rejects.toThrow('audit entries cannot be changed or deleted');
    }
    await api.dataSource.query('DELETE FROM audit_entry WHERE id = $1', [old]);
    expect(await left([otherOld!, young!, old!])).toBe(2);
  });
});

describe('brute force', () => {
  let api: TestApp;
  beforeAll(async () => {
    // A window long enough for five Argon2 checks on a busy CI machine, short enough to wait out.
    api = await startTestApp({ LOGIN_MAX_FAILURES: '5', LOGIN_WINDOW_SECONDS: '6', REQUESTS_PER_MINUTE: '20', ...SESSIONS_KEPT });
  });
  afterAll(() => api.close());

  it('throttles twenty wrong passwords in a row; the right one works once the window passes', async () => {
    const account = await createAccount(api, 'ANALYST');
    const codes: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      const { body } = await api.graphql(LOGIN, { input: { email: account.email, password: `wrong-${attempt}` } });
      codes.push(String(body.errors?.[0]?.extensions?.code));
    }
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(Array(15).fill('RATE_LIMITED'));

    const tooSoon = await api.graphql(LOGIN, { input: { email: account.email, password: account.password } });
    expect(tooSoon.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
    expect(tooSoon.body.errors?.[0]?.message).toMatch(/Try again in \d+ s/);

    await new Promise((resolve) => setTimeout(resolve, 6_200));
    const later = await api.graphql(LOGIN, { input: { email: account.email, password: account.password } });
    expect(later.body.errors).toBeUndefined();
  });

  it('counts parallel wrong passwords too: no more get checked than the limit', async () => {
    const account = await createAccount(api, 'ANALYST');
    const attempts = await Promise.all(
      Array.from({ length: 15 }, (_, attempt) => api.graphql(LOGIN, { input: { email: account.email, password: `parallel-${attempt}` } })),
    );
    const codes = attempts.map(({ body }) => body.errors?.[0]?.extensions?.code);
    expect(codes.filter((code) => code === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((code) => code === 'RATE_LIMITED')).toHaveLength(10);
  });

  it('counts wrong current passwords when changing one\'s password, like sign-ins', async () => {
    const account = await createAccount(api, 'ANALYST');
    const as = await api.signIn(account);
    const codes: (string | undefined)[] = [];
    for (let attempt = 0; attempt < 7; attempt++) {
      const { body } = await api.graphql(
        `mutation($input: ChangeMyPasswordInput!) { changeMyPassword(input: $input) { user { id } } }`,
        { input: { currentPassword: `guess-${attempt}`, newPassword: 'Fresh-lantern-steppe-42' } },
        as,
      );
      codes.push(body.errors?.[0]?.extensions?.code);
    }
    expect(codes).toEqual([...Array(5).fill('BAD_USER_INPUT'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('limits requests per signed-in user', async () => {
    const account = await createAccount(api, 'ANALYST');
    const as = await api.signIn(account);
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 22; request++) {
      codes.push((await api.graphql(ME, {}, as)).body.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });
});

const redisUp = await redisForSuite('the rate limits shared through Redis');

(redisUp ? describe : describe.skip)('rate limits shared by the API processes through Redis', () => {
  let first: TestApp;
  let second: TestApp;
  let redisDown: TestApp;
  beforeAll(async () => {
    // Two processes of one deployment (one secret, one Redis prefix of this run's own), as behind a load balancer.
    const env = { REDIS_URL: TEST_REDIS_URL, REDIS_CHANNEL_PREFIX: `test-${randomUUID()}:`, AUTH_SECRET: randomBytes(32).toString('hex'), REQUESTS_PER_MINUTE: '20', LOGIN_MAX_ATTEMPTS_PER_IP: '6', TRUST_PROXY: 'true' };
    first = await startTestApp(env);
    second = await startTestApp(env);
    // Nothing listens on port 1: this one's Redis is unreachable from the start.
    redisDown = await startTestApp({ ...env, REDIS_URL: 'redis://127.0.0.1:1' });
  });
  afterAll(async () => {
    await Promise.all([first.close(), second.close(), redisDown.close()]);
  });

  it("counts a user's requests through both processes together", async () => {
    const account = await createAccount(first, 'ANALYST');
    const as = await first.signIn(account);
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 22; request++) {
      codes.push((await (request % 2 === 0 ? first : second).graphql(ME, {}, as)).body.errors?.[0]?.extensions?.code);
    }
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes.slice(20)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('counts sign-in attempts from one address through both processes together', async () => {
    // Another account each time, so only the address's count (not an account's failures) can refuse.
    const wrong = () => ({ input: { email: `nobody-${randomUUID()}@mrc.test`, password: 'not-the-password-at-all' } });
    // An address of its own (through the trusted proxy's header), apart from the suite's other sign-ins.
    const from = { 'x-forwarded-for': '203.0.113.7' };
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 4; attempt++) {
      for (const api of [first, second]) codes.push((await api.graphql(LOGIN, wrong(), from)).body.errors?.[0]?.extensions?.code);
    }
    // Six attempts per address in the window, whichever process took them; past that, refused before any password check.
    expect(codes).toEqual([...Array(6).fill('UNAUTHENTICATED'), 'RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('counts in its own memory while Redis cannot be reached, and answers meanwhile', async () => {
    const account = await createAccount(redisDown, 'ANALYST');
    const as = await redisDown.signIn(account);
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 21; request++) codes.push((await redisDown.graphql(ME, {}, as)).body.errors?.[0]?.extensions?.code);
    expect(codes.slice(0, 20)).toEqual(Array(20).fill(undefined));
    expect(codes[20]).toBe('RATE_LIMITED');
  });
});

describe('rate limits when Redis stops answering on an open connection', () => {
  let api: TestApp;
  let redis: FakeRedis;
  beforeAll(async () => {
    // Live updates' subscriptions and messages are answered; they are not what this test is about.
    // A rate-limit command never is.
    redis = await startFakeRedis(REPLIES);
    api = await startTestApp({ REDIS_URL: redis.url, REQUESTS_PER_MINUTE: '3' });
  });
  afterAll(async () => {
    await api.close();
    await redis.close();
  });

  it('answers every request, counting in memory, instead of waiting for Redis', async () => {
    const account = await createAccount(api, 'ANALYST');
    const as = await api.signIn(account);
    const codes: (string | undefined)[] = [];
    for (let request = 0; request < 4; request++) codes.push((await api.graphql(ME, {}, as)).body.errors?.[0]?.extensions?.code);
    expect(codes).toEqual([undefined, undefined, undefined, 'RATE_LIMITED']);
  });
});

describe('users and audit entries of a centre and the centres below it', () => {
  // Its own database: the centres it adds would change what other suites count.
  let api: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp(SESSIONS_KEPT, { ownDatabase: true });
    admin = await api.signIn(DEMO.admin);
  });
  afterAll(() => api.close());

  const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id } } }`;
  const coordinatorAt = async (centre: string, name: string) =>
    (await api.graphql<{ createUser: { user: { id: string } } }>(
      CREATE,
      { input: { email: `${randomUUID()}@mrc.test`, displayName: name, role: 'DISTRICT_COORDINATOR', centreId: centre, password: 'Lantern-steppe-river-91' } },
      admin,
    )).body.data!.createUser.user.id;

  it('lists them for the centre alone, or with includeSubtree for every level below it, page by page', async () => {
    const temirtau = await centreId(api, 'temirtau');
    const below = await createCentre(api, { parentId: temirtau });
    const twoBelow = await createCentre(api, { parentId: below });
    const atTemirtau = await coordinatorAt(temirtau, 'At Temirtau');
    const atBelow = await coordinatorAt(below, 'Below Temirtau');
    const atTwoBelow = await coordinatorAt(twoBelow, 'Two below Temirtau');
    const atSibling = await coordinatorAt(await centreId(api, 'balkhash'), 'At Balkhash');

    // Two at a time, so the subtree holds across pages too.
    type UsersPage = { users: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const users = async (filter: Record<string, unknown>) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const { body }: GraphqlResponse<UsersPage> = await api.graphql<UsersPage>(
          `query($filter: UserFilter, $after: String) { users(first: 2, after: $after, filter: $filter) { nodes { id } pageInfo { hasNextPage endCursor } } }`,
          { filter, after },
          admin,
        );
        ids.push(...body.data!.users.nodes.map(({ id }) => id));
        after = body.data!.users.pageInfo.hasNextPage ? body.data!.users.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    const onlyTemirtau = await users({ centreId: temirtau });
    expect(onlyTemirtau).toContain(atTemirtau);
    expect(onlyTemirtau).not.toContain(atBelow);
    const underTemirtau = await users({ centreId: temirtau, includeSubtree: true });
    expect(underTemirtau).toEqual(expect.arrayContaining([atTemirtau, atBelow, atTwoBelow]));
    expect(underTemirtau).not.toContain(atSibling);
    expect(new Set(underTemirtau).size).toBe(underTemirtau.length);
    // AND with the other fields, as before.
    const searched = await users({ centreId: temirtau, includeSubtree: true, search: 'below Temirtau' });
    expect(searched).toEqual(expect.arrayContaining([atBelow, atTwoBelow]));
    expect(searched).toHaveLength(2);

    // Each account's creation is recorded concerning its centre.
    const createdConcerning = async (filter: Record<string, unknown>) =>
      (await api.graphql<{ auditEntries: { nodes: { entityId: string }[] } }>(
        `query($filter: AuditEntryFilter) { auditEntries(first: 100, filter: $filter) { nodes { entityId } } }`,
        { filter: { entityType: 'User', ...filter } },
        admin,
      )).body.data!.auditEntries.nodes.map(({ entityId }) => entityId);
    const concerningTemirtau = await createdConcerning({ centreId: temirtau });
    expect(concerningTemirtau).toContain(atTemirtau);
    expect(concerningTemirtau).not.toContain(atBelow);
    const concerningAll = await createdConcerning({ centreId: temirtau, includeSubtree: true });
    expect(concerningAll).toEqual(expect.arrayContaining([atTemirtau, atBelow, atTwoBelow]));
    expect(concerningAll).not.toContain(atSibling);
  });
});

describe('accounts and scoping', () => {
  let api: TestApp;
  let admin: Record<string, string>;
  beforeAll(async () => {
    api = await startTestApp(SESSIONS_KEPT);
    admin = await api.signIn(DEMO.admin);
  });
  afterAll(() => api.close());

  const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { user { id email role centre { code } } } }`;

  it('refuses weak passwords, a coordinator without a centre and a taken email, field by field', async () => {
    const weak = await api.graphql(CREATE, { input: { email: 'weak@mrc.test', displayName: 'Weak', role: 'ANALYST', password: 'password123' } }, admin);
    expect(weak.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: expect.stringMatching(/too common/) } });
    const short = await api.graphql(CREATE, { input: { email: 'short@mrc.test', displayName: 'Short', role: 'ANALYST', password: 'Xk3#pq' } }, admin);
    expect(short.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { password: expect.stringMatching(/at least 10/) } });
    const noCentre = await api.graphql(CREATE, { input: { email: 'nc@mrc.test', displayName: 'No centre', role: 'DISTRICT_COORDINATOR', password: 'Lantern-steppe-river-91' } }, admin);
    expect(noCentre.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { centreId: expect.any(String) } });
    const badEmail = await api.graphql(CREATE, { input: { email: 'not-an-email', displayName: 'X', role: 'ANALYST', password: 'Lantern-steppe-river-91' } }, admin);
    expect(badEmail.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { email: expect.any(String) } });
    const taken = await api.graphql(CREATE, { input: { email: 'ADMIN@mrc.demo', displayName: 'Copy', role: 'ANALYST', password: 'Lantern-steppe-river-91' } }, admin);
    expect(taken.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const count = await api.dataSource.query<{ n: string }[]>(`SELECT count(*) AS n FROM app_user WHERE email IN ('weak@mrc.test', 'short@mrc.test', 'nc@mrc.test')`);
    expect(count[0]!.n).toBe('0');
  });

  it('refuses a name of only white space at the field, in every mutation that sets one, and trims the rest', async () => {
    const blank = ' \t\n\u00a0';
    const created = await api.graphql(CREATE, { input: { email: 'blank@mrc.test', displayName: blank, role: 'ANALYST', password: 'Lantern-steppe-river-91' } }, admin);
    expect(created.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: { displayName: { code: 'minLength' } } });
    const withNul = await api.graphql(CREATE, { input: { email: 'nul@mrc.test', displayName: 'A\u0000B', role: 'ANALYST', password: 'Lantern-steppe-river-91' } }, admin);
    expect(withNul.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: { displayName: { code: 'hasNoNul' } } });

    const account = await createAccount(api, 'ANALYST');
    const renamed = await api.graphql(`mutation($id: ID!, $name: String) { updateUser(input: { id: $id, displayName: $name }) { user { displayName } } }`, { id: account.id, name: blank }, admin);
    expect(renamed.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: { displayName: { code: 'minLength' } } });
    const self = await api.signIn(account);
    const own = await api.graphql(`mutation($name: String) { updateMyPreferences(input: { displayName: $name }) { user { displayName } } }`, { name: blank }, self);
    expect(own.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', problems: { displayName: { code: 'minLength' } } });
    const trimmed = await api.graphql<{ updateMyPreferences: { user: { displayName: string } } }>(
      `mutation($name: String) { updateMyPreferences(input: { displayName: $name }) { user { displayName } } }`,
      { name: '\t Aruzhan Bekova \n' },
      self,
    );
    expect(trimmed.body.data?.updateMyPreferences.user.displayName).toBe('Aruzhan Bekova');
  });

  it('leaves no audit entry for a mutation the service refuses', async () => {
    const count = async () => Number((await api.dataSource.query<{ n: string }[]>('SELECT count(*) AS n FROM audit_entry'))[0]!.n);
    const before = await count();
    await api.graphql(CREATE, { input: { email: 'weak2@mrc.test', displayName: 'Weak', role: 'ANALYST', password: 'password123' } }, admin);
    await api.graphql(CREATE, { input: { email: 'admin@mrc.demo', displayName: 'Copy', role: 'ANALYST', password: 'Lantern-steppe-river-91' } }, admin);
    await api.graphql(`mutation { deactivateUser(input: { id: "6f1c1c1e-0000-4000-8000-000000000000" }) { user { id } } }`, {}, admin);
    await api.graphql(`mutation { changeMyPassword(input: { currentPassword: "wrong one", newPassword: "Fresh-lantern-steppe-42" }) { user { id } } }`, {}, admin);
    expect(await count()).toBe(before);
  });

  it('keeps the last active administrator from demoting or deactivating away the last one', async () => {
    const onlyAdminDb = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE role = 'REGIONAL_ADMIN' AND active`);
    const second = await createAccount(api, 'REGIONAL_ADMIN');
    const asSecond = await api.signIn(second);
    // Demote every other administrator, then try to remove the last one.
    for (const { id } of onlyAdminDb) {
      const demoted = await api.graphql(`mutation($id: ID!) { updateUser(input: { id: $id, role: ANALYST }) { user { role } } }`, { id }, asSecond);
      expect(demoted.body.errors).toBeUndefined();
    }
    const adminsLeft = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE role = 'REGIONAL_ADMIN' AND active`);
    expect(adminsLeft).toEqual([{ id: second.id }]);
    const self = await api.graphql(`mutation($id: ID!) { updateUser(input: { id: $id, role: ANALYST }) { user { role } } }`, { id: second.id }, asSecond);
    expect(self.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Put the demo administrator back for the tests that follow.
    for (const { id } of onlyAdminDb) {
      await api.graphql(`mutation($id: ID!) { updateUser(input: { id: $id, role: REGIONAL_ADMIN }) { user { role } } }`, { id }, asSecond);
    }
  });

  it('records who created an account and what it holds, never the password', async () => {
    const { body } = await api.graphql<{ createUser: { user: { id: string } } }>(
      CREATE,
      { input: { email: 'Aigerim@MRC.test', displayName: 'Aigerim', role: 'DISTRICT_COORDINATOR', centreId: await centreId(api, 'saran'), password: 'Lantern-steppe-river-91' } },
      admin,
    );
    const id = body.data!.createUser.user.id;
    const trail = await api.graphql<{ auditEntries: { nodes: { action: string; actor: { email: string }; centre: { code: string }; changes: { field: string; before: string | null; after: string | null }[] }[] } }>(
      `query($id: ID!) { auditEntries(filter: { entityId: $id }) { nodes { action actor { email } centre { code } changes { field before after } } } }`,
      { id },
      admin,
    );
    const [entry] = trail.body.data!.auditEntries.nodes;
    expect(entry).toMatchObject({ action: 'CREATE_USER', actor: { email: 'admin@mrc.demo' }, centre: { code: 'saran' } });
    expect(entry!.changes).toContainEqual({ field: 'email', before: null, after: '"aigerim@mrc.test"' });
    expect(entry!.changes).toContainEqual({ field: 'passwordHash', before: '"(secret)"', after: '"(secret)"' });
    expect(JSON.stringify(entry)).not.toMatch(/argon2|Lantern/);
  });

  it('pages the audit trail newest first and filters it by user and time', async () => {
    const page = async (after?: string) =>
      (await api.graphql<{ auditEntries: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { id: string; occurredAt: string }[] } }>(
        `query($after: String) { auditEntries(first: 3, after: $after) { pageInfo { endCursor hasNextPage } nodes { id occurredAt } } }`,
        { after },
        admin,
      )).body.data!.auditEntries;
    const first = await page();
    const second = await page(first.pageInfo.endCursor);
    const times = [...first.nodes, ...second.nodes].map((node) => node.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(new Set([...first.nodes, ...second.nodes].map((node) => node.id)).size).toBe(6);

    const future = await api.graphql<{ auditEntries: { totalCount: number } }>(
      `{ auditEntries(filter: { from: "2099-01-01T00:00:00Z" }) { totalCount } }`,
      {},
      admin,
    );
    expect(future.body.data!.auditEntries.totalCount).toBe(0);
  });

  it('keeps a coordinator to their own account: no user list, no other account, no audit trail', async () => {
    const coordinator = await api.signIn(DEMO.temirtau);
    const other = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM app_user WHERE email = 'balkhash@mrc.demo'`);
    expect((await api.graphql(`{ users { totalCount } }`, {}, coordinator)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(`query($id: ID!) { user(id: $id) { email } }`, { id: other[0]!.id }, coordinator)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A guessed id gets the same answer as a real one: nothing learned.
    expect((await api.graphql(`{ user(id: "6f1c1c1e-0000-4000-8000-000000000000") { email } }`, {}, coordinator)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await api.graphql(`{ auditEntries { totalCount } }`, {}, coordinator)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const me = await api.graphql<{ me: { email: string } }>(`{ me { email } }`, {}, coordinator);
    expect(me.body.data?.me.email).toBe('temirtau@mrc.demo');
  });

  it('refuses everything but sign-in to anonymous callers', async () => {
    for (const document of [`{ centres { totalCount } }`, `{ me { email } }`, `{ users { totalCount } }`, `{ auditEntries { totalCount } }`]) {
      expect((await api.graphql(document)).body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    expect((await api.graphql(ME, {}, bearer('not.a.token'))).body.errors?.[0]?.message).toMatch(/session has ended/);
  });
});
