import { Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../common/logging.js';
import { closeRedis, watchedRedis } from '../common/redis-clients.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

/**
 * The bus GraphQL subscriptions listen on. With REDIS_URL, events travel through Redis, so every API
 * process behind a load balancer delivers a change made through any of them; without it they stay
 * in this process, which is all one process needs. Every channel is named under this deployment's
 * prefix (REDIS_CHANNEL_PREFIX): another deployment on the same Redis hears nothing of this one.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  private readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];
  private readonly prefix: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    this.prefix = config.redisChannelPrefix;
    if (config.redisUrl) {
      const connect = (role: 'publisher' | 'subscriber') => {
        // The subscriber waits for Redis to come back, so a subscription made while it is away starts
        // when it returns; the publisher gives up quickly, as a change must never wait for its live
        // update.
        const { client } = watchedRedis(config.redisUrl!, { maxRetriesPerRequest: role === 'subscriber' ? null : 1 }, logger, {
          unreachable: 'Redis for live updates is unreachable; changes are saved, live updates wait',
          back: 'Redis for live updates is back',
          fields: { role },
        });
        this.redis.push(client);
        return client;
      };
      this.engine = new RedisPubSub({ publisher: connect('publisher'), subscriber: connect('subscriber') });
    } else {
      this.engine = new PubSub();
    }
  }

  /**
   * Tells the subscribers. Called after the change has committed; a bus that is down costs the live
   * update, never the change itself (dashboards also refetch on reconnect).
   */
  publish(channel: string, payload: unknown): void {
    this.engine.publish(this.prefix + channel, payload).catch((error: unknown) => {
      this.logger.warn({ channel, err: error instanceof Error ? error.message : String(error) }, 'A live update was not delivered');
    });
  }

  /** The events of a channel, for a subscription resolver. */
  listen<T>(channel: string): AsyncIterableIterator<T> {
    return this.engine.asyncIterableIterator<T>(this.prefix + channel);
  }

  /** Calls onEvent for each event of a channel, for as long as the process runs. Waits for Redis when it is down. */
  subscribe(channel: string, onEvent: (payload: unknown) => void): Promise<number> {
    return this.engine.subscribe(this.prefix + channel, onEvent, {});
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.redis.map(closeRedis));
  }
}

@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class LiveEventsModule {}
