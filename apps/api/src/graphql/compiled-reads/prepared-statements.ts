import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';

/** What this file uses of a pg Pool and its clients. */
export interface PgPool {
  connect(): Promise<{
    query<Row>(config: { name?: string; text: string; values: unknown[] }): Promise<{ rows: Row[] }>;
    release(destroy?: Error): void;
  }>;
  end(): Promise<void>;
}

/** How the compiled reads' connections name themselves to PostgreSQL (pg_stat_activity). */
export const COMPILED_READS_APPLICATION_NAME = 'mrc-api-compiled-reads';

/** How many compiled shapes may be prepared: each is planned and kept once per pooled connection. */
const MAX_PREPARED = 100;
/** A shape is prepared on its third run: one-off documents (an analyst's explorations) stay unnamed. */
const RUNS_BEFORE_PREPARED = 3;

/**
 * Runs compiled statements, the repeated ones as named prepared statements, each parsed once per
 * connection and planned once too: PostgreSQL planned the nested network read afresh every time,
 * 1.2–1.9 ms of planning for about 2 ms of executing.
 *
 * Planned once needs more than a name. PostgreSQL's default (plan_cache_mode=auto) judged this
 * statement by each run's values and kept making custom plans, so the connections of this pool ask
 * for generic plans. That is why compiled reads have a pool of their own: on TypeORM's pool the
 * setting would reach every statement with parameters (pg sends them unnamed, and PostgreSQL plans
 * unnamed statements through the same cache), such as an aggregate over a date range, whose best
 * plan depends on the range.
 *
 * The set of prepared shapes is bounded and never changes once full, so what the pool's connections
 * keep is bounded as well. The price of that bound: once 100 shapes are named (a caller asking 100
 * odd documents three times each can do it), later shapes run unprepared, parsed and planned
 * every time.
 */
export class CompiledStatements {
  private readonly prepared = new Map<string, string>();
  private readonly runs = new LRUCache<string, number>({ max: 1000 });

  constructor(
    private readonly pool: PgPool,
    /** Told of every statement, as TypeORM's logger is (X-SQL-Statements counts them). */
    private readonly counter: { logQuery(sql: string, parameters?: unknown[]): void },
  ) {}

  /**
   * On a pool beside TypeORM's, to the same server with the same settings and size (idle
   * connections close after 10 s). A connection is handed out only once it has asked for generic
   * plans; one that cannot is dropped, and the read goes to the resolvers. A connection that fails,
   * idle or mid-statement (the server restarting), is logged and replaced, as TypeORM's are.
   */
  static beside(dataSource: DataSource, logger: Logger): CompiledStatements {
    const options = dataSource.options as { url?: string; ssl?: unknown; extra?: Record<string, unknown> };
    const pool = new pg.Pool({
      ...options.extra,
      connectionString: options.url,
      ssl: options.ssl as pg.PoolConfig['ssl'],
      application_name: COMPILED_READS_APPLICATION_NAME,
      onConnect: async (client) => {
        // Without a listener of its own, a connection failing while handed out would stop the process.
        client.on('error', (error) => logger.warn({ err: error }, 'a connection of the compiled reads failed; the pool replaces it'));
        await client.query('SET plan_cache_mode = force_generic_plan');
      },
    });
    // Logged by the connection's own listener; the pool's 'error' must be heard too, or it stops the process.
    pool.on('error', () => undefined);
    return new CompiledStatements(pool as unknown as PgPool, dataSource.logger);
  }

  async query<Row>(sql: string, parameters: unknown[]): Promise<Row[]> {
    const name = this.nameFor(sql);
    this.counter.logQuery(sql, parameters);
    const client = await this.pool.connect();
    try {
      const { rows } = await client.query<Row>({ name, text: sql, values: parameters });
      client.release();
      return rows;
    } catch (error) {
      // Any failure takes the connection out of the pool. It may be dead (the server restarted:
      // its error can come before the socket's end, and the pool would hand it out again), or it
      // may have lost its prepared statements (DISCARD ALL, a pooler handing over another server
      // connection) or find them no longer fitting (a migration changed a column's type); pg
      // remembers which names each connection prepared, so that connection would refuse its names
      // for good. A compiled read that fails is rare: the resolvers answer it.
      client.release(error as Error);
      throw error;
    }
  }

  /** Closes the pool's connections (the server is stopping). */
  end(): Promise<void> {
    return this.pool.end();
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
