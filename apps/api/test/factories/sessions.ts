import type { TestApp } from '../utils/test-app.js';

/**
 * Sign-in sessions of `userId` written straight into the database, as if they had expired `expiredAgo`
 * ago (a PostgreSQL interval; negative for sessions still valid, e.g. '-1 day'), each after a
 * SESSION_TTL_DAYS lifetime; `revoked` ones were ended by a stolen cookie caught. Returns their ids.
 */
export async function insertSessions(api: TestApp, userId: string, count: number, expiredAgo: string, { revoked = false } = {}): Promise<string[]> {
  const rows = await api.dataSource.query<{ id: string }[]>(
    `INSERT INTO auth_session (user_id, token_hash, created_at, last_used_at, expires_at, revoked_at, revoked_reason)
     SELECT $1, md5(random()::text), expires_at - lifetime, expires_at - lifetime,
            expires_at, CASE WHEN $4 THEN expires_at - lifetime END, CASE WHEN $4 THEN 'refresh token reused' END
     FROM generate_series(1, $2::int) CROSS JOIN (SELECT now() - $3::interval AS expires_at, make_interval(days => $5) AS lifetime) session
     RETURNING id`,
    [userId, count, expiredAgo, revoked, api.config.auth.sessionTtlDays],
  );
  return rows.map((row) => row.id);
}
