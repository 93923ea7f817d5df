import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sign-in sessions and the audit trail (issue 3). */
export class CreateUsersSessionsAudit1764140000000 implements MigrationInterface {
  name = 'CreateUsersSessionsAudit1764140000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE app_user (
        id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email               text NOT NULL,
        display_name        text NOT NULL,
        role                text NOT NULL,
        centre_id           uuid REFERENCES centre (id) ON DELETE RESTRICT,
        active              boolean NOT NULL DEFAULT true,
        preferred_language  text NOT NULL DEFAULT 'ru',
        password_hash       text NOT NULL,
        last_sign_in_at     timestamptz,
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer NOT NULL DEFAULT 1,
        CONSTRAINT app_user_email_unique UNIQUE (email),
        CONSTRAINT app_user_email_normalised CHECK (email = lower(btrim(email)) AND email LIKE '%_@_%'),
        CONSTRAINT app_user_display_name_present CHECK (btrim(display_name) <> ''),
        CONSTRAINT app_user_role_known CHECK (role IN ('REGIONAL_ADMIN', 'DISTRICT_COORDINATOR', 'ANALYST')),
        CONSTRAINT app_user_coordinator_has_centre CHECK ((role = 'DISTRICT_COORDINATOR') = (centre_id IS NOT NULL)),
        CONSTRAINT app_user_language_known CHECK (preferred_language IN ('kk', 'ru', 'en'))
      )
    `);
    await db.query(`CREATE INDEX app_user_centre_idx ON app_user (centre_id)`);

    await db.query(`
      CREATE TABLE auth_session (
        id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id         uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        token_hash      text NOT NULL,
        previous_token_hash text,
        rotated_at      timestamptz,
        created_at      timestamptz NOT NULL DEFAULT now(),
        last_used_at    timestamptz NOT NULL DEFAULT now(),
        expires_at      timestamptz NOT NULL,
        revoked_at      timestamptz,
        revoked_reason  text,
        CONSTRAINT auth_session_revocation_explained CHECK ((revoked_at IS NULL) = (revoked_reason IS NULL))
      )
    `);
    await db.query(`CREATE INDEX auth_session_user_idx ON auth_session (user_id) WHERE revoked_at IS NULL`);

    await db.query(`
      CREATE TABLE audit_entry (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurred_at   timestamptz NOT NULL DEFAULT now(),
        actor_id      uuid REFERENCES app_user (id) ON DELETE RESTRICT,
        action        text NOT NULL,
        entity_type   text NOT NULL,
        entity_id     uuid,
        centre_id     uuid REFERENCES centre (id) ON DELETE RESTRICT,
        changes       jsonb NOT NULL DEFAULT '[]',
        request_id    text,
        CONSTRAINT audit_entry_changes_is_list CHECK (jsonb_typeof(changes) = 'array')
      )
    `);
    await db.query(`CREATE INDEX audit_entry_time_idx ON audit_entry (occurred_at DESC, id DESC)`);
    await db.query(`CREATE INDEX audit_entry_actor_idx ON audit_entry (actor_id, occurred_at DESC)`);
    await db.query(`CREATE INDEX audit_entry_entity_idx ON audit_entry (entity_type, entity_id)`);
    await db.query(`CREATE INDEX audit_entry_centre_idx ON audit_entry (centre_id, occurred_at DESC)`);
    // The trail is append-only: what happened stays as it was recorded.
    await db.query(`
      CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit entries cannot be changed or deleted' USING ERRCODE = 'insufficient_privilege';
      END $$
    `);
    await db.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only()
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_is_append_only`);
    await db.query(`DROP TABLE auth_session`);
    await db.query(`DROP TABLE app_user`);
  }
}
