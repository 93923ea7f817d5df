import './production-by-default.js';
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { createRootLogger } from './common/logging.js';
import { ConfigError, loadConfig, type AppConfig } from './config/env.js';
import { createApp, drainRequests } from './create-app.js';
import { type OpenDatabase, openDatabase } from './database/open-database.js';

/** How long requests in flight may take to finish once a stop is asked for. */
const SHUTDOWN_GRACE_MS = 15_000;

/** Boot: configuration, database (embedded or DATABASE_URL), migrations and seed, then one HTTP port. */
async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = createRootLogger(config);
  let database: OpenDatabase | undefined;
  let app: INestApplication | undefined;

  // Signals are handled from the first moment: a Ctrl-C while the embedded PostgreSQL is still
  // starting must not leave it running. Ctrl-C reaches the whole process group (pnpm, start.mjs,
  // this process), so the same signal may arrive more than once; only the first counts.
  let startup: Promise<unknown> = Promise.resolve();
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping: finishing requests in flight');
    setTimeout(() => {
      log.error(`Requests still running after ${SHUTDOWN_GRACE_MS} ms; exiting anyway`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await startup.catch(() => undefined);
    try {
      // First HTTP: no new requests, and those in flight answered (drainRequests says why Nest's own
      // close does not do it). Then Nest stops Apollo and the connection pool; only then does the
      // embedded server stop, so no request loses its database midway.
      if (app) await drainRequests(app);
      await app?.close();
      await database?.stop();
    } catch (error) {
      // A failed stop must still end the process, and with a code that says it failed.
      log.error({ err: error }, 'Stopping failed');
      process.exit(1);
    }
    log.info('Stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));

  startup = (async () => {
    database = await openDatabase(config, log);
    if (stopping) return;
    app = await createApp(config, database.url, log);
    if (stopping) return;
    await app.listen(config.port, config.host);
    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    log.info({ port, database: database.embedded ? 'embedded' : 'DATABASE_URL' }, `MRC Network is serving on http://localhost:${port}`);
  })();
  try {
    await startup;
  } catch (error) {
    await database?.stop().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (process.env.NODE_ENV === 'development' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
