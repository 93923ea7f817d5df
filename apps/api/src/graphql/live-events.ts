import { Inject, Injectable, Module, type OnModuleDestroy } from '@nestjs/common';
import { RedisPubSub } from 'graphql-redis-subscriptions';
import { PubSub, type PubSubEngine } from 'graphql-subscriptions';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

/**
 * The bus GraphQL subscriptions listen on. With REDIS_URL, events travel through Redis, so every API
 * process behind a load balancer delivers a change made through any of them; without it they stay
 * in this process, which is all one process needs.
 */
@Injectable()
export class LiveEvents implements OnModuleDestroy {
  readonly engine: PubSubEngine;
  private readonly redis: Redis[] = [];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {
    if (config.redisUrl) {
      const connect = () => {
        const client = new Redis(config.redisUrl!, { maxRetriesPerRequest: 2, lazyConnect: false });
        client.on('error', (error: Error) => logger.warn({ err: error.message }, 'Redis for live updates is unreachable'));
        this.redis.push(client);
        return client;
      };
      this.engine = new RedisPubSub({ publisher: connect(), subscriber: connect() });
    } else {
      this.engine = new PubSub();
    }
  }

  /**
   * Tells the subscribers. Called after the change has committed; a bus that is down costs the live
   * update, never the change itself (dashboards also refetch on reconnect).
   */
  publish(channel: string, payload: unknown): void {
    this.engine.publish(channel, payload).catch((error: unknown) => {
      this.logger.warn({ channel, err: error instanceof Error ? error.message : String(error) }, 'A live update was not delivered');
    });
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.redis.map((client) => client.quit().catch(() => client.disconnect())));
  }
}

@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class LiveEventsModule {}
