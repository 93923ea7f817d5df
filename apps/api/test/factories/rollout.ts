import type { TestApp } from '../utils/test-app.js';
import { createClubType } from './network.js';

/** A rollout item straight in the database (of a fresh club type unless `type` is given): the state a test starts from. */
export async function insertRolloutItem(
  api: TestApp,
  centre: string,
  values: { status?: string; gates?: string[]; plannedOn?: string; launchedOn?: string | null; reason?: string; type?: string } = {},
): Promise<string> {
  const rows = await api.dataSource.query<{ id: string }[]>(
    `INSERT INTO rollout_item (club_type_id, centre_id, planned_on, status, gates, launched_on, status_reason) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [values.type ?? (await createClubType(api)), centre, values.plannedOn ?? '2027-03-01', values.status ?? 'PLANNED', values.gates ?? [], values.launchedOn ?? null, values.reason ?? null],
  );
  return rows[0]!.id;
}
