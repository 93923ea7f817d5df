import { isAbsolute, resolve } from 'node:path';
import { PERIOD_TYPES, type PeriodType, type Role } from '@mrc/domain';
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
  GRAPHQL_MAX_COST: z.coerce.number().int().min(100).max(100_000_000).default(2_000_000),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  // Query-cost budgets per role (GRAPHQL_MAX_COST is the administrators'): administrators and analysts ask the big questions.
  GRAPHQL_MAX_COST_ANALYST: z.coerce.number().int().min(100).max(100_000_000).default(2_000_000),
  GRAPHQL_MAX_COST_COORDINATOR: z.coerce.number().int().min(100).max(100_000_000).default(250_000),
  GRAPHQL_MAX_COST_ANONYMOUS: z.coerce.number().int().min(100).max(100_000_000).default(2_000),
  // Aggregates: the smallest count of people shown, the largest table, how long one statement may run
  // and how many aggregates read at once (the rest wait, leaving the pool to everyone else).
  ANALYTICS_SUPPRESSION_THRESHOLD: z.coerce.number().int().min(2).max(100).default(5),
  ANALYTICS_MAX_ROWS: z.coerce.number().int().min(100).max(1_000_000).default(100_000),
  ANALYTICS_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(1).max(600_000).default(10_000),
  ANALYTICS_WORK_MEM_MB: z.coerce.number().int().min(1).max(2048).default(32),
  ANALYTICS_CONCURRENCY: z.coerce.number().int().min(1).max(50).default(2),
  ANALYTICS_MAX_WAITING: z.coerce.number().int().min(0).max(10_000).default(50),
  // Whole answers to repeated read queries, per user, until the next change (0 turns it off).
  RESPONSE_CACHE_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  RESPONSE_CACHE_MB: z.coerce.number().int().min(1).max(4096).default(32),
  // Nested network reads answered by one SQL statement that writes the JSON (graphql/compiled-reads/); false runs every query through the resolvers.
  COMPILED_READS: z.stringbool().default(true),
  // Long lists (an analytics table's rows) written straight to JSON text (graphql/written-lists.ts); false has graphql-js complete them.
  WRITTEN_LISTS: z.stringbool().default(true),
  // Signs access tokens. Every API process behind one load balancer needs the same value; unset, each
  // process makes a random one at start (signed-in users then renew their token from the session cookie).
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(86_400).default(900),
  SESSION_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  // How long a session's row stays after it expired (or was revoked and then expired), then it is deleted.
  SESSION_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  // How long the audit trail keeps sign-ins, session renewals and sign-outs; at least the 30 days the trail's trigger insists on.
  AUDIT_SIGN_IN_KEEP_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
  // The longest a session found valid is taken as valid without SQL; PostgreSQL's news of a change ends it sooner (auth/auth-changes.ts). 0: always ask.
  SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(86_400).default(3600),
  REFRESH_RACE_SECONDS: z.coerce.number().int().min(0).max(300).default(10),
  COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  // Express's "trust proxy": behind a TLS-terminating proxy, set it (e.g. `1` for one hop) so client
  // addresses (rate limits) and HTTPS (Secure cookies) are seen as the client's, not the proxy's.
  TRUST_PROXY: z.string().regex(/^(true|false|\d+|[\w.:/, ]+)$/, 'must be true, false, a hop count or addresses').default('false'),
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(10_000).default(30),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).max(86_400).default(900),
  REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  ADMIN_NAME: z.string().min(1).default('Administrator'),
  SEED_DEMO_USERS: z.stringbool().optional(),
  // Set when several API processes serve one dashboard: live updates then travel through Redis, and rate limits are counted there.
  REDIS_URL: z
    .string()
    .refine((value) => /^rediss?:\/\/.+/.test(value), 'must be a redis:// or rediss:// URL')
    .optional(),
  // The namespace of this deployment's channels and rate-limit counters on that Redis. Every process of
  // one deployment must share it, so the default is one fixed name; a second deployment on the same
  // Redis (staging beside production) sets its own, or each hears the other's live updates and cache
  // news, and counts the other's sign-in attempts.
  REDIS_CHANNEL_PREFIX: z
    .string()
    .regex(/^[\w.:@/-]{1,100}$/, 'letters, digits and . : @ / - _ only, at most 100')
    .optional(),
  // How often centres report, and the day of the following month reports are due.
  REPORT_PERIOD_TYPE: z.enum(PERIOD_TYPES).default('MONTHLY'),
  REPORT_DEADLINE_DAY: z.coerce.number().int().min(1).max(28).default(5),
  // How long a submission's idempotency key answers its retries; older keys count as unused and are deleted.
  IDEMPOTENCY_KEY_DAYS: z.coerce.number().int().min(1).max(365).default(7),
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
  graphql: {
    maxDepth: number;
    /** The query-cost budget of each kind of caller. */
    maxCost: Record<Role | 'ANONYMOUS', number>;
    maxAliases: number;
  };
  analytics: { suppressionThreshold: number; maxRows: number; statementTimeoutMs: number; workMemMb: number; concurrency: number; maxWaiting: number };
  /** How long a repeated read may be answered from memory (0: never), and how much memory that may take. */
  responseCache: { seconds: number; maxBytes: number };
  /** Whether compilable read queries are answered by one SQL statement (graphql/compiled-reads/). */
  compiledReads: boolean;
  /** Whether an analytics table's rows are written straight to JSON text (graphql/written-lists.ts). */
  writtenLists: boolean;
  reporting: {
    periodType: PeriodType;
    deadlineDay: number;
    /** How long a submission's retries get its first answer back; an older key counts as unused. */
    idempotencyKeyDays: number;
  };
  /** Undefined: live events stay in this process, and each process counts its own rate limits. */
  redisUrl: string | undefined;
  /** Put before every channel and counter name on Redis (REDIS_CHANNEL_PREFIX, or defaultChannelPrefix). */
  redisChannelPrefix: string;
  auth: {
    /** Undefined: a random secret is made at start. */
    secret: string | undefined;
    accessTokenTtlSeconds: number;
    sessionTtlDays: number;
    /** How long an expired session's row is kept for people to read (why and when it ended); then it is deleted. */
    sessionKeepDays: number;
    /** How long the audit trail keeps sign-in activity (sign-ins, renewals, sign-outs); then it is deleted. */
    signInAuditKeepDays: number;
    /** How long after a refresh the replaced cookie still counts as a second tab, not a stolen copy. */
    refreshRaceSeconds: number;
    /** The longest a valid session is believed without SQL (news from PostgreSQL ends it sooner); 0: checked on every request. */
    sessionCacheSeconds: number;
    /** 'auto': Secure cookies when the request came over HTTPS. */
    cookieSecure: 'auto' | 'true' | 'false';
    /** Express's "trust proxy" setting. */
    trustProxy: boolean | number | string;
    loginMaxFailures: number;
    loginMaxAttemptsPerIp: number;
    loginWindowSeconds: number;
    requestsPerMinute: number;
    firstAdmin: { email: string; password: string; name: string } | undefined;
    /** The demo accounts of the README; by default only on the embedded database. */
    seedDemoUsers: boolean;
  };
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
    graphql: {
      maxDepth: env.GRAPHQL_MAX_DEPTH,
      maxCost: {
        REGIONAL_ADMIN: env.GRAPHQL_MAX_COST,
        ANALYST: env.GRAPHQL_MAX_COST_ANALYST,
        DISTRICT_COORDINATOR: env.GRAPHQL_MAX_COST_COORDINATOR,
        ANONYMOUS: env.GRAPHQL_MAX_COST_ANONYMOUS,
      },
      maxAliases: env.GRAPHQL_MAX_ALIASES,
    },
    analytics: {
      suppressionThreshold: env.ANALYTICS_SUPPRESSION_THRESHOLD,
      maxRows: env.ANALYTICS_MAX_ROWS,
      statementTimeoutMs: env.ANALYTICS_STATEMENT_TIMEOUT_MS,
      workMemMb: env.ANALYTICS_WORK_MEM_MB,
      concurrency: env.ANALYTICS_CONCURRENCY,
      maxWaiting: env.ANALYTICS_MAX_WAITING,
    },
    responseCache: { seconds: env.RESPONSE_CACHE_SECONDS, maxBytes: env.RESPONSE_CACHE_MB * 1024 * 1024 },
    compiledReads: env.COMPILED_READS,
    writtenLists: env.WRITTEN_LISTS,
    reporting: { periodType: env.REPORT_PERIOD_TYPE, deadlineDay: env.REPORT_DEADLINE_DAY, idempotencyKeyDays: env.IDEMPOTENCY_KEY_DAYS },
    redisUrl: env.REDIS_URL,
    redisChannelPrefix: env.REDIS_CHANNEL_PREFIX ?? 'mrc:',
    auth: {
      secret: env.AUTH_SECRET,
      accessTokenTtlSeconds: env.ACCESS_TOKEN_TTL_SECONDS,
      sessionTtlDays: env.SESSION_TTL_DAYS,
      sessionKeepDays: env.SESSION_KEEP_DAYS,
      signInAuditKeepDays: env.AUDIT_SIGN_IN_KEEP_DAYS,
      refreshRaceSeconds: env.REFRESH_RACE_SECONDS,
      sessionCacheSeconds: env.SESSION_CACHE_SECONDS,
      cookieSecure: env.COOKIE_SECURE,
      trustProxy: env.TRUST_PROXY === 'true' ? true : env.TRUST_PROXY === 'false' ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
      loginMaxFailures: env.LOGIN_MAX_FAILURES,
      loginMaxAttemptsPerIp: env.LOGIN_MAX_ATTEMPTS_PER_IP,
      loginWindowSeconds: env.LOGIN_WINDOW_SECONDS,
      requestsPerMinute: env.REQUESTS_PER_MINUTE,
      firstAdmin: firstAdmin(env),
      seedDemoUsers: env.SEED_DEMO_USERS ?? env.DATABASE_URL === undefined,
    },
  };
}

function firstAdmin(env: Env): AppConfig['auth']['firstAdmin'] {
  if (!env.ADMIN_EMAIL && !env.ADMIN_PASSWORD) return undefined;
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration: ADMIN_EMAIL and ADMIN_PASSWORD go together (the first administrator).');
  }
  return { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, name: env.ADMIN_NAME };
}

/** Nest injection token of the AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
