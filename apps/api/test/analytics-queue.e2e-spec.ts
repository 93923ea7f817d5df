import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { QueryRunner } from 'typeorm';
import { createAccount } from './factories/users.js';
import { waitingOnLocks } from './utils/locks.js';
import { startTestApp, type TestApp } from './utils/test-app.js';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Aggregates wait their turn (ANALYTICS_CONCURRENCY), but not without end: a full queue refuses the
 * next with RATE_LIMITED and a time to come back, and a caller who hangs up while waiting leaves the
 * queue. A lock held on the read model keeps the first aggregate running for as long as the test
 * needs, so what waits and what is refused does not depend on timing.
 */
describe('the queue of aggregates', () => {
  let api: TestApp;
  let analyst: Record<string, string>;
  let lock: QueryRunner;
  beforeAll(async () => {
    api = await startTestApp({ ANALYTICS_CONCURRENCY: '1', ANALYTICS_MAX_WAITING: '1', ANALYTICS_STATEMENT_TIMEOUT_MS: '60000' });
    analyst = await api.signIn(await createAccount(api, 'ANALYST'));
  });
  afterAll(async () => {
    if (lock?.isTransactionActive) await lock.rollbackTransaction();
    await lock?.release();
    await api.close();
  });

  /** Each aggregate asks for other months, so no two are the same question. */
  const aggregate = (from: string, signal?: AbortSignal) =>
    fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...analyst },
      body: JSON.stringify({ query: `{ analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: [CENTRE], filter: { from: "${from}", to: "2025-12" }) { rowCount } }` }),
      signal,
    }).then(async (response) => ({ status: response.status, sql: Number(response.headers.get('x-sql-statements')), body: (await response.json()) as { data?: { analytics: { rowCount: number } } | null; errors?: { extensions: Record<string, unknown> }[] } }));

  it('refuses an aggregate beyond the waiting room, and lets one whose caller left make room', async () => {
    lock = api.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE analytics_fact IN ACCESS EXCLUSIVE MODE');

    // The first reads, and waits on the lock, holding the only slot.
    const running = aggregate('2025-01');
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
    // The second waits its turn; its caller will hang up.
    const hangUp = new AbortController();
    const abandoned = aggregate('2025-02', hangUp.signal).catch((error: unknown) => error);
    await sleep(1_000);

    // The third finds the waiting room full.
    const refused = await aggregate('2025-03');
    expect(refused.body.data?.analytics ?? null).toBeNull();
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: 5 });

    // The second's caller leaves: its place is free at once, and the fourth waits there.
    hangUp.abort();
    expect(await abandoned).toMatchObject({ name: 'AbortError' });
    await sleep(1_000);
    const fourth = aggregate('2025-04');

    await lock.commitTransaction();
    for (const answer of [await running, await fourth]) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.analytics.rowCount).toBeGreaterThan(0);
      // Its own statements, though it started when another read finished: the read's transaction at least.
      expect(answer.sql).toBeGreaterThanOrEqual(5);
    }
  });

  it('stops a running aggregate whose caller left: its statement is cancelled and its slot is free for the next', async () => {
    if (lock && !lock.isReleased) await lock.release();
    lock = api.dataSource.createQueryRunner();
    await lock.connect();
    await lock.startTransaction();
    await lock.query('LOCK TABLE analytics_fact IN ACCESS EXCLUSIVE MODE');

    // It reads, holding the only slot, and waits on the lock; then its caller hangs up.
    const hangUp = new AbortController();
    const abandoned = aggregate('2024-01', hangUp.signal).catch((error: unknown) => error);
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
    expect(await waitingOnLocks(api)).toBe(1);
    hangUp.abort();
    expect(await abandoned).toMatchObject({ name: 'AbortError' });

    // The lock is still held, yet nothing waits on it any more: the statement was cancelled.
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) > 0; tries++) await sleep(50);
    expect(await waitingOnLocks(api)).toBe(0);
    // And the slot is free: the next aggregate reads at once (it waits on the lock, not in the queue).
    const next = aggregate('2024-02');
    for (let tries = 0; tries < 100 && (await waitingOnLocks(api)) === 0; tries++) await sleep(50);
    expect(await waitingOnLocks(api)).toBe(1);
    await lock.commitTransaction();
    const answer = await next;
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.analytics.rowCount).toBeGreaterThan(0);
  });

  it('with no waiting room at all, still answers an aggregate while a slot is free', async () => {
    const noWaiting = await startTestApp({ ANALYTICS_MAX_WAITING: '0' });
    try {
      const headers = await noWaiting.signIn(await createAccount(noWaiting, 'ANALYST'));
      const answer = await noWaiting.graphql<{ analytics: { rowCount: number } }>(`{ analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: [CENTRE]) { rowCount } }`, {}, headers);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.analytics.rowCount).toBeGreaterThan(0);
    } finally {
      await noWaiting.close();
    }
  });
});
