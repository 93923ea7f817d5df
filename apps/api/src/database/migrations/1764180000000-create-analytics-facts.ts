import type { MigrationInterface, QueryRunner } from 'typeorm';

const LINE_TABLES = ['activity_report_reach', 'activity_report_club', 'activity_report_program_run'];
const FACT_COLUMNS = 'report_id, centre_id, month, metric, age_band, sex, club_type_id, program_id, value';
const METRICS = [
  'YOUNG_PEOPLE_REACHED', 'EVENTS_HELD', 'CLUB_MEETINGS', 'CLUB_ATTENDANCE', 'PROGRAM_SESSIONS', 'PROGRAM_ATTENDANCE',
  'SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE', 'PREVENTION_RAIDS', 'PREVENTION_SESSIONS', 'PREVENTION_SCREENINGS',
  'ONLINE_SHOPS_FOUND', 'ONLINE_SHOPS_BLOCKED',
];

/**
 * The analysts' read model (issue 7): every figure of every received report as one narrow row,
 * ready to sum by centre, month, age band, sex, club type or program. PostgreSQL keeps it in step
 * with the reports itself, at the commit of the transaction that changed them, so an aggregate
 * never waits for a nightly job and never shows half a report: whatever writes a report (the API,
 * a seed, an import), the figures follow.
 *
 * Counted reports are SUBMITTED or APPROVED. Support groups' lines become their own metrics, so
 * they never hide inside the program totals.
 */
