import { Injectable } from '@nestjs/common';
import { type ExpiredRows, ExpiredRowsSweeper } from '../common/expired-rows-sweeper.js';
import type { AppConfig } from '../config/env.js';

/** The audit actions of sign-in activity, recorded by AuthService; the only entries the trail lets go (migration 1764230000000). */
export const SIGN_IN_ACTIVITY = ['LOGIN', 'REFRESH_SESSION', 'LOGOUT'] as const;

/**
 * Deletes the audit trail's sign-in activity older than AUDIT_SIGN_IN_KEEP_DAYS: a renewal every
 * quarter of an hour of use would otherwise make it most of the trail, growing by millions a year.
 * Everything else in the trail is kept for good.
 */
@Injectable()
export class SignInAuditSweeper extends ExpiredRowsSweeper {
  protected expiredRows(config: AppConfig): ExpiredRows {
    return {
      table: 'audit_entry',
      condition: `action IN (${SIGN_IN_ACTIVITY.map((action) => `'${action}'`).join(', ')}) AND occurred_at < now() - make_interval(days => $1)`,
      parameters: [config.auth.signInAuditKeepDays],
      // Oldest first, along the partial index of sign-in entries (migration 1764230000000).
      order: 'occurred_at',
      description: 'sign-in audit entries older than AUDIT_SIGN_IN_KEEP_DAYS',
    };
  }
}
