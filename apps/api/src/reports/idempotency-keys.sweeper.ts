import { Injectable } from '@nestjs/common';
import { type ExpiredRows, ExpiredRowsSweeper } from '../common/expired-rows-sweeper.js';
import type { AppConfig } from '../config/env.js';

/**
 * Deletes the idempotency keys older than IDEMPOTENCY_KEY_DAYS, which submissions already take as
 * unused (ReportsService.submitReport), so the table keeps about that many days of submissions.
 * A key that a submission is claiming afresh right now is locked, so the sweep skips it.
 */
@Injectable()
export class IdempotencyKeysSweeper extends ExpiredRowsSweeper {
  protected expiredRows(config: AppConfig): ExpiredRows {
    return {
      table: 'idempotency_key',
      condition: 'created_at < now() - make_interval(days => $1)',
      parameters: [config.reporting.idempotencyKeyDays],
      description: 'expired idempotency keys',
    };
  }
}
