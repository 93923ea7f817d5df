import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('has working defaults: port 3000, embedded PostgreSQL, production', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.isProduction).toBe(true);
    expect(config.embeddedPostgres.dataDir).toMatch(/\.data\/postgres$/);
    expect(config.reporting.idempotencyKeyDays).toBe(7);
    expect(config.auth.sessionKeepDays).toBe(30);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['SEED_ON_EMPTY', 'maybe'],
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['REDIS_CHANNEL_PREFIX', 'two words'],
    ['IDEMPOTENCY_KEY_DAYS', '0'],
    ['IDEMPOTENCY_KEY_DAYS', '1.5'],
    ['SESSION_KEEP_DAYS', '0'],
    ['SESSION_KEEP_DAYS', '1.5'],
    ['SESSION_KEEP_DAYS', '3651'],
  ])('refuses %s=%s and names the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}="${value}"`));
  });

  it('keeps expired sessions from one day up to ten years', () => {
    expect(loadConfig({ SESSION_KEEP_DAYS: '1' }).auth.sessionKeepDays).toBe(1);
    expect(loadConfig({ SESSION_KEEP_DAYS: '3650' }).auth.sessionKeepDays).toBe(3650);
  });

  it('names Redis channels under one fixed prefix unless told otherwise', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://mrc:s3cret@db.internal:6432/mrc_prod' }).redisChannelPrefix).toBe('mrc:');
    expect(loadConfig({ REDIS_CHANNEL_PREFIX: 'mrc-staging:' }).redisChannelPrefix).toBe('mrc-staging:');
  });
});
