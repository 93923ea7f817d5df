import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ExpiredRowsSweeper } from '../common/expired-rows-sweeper.js';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

/**
 * Deletes the idempotency keys older than IDEMPOTENCY_KEY_DAYS, which submissions already take as
 * unused (ReportsService.submitReport), so the table keeps about that many days of submissions.
 * A key that a submission is claiming afresh right now is locked, so the sweep skips it.
 */
@Injectable()
export class IdempotencyKeysSweeper extends ExpiredRowsSweeper {
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig, @Inject(ROOT_LOGGER) log: Logger) {
    super(dataSource, log, {
      table: 'idempotency_key',
      condition: 'created_at < now() - make_interval(days => $1)',
      parameters: [config.reporting.idempotencyKeyDays],
      description: 'expired idempotency keys',
    });
  }
}
