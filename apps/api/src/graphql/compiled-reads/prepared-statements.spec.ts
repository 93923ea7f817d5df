import { describe, expect, it } from '@jest/globals';
import { CompiledStatements, type PgPool } from './prepared-statements.js';

/** A pg pool that records what each client was asked and how it was given back. */
function fakePool(fail: (name: string | undefined) => boolean) {
  const asked: (string | undefined)[] = [];
  const released: (Error | undefined)[] = [];
  const pool = {
    async connect() {
      return {
        async query(config: { name?: string }) {
          asked.push(config.name);
          if (fail(config.name)) throw new Error('prepared statement "x" does not exist');
          return { rows: [{ data: '{}' }] };
        },
        release(destroy?: Error) {
          released.push(destroy);
        },
      };
    },
  };
  const counted: string[] = [];
  return { statements: new CompiledStatements(pool as unknown as PgPool, { logQuery: (sql) => counted.push(sql) }), asked, released, counted };
}

describe('CompiledStatements', () => {
  it('names a shape on its third run, and every run is counted', async () => {
    const { statements, asked, counted } = fakePool(() => false);
    for (let run = 0; run < 4; run++) await statements.query('SELECT 1', []);
    await statements.query('SELECT 2', []);
    expect(asked.slice(0, 2)).toEqual([undefined, undefined]);
    expect(asked[2]).toMatch(/^compiled_/);
    expect(asked[3]).toBe(asked[2]);
    expect(asked[4]).toBeUndefined();
    expect(counted).toHaveLength(5);
  });

  it('takes a connection out of the pool when a statement fails on it, named or not, and gives back the others', async () => {
    const { statements, released } = fakePool((name) => name !== undefined);
    for (let run = 0; run < 2; run++) await statements.query('SELECT 1', []);
    await expect(statements.query('SELECT 1', [])).rejects.toThrow('does not exist');
    expect(released.slice(0, 3).map((destroy) => destroy instanceof Error)).toEqual([false, false, true]);

    const failingUnnamed = fakePool((name) => name === undefined);
    await expect(failingUnnamed.statements.query('SELECT 2', [])).rejects.toThrow();
    expect(failingUnnamed.released[0]).toBeInstanceOf(Error);
  });
});
