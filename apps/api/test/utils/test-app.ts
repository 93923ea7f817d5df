import { createTestDatabase } from '@mrc/local-postgres';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { pino } from 'pino';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/create-app.js';
import { openDatabase } from '../../src/database/open-database.js';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  /** How many SQL statements the request sent (the X-SQL-Statements header). */
  sqlStatements: number;
  headers: Headers;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
  };
}

/** The demo accounts seeded into the test database (src/database/seed/data/demo-users.json). */
export const DEMO = {
  admin: { email: 'admin@mrc.demo', password: 'Karaganda-Admin-2026' },
  temirtau: { email: 'temirtau@mrc.demo', password: 'Temirtau-Coord-2026' },
  balkhash: { email: 'balkhash@mrc.demo', password: 'Balkhash-Coord-2026' },
  analyst: { email: 'analyst@mrc.demo', password: 'Analyst-Karaganda-2026' },
} as const;

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  /** The database it runs on, for a second app on the same one (`sameDatabase`). */
  databaseUrl: string;
  dataSource: DataSource;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
  /** Signs in and returns the headers of a request made as that person. */
  signIn(account: { email: string; password: string }): Promise<Record<string, string>>;
  close(): Promise<void>;
}

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/**
 * The real app, as main.ts builds it, on the run's test database and a free port: tests talk to it
 * over HTTP like any client. The demo accounts exist, one per role.
 *
 * `ownDatabase` gives the suite a fresh database of its own (migrated and seeded like a new
 * install, dropped on close), for suites that add many records or count the whole network.
 * `sameDatabase` runs a second app (with other settings) on another app's database, to compare them.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  { ownDatabase = false, sameDatabase }: { ownDatabase?: boolean; sameDatabase?: TestApp } = {},
): Promise<TestApp> {
  const runDatabaseUrl = process.env.MRC_TEST_DATABASE_URL;
  if (!runDatabaseUrl) throw new Error('MRC_TEST_DATABASE_URL is unset: run the tests through jest (globalSetup).');
  const suiteDatabase = ownDatabase ? await createTestDatabase('mrc_suite', runDatabaseUrl) : undefined;
  const databaseUrl = sameDatabase?.databaseUrl ?? suiteDatabase?.url ?? runDatabaseUrl;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PORT: '0',
    SEED_DEMO_USERS: 'true',
    // Many suites sign in from one address; the sign-in limit has its own test.
    LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
    // Factories write straight into the database, behind the API's back, and then ask again: the
    // answers kept in memory would be stale. The cache has its own suite (response-cache.e2e-spec).
    RESPONSE_CACHE_SECONDS: '0',
    // Suites count the SQL statements of a request, the session check included: checked every time.
    SESSION_CACHE_SECONDS: '0',
    ...env,
    DATABASE_URL: databaseUrl,
  });
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const graphql = async <Data>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as GraphqlResponse<Data>['body'];
    return { status: response.status, sqlStatements: Number(response.headers.get('x-sql-statements')), headers: response.headers, body };
  };

  return {
    app,
    config,
    url,
    databaseUrl,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    graphql,
    async signIn(account) {
      const { body } = await graphql<{ login: { accessToken: string } }>(LOGIN, { input: { email: account.email, password: account.password } });
      const token = body.data?.login.accessToken;
      if (!token) throw new Error(`Could not sign in as ${account.email}: ${JSON.stringify(body.errors)}`);
      return { authorization: `Bearer ${token}` };
    },
    async close() {
      await app.close();
      await database.stop();
      await suiteDatabase?.close();
    },
  };
}