export class CreateAnalyticsFacts1764180000000 implements MigrationInterface {
  name = 'CreateAnalyticsFacts1764180000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics_fact (
        report_id     uuid NOT NULL REFERENCES activity_report (id) ON DELETE CASCADE,
        centre_id     uuid NOT NULL,
        month         date NOT NULL,
        metric        text NOT NULL,
        age_band      text,
        sex           text,
        club_type_id  uuid,
        program_id    uuid,
        value         integer NOT NULL,
        CONSTRAINT analytics_fact_metric_known CHECK (metric IN (${METRICS.map((metric) => `'${metric}'`).join(', ')}))
      )
    `);
    await db.query(`CREATE INDEX analytics_fact_metric_month_idx ON analytics_fact (metric, month)`);
    await db.query(`CREATE INDEX analytics_fact_report_idx ON analytics_fact (report_id)`);
    await db.query(`CREATE TABLE analytics_freshness (id boolean PRIMARY KEY DEFAULT true CHECK (id), changed_at timestamptz NOT NULL DEFAULT now())`);
    await db.query(`INSERT INTO analytics_freshness DEFAULT VALUES`);

    // The facts, as a view: the per-report refresh filters it by report (PostgreSQL pushes the filter
    // into each branch, so it reads one report by its keys), the full rebuild reads it whole.
    await db.query(`
      CREATE VIEW analytics_fact_source AS
        WITH counted AS NOT MATERIALIZED (SELECT r.* FROM activity_report r WHERE r.state IN ('SUBMITTED', 'APPROVED'))
        SELECT r.id AS report_id, r.centre_id, to_date(r.period, 'YYYY-MM') AS month, figure.metric, NULL::text AS age_band, NULL::text AS sex,
          NULL::uuid AS club_type_id, NULL::uuid AS program_id, figure.value
        FROM counted r
        CROSS JOIN LATERAL (VALUES
          ('EVENTS_HELD', r.events_held), ('PREVENTION_RAIDS', r.prevention_raids), ('PREVENTION_SESSIONS', r.prevention_sessions),
          ('PREVENTION_SCREENINGS', r.prevention_screenings), ('ONLINE_SHOPS_FOUND', r.online_shops_found), ('ONLINE_SHOPS_BLOCKED', r.online_shops_blocked)
        ) AS figure (metric, value)
        WHERE figure.value IS NOT NULL
        UNION ALL
        SELECT r.id, r.centre_id, to_date(r.period, 'YYYY-MM'), 'YOUNG_PEOPLE_REACHED', reach.age_band, reach.sex, NULL, NULL, reach.count
        FROM counted r JOIN activity_report_reach reach ON reach.report_id = r.id
        WHERE reach.count IS NOT NULL
        UNION ALL
        SELECT r.id, r.centre_id, to_date(r.period, 'YYYY-MM'), figure.metric, NULL, NULL, club.club_type_id, NULL, figure.value
        FROM counted r JOIN activity_report_club line ON line.report_id = r.id JOIN club ON club.id = line.club_id
        CROSS JOIN LATERAL (VALUES ('CLUB_MEETINGS', line.meetings), ('CLUB_ATTENDANCE', line.attendance)) AS figure (metric, value)
        WHERE figure.value IS NOT NULL
        UNION ALL
        SELECT r.id, r.centre_id, to_date(r.period, 'YYYY-MM'), figure.metric, NULL, NULL, NULL, run.program_id, figure.value
        FROM counted r JOIN activity_report_program_run line ON line.report_id = r.id
        JOIN program_run run ON run.id = line.program_run_id JOIN program ON program.id = run.program_id
        CROSS JOIN LATERAL (VALUES
          (CASE WHEN program.anonymous THEN 'SUPPORT_GROUP_MEETINGS' ELSE 'PROGRAM_SESSIONS' END, line.sessions),
          (CASE WHEN program.anonymous THEN 'SUPPORT_GROUP_ATTENDANCE' ELSE 'PROGRAM_ATTENDANCE' END, line.attendance)
        ) AS figure (metric, value)
        WHERE figure.value IS NOT NULL
    `);
    // Each report once per transaction: a save rewrites all its lines, and every row queues the
    // trigger, but one refresh at commit sees them all. The freshness moves once per transaction,
    // never backwards (a long transaction committing late keeps the newer time).
    await db.query(`
      CREATE FUNCTION analytics_refreshed_table() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        -- The reports refreshed in this transaction; emptied at every commit. Checked first, as
        -- CREATE ... IF NOT EXISTS would send a notice on every call.
        IF to_regclass('pg_temp.analytics_refreshed') IS NULL THEN
          CREATE TEMP TABLE analytics_refreshed (report_id uuid PRIMARY KEY) ON COMMIT DELETE ROWS;
        END IF;
      END
      $$
    `);
    await db.query(`
      CREATE FUNCTION analytics_refresh_reports(report_ids uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        todo uuid[];
        changed integer;
      BEGIN
        PERFORM analytics_refreshed_table();
        WITH fresh AS (
          INSERT INTO analytics_refreshed SELECT DISTINCT unnest(report_ids) ON CONFLICT DO NOTHING RETURNING report_id
        )
        SELECT array_agg(report_id) INTO todo FROM fresh;
        IF todo IS NULL THEN
          RETURN;
        END IF;
        DELETE FROM analytics_fact WHERE report_id = ANY (todo);
        GET DIAGNOSTICS changed = ROW_COUNT;
        INSERT INTO analytics_fact (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM analytics_fact_source WHERE report_id = ANY (todo);
        IF changed > 0 OR FOUND THEN
          PERFORM analytics_data_changed();
        END IF;
      END
      $$
    `);
    await db.query(`
      CREATE FUNCTION analytics_data_changed() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_refreshed_table();
        -- The nil id marks "freshness already moved in this transaction".
        INSERT INTO analytics_refreshed VALUES ('00000000-0000-0000-0000-000000000000') ON CONFLICT DO NOTHING;
        IF FOUND THEN
          UPDATE analytics_freshness SET changed_at = greatest(changed_at, clock_timestamp());
        END IF;
      END
      $$
    `);
    await db.query(`
      CREATE FUNCTION analytics_rebuild_facts() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE analytics_fact;
        INSERT INTO analytics_fact (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM analytics_fact_source;
        UPDATE analytics_freshness SET changed_at = greatest(changed_at, clock_timestamp());
        ANALYZE analytics_fact;
      END
      $$
    `);

    // Deferred to the commit: by then a report and all its lines are written, whatever the order.
    await db.query(`
      CREATE FUNCTION analytics_line_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM analytics_refresh_reports(ARRAY[CASE WHEN TG_OP = 'DELETE' THEN OLD.report_id ELSE NEW.report_id END]);
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE FUNCTION analytics_report_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          -- Its facts went with it (ON DELETE CASCADE); a counted report leaving changes the figures.
          IF OLD.state IN ('SUBMITTED', 'APPROVED') THEN
            PERFORM analytics_data_changed();
          END IF;
        ELSE
          PERFORM analytics_refresh_reports(ARRAY[NEW.id]);
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER analytics_report AFTER INSERT OR UPDATE OR DELETE ON activity_report
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_report_changed()
    `);
    for (const table of LINE_TABLES) {
      await db.query(`
        CREATE CONSTRAINT TRIGGER ${table}_analytics AFTER INSERT OR UPDATE OR DELETE ON ${table}
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_line_changed()
      `);
    }
    // A program that becomes (or stops being) a support group moves its figures between metrics.
    await db.query(`
      CREATE FUNCTION analytics_program_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.anonymous IS DISTINCT FROM NEW.anonymous THEN
          PERFORM analytics_refresh_reports(array_agg(DISTINCT line.report_id))
          FROM activity_report_program_run line JOIN program_run run ON run.id = line.program_run_id
          WHERE run.program_id = NEW.id;
        END IF;
        RETURN NULL;
      END
      $$
    `);
    await db.query(`
      CREATE CONSTRAINT TRIGGER analytics_program_anonymity AFTER UPDATE OF anonymous ON program
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION analytics_program_changed()
    `);
    await db.query(`SELECT analytics_rebuild_facts()`);

    await db.query(`COMMENT ON TABLE analytics_fact IS 'The analysts'' read model: each figure of each SUBMITTED or APPROVED report, kept in step by triggers.'`);
    await db.query(`COMMENT ON TABLE analytics_freshness IS 'When the read model last changed.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER analytics_program_anonymity ON program`);
    await db.query(`DROP TRIGGER analytics_report ON activity_report`);
    for (const table of LINE_TABLES) await db.query(`DROP TRIGGER ${table}_analytics ON ${table}`);
    await db.query(`DROP VIEW analytics_fact_source`);
    await db.query(`DROP TABLE analytics_fact, analytics_freshness`);
    await db.query(`
      DROP FUNCTION analytics_program_changed(), analytics_report_changed(), analytics_line_changed(),
        analytics_rebuild_facts(), analytics_refresh_reports(uuid[]), analytics_data_changed(), analytics_refreshed_table()
    `);
  }
}
