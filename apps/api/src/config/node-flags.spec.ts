import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { PRODUCTION_NODE_FLAGS } from './node-flags.js';

const REPO = resolve(import.meta.dirname, '../../../..');

/** The launchers that cannot import node-flags.ts must still say the same flags. */
describe('the production V8 flags', () => {
  it('are the ones `start:prod` runs with', () => {
    const scripts = (JSON.parse(readFileSync(resolve(REPO, 'apps/api/package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['start:prod']).toBe(`node ${PRODUCTION_NODE_FLAGS.join(' ')} dist/main.js`);
  });

  it('are the ones the Docker image runs with', () => {
    const command = /^CMD (\[.*\])$/m.exec(readFileSync(resolve(REPO, 'infra/deploy/Dockerfile'), 'utf8'))?.[1];
    expect(JSON.parse(command ?? '[]')).toEqual(['node', ...PRODUCTION_NODE_FLAGS, 'dist/main.js']);
  });
});

/** The bench's figures are production's only if both run one Node release. */
describe('the production Node release', () => {
  it('is the one the bench measures', () => {
    const images = [...readFileSync(resolve(REPO, 'infra/deploy/Dockerfile'), 'utf8').matchAll(/^FROM node:(\d+)[.-]/gm)].map((match) => Number(match[1]));
    const benchMajor = Number(/BENCH_NODE_MAJOR = (\d+)/.exec(readFileSync(resolve(REPO, 'packages/bench/src/run/node24.ts'), 'utf8'))?.[1]);
    expect(images).toEqual([benchMajor, benchMajor]);
  });
});
