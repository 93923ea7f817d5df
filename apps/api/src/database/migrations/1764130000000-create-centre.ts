import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The network of centres: a tree whose root is the regional MRC. */
export class CreateCentre1764130000000 implements MigrationInterface {
  name = 'CreateCentre1764130000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE centre (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code        text NOT NULL,
        kind        text NOT NULL,
        parent_id   uuid REFERENCES centre (id) ON DELETE RESTRICT,
        name_kk     text,
        name_ru     text,
        name_en     text,
        town_kk     text,
        town_ru     text,
        town_en     text,
        latitude    double precision,
        longitude   double precision,
        opened_on   date,
        closed_on   date,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer NOT NULL DEFAULT 1,
        CONSTRAINT centre_code_unique UNIQUE (code),
        CONSTRAINT centre_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
        CONSTRAINT centre_kind_known CHECK (kind IN ('REGIONAL', 'CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT')),
        CONSTRAINT centre_not_own_parent CHECK (parent_id <> id),
        CONSTRAINT centre_has_a_name CHECK (
          coalesce(nullif(btrim(name_kk), ''), nullif(btrim(name_ru), ''), nullif(btrim(name_en), '')) IS NOT NULL
        ),
        CONSTRAINT centre_latitude_range CHECK (latitude BETWEEN -90 AND 90),
        CONSTRAINT centre_longitude_range CHECK (longitude BETWEEN -180 AND 180),
        CONSTRAINT centre_coordinates_paired CHECK ((latitude IS NULL) = (longitude IS NULL)),
        CONSTRAINT centre_closed_after_opened CHECK (closed_on IS NULL OR opened_on IS NULL OR closed_on >= opened_on)
      )
    `);
    await db.query(`CREATE INDEX centre_parent_idx ON centre (parent_id)`);
    // One tree, one root: a second parentless centre would split the network in two.
    await db.query(`CREATE UNIQUE INDEX centre_single_root ON centre ((true)) WHERE parent_id IS NULL`);
    await db.query(`COMMENT ON TABLE centre IS 'Youth resource centres as a tree: the regional MRC is the root.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE centre`);
  }
}
