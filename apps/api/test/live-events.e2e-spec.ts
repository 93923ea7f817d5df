import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { pino } from 'pino';
import type { AppConfig } from '../src/config/env.js';
import { LiveEvents } from '../src/graphql/live-events.js';
import { redisForSuite, TEST_REDIS_URL } from './utils/redis.js';

/**
 * Two deployments on one Redis, each with its own channel prefix: each hears its own processes,
 * never the other. Needs a Redis (utils/redis.ts).
 */
const redisUp = await redisForSuite('the channel namespace test');

/** One API process's bus, as LiveEvents is built from the configuration. */
function bus(prefix: string): LiveEvents {
  return new LiveEvents({ redisUrl: TEST_REDIS_URL, redisChannelPrefix: prefix } as AppConfig, pino({ level: 'silent' }));
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
