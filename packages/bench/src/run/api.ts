import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { API_MAIN, API_ROOT, BENCH_ROOT, DASHBOARD_DIST } from '../paths.js';
import { freePort, ServerProcess } from './server-process.js';

/**
 * Limits the bench raises, and why; everything else is the API's production default. The per-user
 * request rate (600 a minute by default) would stop a load test after a second: REQUESTS_PER_MINUTE
 * lifts it. Sign-in attempts per address are raised so repeated bench runs never lock themselves out.
 * Access tokens last a day so none expires mid-run. The largest analytics table is raised from 100,000
 * rows: S3 at national10 (3,200 centres × 60 months) is bigger than that, and the curve measures it.
 */
export const BENCH_API_ENV = {
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  LOG_LEVEL: 'warn',
  SEED_ON_EMPTY: 'false',
  SEED_DEMO_USERS: 'false',
  REQUESTS_PER_MINUTE: '1000000',
  LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
  LOGIN_MAX_FAILURES: '1000',
  ACCESS_TOKEN_TTL_SECONDS: '86400',
  ANALYTICS_MAX_ROWS: '1000000',
} as const;

/** The built API (apps/api/dist/main.js) in production mode, with production's V8 flags, on a database, on the given Node binary. */
export async function startApi(options: { node: string; databaseUrl: string; extraEnv?: Record<string, string> }): Promise<ServerProcess> {
  if (!existsSync(API_MAIN)) throw new Error(`The API is not built (${API_MAIN} is missing): run \`pnpm --filter @mrc/api build\` first.`);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...BENCH_API_ENV,
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: randomBytes(32).toString('hex'),
    DASHBOARD_DIST,
    ...options.extraEnv,
  };
  // With the V8 flags production runs with (apps/api/src/config/node-flags.ts), as built.
  const { PRODUCTION_NODE_FLAGS } = (await import(pathToFileURL(resolve(API_ROOT, 'dist/config/node-flags.js')).href)) as { PRODUCTION_NODE_FLAGS: readonly string[] };
  return ServerProcess.start({ name: 'API', node: options.node, args: [...PRODUCTION_NODE_FLAGS, API_MAIN], env, cwd: API_ROOT, port, readyPath: '/health' });
}

/** PostGraphile 5 over the same database (src/peer-server.ts), on the given Node binary. */
export async function startPeer(options: { node: string; databaseUrl: string; poolSize: number }): Promise<ServerProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: options.databaseUrl,
    DB_POOL_SIZE: String(options.poolSize),
  };
  return ServerProcess.start({ name: 'PostGraphile', node: options.node, args: ['dist/peer-server.js'], env, cwd: BENCH_ROOT, port, readyPath: '/health' });
}

export interface GraphqlAnswer<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  headers: Headers;
}

export async function graphql<T>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphqlAnswer<T>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: GraphqlAnswer<T>['errors'] };
  return { status: response.status, data: body.data, errors: body.errors, headers: response.headers };
}

/** Signs in over HTTP as the dashboard does (mutation `login`) and returns the access token. */
export async function login(url: string, email: string, password: string): Promise<string> {
  const answer = await graphql<{ login: { accessToken: string } }>(
    url,
    'mutation Login($input: LoginInput!) { login(input: $input) { accessToken user { role } } }',
    { input: { email, password } },
  );
  const token = answer.data?.login.accessToken;
  if (!token) throw new Error(`Cannot sign in as ${email}: ${JSON.stringify(answer.errors ?? answer.status)}`);
  return token;
}
