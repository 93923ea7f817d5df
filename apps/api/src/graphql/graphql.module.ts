import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule as NestGraphQLModule } from '@nestjs/graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { Request, Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Extra } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { AuthModule } from '../auth/auth.module.js';
import { CredentialsModule } from '../auth/credentials.module.js';
import { CentresModule } from '../centres/centres.module.js';
import { UsersModule } from '../users/users.module.js';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { localExplorerPlugin } from './explorer.plugin.js';
import { formatError } from './format-error.js';
import { GraphqlPassThroughFilter } from './pass-through.filter.js';
import { LiveSockets, LiveSocketsModule } from './live-sockets.js';
import { localiseErrorsPlugin } from './localise-errors.plugin.js';
import { queryCostPlugin } from './query-cost.plugin.js';
import { RequestContextFactory } from './request-context.js';
import { ClubsModule } from '../clubs/clubs.module.js';
import { FacilitiesModule } from '../facilities/facilities.module.js';
import { ProgramsModule } from '../programs/programs.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { RolloutModule } from '../rollout/rollout.module.js';
import { requestErrorsPlugin } from './request-errors.plugin.js';
import { DataVersion, DataVersionModule } from './data-version.js';
import { responseCachePlugins, stringifyResult } from './response-cache.js';
import { writtenListsPlugin } from './written-lists.js';
import { checkSocketOperation } from './socket-operations.js';
import { GRAPHQL_PATH } from './graphql-path.js';
import { compiledReadsPlugin } from './compiled-reads/compiled-reads.plugin.js';
import { networkReads } from './compiled-reads/network-reads.js';
import { CentresService } from '../centres/centres.service.js';
import { createValidationPipe } from '../common/validation.pipe.js';
import { DataSource } from 'typeorm';

/** The longest document graphql-js will parse, on HTTP and over the socket. */
const MAX_TOKENS = 5000;
/**
 * The largest message a live-updates socket may send, in bytes: a subscription of MAX_TOKENS with
 * its variables fits many times over. ws's own default (100 MiB, kept in memory per socket until
 * parsed) let a few anonymous sockets take the process past its heap and stop it.
 */
const MAX_SOCKET_MESSAGE_BYTES = 256 * 1024;

/**
 * Identity and loaders live in the feature modules; this module only assembles them per request.
 * Exported for the exports, which run GraphQL as the caller of their own HTTP request.
 */
@Module({
  imports: [AuthModule, CentresModule, FacilitiesModule, ClubsModule, ProgramsModule, ReportsModule, RolloutModule, UsersModule, CredentialsModule, DataVersionModule],
  providers: [RequestContextFactory],
  exports: [RequestContextFactory],
})
export class RequestContextModule {}

@Module({
  providers: [{ provide: APP_FILTER, useClass: GraphqlPassThroughFilter }],
  imports: [
    NestGraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [RequestContextModule, DataVersionModule, LiveSocketsModule, CentresModule],
      inject: [APP_CONFIG, RequestContextFactory, ROOT_LOGGER, DataVersion, LiveSockets, CentresService, DataSource],
      useFactory: (
        config: AppConfig,
        contexts: RequestContextFactory,
        logger: Logger,
        dataVersion: DataVersion,
        sockets: LiveSockets,
        centres: CentresService,
        dataSource: DataSource,
      ): ApolloDriverConfig => {
        const exposeStacktrace = config.env === 'development';
        // Limits are checked while validating the document, before any resolver (and any SQL) runs.
        const armor = new ApolloArmor({
          maxDepth: { n: config.graphql.maxDepth },
          // Cost is counted with list sizes by queryCostPlugin, which sees the variables (`first: $n`).
          costLimit: { enabled: false },
          maxAliases: { n: config.graphql.maxAliases },
          maxDirectives: { n: 50 },
          // Tokens are limited by graphql-js's own parser (parseOptions below): armor's token plugin
          // turns a plain syntax error into a 500.
          maxTokens: { enabled: false },
          blockFieldSuggestion: { enabled: config.isProduction },
        }).protect();
        // The schema, once Apollo has it: the socket's checks validate against it.
        const built: { schema?: GraphQLSchema } = {};
        // Subscriptions are small and their caller is known only later: the smallest signed-in budget.
        const socketLimits = { maxTokens: MAX_TOKENS, maxCost: config.graphql.maxCost.DISTRICT_COORDINATOR, validationRules: armor.validationRules };
        return {
          path: GRAPHQL_PATH,
          autoSchemaFile: true,
          sortSchema: true,
          introspection: true,
          graphiql: false,
          includeStacktraceInErrorResponses: exposeStacktrace,
          // One operation per HTTP request: batching multiplies the cost limit's reach.
          allowBatchedHttpRequests: false,
          stringifyResult,
          parseOptions: { maxTokens: MAX_TOKENS },
          context: (http: {
            req?: Request;
            res?: Response;
            connectionParams?: Record<string, unknown>;
            extra?: { request?: Request; socket?: { close(code: number, reason: string): void } };
          }) =>
            http.req && http.res
              ? contexts.create(http.req, http.res)
              : contexts.createForSocket(http.connectionParams, http.extra?.request, http.extra?.socket),
          // Live updates: subscriptions over graphql-ws on the same path. Queries and mutations stay on
          // HTTP, where the limits, cookies and rate limits apply.
          subscriptions: {
            'graphql-ws': {
              path: GRAPHQL_PATH,
              // Set through patches/@nestjs__graphql@14.0.3.patch (Nest builds the WebSocket server).
              maxPayload: MAX_SOCKET_MESSAGE_BYTES,
              onConnect: ({ connectionParams, extra }) => {
                const { socket, request } = extra as Extra;
                return sockets.admit(socket, () => contexts.socketAccount(connectionParams, request));
              },
              onSubscribe: (_context, _id, payload) => checkSocketOperation(built.schema, socketLimits, payload),
            },
          },
          formatError: (formatted, error) => formatError(formatted, error, exposeStacktrace),
          validationRules: armor.validationRules,
          // The cast bridges a types-only split: @nestjs/apollo's typings name @apollo/server's CommonJS
          // declarations, ours its ESM ones; at run time there is one Apollo Server.
          plugins: [
            ...armor.plugins,
            queryCostPlugin(config.graphql.maxCost),
            localiseErrorsPlugin(),
            requestErrorsPlugin(logger),
            // Before the kept answers: an answer is kept with its written lists in it.
            writtenListsPlugin({ enabled: config.writtenLists }),
            ...responseCachePlugins({ ...config.responseCache, version: dataVersion }),
            // After the kept answers: a question answered before costs less than compiling it.
            compiledReadsPlugin({
              enabled: config.compiledReads,
              fields: networkReads({ centres, validation: createValidationPipe(), reportPeriodType: config.reporting.periodType }),
              dataSource,
              logger,
            }),
            // Production: introspection for signed-in callers only. The explorer page is workbench/explorer.middleware.ts.
            localExplorerPlugin({ gated: config.isProduction }),
            { serverWillStart: async ({ schema }: { schema: GraphQLSchema }) => void (built.schema = schema) },
          ] as ApolloDriverConfig['plugins'],
        };
      },
    }),
  ],
})
export class GraphqlModule {}
