import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { type AppConfig, loadConfig } from '../../src/config/env.js';
import { createApp } from '../../src/create-app.js';
import { openDatabase } from '../../src/database/open-database.js';

export interface GraphqlResponse<Data = Record<string, unknown>> {
  status: number;
  /** How many SQL statements the request sent (the X-SQL-Statements header). */
  sqlStatements: number;
  body: {
    data?: Data | null;
    errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }[];
  };
}

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  url: string;
  graphql<Data = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphqlResponse<Data>>;
  close(): Promise<void>;
}

/**
 * The real app, as main.ts builds it, on the run's test database and a free port: tests talk to it
 * over HTTP like any client.
 */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const databaseUrl = process.env.MRC_TEST_DATABASE_URL;
  if (!databaseUrl) throw new Error('MRC_TEST_DATABASE_URL is unset: run the tests through jest (globalSetup).');
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PORT: '0', ...env, DATABASE_URL: databaseUrl });
  const logger = pino({ level: config.logLevel });
  const database = await openDatabase(config, logger);
  const app = await createApp(config, database.url, logger);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  return {
    app,
    config,
    url,
    async graphql<Data>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as GraphqlResponse<Data>['body'];
      return { status: response.status, sqlStatements: Number(response.headers.get('x-sql-statements')), body };
    },
    async close() {
      await app.close();
      await database.stop();
    },
  };
}
