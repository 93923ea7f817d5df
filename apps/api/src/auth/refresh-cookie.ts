import { parse } from 'cookie';
import type { Request, Response } from 'express';
import type { AppConfig } from '../config/env.js';

/** The refresh token's cookie: httpOnly (no script reads it), SameSite=Strict, sent only to /graphql. */
export const REFRESH_COOKIE = 'mrc_refresh';
const COOKIE_PATH = '/graphql';

export function readRefreshCookie(req: Request): string | undefined {
  return parse(req.headers.cookie ?? '')[REFRESH_COOKIE];
}

export function setRefreshCookie(req: Request, res: Response, config: AppConfig, value: string, expiresAt: Date): void {
  res.cookie(REFRESH_COOKIE, value, {
    httpOnly: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    secure: config.auth.cookieSecure === 'true' || (config.auth.cookieSecure === 'auto' && req.secure),
    expires: expiresAt,
  });
}

export function clearRefreshCookie(res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' });
}
