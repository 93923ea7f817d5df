import { describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { countSqlStatements, requestMayHaveWritten, SqlStatementCounter } from './sql-statement-counter.js';

/** Runs `statements` through the counter inside one request's scope, as TypeORM would. */
function afterStatements(...statements: string[]): boolean {
  let wrote: boolean | undefined;
  const res = { writeHead: () => res, headersSent: false, setHeader: () => res } as unknown as Response;
  const next: NextFunction = () => {
    for (const sql of statements) new SqlStatementCounter().logQuery(sql);
    wrote = requestMayHaveWritten();
  };
  countSqlStatements({} as Request, res, next);
  return wrote!;
}

describe('whether a request may have written', () => {
  it('is no after reads and transaction steering alone', () => {
    expect(afterStatements('SELECT 1', ' (SELECT id FROM centre) UNION (SELECT id FROM club)', 'START TRANSACTION', 'SET LOCAL statement_timeout = 300', 'SAVEPOINT typeorm_1', 'RELEASE SAVEPOINT typeorm_1', 'select * from app_user for update', 'SHOW server_version', 'COMMIT', 'ROLLBACK')).toBe(false);
  });

  it('is yes after any statement that can write, a CTE included', () => {
    for (const sql of ['INSERT INTO club VALUES (1)', 'update centre set code = 1', 'DELETE FROM club', 'WITH gone AS (DELETE FROM club RETURNING id) SELECT count(*) FROM gone', 'TRUNCATE club', 'MERGE INTO club USING x ON true WHEN MATCHED THEN DELETE']) {
      expect(afterStatements('START TRANSACTION', sql, 'COMMIT')).toBe(true);
    }
  });

  it('is yes outside a request, not knowing', () => {
    expect(requestMayHaveWritten()).toBe(true);
  });
});
