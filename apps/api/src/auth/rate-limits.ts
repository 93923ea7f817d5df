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

  /**
   * Before checking a password (at sign-in, or the current one when changing it): takes one attempt
   * from the account and one from the address, atomically, so parallel guesses cannot all slip past
   * the count. A success gives the account's attempts back (passwordAccepted).
   */
  async beforePasswordCheck(account: string, address: string): Promise<void> {
    await this.loginAttempts.consume(addressKey(address)).catch((limited: unknown) => {
      throw limited instanceof RateLimiterRes ? tooMany('Too many sign-in attempts from this address.', limited) : limited;
    });
    await this.loginFailures.consume(account).catch((limited: unknown) => {
      throw limited instanceof RateLimiterRes ? tooMany('Too many failed attempts for this account.', limited) : limited;
    });
  }

  async passwordAccepted(account: string): Promise<void> {
    await this.loginFailures.delete(account);
  }

  /** One request of a signed-in user: the error to answer with once they are over their rate, else null. */
  async request(userId: string): Promise<RateLimitedError | null> {
    try {
      await this.requests.consume(userId);
      return null;
    } catch (limited) {
      if (limited instanceof RateLimiterRes) return tooMany('Too many requests.', limited);
      throw limited;
    }
  }
}

/** IPv6 clients are counted by their /64: one host usually holds a whole /64 to rotate through. */
function addressKey(address: string): string {
  const plain = address.replace(/^::ffff:/, '');
  if (!plain.includes(':')) return plain;
  const [head = '', tail] = plain.split('::');
  const front = head ? head.split(':') : [];
  const back = tail ? tail.split(':') : [];
  const groups = tail === undefined ? front : [...front, ...Array<string>(Math.max(0, 8 - front.length - back.length)).fill('0'), ...back];
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function tooMany(what: string, state: RateLimiterRes): RateLimitedError {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  return new RateLimitedError(`${what} Try again in ${seconds} s.`, seconds);
}
