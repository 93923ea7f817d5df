import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import type { AppConfig } from '../config/env.js';
import { LiveEvents } from './live-events.js';

/**
 * Two deployments on one Redis: each hears its own processes, never the other. Needs a Redis
 * (REDIS_URL, or 127.0.0.1:6379 as on the project's machines and CI); a laptop without one skips.
 */
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisAnswers(url: string): Promise<boolean> {
  const client = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

const redisUp = await redisAnswers(REDIS_URL);
if (!redisUp) {
  if (process.env.CI) throw new Error(`No Redis answers at ${REDIS_URL}, and CI is set: the channel namespace test must run.`);
  console.warn(`Skipping the channel namespace test: no Redis answers at ${REDIS_URL} (set REDIS_URL to run it).`);
}

/** One API process's bus, as LiveEvents is built from the configuration. */
function bus(prefix: string): LiveEvents {
  return new LiveEvents({ redisUrl: REDIS_URL, redisChannelPrefix: prefix } as AppConfig, pino({ level: 'silent' }));
}

/** What a process hears on a channel, and a wait for the next event. */
async function listener(events: LiveEvents, channel: string) {
  const heard: unknown[] = [];
  let waiting: ((payload: unknown) => void) | undefined;
  await events.subscribe(channel, (payload) => {
    heard.push(payload);
    waiting?.(payload);
  });
  return { heard, next: () => new Promise<unknown>((done) => (waiting = done)) };
}

(redisUp ? describe : describe.skip)('LiveEvents on a shared Redis', () => {
  // Unique per run: a parallel run on the same Redis must not be heard either.
  const run = `${process.pid}-${Date.now()}`;
  // Made here, not at collection: a skipped suite must not leave Redis clients reconnecting.
  let production: LiveEvents[] = [];
  let staging: LiveEvents[] = [];
  beforeAll(() => {
    production = [bus(`test-production-${run}:`), bus(`test-production-${run}:`)];
    staging = [bus(`test-staging-${run}:`)];
  });
  afterAll(async () => {
    await Promise.all([...production, ...staging].map((events) => events.onModuleDestroy()));
  });

  it('delivers a change to the other process of the same deployment, and not to another deployment', async () => {
    const atProduction = await listener(production[1]!, 'dataChanged');
    const atStaging = await listener(staging[0]!, 'dataChanged');

    // Redis passes a message to each subscriber in the order it was published: once a process has
    // heard a later event of its own, it would already have heard an earlier one of the other's.
    let next = atProduction.next();
    production[0]!.publish('dataChanged', { from: 'production', n: 1 });
    await expect(next).resolves.toEqual({ from: 'production', n: 1 });
    next = atStaging.next();
    staging[0]!.publish('dataChanged', { from: 'staging' });
    await expect(next).resolves.toEqual({ from: 'staging' });
    next = atProduction.next();
    production[0]!.publish('dataChanged', { from: 'production', n: 2 });
    await expect(next).resolves.toEqual({ from: 'production', n: 2 });

    expect(atStaging.heard).toEqual([{ from: 'staging' }]);
    expect(atProduction.heard).toEqual([{ from: 'production', n: 1 }, { from: 'production', n: 2 }]);
  });
});
