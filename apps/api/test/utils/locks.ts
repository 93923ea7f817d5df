import type { TestApp } from './test-app.js';

/**
 * Statements of the test database waiting for a lock: how a test knows that a request it started
 * has reached the lock the test holds, so what follows does not depend on timing.
 */
export async function waitingOnLocks(api: TestApp): Promise<number> {
  const [row] = (await api.dataSource.query(`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)) as { waiting: number }[];
  return row?.waiting ?? 0;
}
