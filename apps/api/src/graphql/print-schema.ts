/**
 * `pnpm --filter @mrc/api schema`: writes schema.gql from the code. The app builds its schema at
 * boot, which needs a database, so this starts a throwaway embedded one and never touches yours.
 */
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import { startThrowawayPostgres } from '@mrc/local-postgres';
import { pino } from 'pino';
import { loadConfig } from '../config/env.js';
import { createApp } from '../create-app.js';
import { openDatabase } from '../database/open-database.js';
import { printAppSchema, SCHEMA_FILE } from './schema-file.js';

const server = await startThrowawayPostgres();
try {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_ON_EMPTY: 'false', DATABASE_URL: server.urlFor('postgres') });
  const database = await openDatabase(config, pino({ level: 'silent' }));
  const app = await createApp(config, database.url, pino({ level: 'silent' }));
  await app.init();
  await writeFile(SCHEMA_FILE, printAppSchema(app));
  await app.close();
  console.warn(`Wrote ${SCHEMA_FILE}`);
} finally {
  await server.stop();
}
