import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import responseCachePlugin from '@apollo/server-plugin-response-cache';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { isBulkExport } from '../exports/caller-graphql.js';
import { LiveEvents, LiveEventsModule } from './live-events.js';
import type { RequestContext } from './request-context.js';

/** The channel on which API processes tell each other that data changed. */
const DATA_CHANGED = 'dataChanged';

/**
 * A number that moves whenever data may have changed: every mutation (accepted or refused, as a
 * refusal can still have written an audit entry or a failed sign-in) moves it at once in this
 * process and, through LiveEvents (Redis with REDIS_URL), in the others. Cached answers are keyed by
 * it, so no one is served an answer from before a change they could have seen.
 */
@Injectable()
export class DataVersion implements OnModuleInit, OnModuleDestroy {
  private version = 0;
  private subscription: Promise<number> | undefined;

  constructor(private readonly events: LiveEvents) {}

  get current(): number {
    return this.version;
  }

  /** After a mutation: this process moves at once; the others when the bus brings the news. */
  changed(): void {
    this.version += 1;
    this.events.publish(DATA_CHANGED, { at: Date.now() });
  }

  /** Not awaited: with REDIS_URL set and Redis down, the subscription waits for it, and the API must start anyway. */
  onModuleInit(): void {
    this.subscription = this.events.engine.subscribe(DATA_CHANGED, () => void (this.version += 1), {});
    this.subscription.catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    const waited = new Promise<undefined>((done) => setTimeout(() => done(undefined), 100).unref());
    const id = await Promise.race([this.subscription?.catch(() => undefined), waited]);
    if (id !== undefined) this.events.engine.unsubscribe(id);
  }
}

@Module({ imports: [LiveEventsModule], providers: [DataVersion], exports: [DataVersion] })
export class DataVersionModule {}

/**
 * Whole answers to read queries, kept in memory for `seconds` and served again to the same person
 * asking the same question in the same language while nothing has changed (DataVersion). Dashboards
 * and analysts repeat their questions far more often than anyone writes, so most reads skip the
 * resolvers and their SQL; only the session check runs. The TTL bounds what changes without a
 * mutation: answers that depend on today (what is late) are at most that old.
 *
 * Keyed by the signed-in user, not shared between users: an answer can depend on who asks (a
 * coordinator's own centre, what actions they may take). Answers with errors are never kept.
 */
export function responseCachePlugins(options: { seconds: number; maxBytes: number; version: DataVersion }): ApolloServerPlugin<RequestContext>[] {
  const moveVersionOnMutation: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async willSendResponse({ operation }) {
          if (operation?.operation === 'mutation') options.version.changed();
        },
      };
    },
  };
  // Apollo's per-field cache hints cost a call per field of every answer: off. Every answer of a
  // query may be kept `seconds` (the cache is keyed by user below); no Cache-Control header goes
  // out, as browsers must not keep them.
  if (options.seconds === 0) return [ApolloServerPluginCacheControlDisabled(), moveVersionOnMutation];
  const everyAnswerKeepable: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, overallCachePolicy }) {
          if (operation?.operation === 'query') overallCachePolicy.replace({ maxAge: options.seconds, scope: 'PUBLIC' });
        },
      };
    },
  };
  return [
    ApolloServerPluginCacheControlDisabled(),
    everyAnswerKeepable,
    responseCachePlugin<RequestContext>({
      cache: new InMemoryLRUCache<string>({ maxSize: options.maxBytes }),
      // A caller over their request rate is refused, cached answer or not. An export's pages are
      // read once, and would only push out answers worth keeping.
      shouldReadFromCache: async ({ contextValue }) => contextValue.actor !== null && contextValue.rateLimited === null && !isBulkExport(contextValue),
      shouldWriteToCache: async ({ contextValue }) => contextValue.actor !== null && !isBulkExport(contextValue),
      extraCacheKeyData: async ({ contextValue }) => ({ user: contextValue.actor?.user.id, language: contextValue.language, version: options.version.current }),
    }),
    moveVersionOnMutation,
  ];
}
