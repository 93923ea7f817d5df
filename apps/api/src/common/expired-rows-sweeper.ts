import { Inject, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { ROOT_LOGGER } from './logging.js';

const SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/**
 * The first sweep comes at a random moment 10 to 20 minutes after start: a process restarted more
 * often than hourly (deploys, scaling) still sweeps, processes started together do not all sweep at
 * once, and no test app lives long enough to see a sweep it did not ask for.
 */
const FIRST_SWEEP_MIN_MS = 10 * 60 * 1000;
const FIRST_SWEEP_SPREAD_MS = 10 * 60 * 1000;
/** Rows deleted per statement: each batch holds its locks briefly, and no transaction stays open long. */
const SWEEP_BATCH = 1000;

/** Which rows of which table a sweeper deletes. */
export interface ExpiredRows {
  /** The table, named by the code itself: it goes into the SQL as written, so never from input. */
  table: string;
  /** The SQL condition of a row to delete, with `$1`, `$2`, … for `parameters`. */
  condition: string;
  parameters: unknown[];
  /**
   * The order a batch takes the rows in (SQL), when an index in that order finds them: without it,
   * PostgreSQL may read a large table from the start for each batch's few rows.
   */
  order?: string;
  /** What the rows are, for the logs ("expired idempotency keys"). */
  description: string;
}

/**
 * Deletes a table's expired rows, so it does not grow by a row per use forever.
 *
 * Every API process sweeps once an hour, the first time soon after it starts. Each batch locks the
 * rows it deletes and skips those locked elsewhere: several processes sweeping at once share the work
 * instead of queueing, and a row that a request holds right now is neither waited for nor deleted (the
 * next sweep takes it if still expired).
 * A feature's sweeper extends this, says which rows (`expiredRows`), and is a provider of its module;
 * Nest gives it this constructor's dependencies.
 */
export abstract class ExpiredRowsSweeper implements OnApplicationBootstrap, OnModuleDestroy {
  private firstTimer: NodeJS.Timeout | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;

  private readonly rows: ExpiredRows;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly log: Logger,
  ) {
    this.rows = this.expiredRows(config);
  }

  /** The table and the condition of the rows to delete, with the settings they depend on. */
  protected abstract expiredRows(config: AppConfig): ExpiredRows;

  onApplicationBootstrap(): void {
    const sweepNow = () => {
      this.running ??= this.sweep()
        .then((deleted) => void this.log.debug({ deleted }, `Deleted ${this.rows.description}`))
        .catch((error: unknown) => void this.log.warn({ err: error }, `Could not delete ${this.rows.description}; trying again in an hour`))
        .finally(() => (this.running = undefined));
    };
    // Unref'd: the timers alone never keep the process alive.
    this.firstTimer = setTimeout(() => {
      sweepNow();
      this.timer = setInterval(sweepNow, SWEEP_INTERVAL_MS).unref();
    }, FIRST_SWEEP_MIN_MS + Math.random() * FIRST_SWEEP_SPREAD_MS).unref();
  }

  /** Nest closes the connection pool after this hook (TypeORM's onApplicationShutdown): a sweep under way ends first. */
  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.firstTimer);
    clearInterval(this.timer);
    await this.running;
  }

  /** Deletes every expired row, a batch per statement, until none is left or the app stops; returns how many. */
  async sweep(): Promise<number> {
    const { table, condition, parameters, order } = this.rows;
    let deleted = 0;
    while (!this.stopping) {
      // By row address (it holds while the batch's rows are locked): one lookup per row, with no
      // second search of the primary key.
      const [, count] = await this.dataSource.query<[unknown[], number]>(
        `DELETE FROM ${table} WHERE ctid = ANY(ARRAY(
           SELECT ctid FROM ${table} WHERE ${condition}${order ? ` ORDER BY ${order}` : ''}
           LIMIT $${parameters.length + 1} FOR UPDATE SKIP LOCKED
         ))`,
        [...parameters, SWEEP_BATCH],
      );
      deleted += count;
      if (count < SWEEP_BATCH) break;
    }
    return deleted;
  }
}
