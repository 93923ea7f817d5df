/**
 * `pnpm bench [-- options]`: the API under load at national scale, against PostGraphile 5, with SQL
 * floors and a scale curve. Never part of `pnpm test`. See README.md for what it measures and how.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_ACCOUNTS } from './accounts.js';
import { databaseOf, DEFAULT_SERVER_URL } from './db.js';
import { latestEndedPeriod, networkToday } from './generate/calendar.js';
import { ensureGenerated } from './generate/ensure.js';
import { API_ROOT, RESULTS_DIR } from './paths.js';
import { graphql, login, startApi, startPeer } from './run/api.js';
import { analyticsFloor, type FloorResult, networkFloor } from './run/floors.js';
import { type LoadSettings, runAlone, runLoad, type Scenario } from './run/load.js';
import { ensureNode24, versionOf } from './run/node24.js';
import { type CurvePoint, combine, type PeerComparison, printCurve, printSizeRun, printTargets, type ScenarioRow, type SizeRun, targetChecks } from './run/report.js';
import {
  analyticsScenario,
  networkExpectation,
  networkScenario,
  overviewScenario,
  peerNetworkScenario,
  submissionScenario,
  unreportedPeriods,
} from './run/scenarios.js';
import type { ServerProcess } from './run/server-process.js';
import { isSize, type Size, SIZES } from './sizes.js';

const SCENARIO_IDS = ['S1', 'S2', 'S3', 'S4'] as const;
type ScenarioId = (typeof SCENARIO_IDS)[number];

// `pnpm bench -- --curve` hands the `--` on; it is not an option here.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    size: { type: 'string', default: 'national' },
    seed: { type: 'string', default: '42' },
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '2' },
    scenarios: { type: 'string', default: SCENARIO_IDS.join(',') },
    curve: { type: 'boolean', default: false },
    'no-peer': { type: 'boolean', default: false },
    'no-computed': { type: 'boolean', default: false },
    floors: { type: 'string', default: '50' },
    alone: { type: 'string', default: '20' },
    node: { type: 'string' },
    regenerate: { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`Usage: pnpm bench [-- options]   (build the API first: pnpm --filter @mrc/api build)

  --size SIZE         ${SIZES.join(' | ')}; default national
  --curve             S2 and S3 at all three sizes, side by side (instead of the full run at one size)
  --scenarios LIST    which of S1,S2,S3,S4 to run; default all
  --duration S        seconds measured per run; default 10
  --warmup S          seconds of warm-up before each scenario; default 3
  --connections N     autocannon connections; default 50
  --rounds N          A,B rounds of S2 against PostGraphile; default 2 (A,B,A,B)
  --no-peer           leave PostGraphile out
  --no-computed       leave out the second pass with the response cache off (S1c, S2c, S3c)
  --floors N          runs of each floor's SQL; default 50
  --alone N           requests one at a time for S2 and S3 (latency without queueing); default 20, at most 30 s
  --seed N            generator seed; default 42
  --database-url URL  the PostgreSQL server; default ${DEFAULT_SERVER_URL}
  --node PATH         the Node binary for both servers; default Node 24 from the npm registry (cached)
  --regenerate        make the bench databases again
  --out FILE          where the JSON goes; default packages/bench/results/bench-<time>.json`);
  process.exit(0);
}

const settings: LoadSettings = { connections: Number(values.connections), duration: Number(values.duration), warmup: Number(values.warmup) };
const seed = Number(values.seed);
const rounds = Number(values.rounds);
const floorRuns = Number(values.floors);
const aloneRuns = Number(values.alone);
const scenarios = new Set(values.scenarios.split(',').map((id) => id.trim().toUpperCase()) as ScenarioId[]);
const withPeer = !values['no-peer'];
const withComputed = !values['no-computed'];
const given = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
const serverUrl = given ?? DEFAULT_SERVER_URL;
if (!isSize(values.size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
for (const id of scenarios) if (!SCENARIO_IDS.includes(id)) throw new Error(`unknown scenario ${id}`);

/** Servers still running, stopped on Ctrl-C or a failure. */
const running = new Set<ServerProcess>();
async function stopAll(): Promise<void> {
  await Promise.all([...running].map((server) => server.stop()));
  running.clear();
}
process.on('SIGINT', () => void stopAll().finally(() => process.exit(130)));

