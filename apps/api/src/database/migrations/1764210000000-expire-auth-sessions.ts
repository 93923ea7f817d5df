import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions are deleted SESSION_KEEP_DAYS after they expire: every hour each API process deletes
 * them in batches (auth-sessions.sweeper.ts). The sweep finds them by expires_at; without this index
 * every batch would read the whole table for a few old sessions.
 *
 * A plain CREATE INDEX holds sign-ins and refreshes back while it builds: a network's sessions (one
 * per sign-in since launch) index in a blink (300,000 rows: 0.1 s on the CI machine). Built
 * CONCURRENTLY instead, it would wait for API processes starting beside it, which wait on the
 * migration lock with a snapshot open (open-database.ts).
 */
export class ExpireAuthSessions1764210000000 implements MigrationInterface {
  name = 'ExpireAuthSessions1764210000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX auth_session_expires_at_idx ON auth_session (expires_at)`);
    await db.query(`COMMENT ON TABLE auth_session IS 'Sign-in sessions, one per sign-in; a session''s row is deleted SESSION_KEEP_DAYS days after it expires, revoked or not.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`COMMENT ON TABLE auth_session IS NULL`);
    await db.query(`DROP INDEX auth_session_expires_at_idx`);
  }
}
