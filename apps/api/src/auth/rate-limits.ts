import { Inject, Injectable } from '@nestjs/common';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfter: retryAfterSeconds });
  }
}

/**
 * Counters for brute force and floods, kept in this process's memory (one API process per
 * database today; several processes would each count their own share).
 */
@Injectable()
export class RateLimits {
  /** Failed sign-ins per account (email). */
  private readonly loginFailures: RateLimiterMemory;
  /** Sign-in attempts per client address, right or wrong. */
  private readonly loginAttempts: RateLimiterMemory;
  /** Requests per signed-in user. */
  private readonly requests: RateLimiterMemory;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { loginMaxFailures, loginMaxAttemptsPerIp, loginWindowSeconds, requestsPerMinute } = config.auth;
    this.loginFailures = new RateLimiterMemory({ keyPrefix: 'login-fail', points: loginMaxFailures, duration: loginWindowSeconds });
    this.loginAttempts = new RateLimiterMemory({ keyPrefix: 'login-ip', points: loginMaxAttemptsPerIp, duration: loginWindowSeconds });
    this.requests = new RateLimiterMemory({ keyPrefix: 'requests', points: requestsPerMinute, duration: 60 });
  }

  /** Before checking a password: refuses while the account or the address has used up its attempts. */
  async beforeSignIn(email: string, address: string): Promise<void> {
    const failures = await this.loginFailures.get(email);
    if (failures && failures.consumedPoints >= this.config.auth.loginMaxFailures) {
      throw tooMany('Too many failed sign-ins for this account.', failures);
    }
    await this.loginAttempts.consume(address).catch((limited: unknown) => {
      throw limited instanceof RateLimiterRes ? tooMany('Too many sign-in attempts from this address.', limited) : limited;
    });
  }

  async signInFailed(email: string): Promise<void> {
    await this.loginFailures.penalty(email, 1);
  }

  async signInSucceeded(email: string): Promise<void> {
    await this.loginFailures.delete(email);
  }

  async request(userId: string): Promise<void> {
    await this.requests.consume(userId).catch((limited: unknown) => {
      throw limited instanceof RateLimiterRes ? tooMany('Too many requests.', limited) : limited;
    });
  }
}

function tooMany(what: string, state: RateLimiterRes): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new RateLimitedError(`${what} Try again in ${seconds} s.`, seconds);
}