async function main(): Promise<void> {
  const node = values.node ?? ensureNode24();
  const nodeVersion = versionOf(node);
  const startedAt = new Date().toISOString();
  console.log(`MRC bench, ${startedAt}: ${cpus().length} cores (load ${loadavg().map((l) => l.toFixed(2)).join(' ')}), servers on Node ${nodeVersion}, ` +
    `${settings.connections} connections, ${settings.warmup} s warm-up then ${settings.duration} s measured per run`);

  const runs: SizeRun[] = [];
  const curve: CurvePoint[] = [];
  if (values.curve) {
    for (const size of SIZES) {
      const run = await runSize(size, node, new Set<ScenarioId>(['S2', 'S3']), false);
      printSizeRun(run);
      runs.push(run);
      const floor = (id: string) => run.floors.find((f: FloorResult) => f.scenario === id && !f.skipped);
      curve.push({
        size,
        centres: run.centres,
        reports: run.reports,
        s2: run.scenarios.find((s) => s.id === 'S2')?.result,
        s3: run.scenarios.find((s) => s.id === 'S3')?.result,
        // The cost of answering, so the computed pass where it ran: a kept answer costs the same at any size.
        s2Alone: (run.scenarios.find((s) => s.id === 'S2c') ?? run.scenarios.find((s) => s.id === 'S2'))?.unloaded,
        s3Alone: (run.scenarios.find((s) => s.id === 'S3c') ?? run.scenarios.find((s) => s.id === 'S3'))?.unloaded,
        s2Floor: floor('S2'),
        s3Floor: floor('S3'),
      });
    }
    printCurve(curve);
  } else {
    const run = await runSize(values.size as Size, node, scenarios, withPeer);
    printSizeRun(run);
    runs.push(run);
  }
  const targets = targetChecks(runs, curve);
  printTargets(targets);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = values.out ? resolve(values.out) : resolve(RESULTS_DIR, `bench-${startedAt.replace(/[:.]/g, '-')}.json`);
  const json = JSON.stringify({ startedAt, finishedAt: new Date().toISOString(), machine: { cores: cpus().length, loadavg: loadavg() }, node: nodeVersion, settings, seed, runs, curve, targets }, null, 2);
  writeFileSync(out, json);
  writeFileSync(resolve(RESULTS_DIR, 'latest.json'), json);
  console.log(`\nJSON: ${out}`);
}

