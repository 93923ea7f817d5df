import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/env.js';
import { type ExpiredRows, ExpiredRowsSweeper } from './expired-rows-sweeper.js';

/**
 * When the sweeps come, on a fake clock (what each sweep deletes is tested against PostgreSQL in the
 * reports and auth suites): soon after start, then hourly, and never after the app stops.
 */
class TestSweeper extends ExpiredRowsSweeper {
  protected expiredRows(): ExpiredRows {
    return { table: 'test_rows', condition: 'created_at < now()', parameters: [], description: 'test rows' };
  }
}

const silent = { debug: () => undefined, warn: () => undefined } as unknown as Logger;

const MINUTE = 60 * 1000;

describe('ExpiredRowsSweeper', () => {
  let statements: string[];
  let sweeper: TestSweeper;
  // Each sweep finds nothing to delete: one statement per sweep, recorded.
  const recording = () => new TestSweeper({ query: async (sql: string) => (statements.push(sql), [[], 0]) } as unknown as DataSource, {} as AppConfig, silent);

  beforeEach(() => {
    jest.useFakeTimers();
    statements = [];
    sweeper = recording();
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('sweeps first 10 to 20 minutes after start, then every hour', async () => {
    sweeper.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(10 * MINUTE - 1);
    expect(statements).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(10 * MINUTE + 1);
    expect(statements).toHaveLength(1);
    expect(statements[0]).toContain('DELETE FROM test_rows');
    await jest.advanceTimersByTimeAsync(60 * MINUTE);
    expect(statements).toHaveLength(2);
    await jest.advanceTimersByTimeAsync(60 * MINUTE);
    expect(statements).toHaveLength(3);
    await sweeper.onModuleDestroy();
  });

  it('does not sweep once the app stops, before the first sweep or after it', async () => {
    sweeper.onApplicationBootstrap();
    await sweeper.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(3 * 60 * MINUTE);
    expect(statements).toHaveLength(0);

    const restarted = recording();
    restarted.onApplicationBootstrap();
    await jest.advanceTimersByTimeAsync(20 * MINUTE);
    expect(statements).toHaveLength(1);
    await restarted.onModuleDestroy();
    expect(jest.getTimerCount()).toBe(0);
    await jest.advanceTimersByTimeAsync(3 * 60 * MINUTE);
    expect(statements).toHaveLength(1);
  });
});
