import { Redis } from 'ioredis';

/** The Redis the tests that need one use: REDIS_URL, or the one on 127.0.0.1:6379 (the project's machines and CI have it). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

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

/**
 * Whether a suite that needs Redis can run. A laptop without one skips it and says so (nothing else
 * in the platform needs Redis); on CI a missing Redis is a broken machine, so the suite fails instead
 * of passing without testing.
 */
export async function redisForSuite(suite: string): Promise<boolean> {
  if (await redisAnswers(TEST_REDIS_URL)) return true;
  if (process.env.CI) throw new Error(`No Redis answers at ${TEST_REDIS_URL}, and CI is set: ${suite} must run.`);
  console.warn(`Skipping ${suite}: no Redis answers at ${TEST_REDIS_URL} (set REDIS_URL to run it).`);
  return false;
}
