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
if (!redisUp && process.env.CI) throw new Error(`No Redis answers at ${REDIS_URL}, and CI is set: the channel namespace test must run.`);

/** One API process's bus, as LiveEvents is built from the configuration. */
function bus(prefix: string): LiveEvents {
  return new LiveEvents({ redisUrl: REDIS_URL, redisChannelPrefix: prefix } as AppConfig, pino({ level: 'silent' }));
}

/** The next event a process hears on a channel. */
async function nextEvent(events: LiveEvents, channel: string, heard: unknown[]): Promise<{ next: Promise<unknown>; id: number }> {
  let resolveNext!: (payload: unknown) => void;
  const next = new Promise<unknown>((done) => (resolveNext = done));
  const id = await events.subscribe(channel, (payload) => {
    heard.push(payload);
    resolveNext(payload);
  });
  return { next, id };
}

(redisUp ? describe : describe.skip)('LiveEvents on a shared Redis', () => {
  // Unique per run: a parallel run on the same Redis must not be heard either.
  const run = `${process.pid}-${Date.now()}`;
  const production = [bus(`test-production-${run}:`), bus(`test-production-${run}:`)];
  const staging = bus(`test-staging-${run}:`);

  afterAll(async () => {
    await Promise.all([...production, staging].map((events) => events.onModuleDestroy()));
  });

  let ready: { production: Awaited<ReturnType<typeof nextEvent>>; staging: Awaited<ReturnType<typeof nextEvent>> };
  const heardByProduction: unknown[] = [];
  const heardByStaging: unknown[] = [];
  beforeAll(async () => {
    ready = {
      production: await nextEvent(production[1]!, 'dataChanged', heardByProduction),
      staging: await nextEvent(staging, 'dataChanged', heardByStaging),
    };
  });

  it('delivers a change to the other process of the same deployment, and not to another deployment', async () => {
    production[0]!.publish('dataChanged', { from: 'production' });
    // Heard by production's second process: Redis has passed it on to every subscriber it concerns.
    await expect(ready.production.next).resolves.toEqual({ from: 'production' });
    // Redis delivers to a subscriber in order: staging's own event comes after production's, had it heard that.
    staging.publish('dataChanged', { from: 'staging' });
    await expect(ready.staging.next).resolves.toEqual({ from: 'staging' });
    expect(heardByStaging).toEqual([{ from: 'staging' }]);
    expect(heardByProduction).toEqual([{ from: 'production' }]);
  });
});
