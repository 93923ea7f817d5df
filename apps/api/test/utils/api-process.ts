import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from '@mrc/local-postgres';
import type { GraphqlResponse } from './test-app.js';

/**
 * The built API (`dist/main.js`) as a process of its own, as production runs it: for the tests that
 * stop it with a signal, take its database away, or watch it for a crash (an unhandled rejection
 * ends a Node process, which no in-process test would see).
 */
export const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The tests run dist/main.js: refuse a build older than the sources (pnpm test builds first; a bare jest run may not). */
export function assertFreshBuild(): void {
  const main = resolve(API_ROOT, 'dist/main.js');
  if (!existsSync(main)) throw new Error('Build the API first (pnpm --filter @mrc/api build): these tests run dist/main.js.');
  const newest = (dir: string): number =>
    Math.max(...readdirSync(dir, { withFileTypes: true }).map((entry) => (entry.isDirectory() ? newest(resolve(dir, entry.name)) : statSync(resolve(dir, entry.name)).mtimeMs)));
  if (newest(resolve(API_ROOT, 'src')) > statSync(main).mtimeMs) throw new Error('dist/ is older than src/: rebuild the API (pnpm --filter @mrc/api build).');
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Everything it printed, stdout and stderr interleaved. */
  output: string[];
  /** Settles with the exit code (null when a signal killed it). */
  exited: Promise<number | null>;
}

/** Starts dist/main.js on a free port and waits until /health answers 200. */
export async function startApi(env: Record<string, string>, readyWithinMs = 60_000): Promise<ApiProcess> {
  const port = await findFreePort();
  const output: string[] = [];
  const child = spawn(process.execPath, ['dist/main.js'], {
    cwd: API_ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The API exited with ${child.exitCode}:\n${output.join('')}`);
    const ready = await fetch(`${url}/health`).then((response) => response.ok, () => false);
    if (ready) return { url, child, output, exited };
    await new Promise((wait) => setTimeout(wait, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`The API did not get ready within ${readyWithinMs / 1000} s:\n${output.join('')}`);
}

/** SIGTERM, as an orchestrator stops it; the exit code, or an error when it hangs past `withinMs`. */
export async function stopApi(api: ApiProcess | undefined, withinMs = 20_000): Promise<number | null> {
  if (!api) return null;
  if (api.child.exitCode !== null || api.child.signalCode !== null) return api.exited;
  api.child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const code = await Promise.race([api.exited, new Promise<'hung'>((done) => (timer = setTimeout(() => done('hung'), withinMs)))]);
  clearTimeout(timer);
  if (code === 'hung') {
    api.child.kill('SIGKILL');
    throw new Error(`The API did not stop within ${withinMs / 1000} s of SIGTERM:\n${api.output.join('')}`);
  }
  return code;
}

/** One GraphQL request over HTTP, with the status and the X-SQL-Statements count beside the body. */
export async function graphqlAt<Data = Record<string, unknown>>(
  url: string,
  query: string,
  variables?: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<GraphqlResponse<Data>> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: GraphqlResponse<Data>['body'];
  try {
    body = JSON.parse(text) as GraphqlResponse<Data>['body'];
  } catch {
    throw new Error(`Not a JSON answer (HTTP ${response.status}): ${text.slice(0, 300)}`);
  }
  return { status: response.status, sqlStatements: Number(response.headers.get('x-sql-statements')), headers: response.headers, body };
}

export async function signInAt(url: string, account: { email: string; password: string }): Promise<Record<string, string>> {
  const { body } = await graphqlAt<{ login: { accessToken: string } }>(url, 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', {
    input: { email: account.email, password: account.password },
  });
  const token = body.data?.login.accessToken;
  if (!token) throw new Error(`Could not sign in as ${account.email}: ${JSON.stringify(body.errors)}`);
  return { authorization: `Bearer ${token}` };
}
