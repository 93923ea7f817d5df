import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A named record: at least one of its three names is filled in. */
const HAS_A_NAME = `coalesce(nullif(btrim(name_kk), ''), nullif(btrim(name_ru), ''), nullif(btrim(name_en), '')) IS NOT NULL`;

/** A localised text kept as jsonb: an object whose only keys are kk, ru and en, each a string or null. */
const localisedJson = (column: string) =>
  `(${column} IS NULL OR (jsonb_typeof(${column}) = 'object' AND ${column} - 'kk' - 'ru' - 'en' = '{}'::jsonb))`;

/**
 * What a centre has and does (issue 4): contacts, spaces, equipment, the club catalogue and clubs,
 * programs with their partners and mentors, and program runs. Every rule the code checks with a
 * friendly message is also a constraint here, so no path around the API can break it.
 */
export class CreateNetwork1764150000000 implements MigrationInterface {
  name = 'CreateNetwork1764150000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE centre
        ADD COLUMN phone   text,
        ADD COLUMN email   text,
        ADD COLUMN address jsonb,
        ADD CONSTRAINT centre_email_shape CHECK (email IS NULL OR email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$'),
        ADD CONSTRAINT centre_phone_shape CHECK (phone IS NULL OR phone ~ '^\\+?[0-9 ()-]{5,30}$'),
        ADD CONSTRAINT centre_address_shape CHECK (${localisedJson('address')})
    `);

    await db.query(`
      CREATE TABLE space (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id   uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        kind        text NOT NULL,
        name_kk     text,
        name_ru     text,
        name_en     text,
        capacity    integer NOT NULL,
        closed_on   date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1,
        CONSTRAINT space_kind_known CHECK (kind IN ('COWORKING', 'PODCAST_STUDIO', 'DESIGN_STUDIO', 'LECTURE_HALL', 'PHOTO_STUDIO', 'SOUND_STUDIO', 'OTHER')),
        CONSTRAINT space_has_a_name CHECK (${HAS_A_NAME}),
        CONSTRAINT space_capacity_range CHECK (capacity BETWEEN 1 AND 10000)
      )
    `);
    await db.query(`CREATE INDEX space_centre_idx ON space (centre_id)`);

    await db.query(`
      CREATE TABLE equipment_item (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        centre_id   uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        kind        text NOT NULL,
        name_kk     text,
        name_ru     text,
        name_en     text,
        quantity    integer NOT NULL,
        closed_on   date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1,
        CONSTRAINT equipment_item_kind_known CHECK (kind IN ('LIGHT', 'CAMERA', 'SOUND', 'COMPUTER', 'OTHER')),
        CONSTRAINT equipment_item_has_a_name CHECK (${HAS_A_NAME}),
        CONSTRAINT equipment_item_quantity_range CHECK (quantity BETWEEN 1 AND 10000)
      )
    `);
    await db.query(`CREATE INDEX equipment_item_centre_idx ON equipment_item (centre_id)`);

    await db.query(`
      CREATE TABLE club_type (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code         text NOT NULL,
        name_kk      text,
        name_ru      text,
        name_en      text,
        description  jsonb,
        closed_on    date,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        version      integer NOT NULL DEFAULT 1,
        CONSTRAINT club_type_code_unique UNIQUE (code),
        CONSTRAINT club_type_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        CONSTRAINT club_type_has_a_name CHECK (${HAS_A_NAME}),
        CONSTRAINT club_type_description_shape CHECK (${localisedJson('description')})
      )
    `);

    await db.query(`
      CREATE TABLE club (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        club_type_id  uuid NOT NULL REFERENCES club_type (id) ON DELETE RESTRICT,
        centre_id     uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        leader_name   text,
        schedule      jsonb,
        status        text NOT NULL,
        started_on    date,
        closed_on     date,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        version       integer NOT NULL DEFAULT 1,
        CONSTRAINT club_status_known CHECK (status IN ('PLANNED', 'ACTIVE', 'PAUSED', 'CLOSED')),
        CONSTRAINT club_closed_when_status_closed CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL)),
        CONSTRAINT club_running_has_started CHECK (status NOT IN ('ACTIVE', 'PAUSED') OR started_on IS NOT NULL),
        CONSTRAINT club_closed_after_started CHECK (closed_on IS NULL OR started_on IS NULL OR closed_on >= started_on),
        CONSTRAINT club_leader_not_blank CHECK (leader_name IS NULL OR btrim(leader_name) <> ''),
        CONSTRAINT club_schedule_shape CHECK (${localisedJson('schedule')})
      )
    `);
    // One open club of a type per centre: the rollout counts a type at a centre once.
    await db.query(`CREATE UNIQUE INDEX club_one_open_per_type ON club (centre_id, club_type_id) WHERE closed_on IS NULL`);
    await db.query(`CREATE INDEX club_type_idx ON club (club_type_id)`);

    await db.query(`
      CREATE TABLE program (
        id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code                  text NOT NULL,
        kind                  text NOT NULL,
        name_kk               text,
        name_ru               text,
        name_en               text,
        description           jsonb,
        min_age               integer NOT NULL DEFAULT 14,
        max_age               integer NOT NULL DEFAULT 35,
        age_exception_reason  jsonb,
        min_education         text NOT NULL DEFAULT 'NONE',
        rural_only            boolean NOT NULL DEFAULT false,
        anonymous             boolean NOT NULL DEFAULT false,
        duration_weeks        integer,
        closed_on             date,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now(),
        version               integer NOT NULL DEFAULT 1,
        CONSTRAINT program_code_unique UNIQUE (code),
        CONSTRAINT program_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        CONSTRAINT program_kind_known CHECK (kind IN ('PODCAST', 'TRAINING', 'BUSINESS', 'ANALYTICS', 'RURAL_YOUTH', 'PREVENTION', 'SUPPORT_GROUP', 'OTHER')),
        CONSTRAINT program_has_a_name CHECK (${HAS_A_NAME}),
        CONSTRAINT program_description_shape CHECK (${localisedJson('description')}),
        CONSTRAINT program_age_range CHECK (min_age BETWEEN 0 AND 120 AND max_age BETWEEN min_age AND 120),
        CONSTRAINT program_age_outside_youth_has_reason CHECK (
          (min_age >= 14 AND max_age <= 35) OR age_exception_reason IS NOT NULL
        ),
        CONSTRAINT program_age_exception_reason_shape CHECK (${localisedJson('age_exception_reason')}),
        CONSTRAINT program_min_education_known CHECK (min_education IN ('NONE', 'SECONDARY', 'VOCATIONAL', 'BACHELOR', 'MASTER', 'DOCTORATE')),
        CONSTRAINT program_duration_range CHECK (duration_weeks IS NULL OR duration_weeks BETWEEN 1 AND 520)
      )
    `);

    // Partners and mentors belong to their program and are replaced with it, in its order.
    await db.query(`
      CREATE TABLE program_partner (
        program_id  uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
        position    integer NOT NULL,
        name_kk     text,
        name_ru     text,
        name_en     text,
        PRIMARY KEY (program_id, position),
        CONSTRAINT program_partner_has_a_name CHECK (${HAS_A_NAME})
      )
    `);
    await db.query(`
      CREATE TABLE program_mentor (
        program_id  uuid NOT NULL REFERENCES program (id) ON DELETE CASCADE,
        position    integer NOT NULL,
        full_name   text NOT NULL,
        expertise   jsonb,
        PRIMARY KEY (program_id, position),
        CONSTRAINT program_mentor_name_present CHECK (btrim(full_name) <> ''),
        CONSTRAINT program_mentor_expertise_shape CHECK (${localisedJson('expertise')})
      )
    `);

    await db.query(`
      CREATE TABLE program_run (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        program_id  uuid NOT NULL REFERENCES program (id) ON DELETE RESTRICT,
        centre_id   uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        starts_on   date NOT NULL,
        ends_on     date,
        closed_on   date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1,
        CONSTRAINT program_run_ends_after_start CHECK (ends_on IS NULL OR ends_on >= starts_on)
      )
    `);
    await db.query(`CREATE INDEX program_run_centre_idx ON program_run (centre_id)`);
    await db.query(`CREATE INDEX program_run_program_idx ON program_run (program_id)`);

    await db.query(`COMMENT ON TABLE space IS 'Rooms of a centre young people use: coworking zone, studios, lecture hall.'`);
    await db.query(`COMMENT ON TABLE equipment_item IS 'Equipment a centre lends to young people (light, cameras, sound).'`);
    await db.query(`COMMENT ON TABLE club_type IS 'The regional catalogue of interest clubs (dombra, oratory, singing, ...).'`);
    await db.query(`COMMENT ON TABLE club IS 'A club type running at one centre.'`);
    await db.query(`COMMENT ON TABLE program IS 'Structured, time-bound offers with their own eligibility, partners and mentors.'`);
    await db.query(`COMMENT ON TABLE program_run IS 'A program held at one centre between two dates.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE program_run, program_mentor, program_partner, program, club, club_type, equipment_item, space`);
    await db.query(`ALTER TABLE centre DROP COLUMN phone, DROP COLUMN email, DROP COLUMN address`);
  }
}
