import pg from 'pg';
import type { Size } from './sizes.js';

/** The local PostgreSQL of the project's machines (trust auth). */
export const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432';

/** Bumped whenever the generator writes different data for the same size and seed: cached databases are then made again. */
export const GENERATOR_VERSION = 1;

export interface GeneratedMeta {
  generator: '@mrc/bench';
  version: number;
  size: Size;
  seed: number;
  /** The latest period that had ended when the data was made (`YYYY-MM`): the reports end there. */
  anchor: string;
  /** The first period with reports. */
  firstPeriod: string;
  counts: Record<string, number>;
  seconds: number;
  generatedAt: string;
}

export function benchDatabaseName(size: Size, seed: number): string {
  return `mrc_bench_${size}_${seed}`;
}

/** The URL of a database on the server of `serverUrl` (whatever database that URL names). */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

/** The database a URL names, or undefined when it names none. */
export function databaseOf(url: string): string | undefined {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  return name || undefined;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'mrc-bench' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
const quoteLiteral = (text: string) => `'${text.replace(/'/g, "''")}'`;

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withClient(databaseUrl(serverUrl, 'postgres'), async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return found.rowCount === 1;
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl(serverUrl, 'postgres'), (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
}

export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(databaseUrl(serverUrl, 'postgres'), (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

/** What the generator wrote into a database's comment when it finished; undefined for an unfinished or foreign one. */
export async function readMeta(serverUrl: string, name: string): Promise<GeneratedMeta | undefined> {
  return withClient(databaseUrl(serverUrl, 'postgres'), async (client) => {
    const found = await client.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [name],
    );
    const comment = found.rows[0]?.comment;
    if (!comment) return undefined;
    try {
      const meta = JSON.parse(comment) as GeneratedMeta;
      return meta.generator === '@mrc/bench' ? meta : undefined;
    } catch {
      return undefined;
    }
  });
}

export async function writeMeta(serverUrl: string, name: string, meta: GeneratedMeta): Promise<void> {
  await withClient(databaseUrl(serverUrl, 'postgres'), (client) =>
    client.query(`COMMENT ON DATABASE ${quoteIdent(name)} IS ${quoteLiteral(JSON.stringify(meta))}`),
  );
}

export async function databaseSize(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const found = await client.query<{ size: string }>('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    return found.rows[0]!.size;
  });
}
