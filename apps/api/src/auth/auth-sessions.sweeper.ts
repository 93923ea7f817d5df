import { Injectable } from '@nestjs/common';
import { type ExpiredRows, ExpiredRowsSweeper } from '../common/expired-rows-sweeper.js';
import type { AppConfig } from '../config/env.js';

/**
 * Deletes the sessions that expired more than SESSION_KEEP_DAYS ago, revoked ones included, so
 * the table keeps about SESSION_TTL_DAYS + SESSION_KEEP_DAYS days of sign-ins.
 *
 * A session's row does its work while the session lives: its previous_token_hash is how a refresh
 * tells a replaced, so copied, cookie presented again and revokes the session (AuthService.refresh).
 * Once the session has expired, a refresh and every request's session check refuse it before reading
 * anything else, just as they refuse a session with no row, so deleting the row changes no answer.
 * The window is for people: the row tells when and why a session ended ("refresh token reused" is a
 * stolen cookie caught), and the audit trail's sign-in, refresh and sign-out entries name it.
 */
@Injectable()
export class AuthSessionsSweeper extends ExpiredRowsSweeper {
  protected expiredRows(config: AppConfig): ExpiredRows {
    return {
      table: 'auth_session',
      condition: 'expires_at < now() - make_interval(days => $1)',
      parameters: [config.auth.sessionKeepDays],
      description: 'sessions expired more than SESSION_KEEP_DAYS ago',
    };
  }
}
