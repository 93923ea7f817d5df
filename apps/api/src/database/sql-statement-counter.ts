import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements each HTTP request sends to PostgreSQL. The count leaves with the response
 * as `X-SQL-Statements`, so tests and the benchmark can prove that a nested query costs a fixed
 * number of statements however many rows it returns (DataLoaders, no N+1). It also notes whether
 * any of them may have written (requestMayHaveWritten).
 */
const requestStatements = new AsyncLocalStorage<{ count: number; wrote: boolean }>();

/**
 * Statements that only read, or steer a transaction. Any other may have written: INSERT, UPDATE,
 * DELETE, and WITH too, as a CTE can hold any of them. (The SELECTs the API sends call no function
 * that writes; the functions that do run from triggers.)
 */
const READS_ONLY = /^\s*\(?\s*(?:SELECT|SHOW|START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET)\b/i;

export const SQL_STATEMENTS_HEADER = 'X-SQL-Statements';

/** Express middleware: opens the counting scope of a request and reports it when headers go out. */
export function countSqlStatements(_req: Request, res: Response, next: NextFunction): void {
  const scope = { count: 0, wrote: false };
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    if (!this.headersSent) this.setHeader(SQL_STATEMENTS_HEADER, String(scope.count));
    return writeHead.apply(this, args);
  } as Response['writeHead'];
  requestStatements.run(scope, next);
}

/** Whether the HTTP request running now has sent a statement that may have written; true outside one, not knowing. */
export function requestMayHaveWritten(): boolean {
  return requestStatements.getStore()?.wrote ?? true;
}

/** TypeORM's logger hook: TypeORM calls logQuery for every statement it sends, whatever the log settings. */
export class SqlStatementCounter implements TypeOrmLogger {
  logQuery(query: string): void {
    const scope = requestStatements.getStore();
    if (!scope) return;
    scope.count += 1;
    if (!scope.wrote && !READS_ONLY.test(query)) scope.wrote = true;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
