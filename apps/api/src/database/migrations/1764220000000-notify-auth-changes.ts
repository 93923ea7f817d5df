import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * PostgreSQL tells the API processes when a session or an account changes (auth/auth-changes.ts),
 * on the channel `auth_change`, with `session:<id>`, `user:<id>` or `all`. A process believes a
 * session it found valid until it hears of a change to it, so a sign-out, a deactivation or a role
 * change through any process, with or without Redis, and an UPDATE by hand, apply at the next request.
 *
 * Only what can end a session or change its account is told: a refresh rotating the cookie's
 * secret is not, nor a sign-in noting when it happened (last_sign_in_at, with the bookkeeping
 * columns it moves), nor deleting a session that had already ended. A notification is sent when its
 * transaction commits, never for one rolled back. Writes that skip triggers (a restore with
 * --disable-triggers, session_replication_role = replica) are not told: a process believes a session
 * at most SESSION_CACHE_SECONDS.
 */
export class NotifyAuthChanges1764220000000 implements MigrationInterface {
  name = 'NotifyAuthChanges1764220000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'TRUNCATE' THEN
          PERFORM pg_notify('auth_change', 'all');
        ELSIF TG_TABLE_NAME = 'auth_session' THEN
          PERFORM pg_notify('auth_change', 'session:' || OLD.id);
        ELSE
          PERFORM pg_notify('auth_change', 'user:' || OLD.id);
        END IF;
        RETURN NULL;
      END $$`);
    await db.query(`
      CREATE TRIGGER auth_session_ended AFTER UPDATE OF id, user_id, expires_at, revoked_at ON auth_session
      FOR EACH ROW EXECUTE FUNCTION notify_auth_change()`);
    await db.query(`
      CREATE TRIGGER auth_session_deleted AFTER DELETE ON auth_session
      FOR EACH ROW WHEN (OLD.revoked_at IS NULL AND OLD.expires_at > now()) EXECUTE FUNCTION notify_auth_change()`);
    await db.query(`
      CREATE TRIGGER app_user_changed AFTER UPDATE ON app_user
      FOR EACH ROW WHEN ((to_jsonb(OLD) - '{last_sign_in_at,updated_at,version}'::text[]) IS DISTINCT FROM (to_jsonb(NEW) - '{last_sign_in_at,updated_at,version}'::text[]))
      EXECUTE FUNCTION notify_auth_change()`);
    await db.query(`CREATE TRIGGER app_user_deleted AFTER DELETE ON app_user FOR EACH ROW EXECUTE FUNCTION notify_auth_change()`);
    await db.query(`CREATE TRIGGER auth_session_truncated AFTER TRUNCATE ON auth_session FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()`);
    await db.query(`CREATE TRIGGER app_user_truncated AFTER TRUNCATE ON app_user FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_change()`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const [trigger, table] of [
      ['auth_session_ended', 'auth_session'],
      ['auth_session_deleted', 'auth_session'],
      ['app_user_changed', 'app_user'],
      ['app_user_deleted', 'app_user'],
      ['auth_session_truncated', 'auth_session'],
      ['app_user_truncated', 'app_user'],
    ]) {
      await db.query(`DROP TRIGGER ${trigger} ON ${table}`);
    }
    await db.query(`DROP FUNCTION notify_auth_change()`);
  }
}