async function runSize(size: Size, node: string, wanted: Set<ScenarioId>, peer: boolean): Promise<SizeRun> {
  const database = await ensureGenerated({ size, seed, serverUrl, database: given && databaseOf(given) && !values.curve ? databaseOf(given) : undefined, force: values.regenerate });
  const { meta } = database;
  const client = new pg.Client({ connectionString: database.url, application_name: 'mrc-bench' });
  await client.connect();
  const notes: string[] = [];
  try {
    // An interrupted earlier run may have left S4's reports behind: the figures below are for the data as generated.
    const leftovers = await removeBenchWrites(client);
    if (leftovers > 0) notes.push(`${leftovers} reports an interrupted earlier S4 left behind were deleted first`);
    const count = async (sql: string) => Number((await client.query<{ n: string }>(sql)).rows[0]!.n);
    const centres = await count('SELECT count(*) AS n FROM centre');
    const reports = await count('SELECT count(*) AS n FROM activity_report');
    const expectNetwork = await networkExpectation(client, meta.anchor);
    if (meta.anchor < latestEndedPeriod()) {
      notes.push(`the database's reports end at ${meta.anchor}, before the period being reported now: --regenerate to move them on`);
    }

    console.error(`\nStarting the API (production) on ${database.name} with Node ${versionOf(node)}...`);
    const api = await startApi({ node, databaseUrl: database.url });
    running.add(api);
    try {
      const rssMbAfterStart = api.rssMb();
      const analyticsFacts = await tableCount(client, 'analytics_fact');
      const rows: ScenarioRow[] = [];
      let districtKinds = ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'];
      let s3ExpectRows = 0;
      let peerComparison: PeerComparison | undefined;
      let peerSkipped: string | undefined;

      if (wanted.has('S1')) {
        const token = await login(api.url, BENCH_ACCOUNTS.admin.email, BENCH_ACCOUNTS.admin.password);
        console.error('S1: the administrator\'s overview...');
        const result = await runLoad('S1', api, overviewScenario(token, { centres, period: meta.anchor, monthStart: `${networkToday().slice(0, 7)}-01` }), settings);
        rows.push({ id: 'S1', title: 'overview, both documents', result });
      }

      if (wanted.has('S2')) {
        const token = await login(api.url, BENCH_ACCOUNTS.admin.email, BENCH_ACCOUNTS.admin.password);
        const scenario = networkScenario(token, expectNetwork);
        const title = `network ${expectNetwork.centres} centres → ${expectNetwork.clubs} clubs → type, 4 reports`;
        if (peer) {
          console.error(`S2 against PostGraphile, ${rounds} rounds A,B...`);
          const compared = await besidePeer(node, database.url, async (peerServer) => {
            const peerScenario = peerNetworkScenario(expectNetwork);
            const comparison = await againstPeer('S2', api, scenario, peerServer, peerScenario);
            return { ...comparison, peerUnloaded: await runAlone('S2 peer, one at a time', peerServer, peerScenario, aloneRuns) };
          });
          if ('skipped' in compared) peerSkipped = compared.skipped;
          else {
            peerComparison = compared;
            rows.push({ id: 'S2', title, result: compared.api });
          }
        }
        if (!peerComparison) {
          console.error('S2: the nested network query...');
          rows.push({ id: 'S2', title, result: await runLoad('S2', api, scenario, settings) });
        }
        rows.at(-1)!.unloaded = await runAlone('S2, one at a time', api, scenario, aloneRuns);
      }

      if (wanted.has('S3')) {
        const token = await login(api.url, BENCH_ACCOUNTS.analyst.email, BENCH_ACCOUNTS.analyst.password);
        const title = 'analytics, 5 years × district × month';
        if (!(await hasQueryField(api.url, token, 'analytics'))) {
          rows.push({ id: 'S3', title, skipped: `the API's schema has no \`analytics\` query yet (issue 7)${schemaFileHas('analytics') ? '; apps/api/schema.gql has it: rebuild the API (pnpm --filter @mrc/api build)' : ''}` });
        } else {
          console.error('S3: the analyst\'s five-year aggregate...');
          districtKinds = await districtKindsOf(api.url, token);
          const expectRows = (await client.query<{ n: string }>(
            `SELECT count(*) AS n FROM activity_report r JOIN centre c ON c.id = r.centre_id WHERE r.state IN ('SUBMITTED', 'APPROVED') AND c.kind = ANY ($1::text[])`,
            [districtKinds.includes('DISTRICT') ? ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'] : districtKinds],
          )).rows[0]!.n;
          if (!districtKinds.includes('DISTRICT')) notes.push(`S3: CentreKind has no DISTRICT, so the filter says centreKinds: [${districtKinds.join(', ')}] (every kind but REGIONAL)`);
          s3ExpectRows = Number(expectRows);
          const scenario = analyticsScenario(token, meta.firstPeriod, meta.anchor, districtKinds, s3ExpectRows);
          const unloaded = await runAlone('S3, one at a time', api, scenario, aloneRuns);
          // The requests one at a time have warmed it up; a warm-up under load would leave minutes of queued work behind.
          if (unloaded.p50 > (settings.duration * 1000) / 2) {
            // Each connection would wait for the ones before it: no request would finish in the window,
            // and the server would keep working for minutes on what the load left queued.
            rows.push({ id: 'S3', title, unloaded, skipped: `under load: one request alone takes ${(unloaded.p50 / 1000).toFixed(1)} s, so ${settings.connections} connections would finish next to nothing in ${settings.duration} s; the one-at-a-time figures stand for its cost` });
          } else {
            rows.push({ id: 'S3', title, result: await runLoad('S3', api, scenario, { ...settings, warmup: 0 }), unloaded });
          }
        }
      }

      if (wanted.has('S4')) {
        const token = await login(api.url, BENCH_ACCOUNTS.writer.email, BENCH_ACCOUNTS.writer.password);
        const pool = await unreportedPeriods(client, meta.firstPeriod, 50_000);
        console.error(`S4: report submissions (${pool.length} unreported centre-months available)...`);
        const submissions = submissionScenario(token, pool);
        try {
          const result = await runLoad('S4', api, submissions, settings);
          rows.push({ id: 'S4', title: 'submissions: createReport + submitReport', result });
          if (submissions.used() > pool.length) notes.push(`S4 used ${submissions.used()} centre-months of ${pool.length}: the later ones were refused as duplicates`);
        } finally {
          await api.settle();
          const removed = await removeBenchWrites(client);
          notes.push(`S4 wrote ${removed} reports (warm-up included); they were deleted afterwards so the cached database stays as generated`);
        }
      }

      const rssMbAtEnd = api.rssMb();
      const floors: FloorResult[] = [];
      if (wanted.has('S2')) floors.push(await networkFloor(database.url, expectNetwork, floorRuns));
      if (wanted.has('S3')) floors.push(await analyticsFloor(database.url, meta.firstPeriod, meta.anchor, districtKinds.includes('DISTRICT') ? ['CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'] : districtKinds, floorRuns));

      const rssMbAfterIdle = await idleRss(api);
      await api.stop();
      running.delete(api);
      // S3c only where S3 ran: the schema has `analytics` and its rows are known.
      const computedWanted = new Set([...wanted].filter((id) => id !== 'S3' || s3ExpectRows > 0));
      let computed: Awaited<ReturnType<typeof computedPass>> | undefined;
      if (withComputed) {
        computed = await computedPass(database.url, node, computedWanted, peer, { expectNetwork, meta, districtKinds, centres, s3ExpectRows });
        rows.push(...computed.rows);
      }
      return {
        size,
        seed,
        database: database.name,
        centres,
        reports,
        analyticsFacts,
        apiNode: versionOf(node),
        scenarios: rows,
        peer: peerComparison,
        computedPeer: computed?.peer,
        computedPeerSkipped: computed?.peerSkipped,
        peerSkipped: peer ? peerSkipped : 'not asked for',
        floors,
        rssMbAfterStart,
        rssMbAtEnd,
        rssMbAfterIdle,
        notes,
      };
    } finally {
      await api.stop();
      running.delete(api);
    }
  } finally {
    await client.end();
  }
}

/**
 * The same reads with the response cache off (RESPONSE_CACHE_SECONDS=0): every answer computed,
 * resolvers and SQL each time, as the first visit of a question is. The scenarios above repeat one
 * question, so they measure mostly answers kept in memory; these rows (S1c, S2c, S3c) say what a
 * question costs when it is new. Sessions are still believed until PostgreSQL tells of a change
 * (SESSION_CACHE_SECONDS), as in production. S2c alternates with PostGraphile, as S2 does: the
 * machine's speed drifts over minutes, and the two figures were once taken minutes apart.
 */
async function computedPass(
  databaseUrl: string,
  node: string,
  wanted: Set<ScenarioId>,
  peer: boolean,
  context: { expectNetwork: Awaited<ReturnType<typeof networkExpectation>>; meta: { anchor: string; firstPeriod: string }; districtKinds: string[]; centres: number; s3ExpectRows: number },
): Promise<{ rows: ScenarioRow[]; peer?: PeerComparison; peerSkipped?: string }> {
  const rows: ScenarioRow[] = [];
  let computedPeer: PeerComparison | undefined;
  let peerSkipped: string | undefined;
  console.error('\nStarting the API again with the response cache off (every answer computed)...');
  const api = await startApi({ node, databaseUrl, extraEnv: { RESPONSE_CACHE_SECONDS: '0' } });
  running.add(api);
  try {
    if (wanted.has('S1')) {
      const token = await login(api.url, BENCH_ACCOUNTS.admin.email, BENCH_ACCOUNTS.admin.password);
      console.error('S1c: the overview, computed...');
      const result = await runLoad('S1c', api, overviewScenario(token, { centres: context.centres, period: context.meta.anchor, monthStart: `${networkToday().slice(0, 7)}-01` }), settings);
      rows.push({ id: 'S1c', title: 'overview, every answer computed', result });
    }
    if (wanted.has('S2')) {
      const token = await login(api.url, BENCH_ACCOUNTS.admin.email, BENCH_ACCOUNTS.admin.password);
      console.error('S2c: the nested network query, computed...');
      const scenario = networkScenario(token, context.expectNetwork);
      if (peer) {
        console.error(`S2c against PostGraphile, ${rounds} rounds A,B...`);
        const compared = await besidePeer(node, databaseUrl, (peerServer) => againstPeer('S2c', api, scenario, peerServer, peerNetworkScenario(context.expectNetwork)));
        if ('skipped' in compared) peerSkipped = compared.skipped;
        else computedPeer = compared;
      }
      const result = computedPeer?.api ?? (await runLoad('S2c', api, scenario, settings));
      rows.push({ id: 'S2c', title: 'network, every answer computed', result, unloaded: await runAlone('S2c, one at a time', api, scenario, aloneRuns) });
    }
    if (wanted.has('S3')) {
      const token = await login(api.url, BENCH_ACCOUNTS.analyst.email, BENCH_ACCOUNTS.analyst.password);
      console.error('S3c: the five-year aggregate, computed...');
      const scenario = analyticsScenario(token, context.meta.firstPeriod, context.meta.anchor, context.districtKinds, context.s3ExpectRows);
      const unloaded = await runAlone('S3c, one at a time', api, scenario, aloneRuns);
      const title = 'analytics, every answer computed';
      if (unloaded.p50 > (settings.duration * 1000) / 2) rows.push({ id: 'S3c', title, unloaded, skipped: `under load: one request alone takes ${(unloaded.p50 / 1000).toFixed(1)} s` });
      else rows.push({ id: 'S3c', title, result: await runLoad('S3c', api, scenario, { ...settings, warmup: 0 }), unloaded });
    }
  } finally {
    await api.stop();
    running.delete(api);
  }
  return { rows, peer: computedPeer, peerSkipped };
}

/** PostGraphile started on the database for `work`, and stopped after it; why not, when it does not start. */
async function besidePeer<T>(node: string, databaseUrl: string, work: (peerServer: ServerProcess) => Promise<T>): Promise<T | { skipped: string }> {
  let peerServer: ServerProcess;
  try {
    peerServer = await startPeer({ node, databaseUrl, poolSize: 10 });
  } catch (error) {
    return { skipped: `PostGraphile did not start: ${error instanceof Error ? error.message.slice(0, 2000) : String(error)}` };
  }
  running.add(peerServer);
  try {
    return await work(peerServer);
  } finally {
    await peerServer.stop();
    running.delete(peerServer);
  }
}

/** `rounds` rounds of the API's scenario (A) and PostGraphile's (B) in turn, each round's pair side by side and all of them together. */
async function againstPeer(id: string, api: ServerProcess, scenario: Scenario, peerServer: ServerProcess, peerScenario: Scenario): Promise<PeerComparison> {
  const pairs: PeerComparison['rounds'] = [];
  for (let n = 1; n <= rounds; n++) {
    const warm = n === 1 ? settings : { ...settings, warmup: 1 };
    const apiRound = await runLoad(id, api, scenario, warm);
    const peerRound = await runLoad(`${id} peer`, peerServer, peerScenario, warm);
    pairs.push({ round: n, api: apiRound, peer: peerRound });
    console.error(`  round ${n}: API ${apiRound.rps} req/s, PostGraphile ${peerRound.rps} req/s`);
  }
  const apiAll = combine(pairs.map((p) => p.api));
  const peerAll = combine(pairs.map((p) => p.peer));
  return { rounds: pairs, api: apiAll, peer: peerAll, rpsRatio: apiAll.rps / peerAll.rps, p99Ratio: apiAll.p99 / peerAll.p99 };
}

async function tableCount(client: pg.Client, table: string): Promise<number | null> {
  const present = await client.query(`SELECT 1 FROM pg_class WHERE relname = $1 AND relkind = 'r'`, [table]);
  if (present.rowCount === 0) return null;
  return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
}

/** RSS once the server has been idle for ten seconds: V8 gives memory back when idle, so "after the bench" is read both ways. */
async function idleRss(server: ServerProcess): Promise<number> {
  await server.settle();
  await new Promise((done) => setTimeout(done, 10_000));
  return server.rssMb();
}

/** Whether the running API's Query type has a field (introspection as a signed-in user). */
async function hasQueryField(url: string, token: string, name: string): Promise<boolean> {
  const answer = await graphql<{ __type: { fields: { name: string }[] } | null }>(url, '{ __type(name: "Query") { fields { name } } }', {}, token);
  if (answer.data?.__type) return answer.data.__type.fields.some((field) => field.name === name);
  return schemaFileHas(name);
}

/** The centre kinds S3 asks for: DISTRICT when the API's CentreKind has it, else every kind but REGIONAL. */
async function districtKindsOf(url: string, token: string): Promise<string[]> {
  const answer = await graphql<{ __type: { enumValues: { name: string }[] } | null }>(url, '{ __type(name: "CentreKind") { enumValues { name } } }', {}, token);
  const kinds = answer.data?.__type?.enumValues.map((value) => value.name) ?? ['REGIONAL', 'CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT'];
  return kinds.includes('DISTRICT') ? ['DISTRICT'] : kinds.filter((kind) => kind !== 'REGIONAL');
}

function schemaFileHas(name: string): boolean {
  return new RegExp(`^\\s+${name}\\(`, 'm').test(readFileSync(resolve(API_ROOT, 'schema.gql'), 'utf8'));
}

/**
 * Takes S4's reports out again: the reports and their lines (the analytics triggers follow), the
 * idempotency keys, and the writer's audit entries. The audit trail is append-only by a trigger, so
 * those entries go with triggers off for this one statement's session.
 */
async function removeBenchWrites(client: pg.Client): Promise<number> {
  const writer = (await client.query<{ id: string }>('SELECT id FROM app_user WHERE email = $1', [BENCH_ACCOUNTS.writer.email])).rows[0]?.id;
  if (!writer) return 0;
  const removed = await client.query('DELETE FROM activity_report WHERE created_by = $1', [writer]);
  await client.query('DELETE FROM idempotency_key WHERE user_id = $1', [writer]);
  await client.query('BEGIN');
  await client.query('SET LOCAL session_replication_role = replica');
  await client.query('DELETE FROM audit_entry WHERE actor_id = $1', [writer]);
  await client.query('COMMIT');
  return removed.rowCount ?? 0;
}

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exitCode = 1;
  })
  .finally(() => stopAll());
