import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, findFreePort, type LocalPostgres, startLocalPostgres, type TestDatabase } from '@mrc/local-postgres';
import { type Client, createClient } from 'graphql-ws';
import pg from 'pg';
import { WebSocket } from 'ws';
import { completeFigures } from './factories/reports.js';
import { type FakeRedis, REPLIES, startFakeRedis } from './utils/fake-redis.js';
import { type ApiProcess, assertFreshBuild, graphqlAt, signInAt, startApi, stopApi } from './utils/api-process.js';
import { DEMO } from './utils/test-app.js';

/**
 * Faults a production API meets: its database going away and coming back, and being stopped by its
 * orchestrator in the middle of traffic. Both drive the built API (dist/main.js) as a process of its
 * own, over HTTP. RESILIENCE_LOG_LEVEL=debug shows the API's own log in a failure's message;
 * RESILIENCE_VERBOSE=1 prints what each test measured.
 */

const SUBMIT = 'mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id state } } }';
const sleep = (ms: number) => new Promise((wait) => setTimeout(wait, ms));

/** The environment of an API process under test: production mode, quiet, no request-rate limit in the way of the load. */
const apiEnv = (databaseUrl: string): Record<string, string> => ({
  DATABASE_URL: databaseUrl,
  NODE_ENV: 'production',
  LOG_LEVEL: process.env.RESILIENCE_LOG_LEVEL ?? 'warn',
  SEED_DEMO_USERS: 'true',
  REQUESTS_PER_MINUTE: '1000000',
  LOGIN_MAX_ATTEMPTS_PER_IP: '10000',
});

