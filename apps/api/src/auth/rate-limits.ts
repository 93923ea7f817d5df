import { createHash } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '../common/errors.js';
import { onceAMinute, ROOT_LOGGER } from '../common/logging.js';
import { closeRedis, watchedRedis } from '../common/redis-clients.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

export class RateLimitedError extends AppError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfter: retryAfterSeconds });
  }
}

/**
 * Counters for brute force and floods. With REDIS_URL they are kept in Redis, so the API processes
 * behind a load balancer count together: N processes do not let N times the limit through. Without
 * it, or while Redis cannot be reached, each process counts in its own memory (its own share).
 */
@Injectable()
export class RateLimits implements OnModuleDestroy {
  /** Failed sign-ins per account (email). */
  private readonly loginFailures: RateLimiterAbstract;
  /** Its count in this process's memory, kept while Redis was away (the same as loginFailures without Redis). */
  private readonly loginFailuresInMemory: RateLimiterMemory;
  /** Sign-in attempts per client address, right or wrong. */
  private readonly loginAttempts: RateLimiterAbstract;
  /** Requests per signed-in user. */
  private readonly requests: RateLimiterAbstract;
  private readonly redis: Redis | null;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(ROOT_LOGGER) logger: Logger) {
    const { loginMaxFailures, loginMaxAttemptsPerIp, loginWindowSeconds, requestsPerMinute } = config.auth;
    // Commands fail at once while Redis is away (no offline queue, rejectIfRedisNotReady), and within
    // COMMAND_TIMEOUT_MS when it stops answering on a connection that looks open: the count goes on in
    // memory instead of holding every request until Redis is back.
    const watched = config.redisUrl
      ? watchedRedis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: COMMAND_TIMEOUT_MS }, logger, {
          unreachable: 'Redis for rate limits is unreachable; each process counts on its own until it is back',
          back: 'Redis for rate limits is back',
        })
      : null;
    this.redis = watched?.client ?? null;
    // Also when Redis answers but refuses (read-only after a failover, out of memory, no permission).
    const warnCountingAlone = onceAMinute(() => logger.warn('Redis did not count a rate limit; this process counts on its own meanwhile'));
    // While Redis is away, watchedRedis has said so already.
    const countingAlone = () => {
      if (!watched?.down()) warnCountingAlone();
    };
    const limiter = (name: string, points: number, duration: number) => {
      const inMemory = this.redis ? new InsuranceLimiter({ keyPrefix: name, points, duration }, countingAlone) : new RateLimiterMemory({ keyPrefix: name, points, duration });
      if (!this.redis) return { limiter: inMemory, inMemory };
      // Under this deployment's prefix (REDIS_CHANNEL_PREFIX), like its channels.
      const shared = new RateLimiterRedis({ storeClient: this.redis, keyPrefix: `${config.redisChannelPrefix}rate:${name}`, points, duration, rejectIfRedisNotReady: true, insuranceLimiter: inMemory });
      return { limiter: shared, inMemory };
    };
    const failures = limiter('login-fail', loginMaxFailures, loginWindowSeconds);
    this.loginFailures = failures.limiter;
    this.loginFailuresInMemory = failures.inMemory;
    this.loginAttempts = limiter('login-ip', loginMaxAttemptsPerIp, loginWindowSeconds).limiter;
    this.requests = limiter('requests', requestsPerMinute, 60).limiter;
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis) await closeRedis(this.redis);
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
    await this.loginFailures.consume(accountKey(account)).catch((limited: unknown) => {
      throw limited instanceof RateLimiterRes ? tooMany('Too many failed attempts for this account.', limited) : limited;
    });
  }

  /** Forgets the account's failures, in Redis and in this process's memory (counted there while Redis was away). */
  async passwordAccepted(account: string): Promise<void> {
    await Promise.all([this.loginFailures.delete(accountKey(account)), this.loginFailuresInMemory.delete(accountKey(account))]);
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

/** Redis answers a rate-limit command within this, or the count goes on in memory. */
const COMMAND_TIMEOUT_MS = 500;

/** The memory a Redis limiter falls back on, saying so (at most once a minute). */
class InsuranceLimiter extends RateLimiterMemory {
  constructor(options: ConstructorParameters<typeof RateLimiterMemory>[0], private readonly onUse: () => void) {
    super(options);
  }

  override consume(...args: Parameters<RateLimiterMemory['consume']>): ReturnType<RateLimiterMemory['consume']> {
    this.onUse();
    return super.consume(...args);
  }
}

/** An account's counter is named by a hash of its email: the counters may sit in a shared Redis. */
function accountKey(email: string): string {
  return createHash('sha256').update(email).digest('base64url');
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
