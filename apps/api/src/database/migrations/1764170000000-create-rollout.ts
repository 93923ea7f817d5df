import type { MigrationInterface, QueryRunner } from 'typeorm';

const GATES = `ARRAY['SPACE_READY', 'LEADER_ASSIGNED', 'EQUIPMENT_IN_PLACE', 'FIRST_MEETING_HELD']::text[]`;

/**
 * The rollout of clubs to the districts (issue 6): one item per club type and district centre, and
 * the history of every change to it. The database holds the rules the history relies on: a launched
 * club has every gate met and a launch day; a cancelled or paused item says why.
 */
export class CreateRollout1764170000000 implements MigrationInterface {
  name = 'CreateRollout1764170000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE rollout_item (
        id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        club_type_id      uuid NOT NULL REFERENCES club_type (id) ON DELETE RESTRICT,
        centre_id         uuid NOT NULL REFERENCES centre (id) ON DELETE RESTRICT,
        planned_on        date,
        status            text NOT NULL DEFAULT 'PLANNED',
        gates             text[] NOT NULL DEFAULT '{}',
        launched_on       date,
        responsible_name  text,
        notes             text,
        status_reason     text,
        created_at        timestamptz NOT NULL DEFAULT now(),
        updated_at        timestamptz NOT NULL DEFAULT now(),
        version           integer NOT NULL DEFAULT 1,
        CONSTRAINT rollout_item_one_per_type_and_centre UNIQUE (club_type_id, centre_id),
        CONSTRAINT rollout_item_status_known CHECK (status IN ('PLANNED', 'PREPARING', 'LAUNCHED', 'ACTIVE', 'PAUSED', 'CANCELLED')),
        CONSTRAINT rollout_item_gates_known CHECK (gates <@ ${GATES}),
        CONSTRAINT rollout_item_launched_has_gates CHECK (status NOT IN ('LAUNCHED', 'ACTIVE') OR (launched_on IS NOT NULL AND gates @> ${GATES})),
        CONSTRAINT rollout_item_stopped_has_reason CHECK (status NOT IN ('PAUSED', 'CANCELLED') OR status_reason IS NOT NULL),
        CONSTRAINT rollout_item_texts_not_blank CHECK (
          (responsible_name IS NULL OR btrim(responsible_name) <> '') AND (notes IS NULL OR length(notes) <= 4000)
        )
      )
    `);
    await db.query(`CREATE INDEX rollout_item_centre_idx ON rollout_item (centre_id)`);

    await db.query(`
      CREATE TABLE rollout_change (
        id         bigserial PRIMARY KEY,
        item_id    uuid NOT NULL REFERENCES rollout_item (id) ON DELETE CASCADE,
        changed_at timestamptz NOT NULL DEFAULT now(),
        actor_id   uuid REFERENCES app_user (id) ON DELETE SET NULL,
        action     text NOT NULL,
        field      text NOT NULL,
        before     jsonb,
        after      jsonb,
        reason     text
      )
    `);
    await db.query(`CREATE INDEX rollout_change_item_idx ON rollout_change (item_id, id)`);
    // The launches over time (the plan-vs-actual chart and the forecast's pace) read status changes.
    await db.query(`CREATE INDEX rollout_change_status_idx ON rollout_change (field, changed_at) WHERE field = 'status'`);

    await db.query(`COMMENT ON TABLE rollout_item IS 'One club type to be launched at one district centre: the plan, its gates and where it stands.'`);
    await db.query(`COMMENT ON TABLE rollout_change IS 'Every real change to a rollout item: who, when, which field, from what to what, and why.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE rollout_change, rollout_item`);
  }
}