/** Fresh district centres, opened 2020-01-01, for the submissions to land in: no seeded report is in their way. */
async function insertCentres(client: pg.Client, count: number): Promise<string[]> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO centre (code, kind, parent_id, name_ru, name_en, opened_on)
     SELECT 'resilience-' || $1::text || '-' || n, 'RURAL_DISTRICT', (SELECT id FROM centre WHERE code = 'karaganda-region'), 'Центр ' || n, 'Centre ' || n, '2020-01-01'
     FROM generate_series(1, $2::int) n RETURNING id`,
    [randomUUID().slice(0, 8), count],
  );
  return rows.map((row) => row.id);
}

/** Every month of 2020–2024: long over, so any of them may be submitted. */
const PERIODS = Array.from({ length: 60 }, (_, index) => `${2020 + Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`);

interface Submission {
  key: string;
  centreId: string;
  period: string;
  /** The id the API acknowledged with, once it has. */
  reportId?: string;
  attempts: number;
}

describe('PostgreSQL stops and starts again during a stream of report submissions', () => {
  let dataDir: string;
  let port: number;
  let postgres: LocalPostgres | undefined;
  let api: ApiProcess | undefined;

  beforeAll(async () => {
    assertFreshBuild();
    // A server of this suite's own, which it may stop: the machine's PostgreSQL serves others.
    dataDir = await mkdtemp(join(tmpdir(), 'mrc-restart-'));
    // As root the server runs as the `postgres` user, who must be able to enter the folder.
    await chmod(dataDir, 0o755);
    port = await findFreePort();
    postgres = await startLocalPostgres({ dataDir, port });
    api = await startApi({ ...apiEnv(postgres.urlFor('mrc')), DB_POOL_SIZE: '4' });
  }, 120_000);

  afterAll(async () => {
    await stopApi(api).catch(() => undefined);
    await postgres?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('turns not-ready, is ready again within 10 s, and keeps every acknowledged submission exactly once', async () => {
    const url = api!.url;
    const db = new pg.Client({ connectionString: postgres!.urlFor('mrc') });
    await db.connect();
    const centres = await insertCentres(db, 6);
    await db.end();
    const headers = await signInAt(url, DEMO.admin);

    // What a careful client does: one idempotency key per submission, the same key on every retry,
    // until the API acknowledges it.
    const queue: Submission[] = centres.flatMap((centreId) => PERIODS.map((period) => ({ key: randomUUID(), centreId, period, attempts: 0 })));
    const started: Submission[] = [];
    const answers = new Map<string, number>();
    const count = (kind: string) => answers.set(kind, (answers.get(kind) ?? 0) + 1);
    let producing = true;
    const submitUntilAcknowledged = async (submission: Submission) => {
      const giveUpAt = Date.now() + 40_000;
      while (Date.now() < giveUpAt) {
        submission.attempts += 1;
        try {
          const { body } = await graphqlAt<{ submitReport: { report: { id: string; state: string } } }>(
            url,
            SUBMIT,
            { input: { idempotencyKey: submission.key, centreId: submission.centreId, period: submission.period, ...completeFigures() } },
            headers,
          );
          if (body.data?.submitReport) {
            expect(body.data.submitReport.report.state).toBe('SUBMITTED');
            submission.reportId = body.data.submitReport.report.id;
            count('acknowledged');
            return;
          }
          // While the database is away the answer is an error with a code; a refusal of the input
          // itself would be a defect of this test.
          const code = String(body.errors?.[0]?.extensions?.code);
          expect(['INTERNAL_SERVER_ERROR']).toContain(code);
          count(code);
        } catch (error) {
          count(`network: ${error instanceof Error ? error.message : String(error)}`);
        }
        await sleep(100);
      }
      throw new Error(`Submission ${submission.key} was never acknowledged (${submission.attempts} attempts)`);
    };
    const worker = async () => {
      while (producing && queue.length > 0) {
        const submission = queue.shift()!;
        started.push(submission);
        await submitUntilAcknowledged(submission);
      }
    };

    const health: { at: number; status: number }[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        const status = await fetch(`${url}/health`, { signal: AbortSignal.timeout(3_000) }).then((response) => response.status, () => 0);
        health.push({ at: Date.now(), status });
        await sleep(100);
      }
    })();

    const workers = Array.from({ length: 4 }, () => worker());
    await sleep(1_500);
    const acknowledgedBeforeStop = started.filter((submission) => submission.reportId).length;
    expect(acknowledgedBeforeStop).toBeGreaterThan(0);

    const stoppedAt = Date.now();
    await postgres!.stop();
    const notReady = async () => {
      for (const deadline = Date.now() + 5_000; Date.now() < deadline; await sleep(100)) {
        if (health.some((probe) => probe.at > stoppedAt && probe.status === 503)) return true;
      }
      return false;
    };
    expect(await notReady()).toBe(true);
    // The outage lasts a moment longer, with the submissions still coming.
    await sleep(1_000);

    postgres = await startLocalPostgres({ dataDir, port });
    const restartedAt = Date.now();
    let readyAt: number | undefined;
    while (Date.now() - restartedAt < 10_000) {
      readyAt = health.find((probe) => probe.at > restartedAt && probe.status === 200)?.at;
      if (readyAt) break;
      await sleep(100);
    }
    expect(readyAt).toBeDefined();
    expect(readyAt! - restartedAt).toBeLessThan(10_000);

    // A little more traffic on the recovered database, then the clients finish what they started.
    await sleep(1_500);
    producing = false;
    await Promise.all(workers);
    polling = false;
    await poller;

    const acknowledged = started.filter((submission) => submission.reportId);
    expect(acknowledged).toHaveLength(started.length);
    expect(acknowledged.length).toBeGreaterThan(acknowledgedBeforeStop);
    // Some submissions really were caught by the outage and retried.
    expect(started.some((submission) => submission.attempts > 1)).toBe(true);

    const check = new pg.Client({ connectionString: postgres!.urlFor('mrc') });
    await check.connect();
    try {
      const reports = await check.query<{ id: string; centre_id: string; period: string; state: string }>(
        'SELECT id, centre_id, period, state FROM activity_report WHERE centre_id = ANY($1::uuid[])',
        [centres],
      );
      // Exactly the acknowledged submissions: none lost, none twice, nothing unacknowledged.
      expect(reports.rows).toHaveLength(acknowledged.length);
      const byId = new Map(reports.rows.map((row) => [row.id, row]));
      for (const submission of acknowledged) {
        expect(byId.get(submission.reportId!)).toMatchObject({ centre_id: submission.centreId, period: submission.period, state: 'SUBMITTED' });
      }
      // One audit entry of a submission per report, and one idempotency key per submission naming it.
      const audit = await check.query<{ entity_id: string; n: string }>(
        `SELECT entity_id, count(*) AS n FROM audit_entry WHERE action = 'SUBMIT_REPORT' AND entity_id = ANY($1::uuid[]) GROUP BY entity_id`,
        [acknowledged.map((submission) => submission.reportId)],
      );
      expect(audit.rows).toHaveLength(acknowledged.length);
      expect(audit.rows.every((row) => row.n === '1')).toBe(true);
      const keys = await check.query<{ key: string; record_id: string }>('SELECT key, record_id FROM idempotency_key WHERE key = ANY($1::text[])', [
        acknowledged.map((submission) => submission.key),
      ]);
      expect(new Map(keys.rows.map((row) => [row.key, row.record_id]))).toEqual(new Map(acknowledged.map((submission) => [submission.key, submission.reportId])));
    } finally {
      await check.end();
    }
    // The API lived through it, and still stops cleanly.
    expect(api!.child.exitCode).toBeNull();
    if (process.env.RESILIENCE_VERBOSE) console.warn(`PostgreSQL restart: ${acknowledged.length} submissions acknowledged, ready again after ${readyAt! - restartedAt} ms; answers: ${JSON.stringify(Object.fromEntries(answers))}`);
    expect(await stopApi(api)).toBe(0);
  }, 90_000);
});

/** What became of one HTTP request, seen from the client. */
type Outcome =
  | { kind: 'answered'; status: number; body: string; connection: string | undefined }
  | { kind: 'failed'; code: string; reusedSocket: boolean; afterAnswerBegan: boolean };

/**
 * A POST over node:http with a keep-alive agent, as a load balancer talks to its backends: it tells a
 * connection refused from one cut, and whether the cut socket was a reused keep-alive one.
 */
function post(agent: http.Agent, url: string, payload: string, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    let answerBegan = false;
    const request = http.request(
      `${url}/graphql`,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)), ...headers } },
      (response) => {
        answerBegan = true;
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ kind: 'answered', status: response.statusCode ?? 0, body, connection: response.headers.connection }));
        response.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'failed', code: error.code ?? error.message, reusedSocket: request.reusedSocket, afterAnswerBegan: true }));
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ kind: 'failed', code: error.code ?? error.message, reusedSocket: request.reusedSocket, afterAnswerBegan: answerBegan }),
    );
    request.end(payload);
  });
}

describe('SIGTERM during load', () => {
  let database: TestDatabase;
  let api: ApiProcess | undefined;
  let db: pg.Client;

  beforeAll(async () => {
    assertFreshBuild();
    database = await createTestDatabase('mrc_sigterm', process.env.MRC_TEST_DATABASE_URL);
    api = await startApi(apiEnv(database.url));
    db = new pg.Client({ connectionString: database.url });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await stopApi(api).catch(() => undefined);
    await database?.close();
  });

  it('finishes the requests in flight, refuses new ones cleanly, and exits 0', async () => {
    const url = api!.url;
    const headers = await signInAt(url, DEMO.admin);
    const centres = await insertCentres(db, 4);
    const submissions = centres.flatMap((centreId) => PERIODS.map((period) => ({ key: randomUUID(), centreId, period })));
    const submissionPayload = (submission: (typeof submissions)[number]) =>
      JSON.stringify({ query: SUBMIT, variables: { input: { idempotencyKey: submission.key, centreId: submission.centreId, period: submission.period, ...completeFigures() } } });

    const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
    const results: { submission?: (typeof submissions)[number]; sentAt: number; outcome: Outcome }[] = [];
    let signalledAt = Infinity;
    const exited = api!.exited.then((code) => ({ code, at: Date.now() }));
    let running = true;
    void exited.then(() => (running = false));
    const submitter = async () => {
      // Clients keep sending until the process has exited: what they send after the signal must be refused cleanly.
      while (running && submissions.length > 0) {
        const submission = submissions.shift()!;
        const sentAt = Date.now();
        results.push({ submission, sentAt, outcome: await post(agent, url, submissionPayload(submission), headers) });
      }
    };
    const reader = async () => {
      while (running) {
        const sentAt = Date.now();
        results.push({ sentAt, outcome: await post(agent, url, JSON.stringify({ query: '{ centres(first: 100) { nodes { code clubs { type { name } } } } }' }), headers) });
      }
    };
    const clients = [...Array.from({ length: 6 }, () => submitter()), reader(), reader()];

    // Traffic first: enough answers that the server is busy, whatever the machine's speed.
    for (const deadline = Date.now() + 15_000; results.length < 30 && Date.now() < deadline; ) await sleep(50);
    // A request the server is certainly in the middle of when the signal comes: its body arrives in
    // two parts, the second after the signal.
    const slowSubmission = submissions.pop()!;
    const slowPayload = submissionPayload(slowSubmission);
    let sendTheRest: () => void = () => undefined;
    const slowRequest = new Promise<Outcome>((resolve) => {
      const request = http.request(
        `${url}/graphql`,
        { method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(slowPayload)), ...headers } },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () => resolve({ kind: 'answered', status: response.statusCode ?? 0, body, connection: response.headers.connection }));
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => resolve({ kind: 'failed', code: error.code ?? error.message, reusedSocket: false, afterAnswerBegan: false }));
      request.write(slowPayload.slice(0, 40));
      sendTheRest = () => request.end(slowPayload.slice(40));
    });
    await sleep(200);
    signalledAt = Date.now();
    api!.child.kill('SIGTERM');
    await sleep(300);
    sendTheRest();
    const { code, at: exitedAt } = await exited;
    await Promise.all(clients);
    agent.destroy();
    const slow = await slowRequest;

    // The process exits 0, well within its grace period.
    expect(code).toBe(0);
    expect(exitedAt - signalledAt).toBeLessThan(10_000);
    // The request in flight at the signal was answered in full and its submission saved.
    // …and its connection closed after the answer, so the client sends nothing more down it.
    expect(slow).toMatchObject({ kind: 'answered', status: 200, connection: 'close' });
    const slowReport = JSON.parse((slow as { body: string }).body) as { data?: { submitReport: { report: { id: string } } }; errors?: unknown };
    expect(slowReport.errors).toBeUndefined();

    const before = results.filter((result) => result.sentAt < signalledAt);
    const after = results.filter((result) => result.sentAt >= signalledAt);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(after.length).toBeGreaterThan(0);

    // Clean means the client can tell from what it got whether its request was carried out: a 200
    // answer says yes; a 503 (closing the connection) or no answer at all (connection refused, or
    // reset before a byte of an answer) says no, so sending it again is safe. Checked below against
    // the database for every submission.
    const problems: string[] = [];
    const saved: string[] = [];
    const refused: string[] = [];
    for (const { submission, sentAt, outcome } of results) {
      const when = sentAt < signalledAt ? 'before the signal' : `${sentAt - signalledAt} ms after the signal`;
      if (outcome.kind === 'answered' && outcome.status === 200) {
        const body = JSON.parse(outcome.body) as { data?: unknown; errors?: unknown };
        if (body.errors) problems.push(`${when}: 200 with errors ${JSON.stringify(body.errors)}`);
        else if (submission) saved.push(submission.key);
      } else if (outcome.kind === 'answered' && outcome.status === 503 && outcome.connection === 'close') {
        if (submission) refused.push(submission.key);
      } else if (outcome.kind === 'failed' && !outcome.afterAnswerBegan) {
        if (submission) refused.push(submission.key);
      } else {
        problems.push(`${when}: ${JSON.stringify(outcome).slice(0, 300)}`);
      }
    }
    const stored = await db.query<{ key: string }>('SELECT key FROM idempotency_key WHERE key = ANY($1::text[])', [[...saved, ...refused, slowSubmission.key]]);
    const storedKeys = new Set(stored.rows.map((row) => row.key));
    for (const key of saved) if (!storedKeys.has(key)) problems.push(`submission ${key} was answered but is not saved`);
    for (const key of refused) if (storedKeys.has(key)) problems.push(`submission ${key} got no answer, yet was carried out`);
    if (!storedKeys.has(slowSubmission.key)) problems.push('the submission in flight at the signal is not saved');
    if (problems.length > 0) throw new Error(`${problems.join('\n')}\n\nThe API's output:\n${api!.output.join('').slice(-5_000)}`);
    expect(refused.length).toBeGreaterThan(0);
    if (process.env.RESILIENCE_VERBOSE) console.warn(
      `SIGTERM: ${before.length} requests before the signal, ${after.length} after; ${saved.length} submissions saved, ${refused.length} refused; exit ${exitedAt - signalledAt} ms after the signal`,
    );
  }, 60_000);
});

