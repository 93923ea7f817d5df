#!/usr/bin/env node
/**
 * Part of `pnpm build`: copies the files the API reads at run time that tsc does not emit — the
 * workbench's example queries — next to the built JavaScript, so `node dist/main.js` finds them
 * where the sources do (src/workbench/examples → dist/workbench/examples).
 */
import { cp, rm } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const folders = ['workbench/examples'];
for (const folder of folders) {
  const target = resolve(root, 'dist', folder);
  // A removed example must not live on in dist/.
  await rm(target, { recursive: true, force: true });
  await cp(resolve(root, 'src', folder), target, { recursive: true, filter: (path) => !/\.(ts|js)$/.test(path) });
}
