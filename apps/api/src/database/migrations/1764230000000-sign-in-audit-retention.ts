import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail stays append-only, except for sign-in activity. Every sign-in, sign-out and
 * session renewal (about every 15 minutes a user is active) adds an entry: at national scale tens of
 * millions a year, which no one reads after a while and which every look at the trail wades through.
 * Those entries may now be deleted once they are 30 days old, and every API process deletes them after
 * AUDIT_SIGN_IN_KEEP_DAYS (auth/sign-in-audit.sweeper.ts). What people did to records (reports, users,
 * clubs, rollout) stays as it was recorded, for good.
 *
 * The index finds the old sign-in entries, oldest first, without reading the rest of the trail. A
 * plain CREATE INDEX holds writes to the trail (so every mutation) back while it builds, once: 5
 * million entries (774 MB) took 2.8 s on the CI machine. CONCURRENTLY would wait for API processes
 * starting beside it (see 1764210000000). The trigger guarantees the 30 days, not
 * AUDIT_SIGN_IN_KEEP_DAYS: a database user with DELETE rights can remove sign-in entries between the two.
 */
export class SignInAuditRetention1764230000000 implements MigrationInterface {
  name = 'SignInAuditRetention1764230000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' AND OLD.action IN ('LOGIN', 'REFRESH_SESSION', 'LOGOUT') AND OLD.occurred_at < now() - interval '30 days' THEN
          RETURN OLD;
        END IF;
        RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    await db.query(`CREATE INDEX audit_entry_sign_in_activity_idx ON audit_entry (occurred_at) WHERE action IN ('LOGIN', 'REFRESH_SESSION', 'LOGOUT')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX audit_entry_sign_in_activity_idx`);
    await db.query(`
      CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
  }
}
