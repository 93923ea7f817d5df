import { Inject, Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** Keys deleted per statement: each batch holds its locks briefly, and no transaction stays open long. */
const SWEEP_BATCH = 1000;

/**
 * Deletes the idempotency keys older than IDEMPOTENCY_KEY_DAYS, which submissions already take as
 * unused (ReportsService.submitReport), so the table keeps about that many days of submissions.
 *
 * Every API process sweeps once an hour. Each batch locks the keys it deletes and skips those locked
 * elsewhere: several processes sweeping at once share the work instead of queueing, and a key that a
 * submission is claiming afresh right now is neither waited for nor deleted.
 */
@Injectable()
export class IdempotencyKeysSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    // Unref'd: the timer alone never keeps the process alive.
    this.timer = setInterval(() => {
      this.running ??= this.sweep()
        .then((deleted) => void this.log.debug({ deleted }, 'Deleted expired idempotency keys'))
        .catch((error: unknown) => void this.log.warn({ err: error }, 'Could not delete expired idempotency keys; trying again in an hour'))
        .finally(() => (this.running = undefined));
    }, SWEEP_INTERVAL_MS).unref();
  }

  /** Nest closes the connection pool after this hook (TypeORM's onApplicationShutdown): a sweep under way ends first. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes every expired key, a batch per statement, until none is left or the app stops; returns how many. */
  async sweep(): Promise<number> {
    let deleted = 0;
    while (!this.stopping) {
      // By row address (it holds while the batch's rows are locked): one lookup per row, with no
      // second search of the primary key.
      const [, count] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM idempotency_key WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM idempotency_key WHERE created_at < now() - make_interval(days => $1)
           LIMIT $2 FOR UPDATE SKIP LOCKED
         ))`,
        [this.config.reporting.idempotencyKeyDays, SWEEP_BATCH],
      );
      deleted += count;
      if (count < SWEEP_BATCH) break;
    }
    return deleted;
  }
}
