import { Readable, Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import type { TabularSource } from './tabular-source.js';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

/**
 * Writes a table as RFC 4180 CSV (CRLF line ends, quotes where needed) in UTF-8 with a byte-order
 * mark, which is what makes Excel read Cyrillic and Kazakh letters right. Rows are pulled from the
 * source only as fast as `out` takes them (stream backpressure), so memory stays flat.
 */
export async function writeCsv(source: TabularSource, out: Writable): Promise<void> {
  const csv = stringify({
    bom: true,
    record_delimiter: 'windows',
    // csv-stringify writes false as an empty field by default; a reader should see the value.
    cast: { boolean: (value) => (value ? 'true' : 'false') },
  });
  const header = source.columns.map((column) => column.label);
  await pipeline(Readable.from(withHeader(header, source.rows())), csv, new Chunks(), out);
}

/** Bytes gathered before they go out: csv-stringify emits one small chunk per row. */
const CHUNK_BYTES = 64 * 1024;

/**
 * Gathers the stringifier's row-sized pieces into chunks of about 64 KiB, so the response is sent
 * in a few hundred writes rather than one per row (less work for the server and for the reader).
 */
class Chunks extends Transform {
  private pending: Buffer[] = [];
  private size = 0;

  override _transform(chunk: Buffer | string, encoding: BufferEncoding, done: TransformCallback): void {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.pending.push(bytes);
    this.size += bytes.length;
    if (this.size >= CHUNK_BYTES) this.release();
    done();
  }

  override _flush(done: TransformCallback): void {
    this.release();
    done();
  }

  private release(): void {
    if (this.size === 0) return;
    this.push(Buffer.concat(this.pending, this.size));
    this.pending = [];
    this.size = 0;
  }
}

async function* withHeader(header: unknown[], rows: AsyncIterable<unknown[]>): AsyncIterable<unknown[]> {
  yield header;
  yield* rows;
}
