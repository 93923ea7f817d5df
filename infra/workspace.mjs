// Shared by start.mjs and test.mjs: make a fresh clone runnable with nothing but Node and npm.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PNPM_VERSION = '12.4.2';

// Turborepo reports usage to its makers unless told not to; our users' offices are offline anyway.
process.env.TURBO_TELEMETRY_DISABLED ??= '1';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`MRC Network needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}

/** The pnpm that launched us, or pnpm fetched by npx when we were started with npm. */
function pnpmCommand() {
  const launcher = process.env.npm_execpath ?? '';
  // pnpm 12 is a native executable; older ones are a JavaScript file run by node.
  if (/pnpm/.test(launcher)) return /\.[cm]?js$/.test(launcher) ? [process.execPath, [launcher]] : [launcher, []];
  return ['npx', ['--yes', `pnpm@${PNPM_VERSION}`]];
}

export function pnpm(args, options = {}) {
  const [command, prefix] = pnpmCommand();
  const result = spawnSync(command, [...prefix, ...args], { cwd: ROOT, stdio: 'inherit', ...options });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Installs the workspace's packages when they are missing or older than the lockfile. */
export function ensureInstalled() {
  const marker = join(ROOT, 'node_modules', '.modules.yaml');
  const lockfile = join(ROOT, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lockfile).mtimeMs) return;
  console.warn('Installing packages (first run)…');
  pnpm(['install', '--frozen-lockfile']);
}
