import { GraphQLError, type GraphQLSchema, Kind, OperationTypeNode, parse, specifiedRules, validate, type ValidationRule } from 'graphql';
import { operationCost, overCost } from './query-cost.plugin.js';

/** Limits the HTTP path also applies, for operations over the WebSocket. */
export interface SocketLimits {
  maxTokens: number;
  maxCost: number;
  /** graphql-armor's rules (depth, aliases, directives). */
  validationRules: ValidationRule[];
}

const badInput = (message: string, extensions: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { ...extensions, code: 'BAD_USER_INPUT' } });

/**
 * graphql-ws's `onSubscribe`: only subscriptions go over the socket (queries and mutations stay on
 * HTTP, where cookies, rate limits and the response headers live), and a subscription meets the
 * same limits as an HTTP request (tokens, depth, aliases, cost) before it starts. Apollo's plugins,
 * which enforce those on HTTP, do not run for the socket. Returns the errors to send back, or
 * nothing to let graphql-ws go on.
 */
export function checkSocketOperation(
  schema: GraphQLSchema | undefined,
  limits: SocketLimits,
  payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
): GraphQLError[] | undefined {
  if (!schema) return [new GraphQLError('The server is still starting; try again in a moment.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })];
  let document;
  try {
    document = parse(payload.query, { maxTokens: limits.maxTokens });
  } catch (error) {
    return [badInput(error instanceof Error ? error.message : 'The document could not be read.')];
  }
  const operations = document.definitions.filter((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0]!.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [badInput('Only subscriptions go over the WebSocket; send queries and mutations over HTTP.')];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limits.validationRules]);
  if (invalid.length > 0) return invalid.map((error) => badInput(error.message, { reason: 'GRAPHQL_VALIDATION_FAILED' }));
  let cost: number | undefined;
  try {
    cost = operationCost(schema, document, payload.operationName ?? undefined, payload.variables ?? {});
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  if (cost !== undefined && cost > limits.maxCost) return [overCost(cost, limits.maxCost)];
  return undefined;
}
