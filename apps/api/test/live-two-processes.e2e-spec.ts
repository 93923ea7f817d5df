import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@mrc/local-postgres';
import { DEMO } from './utils/test-app.js';
import { hearChange, subscriber } from './utils/live.js';
import { redisForSuite, TEST_REDIS_URL } from './utils/redis.js';

/**
 * Two API processes (the built `dist/main.js`, as production runs it) on one database and one Redis,
 * as behind a load balancer: a change made through one reaches a subscriber of the other.
 *
 * It needs a Redis: REDIS_URL, or one on 127.0.0.1:6379 (the project's machines and CI have it). A
 * laptop without Redis skips it and says so; nothing else in the platform needs Redis.
 */
const REDIS_URL = TEST_REDIS_URL;
const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

const redisUp = await redisForSuite('the two-process live test');

/** The tests run dist/main.js: refuse a build older than the sources (pnpm test builds first; a bare jest run may not). */
function assertFreshBuild(): void {
  const main = resolve(API_ROOT, 'dist/main.js');
  if (!existsSync(main)) throw new Error('Build the API first (pnpm --filter @mrc/api build): these tests run dist/main.js.');
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(resolve(dir, entry.name)) : statSync(resolve(dir, entry.name)).mtimeMs)));
  if (newest(resolve(API_ROOT, 'src')) > statSync(main).mtimeMs) throw new Error('dist/ is older than src/: rebuild the API (pnpm --filter @mrc/api build).');
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

interface ApiProcess {
  url: string;
  child: ChildProcess;
  output: string[];
}

async function startApi(env: Record<string, string>): Promise<ApiProcess> {
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/main.js'], { cwd: API_ROOT, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output.join('')}`);
    const ready = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (ready) return { url, child, output };
    await new Promise((wait) => setTimeout(wait, 250));
  }
  child.kill('SIGKILL');
  throw new Error(`The API did not get ready within 60 s:\n${output.join('')}`);
}

/** SIGTERM, as an orchestrator stops it: the process must exit 0 within its 15 s grace. */
async function stopApi(api: ApiProcess | undefined): Promise<number | null> {
  if (!api) return null;
  if (api.child.exitCode !== null) return api.child.exitCode;
  const exited = new Promise<number | null>((done) => api.child.once('exit', (code) => done(code)));
  api.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([exited, new Promise<'hung'>((done) => (timer = setTimeout(() => done('hung'), 20_000)))]);
  clearTimeout(timer);
  if (code === 'hung') {
    api.child.kill('SIGKILL');
    throw new Error(`The API did not stop within 20 s of SIGTERM:\n${api.output.join('')}`);
  }
  return code;
}

async function signIn(url: string): Promise<Record<string, string>> {
  const login = await graphql<{ login: { accessToken: string } }>(url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: DEMO.temirtau });
  return { authorization: `Bearer ${login.data!.login.accessToken}` };
}

async function ownItems(url: string, headers: Record<string, string>): Promise<{ id: string; rolloutItems: Item[] }> {
  const items = await graphql<{ me: { centre: { id: string; rolloutItems: Item[] } } }>(url, '{ me { centre { id rolloutItems { id version status } } } }', {}, headers);
  return items.data!.me.centre;
}

/** Changes an item's notes, so every call is a real change; returns the new version. */
async function touch(url: string, headers: Record<string, string>, item: Item, note: string): Promise<number> {
  const changed = await graphql<{ updateRolloutItem: { rolloutItem: Item } }>(
    url,
    'mutation($input: UpdateRolloutItemInput!) { updateRolloutItem(input: $input) { rolloutItem { id version status } } }',
    { input: { id: item.id, version: item.version, notes: note } },
    headers,
  );
  if (!changed.data) throw new Error(JSON.stringify(changed.errors));
  return changed.data.updateRolloutItem.rolloutItem.version;
}

async function graphql<Data>(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: Data; errors?: unknown[] };
}

interface Item {
  id: string;
  version: number;
  status: string;
}

