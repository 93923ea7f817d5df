import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from 'pino';

/** What a Redis client's log lines say, and the fields they carry. */
export interface RedisWords {
  /** Said once when Redis becomes unreachable, not at every retry. */
  unreachable: string;
  /** Said once when it answers again. */
  back: string;
  fields?: Record<string, unknown>;
}

/**
 * A Redis client that tells the log once when Redis goes away and once when it is back (ioredis
 * retries, and errs, every few hundred milliseconds meanwhile). `down()` says which it is now.
 */
export function watchedRedis(url: string, options: RedisOptions, logger: Logger, words: RedisWords): { client: Redis; down: () => boolean } {
  const client = new Redis(url, options);
  let down = false;
  client.on('error', (error: Error) => {
    if (!down) logger.warn({ ...words.fields, err: error.message }, words.unreachable);
    down = true;
  });
  client.on('ready', () => {
    if (down) logger.info({ ...words.fields }, words.back);
    down = false;
  });
  return { client, down: () => down };
}

/** A polite QUIT when Redis answers; otherwise (or if it stalls past a second) the connection is dropped, so a stop never waits on Redis. */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') return client.disconnect();
  const quit = client.quit().then(
    () => undefined,
    () => undefined,
  );
  await Promise.race([quit, new Promise((wait) => setTimeout(wait, 1_000).unref())]);
  client.disconnect();
}
