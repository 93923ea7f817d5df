import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts the SQL statements each HTTP request sends to PostgreSQL. The count leaves with the response
 * as `X-SQL-Statements`, so tests and the benchmark can prove that a nested query costs a fixed
 * number of statements however many rows it returns (DataLoaders, no N+1).
 */
const requestStatements = new AsyncLocalStorage<{ count: number }>();

export const SQL_STATEMENTS_HEADER = 'X-SQL-Statements';

/** Express middleware: opens the counting scope of a request and reports it when headers go out. */
export function countSqlStatements(_req: Request, res: Response, next: NextFunction): void {
  const scope = { count: 0 };
  const writeHead = res.writeHead;
  res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
    if (!this.headersSent) this.setHeader(SQL_STATEMENTS_HEADER, String(scope.count));
    return writeHead.apply(this, args);
  } as Response['writeHead'];
  requestStatements.run(scope, next);
}

/** TypeORM's logger hook: TypeORM calls logQuery for every statement it sends, whatever the log settings. */
export class SqlStatementCounter implements TypeOrmLogger {
  logQuery(): void {
    const scope = requestStatements.getStore();
    if (scope) scope.count += 1;
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
