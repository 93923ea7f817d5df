import { randomBytes } from 'node:crypto';
import { ensureDatabase, startThrowawayPostgres, withDatabase, type LocalPostgres } from '@mrc/local-postgres';

export interface TestDatabaseState {
  server?: LocalPostgres;
  serverUrl: string;
  database: string;
}

declare global {
  var __MRC_TEST_DATABASE__: TestDatabaseState | undefined;
}

/**
 * One fresh database for the whole run, on DATABASE_URL's server when given, else on a throwaway
 * embedded server. Tests find it in MRC_TEST_DATABASE_URL; the teardown drops it.
 */
export default async function globalSetup(): Promise<void> {
  const server = process.env.DATABASE_URL ? undefined : await startThrowawayPostgres();
  const serverUrl = process.env.DATABASE_URL ?? server!.url;
  const database = `mrc_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await ensureDatabase(serverUrl, database);
  process.env.MRC_TEST_DATABASE_URL = withDatabase(serverUrl, database);
  globalThis.__MRC_TEST_DATABASE__ = { server, serverUrl, database };
}
