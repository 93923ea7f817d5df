import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@mrc/local-postgres';
import { Redis } from 'ioredis';
import { DEMO } from './utils/test-app.js';
import { nextChange, subscriber, waitForSubscription } from './utils/live.js';

/**
 * Two API processes (the built `dist/main.js`, as production runs it) on one database and one Redis,
 * as behind a load balancer: a change made through one reaches a subscriber of the other.
 *
 * It needs a Redis: REDIS_URL, or one on 127.0.0.1:6379 (the project's machines and CI have it). A
 * laptop without Redis skips it and says so; nothing else in the platform needs Redis.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) console.warn(`Skipping the two-process live test: no Redis answers at ${REDIS_URL} (set REDIS_URL to run it).`);

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

async function stopApi(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null) return;
  const exited = new Promise((done) => api.child.once('exit', done));
  api.child.kill('SIGTERM');
  await exited;
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
    if (!existsSync(resolve(API_ROOT, 'dist/main.js'))) throw new Error('Build the API first (pnpm --filter @mrc/api build): this test runs dist/main.js.');
    database = await createTestDatabase('mrc_live', process.env.MRC_TEST_DATABASE_URL);
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL,
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

  it('delivers a change made through one process to a subscriber of the other', async () => {
    const login = await graphql<{ login: { accessToken: string } }>(first!.url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', { input: DEMO.temirtau });
    const headers = { authorization: `Bearer ${login.data!.login.accessToken}` };
    const items = await graphql<{ me: { centre: { id: string; rolloutItems: Item[] } } }>(first!.url, '{ me { centre { id rolloutItems { id version status } } } }', {}, headers);
    const centre = items.data!.me.centre;
    const planned = centre.rolloutItems.find((item) => item.status === 'PLANNED')!;

    const client = subscriber(second!.url, headers);
    try {
      const heard = nextChange(client, centre.id);
      await waitForSubscription();
      const changed = await graphql<{ advanceRollout: { rolloutItem: Item } }>(first!.url, 'mutation($input: AdvanceRolloutInput!) { advanceRollout(input: $input) { rolloutItem { id status } } }', {
        input: { id: planned.id, version: planned.version, action: 'PREPARE' },
      }, headers);
      expect(changed.errors).toBeUndefined();
      expect(await heard).toMatchObject({ id: planned.id, status: 'PREPARING' });
    } finally {
      await client.dispose();
    }
  }, 30_000);
});
