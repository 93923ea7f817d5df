import { AsyncLocalStorage } from 'node:async_hooks';
import type DataLoader from 'dataloader';
import type { NextFunction, Request, Response } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { batchLoader } from '../graphql/batch-loader.js';

/**
 * The `totalCount`s of one request, sent to PostgreSQL as one statement:
 * `SELECT (SELECT COUNT(1) FROM …) AS c0, (SELECT COUNT(1) FROM …) AS c1, …`. An overview asks for
 * many counts at once (centres, open centres, active clubs, …); each would otherwise be a statement
 * and a round trip. Counts are collected until the event loop's next turn, as the DataLoaders are.
 */
const requestCounts = new AsyncLocalStorage<DataLoader<SelectQueryBuilder<ObjectLiteral>, number>>();

/** Express middleware: opens a request's batch of counts. */
export function batchConnectionCounts(_req: Request, _res: Response, next: NextFunction): void {
  requestCounts.run(
    batchLoader((queries) => countTogether(queries)),
    next,
  );
}

/** How many rows `query` has: with the request's other counts when it runs in one, on its own otherwise. */
export function countWithTheRequest(query: SelectQueryBuilder<ObjectLiteral>): Promise<number> {
  const batch = requestCounts.getStore();
  return batch ? batch.load(query) : query.getCount();
}

async function countTogether(queries: readonly SelectQueryBuilder<ObjectLiteral>[]): Promise<number[]> {
  if (queries.length === 1) return [await queries[0]!.getCount()];
  const columns: string[] = [];
  const parameters: unknown[] = [];
  queries.forEach((query, index) => {
    const [sql, own] = countStatementOf(query);
    // Each statement numbers its parameters from $1: shift them past the ones already taken.
    const offset = parameters.length;
    columns.push(`(${sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)}) AS c${index}`);
    parameters.push(...own);
  });
  const rows: Record<string, string | number | null>[] = await queries[0]!.connection.query(`SELECT ${columns.join(', ')}`, parameters);
  return queries.map((_, index) => Number(rows[0]?.[`c${index}`] ?? 0));
}

/**
 * The statement TypeORM's own `getCount()` sends (COUNT(1), or COUNT(DISTINCT id) when the query has
 * joins that could repeat rows), built the same way as its `executeCountQuery`. `computeCountExpression`
 * is TypeORM's, not public: the e2e tests compare every connection's totalCount with getCount()'s.
 */
function countStatementOf(query: SelectQueryBuilder<ObjectLiteral>): [string, unknown[]] {
  const expression = (query as unknown as { computeCountExpression(): string }).computeCountExpression();
  return query
    .clone()
    .orderBy()
    .groupBy()
    .offset(undefined)
    .limit(undefined)
    .skip(undefined)
    .take(undefined)
    .select(expression, 'cnt')
    .setOption('disable-global-order')
    .getQueryAndParameters();
}
