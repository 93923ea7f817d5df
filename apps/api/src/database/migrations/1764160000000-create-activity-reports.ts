import type { MigrationInterface, QueryRunner } from 'typeorm';

const FIGURE = (column: string) => `${column} IS NULL OR ${column} BETWEEN 0 AND 1000000`;

/**
 * Activity reports (issue 5): one per centre and period, with the young people reached by age band
 * and sex, a line per club and program run, and the prevention office's figures. A draft may have
 * empty figures; a submitted or approved one is complete, which the database holds it to as well.
 */
export class CreateActivityReports1764160000000 implements MigrationInterface {
  name = 'CreateActivityReports1764160000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE activity_report (
        id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id              uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        period_type            text NOT NULL,
        period                 text NOT NULL,
        state                  text NOT NULL DEFAULT 'DRAFT',
        events_held            integer,
        reached_total          integer,
        prevention_raids       integer,
        prevention_sessions    integer,
        prevention_screenings  integer,
        online_shops_found     integer,
        online_shops_blocked   integer,
        highlights             text,
        warnings               jsonb NOT NULL DEFAULT '[]',
        first_submitted_at     timestamptz,
        submitted_at           timestamptz,
        submitted_by           uuid REFERENCES app_user (id) ON DELETE SET NULL,
        reviewed_at            timestamptz,
        reviewed_by            uuid REFERENCES app_user (id) ON DELETE SET NULL,
        review_comment         text,
        created_by             uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at             timestamptz NOT NULL DEFAULT now(),
        updated_at             timestamptz NOT NULL DEFAULT now(),
        version                integer NOT NULL DEFAULT 1,
        CONSTRAINT activity_report_one_per_centre_and_period UNIQUE (centre_id, period_type, period),
        CONSTRAINT activity_report_period_type_known CHECK (period_type IN ('MONTHLY', 'QUARTERLY')),
        CONSTRAINT activity_report_period_format CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        CONSTRAINT activity_report_state_known CHECK (state IN ('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED')),
        CONSTRAINT activity_report_figures_range CHECK (
          (${FIGURE('events_held')}) AND (${FIGURE('reached_total')}) AND (${FIGURE('prevention_raids')}) AND
          (${FIGURE('prevention_sessions')}) AND (${FIGURE('prevention_screenings')}) AND
          (${FIGURE('online_shops_found')}) AND (${FIGURE('online_shops_blocked')})
        ),
        CONSTRAINT activity_report_submitted_is_complete CHECK (
          state NOT IN ('SUBMITTED', 'APPROVED') OR (
            events_held IS NOT NULL AND reached_total IS NOT NULL AND prevention_raids IS NOT NULL AND
            prevention_sessions IS NOT NULL AND prevention_screenings IS NOT NULL AND
            online_shops_found IS NOT NULL AND online_shops_blocked IS NOT NULL
          )
        ),
        CONSTRAINT activity_report_blocked_not_above_found CHECK (online_shops_blocked <= online_shops_found),
        CONSTRAINT activity_report_received_when_past_draft CHECK (state = 'DRAFT' OR first_submitted_at IS NOT NULL),
        CONSTRAINT activity_report_highlights_length CHECK (highlights IS NULL OR length(highlights) <= 4000),
        CONSTRAINT activity_report_warnings_list CHECK (jsonb_typeof(warnings) = 'array')
      )
    `);
    // The review queue and the completeness grid read by state and by period.
    await db.query(`CREATE INDEX activity_report_state_idx ON activity_report (state, submitted_at)`);
    await db.query(`CREATE INDEX activity_report_period_idx ON activity_report (period_type, period)`);

    await db.query(`
      CREATE TABLE activity_report_reach (
        report_id  uuid NOT NULL REFERENCES activity_report (id) ON DELETE CASCADE,
        age_band   text NOT NULL,
        sex        text NOT NULL,
        count      integer,
        PRIMARY KEY (report_id, age_band, sex),
        CONSTRAINT activity_report_reach_band_known CHECK (age_band IN ('AGE_14_17', 'AGE_18_24', 'AGE_25_35')),
        CONSTRAINT activity_report_reach_sex_known CHECK (sex IN ('FEMALE', 'MALE')),
        CONSTRAINT activity_report_reach_range CHECK (${FIGURE('count')})
      )
    `);
    await db.query(`
      CREATE TABLE activity_report_club (
        report_id   uuid NOT NULL REFERENCES activity_report (id) ON DELETE CASCADE,
        club_id     uuid NOT NULL REFERENCES club (id) ON DELETE RESTRICT,
        meetings    integer,
        attendance  integer,
        PRIMARY KEY (report_id, club_id),
        CONSTRAINT activity_report_club_range CHECK ((${FIGURE('meetings')}) AND (${FIGURE('attendance')})),
        CONSTRAINT activity_report_club_no_attendance_without_meetings CHECK (meetings <> 0 OR attendance = 0)
      )
    `);
    await db.query(`CREATE INDEX activity_report_club_club_idx ON activity_report_club (club_id)`);
    await db.query(`
      CREATE TABLE activity_report_program_run (
        report_id       uuid NOT NULL REFERENCES activity_report (id) ON DELETE CASCADE,
        program_run_id  uuid NOT NULL REFERENCES program_run (id) ON DELETE RESTRICT,
        sessions        integer,
        attendance      integer,
        PRIMARY KEY (report_id, program_run_id),
        CONSTRAINT activity_report_program_run_range CHECK ((${FIGURE('sessions')}) AND (${FIGURE('attendance')})),
        CONSTRAINT activity_report_program_run_no_attendance_without_sessions CHECK (sessions <> 0 OR attendance = 0)
      )
    `);
    await db.query(`CREATE INDEX activity_report_program_run_run_idx ON activity_report_program_run (program_run_id)`);

    // A retried submission finds its first answer here instead of acting twice.
    await db.query(`
      CREATE TABLE idempotency_key (
        user_id       uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
        key           text NOT NULL,
        operation     text NOT NULL,
        request_hash  text NOT NULL,
        record_id     uuid NOT NULL,
        record_version integer NOT NULL DEFAULT 0,
        created_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )
    `);

    await db.query(`COMMENT ON TABLE activity_report IS 'A centre''s activity in one reporting period, and where it stands in review.'`);
    await db.query(`COMMENT ON TABLE activity_report_reach IS 'Young people a report says were reached, by age band and sex.'`);
    await db.query(`COMMENT ON TABLE activity_report_club IS 'Meetings and attendance of one club in a report''s period.'`);
    await db.query(`COMMENT ON TABLE activity_report_program_run IS 'Sessions and attendance of one program run in a report''s period.'`);
    await db.query(`COMMENT ON TABLE idempotency_key IS 'Keys of submissions already answered, so a retry returns the first answer.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE idempotency_key, activity_report_program_run, activity_report_club, activity_report_reach, activity_report`);
  }
}
