import { randomUUID } from 'node:crypto';
import type { TestApp } from '../utils/test-app.js';

/**
 * Activity reports for tests. `reportPeriod()` hands out a different past period on each call
 * (from January 2020, before the seeded year), so tests never meet each other's reports.
 */
let periodSerial = 0;
export function reportPeriod(): string {
  const index = 2020 * 12 + periodSerial++;
  if (periodSerial > 60) throw new Error('reportPeriod: more than 60 periods in one test file; use a fresh centre.');
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

const BANDS = ['AGE_14_17', 'AGE_18_24', 'AGE_25_35'] as const;

/** Complete, consistent figures of a centre with no clubs or program runs: 60 young people reached. */
export function completeFigures(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventsHeld: 3,
    reachedTotal: 60,
    reach: BANDS.flatMap((ageBand) => [
      { ageBand, sex: 'FEMALE', count: 10 },
      { ageBand, sex: 'MALE', count: 10 },
    ]),
    prevention: { raids: 1, sessions: 2, screenings: 5, onlineShopsFound: 2, onlineShopsBlocked: 1 },
    highlights: 'A debate tournament and two meetings with entrepreneurs.',
    ...overrides,
  };
}

export function submitInput(centreId: string, period: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { idempotencyKey: randomUUID(), centreId, period, ...completeFigures(), ...overrides };
}

/**
 * A report written straight into the database, with complete figures: a DRAFT, or SUBMITTED /
 * APPROVED / RETURNED with its first submission at `submittedAt` (now by default).
 */
export async function insertReport(
  api: TestApp,
  centreId: string,
  options: { period?: string; state?: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'RETURNED'; submittedAt?: string } = {},
): Promise<{ id: string; period: string; version: number }> {
  const period = options.period ?? reportPeriod();
  const state = options.state ?? 'DRAFT';
  const submittedAt = state === 'DRAFT' ? null : (options.submittedAt ?? new Date().toISOString());
  const rows = await api.dataSource.query<{ id: string }[]>(
    `INSERT INTO activity_report (centre_id, period_type, period, state, events_held, reached_total, prevention_raids, prevention_sessions,
       prevention_screenings, online_shops_found, online_shops_blocked, first_submitted_at, submitted_at)
     VALUES ($1, 'MONTHLY', $2, $3, 3, 60, 1, 2, 5, 2, 1, $4, $4) RETURNING id`,
    [centreId, period, state, submittedAt],
  );
  const id = rows[0]!.id;
  await api.dataSource.query(
    `INSERT INTO activity_report_reach (report_id, age_band, sex, count)
     SELECT $1, band, sex, 10 FROM unnest($2::text[]) band CROSS JOIN unnest(ARRAY['FEMALE', 'MALE']) sex`,
    [id, BANDS],
  );
  return { id, period, version: 1 };
}

/**
 * Idempotency keys written straight into the database, as if `userId` had submitted `age` ago (a
 * PostgreSQL interval, e.g. '8 days'); returns the keys.
 */
export async function insertIdempotencyKeys(api: TestApp, userId: string, count: number, age: string): Promise<string[]> {
  const rows = await api.dataSource.query<{ key: string }[]>(
    `INSERT INTO idempotency_key (user_id, key, operation, request_hash, record_id, record_version, created_at)
     SELECT $1, gen_random_uuid()::text, 'submitReport', md5(n::text), gen_random_uuid(), 1, now() - $3::interval FROM generate_series(1, $2::int) n
     RETURNING key`,
    [userId, count, age],
  );
  return rows.map((row) => row.key);
}

/** Everything stored about a report (its row and lines), to show that a refusal changed nothing. */
export async function reportSnapshot(api: TestApp, centreId: string): Promise<unknown> {
  return api.dataSource.query(
    `SELECT r.*, (SELECT json_agg(x ORDER BY x.age_band, x.sex) FROM activity_report_reach x WHERE x.report_id = r.id) AS reach,
            (SELECT json_agg(x ORDER BY x.club_id) FROM activity_report_club x WHERE x.report_id = r.id) AS clubs,
            (SELECT json_agg(x ORDER BY x.program_run_id) FROM activity_report_program_run x WHERE x.report_id = r.id) AS runs
     FROM activity_report r WHERE r.centre_id = $1 ORDER BY r.period`,
    [centreId],
  );
}
