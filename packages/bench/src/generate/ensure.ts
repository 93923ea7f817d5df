import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  benchDatabaseName,
  createDatabase,
  databaseExists,
  databaseUrl,
  databaseSize,
  dropDatabase,
  GENERATOR_VERSION,
  type GeneratedMeta,
  readMeta,
  withClient,
  writeMeta,
} from '../db.js';
import { API_ROOT } from '../paths.js';
import { Progress } from '../progress.js';
import type { Size } from '../sizes.js';
import { latestEndedPeriod } from './calendar.js';
import { finishDatabase, writeBenchData } from './write.js';

export interface GenerateOptions {
  size: Size;
  seed: number;
  /** The server (any database it names is ignored unless `database` is unset and it names one). */
  serverUrl: string;
  /** Defaults to mrc_bench_<size>_<seed>. */
  database?: string;
  /** Make it again even when a finished one of this size and seed exists. */
  force?: boolean;
}

export interface GeneratedDatabase {
  url: string;
  name: string;
  meta: GeneratedMeta;
  /** False when a cached database was reused. */
  generated: boolean;
}

/**
 * A bench database of a size and seed: the cached one when a finished one exists (its comment says
 * so), otherwise made anew: created, migrated by the API's own migrations, filled, analysed.
 */
export async function ensureGenerated(options: GenerateOptions): Promise<GeneratedDatabase> {
  const name = options.database ?? benchDatabaseName(options.size, options.seed);
  const url = databaseUrl(options.serverUrl, name);
  if (!options.force && (await databaseExists(options.serverUrl, name))) {
    const meta = await readMeta(options.serverUrl, name);
    if (meta && meta.version === GENERATOR_VERSION && meta.size === options.size && meta.seed === options.seed) {
      console.error(`Reusing ${name} (${meta.size}, seed ${meta.seed}, reports up to ${meta.anchor}, made ${meta.generatedAt}); --force makes it again.`);
      return { url, name, meta, generated: false };
    }
    console.error(`${name} exists but is unfinished or from another generator version: making it again.`);
  }

  const started = Date.now();
  const anchor = latestEndedPeriod();
  console.error(`Generating ${name}: size ${options.size}, seed ${options.seed}, five years of reports up to ${anchor}.`);
  await dropDatabase(options.serverUrl, name);
  await createDatabase(options.serverUrl, name);
  await runApiMigrations(url);
  const progress = new Progress();
  const { counts, firstPeriod } = await writeBenchData(url, options.size, options.seed, anchor, progress);
  await finishDatabase(url, progress);
  const meta: GeneratedMeta = {
    generator: '@mrc/bench',
    version: GENERATOR_VERSION,
    size: options.size,
    seed: options.seed,
    anchor,
    firstPeriod,
    counts,
    seconds: Math.round((Date.now() - started) / 100) / 10,
    generatedAt: new Date().toISOString(),
  };
  // Written last: a database without it is an unfinished one and is made again next time.
  await writeMeta(options.serverUrl, name, meta);
  console.error(`Generated ${name} in ${meta.seconds} s: ${await databaseSize(url)}.`);
  return { url, name, meta, generated: true };
}

/** The schema exactly as the API makes it: its migrations, run by the TypeORM CLI over its built data source. */
async function runApiMigrations(url: string): Promise<void> {
  const dataSource = resolve(API_ROOT, 'dist/database/cli-data-source.js');
  if (!existsSync(dataSource)) throw new Error(`The API is not built (${dataSource} is missing): run \`pnpm --filter @mrc/api build\` first.`);
  const cli = resolve(API_ROOT, 'node_modules/typeorm/cli.js');
  await new Promise<void>((done, fail) => {
    const child = spawn(process.execPath, [cli, '-d', dataSource, 'migration:run'], {
      cwd: API_ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`The API's migrations failed (exit ${code}):\n${output.slice(-4000)}`))));
  });
  const applied = await withClient(url, async (client) => (await client.query<{ name: string }>('SELECT name FROM schema_migration ORDER BY id')).rows.map((row) => row.name));
  console.error(`  migrations: ${applied.length} applied (${applied.at(-1)})`);
}
