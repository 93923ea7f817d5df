import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// This file sits at packages/bench/{src,dist}/, two levels below the repository root.
const here = dirname(fileURLToPath(import.meta.url));

export const BENCH_ROOT = resolve(here, '..');
export const REPO_ROOT = resolve(here, '../../..');
export const API_ROOT = resolve(REPO_ROOT, 'apps/api');
export const API_MAIN = resolve(API_ROOT, 'dist/main.js');
export const DASHBOARD_DIST = resolve(REPO_ROOT, 'apps/dashboard/dist');
/** Node 24 from the npm registry, and anything else the bench downloads: never committed. */
export const CACHE_DIR = resolve(BENCH_ROOT, '.cache');
export const RESULTS_DIR = resolve(BENCH_ROOT, 'results');
