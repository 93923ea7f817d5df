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
