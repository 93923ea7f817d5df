import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { printAppSchema, readCommittedSchema } from '../src/graphql/schema-file.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

describe('schema.gql', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it('is exactly the schema the code serves (run `pnpm --filter @mrc/api schema` after changing the API)', async () => {
    expect(printAppSchema(api.app)).toBe(await readCommittedSchema());
  });

  it('describes every type and field, as the analysts\' manual', () => {
    const sdl = printAppSchema(api.app);
    for (const typeName of ['Centre', 'CentreConnection', 'PageInfo', 'LocalisedText']) {
      expect(sdl).toMatch(new RegExp(`"""[^"]+"""\\s*type ${typeName} `));
    }
  });
});
