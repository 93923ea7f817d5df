import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A localised jsonb text has a non-blank string in at least one language. Wrapped in coalesce: a
 * CHECK whose expression is NULL passes, and a missing language makes its part NULL.
 */
const hasText = (column: string) =>
  `coalesce(${['kk', 'ru', 'en']
    .map((lang) => `(jsonb_typeof(${column} -> '${lang}') = 'string' AND ${column} ->> '${lang}' ~ '[^[:space:]]')`)
    .join(' OR ')}, false)`;

/** Serialises moves in the centre tree: two crossing moves (A under B, B under A) cannot each miss the other's loop. */
const CENTRE_TREE_LOCK_KEY = 727_100;

/**
 * The network's rules that the services already check with friendly messages (issue 4), made
 * unbreakable in the database as well (conventions.md, habit 7): the root and only the root is the
 * REGIONAL centre; an age exception's reason says something; the centre tree has no loops; clubs
 * and program runs are open only at open centres and never start before their centre opened; an
 * open centre sits under an open one.
 *
 * The rules that compare rows are constraint triggers. Each takes a share lock on the centre it
 * reads, and a centre's own change holds that row's update lock, so a change racing another (a
 * club started while its centre closes) waits for it and then sees it. Refusals are check_violation
 * (23514), which the API reports as BAD_USER_INPUT; the services refuse the same inputs earlier with a
 * message per field. Bulk loads with session_replication_role = replica skip the triggers, not the CHECKs.
 */
export class NetworkIntegrity1764190000000 implements MigrationInterface {
  name = 'NetworkIntegrity1764190000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE centre ADD CONSTRAINT centre_root_is_regional CHECK ((parent_id IS NULL) = (kind = 'REGIONAL'))`);

    await db.query(`
      ALTER TABLE program
        DROP CONSTRAINT program_age_outside_youth_has_reason,
        ADD CONSTRAINT program_age_outside_youth_has_reason CHECK ((min_age >= 14 AND max_age <= 35) OR ${hasText('age_exception_reason')}),
        ADD CONSTRAINT program_age_exception_reason_not_blank CHECK (age_exception_reason IS NULL OR ${hasText('age_exception_reason')})
    `);

    await db.query(`
      CREATE FUNCTION centre_refuse_loop() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.parent_id IS NULL OR (TG_OP = 'UPDATE' AND NEW.parent_id IS NOT DISTINCT FROM OLD.parent_id) THEN
          RETURN NULL;
        END IF;
        PERFORM pg_advisory_xact_lock(${CENTRE_TREE_LOCK_KEY});
        -- UNION, not UNION ALL: should a loop exist already, the walk still ends.
        IF EXISTS (
          WITH RECURSIVE ancestor (id, parent_id) AS (
            SELECT id, parent_id FROM centre WHERE id = NEW.parent_id
            UNION
            SELECT above.id, above.parent_id FROM centre above JOIN ancestor ON above.id = ancestor.parent_id
          )
          SELECT 1 FROM ancestor WHERE id = NEW.id
        ) THEN
          RAISE EXCEPTION 'centre % would sit below itself', NEW.code
            USING ERRCODE = 'check_violation', CONSTRAINT = 'centre_tree_has_no_loop', TABLE = 'centre';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER centre_tree_has_no_loop AFTER INSERT OR UPDATE OF parent_id ON centre
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION centre_refuse_loop()
    `);

