import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@mrc/local-postgres';
import { startApi } from './api-server.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export default function globalSetup(): Promise<() => Promise<void>> {
  return startBrowserTestEnvironment({
    apiDir: `${repoRoot}apps/api`,
    dashboardIndex: `${repoRoot}apps/dashboard/dist/index.html`,
  });
}

/**
 * Starts what the browser tests talk to: a fresh database (createTestDatabase) and the built API on
 * a free port (it migrates and seeds the empty database at boot and serves the built dashboard at
 * "/"). Returns the teardown, which undoes it all in reverse.
 */
export async function startBrowserTestEnvironment({
  apiDir,
  dashboardIndex,
}: {
  apiDir: string;
  dashboardIndex: string;
}): Promise<() => Promise<void>> {
  if (!existsSync(dashboardIndex)) {
    throw new Error(`The dashboard is not built: ${dashboardIndex} does not exist. Run \`pnpm --filter @mrc/dashboard build\` first.`);
  }

  const undo: Array<() => Promise<void>> = [];
  const teardown = async () => {
    const failures: unknown[] = [];
    for (const step of undo.reverse()) {
      await step().catch((error: unknown) => failures.push(error));
    }
    undo.length = 0;
    if (failures.length > 0) throw new AggregateError(failures, 'Browser test teardown failed');
  };

  try {
    const database = await createTestDatabase('mrc_e2e');
    undo.push(() => database.close());

    const api = await startApi({
      mainPath: `${apiDir}/dist/main.js`,
      cwd: apiDir,
      databaseUrl: database.url,
    });
    undo.push(() => api.stop());

    process.env.E2E_BASE_URL = api.baseUrl;
    return teardown;
  } catch (error) {
    await teardown().catch(() => undefined);
    throw error;
  }
}
