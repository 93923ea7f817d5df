import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A centre's clubs found by the centre. Only open clubs had an index by centre (the partial unique
 * `club_one_open_per_type`), and a read of "the clubs of these centres" filters by status, which the
 * planner cannot match to it: every centre's clubs were a scan of the whole table. On the national
 * bench database (2,300 clubs) the compiled network read (graphql/compiled-reads/) took 6.1 ms in
 * PostgreSQL without it and 1.7 ms with it, 14 scans for one region; at ten times the clubs, ten times
 * longer. Clubs see few writes, so one more index costs little.
 */
export class ClubCentreIndex1764240000000 implements MigrationInterface {
  name = 'ClubCentreIndex1764240000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX club_centre_idx ON club (centre_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX club_centre_idx`);
  }
}
