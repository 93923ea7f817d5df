import { dropDatabase } from '@mrc/local-postgres';

export default async function globalTeardown(): Promise<void> {
  const state = globalThis.__MRC_TEST_DATABASE__;
  if (!state) return;
  await dropDatabase(state.serverUrl, state.database);
  await state.server?.stop();
}
