import { createTestDatabase, type TestDatabase } from '@mrc/local-postgres';

declare global {
  var __MRC_TEST_DATABASE__: TestDatabase | undefined;
}

/** One fresh database for the whole run; tests find it in MRC_TEST_DATABASE_URL, the teardown drops it. */
export default async function globalSetup(): Promise<void> {
  const database = await createTestDatabase('mrc_test');
  process.env.MRC_TEST_DATABASE_URL = database.url;
  globalThis.__MRC_TEST_DATABASE__ = database;
}
