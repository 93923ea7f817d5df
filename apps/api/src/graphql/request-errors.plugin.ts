import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { isClientErrorCode, unwrap } from './format-error.js';
import type { RequestContext } from './request-context.js';


/**
 * Unexpected failures are logged with their stack and the request id, and the response's
 * INTERNAL_SERVER_ERROR entries carry that id, so a user's report leads straight to the log line.
 */
export function requestErrorsPlugin(fallbackLogger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          const log = (contextValue?.req?.log as Logger | undefined) ?? fallbackLogger;
          for (const error of errors as readonly GraphQLError[]) {
            if (isClientErrorCode(error.extensions?.code)) continue;
            log.error({ err: unwrap(error), path: error.path, operationName }, 'GraphQL request failed unexpectedly');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !response.body.singleResult.errors) return;
          const requestId = contextValue?.requestId;
          if (!requestId) return;
          response.body.singleResult.errors = response.body.singleResult.errors.map((error) =>
            error.extensions?.code === 'INTERNAL_SERVER_ERROR'
              ? { ...error, extensions: { ...error.extensions, requestId } }
              : error,
          );
        },
      };
    },
  };
}
