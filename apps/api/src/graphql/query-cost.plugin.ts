import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, getNullableType, GraphQLError, type GraphQLSchema, isListType } from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

/**
 * How much a query may ask for, counted before anything runs: each field costs 1, and a list costs
 * its items times what is asked of each. A connection's items are its `first`; a plain nested list
 * (a centre's clubs) counts as PLAIN_LIST_SIZE items unless its field says how long it can grow
 * (`complexity` on the field, e.g. a club type's clubs across a national network). So a short
 * query that nests lists inside lists, whose answer would grow as their product, is refused with
 * its cost and the limit, while the dashboard's and analysts' everyday queries pass.
 */
export const PLAIN_LIST_SIZE = 10;

/** For fields listing one row per centre of the network: sized for a national deployment. */
export const NETWORK_WIDE_LIST = ({ childComplexity }: { childComplexity: number }) => 1 + 300 * childComplexity;

const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + args.first * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + PLAIN_LIST_SIZE * childComplexity;
  return undefined;
};

/** What an operation costs by the rules above; undefined when its variables do not fit their types (execution refuses those before any resolver runs). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch {
    return undefined;
  }
}

export function overCost(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `This query would cost ${cost}, over the limit of ${maxCost}. Ask for fewer items per page (first), fewer nested lists, or split it in two.`,
    { extensions: { code: 'BAD_USER_INPUT', cost, maxCost, http: { status: 400 } } },
  );
}

export function queryCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = operationCost(schema, document, request.operationName ?? undefined, request.variables ?? {});
          if (cost !== undefined && cost > maxCost) throw overCost(cost, maxCost);
        },
      };
    },
  };
}
