import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { REPO_ROOT } from './paths.js';

/**
 * Every setting the API reads from the environment. Parsed once at boot: a bad value stops the start
 * with a message that names the variable (see README "Configuration" for the same list).
 */
const envSchema = z.object({
  // Production unless told otherwise: development exposes stack traces in GraphQL errors.
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z
    .string()
    .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), 'must be a postgres:// connection string')
    .optional(),
  EMBEDDED_PG_DATA_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65_535).default(54_329),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  SEED_ON_EMPTY: z.stringbool().default(true),
  DASHBOARD_DIST: z.string().min(1).default('apps/dashboard/dist'),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
});

export type Env = z.infer<typeof envSchema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  port: number;
  host: string;
  logLevel: Env['LOG_LEVEL'];
  /** Undefined: start the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  embeddedPostgres: { dataDir: string; port: number };
  dbPoolSize: number;
  seedOnEmpty: boolean;
  dashboardDist: string;
  graphql: { maxDepth: number; maxCost: number; maxAliases: number };
}

export class ConfigError extends Error {}

/** Reads and checks the environment. Relative paths are taken from the repository root. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable (`PORT=`) means "not set", as a newcomer copying the README's table expects.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join('.');
      const given = source[name];
      return `  ${name}=${given === undefined ? '(unset)' : JSON.stringify(given)}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration; fix these environment variables:\n${problems.join('\n')}`);
  }
  const env = parsed.data;
  const fromRoot = (path: string) => (isAbsolute(path) ? path : resolve(REPO_ROOT, path));
  return {
    env: env.NODE_ENV,
    isProduction: env.NODE_ENV === 'production',
    port: env.PORT,
    host: env.HOST,
    logLevel: env.LOG_LEVEL,
    databaseUrl: env.DATABASE_URL,
    embeddedPostgres: { dataDir: fromRoot(env.EMBEDDED_PG_DATA_DIR), port: env.EMBEDDED_PG_PORT },
    dbPoolSize: env.DB_POOL_SIZE,
    seedOnEmpty: env.SEED_ON_EMPTY,
    dashboardDist: fromRoot(env.DASHBOARD_DIST),
    graphql: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxCost: env.GRAPHQL_MAX_COST, maxAliases: env.GRAPHQL_MAX_ALIASES },
  };
}

/** Nest injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