describe('SIGTERM while Redis has never answered a SUBSCRIBE', () => {
  let database: TestDatabase;
  let redis: FakeRedis;

  beforeAll(async () => {
    assertFreshBuild();
    database = await createTestDatabase('mrc_stalled_redis', process.env.MRC_TEST_DATABASE_URL);
    // Accepts the connections and answers their setup, then nothing: the live-update bus's
    // subscriptions wait, as on a Redis that stalled or whose host vanished behind an open connection.
    redis = await startFakeRedis({ CLIENT: REPLIES.CLIENT, INFO: REPLIES.INFO });
  }, 120_000);

  afterAll(async () => {
    await redis?.close();
    await database?.close();
  });

  it('answers while it waits, and stops with exit 0, not an unhandled rejection', async () => {
    // graphql-redis-subscriptions rejected promises nobody held when a waiting SUBSCRIBE was refused
    // as the connection closed, both its own (DataVersion's subscriptions) and a subscriber's socket
    // closing: Node ended the process with code 1 (patches/graphql-redis-subscriptions@2.7.0.patch).
    const api = await startApi({ ...apiEnv(database.url), REDIS_URL: redis.url });
    let subscriber: Client | undefined;
    try {
      const headers = await signInAt(api.url, DEMO.admin);
      expect((await graphqlAt(api.url, '{ me { email } }', {}, headers)).body.errors).toBeUndefined();
      // A dashboard on the rollout page: its subscription waits on the same stalled Redis.
      subscriber = createClient({ url: `${api.url.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, connectionParams: headers, retryAttempts: 0 });
      const acknowledged = new Promise((resolve) => subscriber!.on('connected', resolve));
      subscriber.subscribe({ query: 'subscription { rolloutItemChanged { id } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      await acknowledged;
      // The subscription reaches the bus a moment after the socket is acknowledged.
      await sleep(500);
    } finally {
      const code = await stopApi(api);
      await subscriber?.dispose();
      expect({ code, output: api.output.join('').match(/unhandled|uncaught/i)?.[0] ?? null }).toEqual({ code: 0, output: null });
    }
  }, 60_000);
});
