import 'reflect-metadata';
import { createRootLogger } from './common/logging.js';
import { ConfigError, loadConfig } from './config/env.js';
import { createApp } from './create-app.js';
import { openDatabase } from './database/open-database.js';

/** Boot: configuration, database (embedded or DATABASE_URL), migrations and seed, then one HTTP port. */
async function main(): Promise<void> {
  let config;
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
  const database = await openDatabase(config, log);
  const app = await createApp(config, database.url, log);
  app.enableCors({ origin: false });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'Stopping: finishing requests in flight');
    // Nest closes the HTTP server (in-flight requests finish), Apollo, then the connection pool;
    // only then does the embedded server stop, so no request loses its database midway.
    await app.close();
    await database.stop();
    log.info('Stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));

  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log.info({ port, database: database.embedded ? 'embedded' : 'DATABASE_URL' }, `MRC Network is serving on http://localhost:${port}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (process.env.NODE_ENV === 'development' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