    await db.query(`
      CREATE FUNCTION centre_check_open_and_dates() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        parent_closed_on date;
      BEGIN
        IF NEW.closed_on IS NULL AND NEW.parent_id IS NOT NULL
           AND (TG_OP = 'INSERT' OR OLD.closed_on IS NOT NULL OR NEW.parent_id IS DISTINCT FROM OLD.parent_id) THEN
          SELECT closed_on INTO parent_closed_on FROM centre WHERE id = NEW.parent_id FOR SHARE;
          IF parent_closed_on IS NOT NULL THEN
            RAISE EXCEPTION 'centre % is open but the centre above it closed on %', NEW.code, parent_closed_on
              USING ERRCODE = 'check_violation', CONSTRAINT = 'centre_open_under_open_parent', TABLE = 'centre';
          END IF;
        END IF;
        IF TG_OP = 'INSERT' THEN
          RETURN NULL;
        END IF;

        IF NEW.closed_on IS NOT NULL AND NEW.closed_on IS DISTINCT FROM OLD.closed_on THEN
          -- As closeCentre counts what still runs: a run that ended by the closing day may stay.
          IF EXISTS (SELECT 1 FROM centre WHERE parent_id = NEW.id AND closed_on IS NULL) THEN
            RAISE EXCEPTION 'centre % cannot close while a centre below it is open', NEW.code
              USING ERRCODE = 'check_violation', CONSTRAINT = 'centre_open_under_open_parent', TABLE = 'centre';
          END IF;
          IF EXISTS (SELECT 1 FROM club WHERE centre_id = NEW.id AND closed_on IS NULL) THEN
            RAISE EXCEPTION 'centre % cannot close while a club there is open', NEW.code
              USING ERRCODE = 'check_violation', CONSTRAINT = 'club_open_at_open_centre', TABLE = 'centre';
          END IF;
          IF EXISTS (SELECT 1 FROM program_run WHERE centre_id = NEW.id AND closed_on IS NULL AND (ends_on IS NULL OR ends_on > NEW.closed_on)) THEN
            RAISE EXCEPTION 'centre % cannot close while a program run there goes on', NEW.code
              USING ERRCODE = 'check_violation', CONSTRAINT = 'program_run_open_at_open_centre', TABLE = 'centre';
          END IF;
        END IF;

        IF NEW.opened_on IS NOT NULL AND NEW.opened_on IS DISTINCT FROM OLD.opened_on THEN
          IF EXISTS (SELECT 1 FROM club WHERE centre_id = NEW.id AND started_on < NEW.opened_on) THEN
            RAISE EXCEPTION 'centre % cannot open after its first club met', NEW.code
              USING ERRCODE = 'check_violation', CONSTRAINT = 'club_starts_after_centre_opened', TABLE = 'centre';
          END IF;
          IF EXISTS (SELECT 1 FROM program_run WHERE centre_id = NEW.id AND starts_on < NEW.opened_on) THEN
            RAISE EXCEPTION 'centre % cannot open after its first program run began', NEW.code
              USING ERRCODE = 'check_violation', CONSTRAINT = 'program_run_starts_after_centre_opened', TABLE = 'centre';
          END IF;
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER centre_open_and_dates AFTER INSERT OR UPDATE OF parent_id, closed_on, opened_on ON centre
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION centre_check_open_and_dates()
    `);

    await db.query(`
      CREATE FUNCTION club_check_centre() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        centre_row record;
      BEGIN
        -- No row: the foreign key refuses it.
        SELECT opened_on, closed_on INTO centre_row FROM centre WHERE id = NEW.centre_id FOR SHARE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        IF NEW.closed_on IS NULL AND centre_row.closed_on IS NOT NULL THEN
          RAISE EXCEPTION 'a club cannot be open at a centre that closed on %', centre_row.closed_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'club_open_at_open_centre', TABLE = 'club';
        END IF;
        IF NEW.started_on < centre_row.opened_on THEN
          RAISE EXCEPTION 'a club cannot start (%) before its centre opened (%)', NEW.started_on, centre_row.opened_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'club_starts_after_centre_opened', TABLE = 'club';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER club_at_open_centre AFTER INSERT OR UPDATE OF centre_id, started_on, closed_on ON club
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION club_check_centre()
    `);

    await db.query(`
      CREATE FUNCTION program_run_check_centre() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        centre_row record;
      BEGIN
        SELECT opened_on, closed_on INTO centre_row FROM centre WHERE id = NEW.centre_id FOR SHARE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        -- A run that was cancelled, or ended by the day its centre closed, may stay on the closed centre's record.
        IF centre_row.closed_on IS NOT NULL AND NEW.closed_on IS NULL AND (NEW.ends_on IS NULL OR NEW.ends_on > centre_row.closed_on) THEN
          RAISE EXCEPTION 'a program run cannot go on at a centre that closed on %', centre_row.closed_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'program_run_open_at_open_centre', TABLE = 'program_run';
        END IF;
        IF NEW.starts_on < centre_row.opened_on THEN
          RAISE EXCEPTION 'a program run cannot start (%) before its centre opened (%)', NEW.starts_on, centre_row.opened_on
            USING ERRCODE = 'check_violation', CONSTRAINT = 'program_run_starts_after_centre_opened', TABLE = 'program_run';
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER program_run_at_open_centre AFTER INSERT OR UPDATE OF centre_id, starts_on, ends_on, closed_on ON program_run
      DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION program_run_check_centre()
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER program_run_at_open_centre ON program_run`);
    await db.query(`DROP TRIGGER club_at_open_centre ON club`);
    await db.query(`DROP TRIGGER centre_open_and_dates ON centre`);
    await db.query(`DROP TRIGGER centre_tree_has_no_loop ON centre`);
    await db.query(`DROP FUNCTION program_run_check_centre(), club_check_centre(), centre_check_open_and_dates(), centre_refuse_loop()`);
    await db.query(`
      ALTER TABLE program
        DROP CONSTRAINT program_age_exception_reason_not_blank,
        DROP CONSTRAINT program_age_outside_youth_has_reason,
        ADD CONSTRAINT program_age_outside_youth_has_reason CHECK ((min_age >= 14 AND max_age <= 35) OR age_exception_reason IS NOT NULL)
    `);
    await db.query(`ALTER TABLE centre DROP CONSTRAINT centre_root_is_regional`);
  }
}
