import { ensureDatabase, startLocalPostgres } from '@mrc/local-postgres';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env.js';
import { dataSourceOptions } from './data-source.js';
import { seedNetworkIfEmpty } from './seed/seed-network.js';
import { seedReportsIfEmpty } from './seed/seed-reports.js';
import { seedRolloutIfEmpty } from './seed/seed-rollout.js';

/** The database name used on the embedded server. */
const EMBEDDED_DATABASE = 'mrc';
// Any constant works; it only has to be the same for every API process sharing a database.
const MIGRATION_LOCK_KEY = 727_000;

export interface OpenDatabase {
  url: string;
  /** True when this process started the server and must stop it. */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * Gets the database ready before the app starts serving: the server (DATABASE_URL, or the embedded
 * one), the database on it, every pending migration, and the seed on an empty database.
 */
export async function openDatabase(config: AppConfig, log: Logger): Promise<OpenDatabase> {
  const database = config.databaseUrl ? await openExternal(config.databaseUrl) : await openEmbedded(config, log);
  try {
    await migrateAndSeed(database.url, config, log);
  } catch (error) {
    await database.stop();
    throw error;
  }
  return database;
}

async function openExternal(url: string): Promise<OpenDatabase> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) throw new Error('DATABASE_URL names no database: add one, e.g. postgres://user@host:5432/mrc');
  try {
    await ensureDatabase(url, name);
  } catch (error) {
    throw new Error(`Cannot prepare database "${name}" at ${describeServer(url)} (DATABASE_URL): ${reason(error)}`);
  }
  return { url, embedded: false, stop: async () => undefined };
}

async function openEmbedded(config: AppConfig, log: Logger): Promise<OpenDatabase> {
  const { dataDir, port } = config.embeddedPostgres;
  log.info({ dataDir, port }, 'No DATABASE_URL: starting the embedded PostgreSQL');
  const server = await startLocalPostgres({ dataDir, port, onLog: (line) => log.debug({ postgres: line.trim() }) });
  try {
    await ensureDatabase(server.url, EMBEDDED_DATABASE);
  } catch (error) {
    await server.stop();
    throw error;
  }
  const url = server.urlFor(EMBEDDED_DATABASE);
  log.info({ url: url.replace(/:[^:@/]*@/, ':***@') }, 'Embedded PostgreSQL is ready');
  return { url, embedded: true, stop: () => server.stop() };
}

async function migrateAndSeed(url: string, config: AppConfig, log: Logger): Promise<void> {
  const dataSource = new DataSource(dataSourceOptions(url, 2));
  try {
    await dataSource.initialize();
  } catch (error) {
    throw new Error(`Cannot connect to PostgreSQL at ${describeServer(url)}: ${reason(error)}`);
  }
  const lock = dataSource.createQueryRunner();
  try {
    // Several API processes may start together on one database; one migrates, the others wait.
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    if (applied.length > 0) log.info({ migrations: applied.map((m) => m.name) }, 'Applied migrations');
    if (config.seedOnEmpty) {
      const added = await seedNetworkIfEmpty(dataSource, (reason) => log.warn({ reason }, 'Left a part of the seed out'));
      if (Object.values(added).some((count) => count > 0)) log.info({ added }, 'Seeded the Karaganda network into an empty database');
      // Made-up reports and plans only where they cannot be mistaken for real ones: a network seeded just now, or a demo database.
      if (added.centres > 0 || config.auth.seedDemoUsers) {
        const reports = await seedReportsIfEmpty(dataSource, config.reporting);
        if (reports > 0) log.info({ reports }, 'Seeded a year of activity reports');
        const rolloutItems = await seedRolloutIfEmpty(dataSource);
        if (rolloutItems > 0) log.info({ rolloutItems }, 'Seeded the rollout plan of the clubs');
      }
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
    await dataSource.destroy();
  }
}

function describeServer(url: string): string {
  const { hostname, port } = new URL(url);
  return `${hostname}:${port || 5432}`;
}

function reason(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && error.code === 'ECONNREFUSED') return 'connection refused (is the server running?)';
  return error instanceof Error ? error.message : String(error);
}
