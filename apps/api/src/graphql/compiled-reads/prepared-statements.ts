import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { DataSource } from 'typeorm';

/** What this file uses of pg's Pool and its clients (TypeORM's pool is a pg Pool). */
interface PgPool {
  connect(): Promise<{
    query<Row>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
    release(destroy?: Error): void;
  }>;
}

/** How many compiled shapes may be prepared: each is planned and kept once per pooled connection. */
const MAX_PREPARED = 100;
/** A shape is prepared on its third run: one-off documents (an analyst's explorations) stay unnamed. */
const RUNS_BEFORE_PREPARED = 3;

/**
 * Runs compiled statements, the repeated ones as named prepared statements. PostgreSQL planned the
 * nested network read afresh every time (1.3–1.9 ms of its 3 ms); a prepared one is parsed once per
 * connection and planned once too, with a generic plan: the pool's sessions ask for one
 * (database/data-source.ts), as by default PostgreSQL kept planning this statement with each
 * run's values. The set of prepared shapes is bounded and never changes once full, so what the
 * pool's connections keep is bounded as well. The price of that bound: once 100 shapes are named
 * (a caller asking 100 odd documents three times each can do it), later shapes run unprepared,
 * planned every time, as before.
 */
export class CompiledStatements {
  private readonly prepared = new Map<string, string>();
  private readonly runs = new LRUCache<string, number>({ max: 1000 });

  constructor(private readonly dataSource: DataSource) {}

  async query<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    const name = this.nameFor(sql);
    // Counted as every statement TypeORM sends is (X-SQL-Statements).
    this.dataSource.logger.logQuery(sql, parameters);
    // TypeORM's pg pool, used directly: TypeORM's queries cannot name a statement.
    const pool = (this.dataSource.driver as unknown as { master: PgPool }).master;
    const client = await pool.connect();
    try {
      const { rows } = await client.query<Row>({ name, text: sql, values: parameters });
      client.release();
      return rows;
    } catch (error) {
      // pg remembers which names each connection has prepared. A connection whose statements are
      // gone (DISCARD ALL, a pooler handing over another server connection) or no longer fit (a
      // migration changed a column's type) would refuse that name for good: it leaves the pool.
      client.release(name === undefined ? undefined : (error as Error));
      throw error;
    }
  }

  private nameFor(sql: string): string | undefined {
    const known = this.prepared.get(sql);
    if (known !== undefined || this.prepared.size >= MAX_PREPARED) return known;
    const runs = (this.runs.get(sql) ?? 0) + 1;
    this.runs.set(sql, runs);
    if (runs < RUNS_BEFORE_PREPARED) return undefined;
    const name = `compiled_${createHash('sha256').update(sql).digest('base64url').slice(0, 24)}`;
    this.prepared.set(sql, name);
    return name;
  }
}
