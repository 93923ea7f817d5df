import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import compression from 'compression';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { unreadableBodies } from './common/body-errors.js';
import { HttpDrain } from './common/http-drain.js';
import { closeStalledAnswers } from './common/stalled-answers.js';
import { batchConnectionCounts } from './common/connection-counts.js';
import { httpLogger, PinoNestLogger } from './common/logging.js';
import { createValidationPipe } from './common/validation.pipe.js';
import type { AppConfig } from './config/env.js';
import { countSqlStatements } from './database/sql-statement-counter.js';

/**
 * The Nest application on a prepared database, configured as production runs it. main.ts listens
 * with it; the e2e tests build the very same app on their own database.
 */
export async function createApp(config: AppConfig, databaseUrl: string, logger: Logger): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, databaseUrl, logger), {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
  });
  const drain = new HttpDrain();
  drains.set(app, drain);
  app.use(drain.middleware);
  app.use(closeStalledAnswers(app.getHttpServer()));
  // Answers and the dashboard's files go out compressed to clients that ask (every browser does):
  // JSON and JavaScript shrink five- to tenfold, which on a district's connection is most of the
  // wait. Kept answers carry their compressed bytes, made once (response-cache.ts).
  app.use(compression());
  app.use(httpLogger(logger));
  app.use(countSqlStatements);
  app.use(batchConnectionCounts);
  app.useGlobalPipes(createValidationPipe());
  app.disable('x-powered-by');
  // Express hashes every body it sends for an ETag; GraphQL answers go out to POSTs, which no cache
  // revalidates, and hashing a national aggregate (2.7 MB) cost more than sending it kept from memory.
  // The dashboard's files are served with their own ETags (serve-static).
  app.disable('etag');
  app.set('trust proxy', config.auth.trustProxy);
  app.useBodyParser('json', { limit: '1mb' });
  // Right after the parser, so it sees the parser's refusals and nothing else.
  app.use(unreadableBodies);
  return app;
}

const drains = new WeakMap<INestApplication, HttpDrain>();

/**
 * The first step of a stop, before `app.close()`: no new requests, and every request already taken
 * answered (see HttpDrain for why Nest's own close does not suffice).
 */
export async function drainRequests(app: INestApplication): Promise<void> {
  await drains.get(app)?.drain(app.getHttpServer());
}
