import type { ApolloServerPlugin } from '@apollo/server';
import type { Role } from '@mrc/domain';
import { type DocumentNode, getNullableType, GraphQLError, type GraphQLSchema, isListType } from 'graphql';
import { type ComplexityEstimator, fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { LRUCache } from 'lru-cache';
import { MAX_PAGE_SIZE } from '../common/pagination.js';
import type { RequestContext } from './request-context.js';

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

/**
 * A page outside 1..MAX_PAGE_SIZE refuses the whole operation here, before any resolver: checked only
 * by its own field's arguments, it would let the other fields of the operation run their SQL first.
 */
const pageSizeEstimator: ComplexityEstimator = ({ args }) => {
  if (typeof args.first === 'number' && (args.first < 1 || args.first > MAX_PAGE_SIZE)) {
    throw new GraphQLError(`Ask for 1 to ${MAX_PAGE_SIZE} items per page (first), and follow pageInfo.endCursor for more.`, {
      extensions: { code: 'BAD_USER_INPUT', limit: 'PAGE_SIZE', fields: { first: `must be from 1 to ${MAX_PAGE_SIZE}` }, http: { status: 400 } },
    });
  }
  return undefined;
};

const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (typeof args.first === 'number') return 1 + args.first * childComplexity;
  if (isListType(getNullableType(field.type))) return 1 + PLAIN_LIST_SIZE * childComplexity;
  return undefined;
};

/**
 * What an operation costs by the rules above; undefined when its variables do not fit their types
 * (execution refuses those before any resolver runs). Throws the refusal of a page size out of range.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number | undefined {
  try {
    return getComplexity({
      schema,
      query: document,
      operationName,
      variables,
      estimators: [pageSizeEstimator, fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })],
    });
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions['limit'] === 'PAGE_SIZE') throw error;
    return undefined;
  }
}

export function overCost(cost: number, maxCost: number): GraphQLError {
  return new GraphQLError(
    `This query would cost ${cost}, over your limit of ${maxCost}. Ask for fewer items per page (first), fewer nested lists or fields inside lists (an aggregate counts as 1,000 rows), or split it in two.`,
    { extensions: { code: 'BAD_USER_INPUT', limit: 'COST', cost, maxCost, http: { status: 400 } } },
  );
}

/** The budget of each kind of caller: analysts ask bigger questions than coordinators, anonymous callers only sign in. */
export type CostBudgets = Record<Role | 'ANONYMOUS', number>;

export function queryCostPlugin(budgets: CostBudgets): ApolloServerPlugin<RequestContext> {
  // Costs worked out before, by document and variables: a dashboard asks the same few questions all
  // day, and walking one cost a tenth of a compiled read's CPU. A refused page size is not kept: it
  // is worked out again, and refused again. Bounded in entries and in the length of each key.
  const known = new LRUCache<string, { cost: number | undefined }>({ max: 1000 });
  const costOf = (schema: GraphQLSchema, document: DocumentNode, source: string | undefined, operationName: string | undefined, variables: Record<string, unknown>) => {
    const key = JSON.stringify([source ?? null, operationName ?? null, variables]);
    if (source === undefined || key.length > 8192) return operationCost(schema, document, operationName, variables);
    let kept = known.get(key);
    if (!kept) known.set(key, (kept = { cost: operationCost(schema, document, operationName, variables) }));
    return kept.cost;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, contextValue }) {
          // A token that no longer holds is answered UNAUTHENTICATED by the guard (the dashboard
          // renews its token on that code), not measured against an anonymous caller's budget.
          if (contextValue.tokenRejected) return;
          const maxCost = budgets[contextValue.actor?.user.role ?? 'ANONYMOUS'];
          const cost = costOf(schema, document, request.query, request.operationName ?? undefined, request.variables ?? {});
          if (cost !== undefined && cost > maxCost) throw overCost(cost, maxCost);
        },
      };
    },
  };
}
