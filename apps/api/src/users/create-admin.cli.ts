/**
 * `pnpm --filter @mrc/api create-admin --email a@b.kz --name "Aigerim N."`: adds a regional
 * administrator to the configured database (DATABASE_URL, or the embedded one while the app is
 * stopped). The password comes from ADMIN_PASSWORD or, when unset, the first line of standard input,
 * so it never appears in the shell history.
 */
import 'reflect-metadata';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module.js';
import { createRootLogger } from '../common/logging.js';
import { loadConfig } from '../config/env.js';
import { openDatabase } from '../database/open-database.js';
import { UsersService } from './users.service.js';

// Positionals allowed: package managers may pass a literal `--` through.
const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true });
if (!values.email) {
  console.error('Usage: create-admin --email <address> [--name <display name>]  (password: ADMIN_PASSWORD or stdin)');
  process.exit(2);
}
const password = process.env.ADMIN_PASSWORD ?? (await createInterface({ input: process.stdin }).question('Password: '));

// Quiet: the app's start-up seeders would otherwise report on an empty database mid-command.
const config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error', ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
const log = createRootLogger(config);
const database = await openDatabase(config, log);
const app = await NestFactory.createApplicationContext(AppModule.register(config, database.url, log), { logger: false });
try {
  const users = app.get(UsersService);
  const admin = await users.createFirstAdmin(values.email, values.name ?? 'Administrator', password);
  console.warn(`Created administrator ${admin.email}.`);
} catch (error) {
  const fields = (error as { extensions?: { fields?: Record<string, string> } }).extensions?.fields ?? {};
  console.error([error instanceof Error ? error.message : String(error), ...Object.entries(fields).map(([field, problem]) => `  ${field}: ${problem}`)].join('\n'));
  process.exitCode = 1;
} finally {
  await app.close();
  await database.stop();
}
