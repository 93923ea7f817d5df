import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ExpiredRowsSweeper } from '../common/expired-rows-sweeper.js';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

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
  constructor(@InjectDataSource() dataSource: DataSource, @Inject(APP_CONFIG) config: AppConfig, @Inject(ROOT_LOGGER) log: Logger) {
    super(dataSource, log, {
      table: 'auth_session',
      condition: 'expires_at < now() - make_interval(days => $1)',
      parameters: [config.auth.sessionKeepDays],
      description: 'sessions expired more than SESSION_KEEP_DAYS ago',
    });
  }
}
