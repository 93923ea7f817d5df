import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idempotency keys expire after IDEMPOTENCY_KEY_DAYS (reports.service.ts), and every hour each API
 * process deletes the expired ones in batches (idempotency-keys.sweeper.ts). The sweep finds them by
 * created_at; without this index every batch would read the whole table for a few old keys.
 */
export class ExpireIdempotencyKeys1764200000000 implements MigrationInterface {
  name = 'ExpireIdempotencyKeys1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX idempotency_key_created_at_idx ON idempotency_key (created_at)`);
    await db.query(`COMMENT ON TABLE idempotency_key IS 'Keys of submissions answered in the last IDEMPOTENCY_KEY_DAYS days, so a retry returns the first answer; older ones are deleted.'`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`COMMENT ON TABLE idempotency_key IS 'Keys of submissions already answered, so a retry returns the first answer.'`);
    await db.query(`DROP INDEX idempotency_key_created_at_idx`);
  }
}