(redisUp ? describe : describe.skip)('live updates across two API processes', () => {
  let database: TestDatabase;
  let first: ApiProcess | undefined;
  let second: ApiProcess | undefined;

  beforeAll(async () => {
    assertFreshBuild();
    database = await createTestDatabase('mrc_live', process.env.MRC_TEST_DATABASE_URL);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
      // This run's own names on the shared Redis: no other run's channels, nor its sign-in counts.
      REDIS_CHANNEL_PREFIX: `test-${randomBytes(6).toString('hex')}:`,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      SEED_DEMO_USERS: 'true',
      // One secret, so a token from one process holds at the other, as behind a load balancer.
      AUTH_SECRET: randomBytes(32).toString('hex'),
    };
    // One after the other: the first migrates and seeds, the second finds it done.
    first = await startApi(env);
    second = await startApi(env);
  }, 150_000);

  afterAll(async () => {
    await Promise.all([stopApi(first), stopApi(second)]);
    await database?.close();
  });

  it("tells the other process of a sign-in: its kept audit trail is read again, its other kept answers stay", async () => {
    const login = await graphql<{ login: { accessToken: string } }>(second!.url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: DEMO.admin });
    const admin = { authorization: `Bearer ${login.data!.login.accessToken}` };
    const ask = async (query: string) => {
      const response = await fetch(`${second!.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...admin }, body: JSON.stringify({ query }) });
      return { sql: Number(response.headers.get('x-sql-statements')), body: (await response.json()) as { data?: { auditEntries?: { nodes: { action: string; actor: { email: string } | null }[] } } } };
    };
    const AUDIT = '{ auditEntries(first: 1) { nodes { action actor { email } } } }';
    const NETWORK = '{ centres(first: 5) { nodes { name } } }';
    for (const query of [AUDIT, NETWORK]) {
      await ask(query);
      expect((await ask(query)).sql).toBe(0);
    }

    // Someone signs in through the first process; the second hears of it through Redis.
    await signIn(first!.url);
    let latest = await ask(AUDIT);
    for (let tries = 0; tries < 40 && latest.body.data?.auditEntries?.nodes[0]?.actor?.email !== DEMO.temirtau.email; tries++) {
      await new Promise((wait) => setTimeout(wait, 250));
      latest = await ask(AUDIT);
    }
    expect(latest.body.data?.auditEntries?.nodes[0]).toEqual({ action: 'LOGIN', actor: { email: DEMO.temirtau.email } });
    expect((await ask(NETWORK)).sql).toBe(0);
  }, 60_000);

  it('delivers a change made through one process to a subscriber of the other', async () => {
    const headers = await signIn(first!.url);
    const centre = await ownItems(first!.url, headers);
    const item = centre.rolloutItems.find((candidate) => candidate.status === 'PLANNED')!;
    const client = subscriber(second!.url, headers);
    try {
      const heard = await hearChange(client, centre.id, async (attempt) => {
        item.version = await touch(first!.url, headers, item, `Changed through the first process (${attempt})`);
      });
      expect(heard).toMatchObject({ id: item.id, version: expect.any(Number) });
    } finally {
      await client.dispose();
    }
    expect(await Promise.all([stopApi(first), stopApi(second)])).toEqual([0, 0]);
  }, 60_000);
});

describe('an API whose Redis is down', () => {
  let database: TestDatabase;
  let api: ApiProcess | undefined;
  beforeAll(async () => {
    assertFreshBuild();
    database = await createTestDatabase('mrc_noredis', process.env.MRC_TEST_DATABASE_URL);
    // Nothing listens on port 1: Redis is unreachable from the start.
    api = await startApi({ DATABASE_URL: database.url, REDIS_URL: 'redis://127.0.0.1:1', NODE_ENV: 'production', LOG_LEVEL: 'error', SEED_DEMO_USERS: 'true' });
  }, 150_000);
  afterAll(async () => {
    await stopApi(api);
    await database?.close();
  });

  it('keeps saving changes and serving, with subscribers coming and going, and stops cleanly', async () => {
    const headers = await signIn(api!.url);
    const centre = await ownItems(api!.url, headers);
    const item = centre.rolloutItems[0]!;
    for (let round = 0; round < 3; round++) {
      const client = subscriber(api!.url, headers);
      const subscription = client.iterate({ query: 'subscription { rolloutItemChanged { id } }' });
      void subscription.next().catch(() => undefined);
      await new Promise((wait) => setTimeout(wait, 300));
      item.version = await touch(api!.url, headers, item, `Saved while Redis is down (${round})`);
      await client.dispose();
    }
    await new Promise((wait) => setTimeout(wait, 1_000));
    expect((await fetch(`${api!.url}/health`)).status).toBe(200);
    expect(item.version).toBe(4);
    expect(await stopApi(api)).toBe(0);
  }, 60_000);
});
