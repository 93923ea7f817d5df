import { AsyncLocalStorage } from 'node:async_hooks';
import type DataLoader from 'dataloader';
import type { NextFunction, Request, Response } from 'express';
import type { DataSource, ObjectLiteral, QueryRunner, SelectQueryBuilder } from 'typeorm';
import { batchLoader } from '../graphql/batch-loader.js';

type CountQuery = SelectQueryBuilder<ObjectLiteral>;

/**
 * The `totalCount`s of one request, sent to PostgreSQL as one statement:
 * `SELECT (SELECT COUNT(1) FROM …) AS c0, (SELECT COUNT(1) FROM …) AS c1, …`. An overview asks for
 * many counts at once (centres, open centres, active clubs, …); each would otherwise be a statement
 * and a round trip. Counts are collected until the event loop's next turn, as the DataLoaders are.
 * A count that cannot go with the others (one bound to a transaction, or whose SQL could not be
 * renumbered safely) runs on its own, as does every count of a batch that failed, so one slow or
 * broken count never takes the others down with it.
 */
const requestCounts = new AsyncLocalStorage<DataLoader<CountQuery, number>>();

/** Express middleware: opens a request's batch of counts. */
export function batchConnectionCounts(_req: Request, _res: Response, next: NextFunction): void {
  // No cache: each connection asks once (its totalCount is lazy), and an export's many pages must
  // not keep every query builder alive until the request ends.
  requestCounts.run(batchLoader(countTogether, { cache: false }), next);
}

/** How many rows `query` has: with the request's other counts when it runs in one, on its own otherwise. */
export function countWithTheRequest(query: CountQuery): Promise<number> {
  const batch = requestCounts.getStore();
  return batch && !boundToTransaction(query) ? batch.load(query) : query.getCount();
}

async function countTogether(queries: readonly CountQuery[]): Promise<(number | Error)[]> {
  const statements = queries.map(countStatementOf);
  const connection = queries[0]!.connection;
  const fitting = queries.flatMap((query, index) => (statements[index] && query.connection === connection ? [index] : []));
  const together = fitting.length > 1 ? fitting : [];
  const alone = queries.flatMap((_, index) => (together.includes(index) ? [] : [index]));
  const results: (number | Error)[] = [];
  await Promise.all([
    ...alone.map(async (index) => (results[index] = await settle(queries[index]!.getCount()))),
    (async () => {
      if (together.length === 0) return;
      const counted = await selectCounts(connection, together.map((index) => statements[index]!)).catch(() => null);
      // A failed batch is asked again count by count: only the count at fault fails.
      const values = counted ?? (await Promise.all(together.map((index) => settle(queries[index]!.getCount()))));
      together.forEach((index, position) => (results[index] = values[position]!));
    })(),
  ]);
  return results;
}

async function selectCounts(connection: DataSource, statements: readonly [string, unknown[]][]): Promise<number[]> {
  const columns: string[] = [];
  const parameters: unknown[] = [];
  statements.forEach(([sql, own], index) => {
    // Each statement numbers its parameters from $1: shift them past the ones already taken.
    const offset = parameters.length;
    columns.push(`(${sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`)}) AS c${index}`);
    parameters.push(...own);
  });
  const rows: Record<string, string | number | null>[] = await connection.query(`SELECT ${columns.join(', ')}`, parameters);
  return statements.map((_, index) => Number(rows[0]?.[`c${index}`] ?? 0));
}

const settle = (count: Promise<number>): Promise<number | Error> => count.catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));

/** A builder made from a transaction's manager counts inside that transaction, so on its own. */
function boundToTransaction(query: CountQuery): boolean {
  return (query as unknown as { queryRunner?: QueryRunner }).queryRunner !== undefined;
}

/**
 * The statement TypeORM's own `getCount()` sends (COUNT(1), or COUNT(DISTINCT id) when the query has
 * joins that could repeat rows), built as its `executeCountQuery` builds it. `computeCountExpression`
 * is TypeORM's, not public: the e2e tests compare the counts with paging through the lists. Null when
 * `$n` appears in the SQL other than as its own parameters (it would be renumbered wrongly).
 */
function countStatementOf(query: CountQuery): [string, unknown[]] | null {
  const expression = (query as unknown as { computeCountExpression(): string }).computeCountExpression();
  const [sql, parameters] = query
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
  const numbers = new Set([...sql.matchAll(/\$(\d+)/g)].map((match) => Number(match[1])));
  const ownNumbers = numbers.size === parameters.length && [...numbers].every((n) => n >= 1 && n <= parameters.length);
  return ownNumbers ? [sql, parameters] : null;
}
