import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findFreePort } from '@mrc/local-postgres';

export interface RunningApi {
  readonly baseUrl: string;
  /** SIGTERM, then waits for the process to exit (SIGKILL if it hangs). Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartApiOptions {
  /** The built entry point, apps/api/dist/main.js. */
  mainPath: string;
  /** Working directory of the API process (apps/api, as `pnpm start:prod` runs it). */
  cwd: string;
  databaseUrl: string;
  /** How long the API may take to answer GET /health with 200. */
  readyTimeoutMs?: number;
}

/** Most of what the API printed, for an error message that explains a failed start. */
const OUTPUT_TAIL_CHARS = 8_000;

export async function startApi({ mainPath, cwd, databaseUrl, readyTimeoutMs = 60_000 }: StartApiOptions): Promise<RunningApi> {
  if (!existsSync(mainPath)) {
    throw new Error(`The API is not built: ${mainPath} does not exist. Run \`pnpm --filter @mrc/api build\` first.`);
  }
  const port = await findFreePort();
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--enable-source-maps', mainPath], {
    cwd,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      // The README's demo accounts (one per role) on the fresh database; support.ts signs in with them.
      SEED_DEMO_USERS: 'true',
      // The shortest life the API allows, so a test can see an access token expire and be renewed.
      ACCESS_TOKEN_TTL_SECONDS: '30',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  const output = { stdout: '', stderr: '' };
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stdout = (output.stdout + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    output.stderr = (output.stderr + chunk).slice(-OUTPUT_TAIL_CHARS);
  });
  const exited = exitOf(child);
  // If the test runner dies without teardown, do not leave an API holding the database.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = once(async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), delay(15_000).then(() => false)]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  });

  const describeOutput = () =>
    `\n--- API stderr ---\n${output.stderr.trim() || '(empty)'}\n--- API stdout ---\n${output.stdout.trim() || '(empty)'}`;

  const outcome = await Promise.race([
    waitForHealth(baseUrl, readyTimeoutMs).then((ready) => (ready ? { kind: 'ready' as const } : { kind: 'timeout' as const })),
    exited.then((exit) => ({ kind: 'exited' as const, ...exit })),
  ]);
  if (outcome.kind === 'ready') return { baseUrl, stop };

  await stop();
  if (outcome.kind === 'exited') {
    const how = outcome.signal ? `signal ${outcome.signal}` : `code ${String(outcome.code)}`;
    throw new Error(`The API exited with ${how} before answering GET ${baseUrl}/health.${describeOutput()}`);
  }
  throw new Error(`The API did not answer GET ${baseUrl}/health with 200 within ${readyTimeoutMs / 1000} s.${describeOutput()}`);
}

/** Polls until /health answers 200; false when the time runs out. */
async function waitForHealth(baseUrl: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return true;
    } catch {
      // Not listening yet (the API migrates and seeds the database before it opens the port).
    }
    await delay(250);
  }
  return false;
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
    // spawn() failing (e.g. EACCES) reports an error and no exit.
    child.once('error', () => resolve({ code: child.exitCode, signal: child.signalCode }));
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function once(action: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= action());
}
