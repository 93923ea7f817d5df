import { once } from 'node:events';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { Writable } from 'node:stream';

/** How much text is gathered before it is handed to the COPY stream. */
const CHUNK_BYTES = 512 * 1024;

/** One value in COPY's text format: \N for null, backslash escapes, JSON for objects and arrays of objects. */
export function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (value instanceof Date) return value.toISOString();
  if (value instanceof PgArray) return escape(`{${value.items.map((item) => `"${item.replace(/["\\]/g, '\\$&')}"`).join(',')}}`);
  if (typeof value === 'object') return escape(JSON.stringify(value));
  return escape(String(value));
}

/** A text[] value (COPY would otherwise write a JS array as JSON). */
export class PgArray {
  constructor(readonly items: readonly string[]) {}
}

function escape(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (char) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[char]!);
}

/**
 * Rows into one table through `COPY ... FROM STDIN` on its own connection, with triggers (foreign
 * keys, the analytics read model's upkeep) off for the session: the generator writes consistent data
 * and rebuilds what the triggers would have kept. CHECK and unique constraints still hold.
 */
export class CopyWriter {
  private stream: Writable | undefined;
  private failure: Error | undefined;
  private buffer = '';
  rows = 0;

  private constructor(
    private readonly client: pg.Client,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {}

  static async open(url: string, table: string, columns: readonly string[]): Promise<CopyWriter> {
    const client = new pg.Client({ connectionString: url, application_name: 'mrc-bench-generate' });
    await client.connect();
    await client.query('SET session_replication_role = replica');
    const writer = new CopyWriter(client, table, columns);
    writer.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
    writer.stream.on('error', (error: Error) => {
      writer.failure = new Error(`COPY into ${table} failed: ${error.message}`);
    });
    return writer;
  }

  async row(values: readonly unknown[]): Promise<void> {
    if (values.length !== this.columns.length) throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    this.buffer += values.map(copyValue).join('\t') + '\n';
    this.rows++;
    if (this.buffer.length >= CHUNK_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    const chunk = this.buffer;
    this.buffer = '';
    if (chunk && !this.stream!.write(chunk)) await once(this.stream!, 'drain');
  }

  async close(): Promise<number> {
    try {
      await this.flush();
      this.stream!.end();
      await once(this.stream!, 'finish');
      if (this.failure) throw this.failure;
    } finally {
      await this.client.end().catch(() => undefined);
    }
    return this.rows;
  }
}
