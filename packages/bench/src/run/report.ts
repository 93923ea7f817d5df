import type { FloorResult } from './floors.js';
import { type LoadResult, round } from './load.js';

/** A scenario's figures as printed and written to JSON; `skipped` says why there are none. */
export interface ScenarioRow {
  id: string;
  title: string;
  result?: LoadResult;
  /** The same requests one at a time (one connection): latency without queueing, to set beside the floor. */
  unloaded?: LoadResult;
  skipped?: string;
}

export interface PeerComparison {
  rounds: { round: number; api: LoadResult; peer: LoadResult }[];
  api: LoadResult;
  peer: LoadResult;
  /** API req/s ÷ PostGraphile req/s over all rounds. */
  rpsRatio: number;
  /** API p99 ÷ PostGraphile p99 (mean of the rounds' p99s). */
  p99Ratio: number;
  /** PostGraphile one request at a time. */
  peerUnloaded?: LoadResult;
}

export interface SizeRun {
  size: string;
  seed: number;
  database: string;
  centres: number;
  reports: number;
  analyticsFacts: number | null;
  apiNode: string;
  scenarios: ScenarioRow[];
  peer?: PeerComparison;
  peerSkipped?: string;
  /** S2c (every answer computed) alternated with PostGraphile, as S2 is. */
  computedPeer?: PeerComparison;
  /** Why S2c was not alternated (PostGraphile did not start the second time): checked against the first pass's rounds. */
  computedPeerSkipped?: string;
  floors: FloorResult[];
  rssMbAfterStart: number;
  /** Right after the last scenario (before the floors). */
  rssMbAtEnd: number;
  /** After the floors and ten seconds idle. */
  rssMbAfterIdle: number;
  notes: string[];
}

/** Several measured runs of one scenario as one: requests over all the time, latencies averaged over runs. */
export function combine(results: LoadResult[]): LoadResult {
  const first = results[0]!;
  const requests = results.reduce((sum, r) => sum + r.requests, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  const weighted = (pick: (r: LoadResult) => number | null) => {
    const known = results.filter((r) => pick(r) !== null && Number.isFinite(pick(r)));
    const weight = known.reduce((sum, r) => sum + r.requests, 0);
    return weight > 0 ? known.reduce((sum, r) => sum + pick(r)! * r.requests, 0) / weight : null;
  };
  const mean = (pick: (r: LoadResult) => number) => results.reduce((sum, r) => sum + pick(r), 0) / results.length;
  const overTime = (pick: (r: LoadResult) => number) => results.reduce((sum, r) => sum + pick(r) * r.seconds, 0) / seconds;
  const steps: LoadResult['steps'] = {};
  for (const name of Object.keys(first.steps)) {
    const of = results.map((r) => r.steps[name]!).filter(Boolean);
    const withSql = of.filter((step) => step.sqlMean !== null);
    const sqlWeight = withSql.reduce((sum, step) => sum + step.requests, 0);
    steps[name] = {
      requests: of.reduce((sum, step) => sum + step.requests, 0),
      sqlMean: sqlWeight > 0 ? round(withSql.reduce((sum, step) => sum + step.sqlMean! * step.requests, 0) / sqlWeight, 2) : null,
      sqlMin: withSql.length > 0 ? Math.min(...withSql.map((step) => step.sqlMin!)) : null,
      sqlMax: withSql.length > 0 ? Math.max(...withSql.map((step) => step.sqlMax!)) : null,
      failures: of.reduce((sum, step) => sum + step.failures, 0),
    };
  }
  return {
    ...first,
    steps,
    requests,
    seconds,
    rps: round(requests / seconds, 1),
    p50: round(mean((r) => r.p50), 2),
    p99: round(mean((r) => r.p99), 2),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    firstFailure: results.find((r) => r.firstFailure)?.firstFailure ?? null,
    sqlPerRequest: ((value) => (value === null ? null : round(value, 2)))(weighted((r) => r.sqlPerRequest)),
    cpuMsPerRequest: round(weighted((r) => r.cpuMsPerRequest) ?? NaN, 3),
    clientCpuMsPerRequest: round(weighted((r) => r.clientCpuMsPerRequest) ?? NaN, 3),
    clientCpuShare: round(overTime((r) => r.clientCpuShare), 2),
    clientLoopBusy: round(overTime((r) => r.clientLoopBusy), 2),
    rssMbAfter: results.at(-1)!.rssMbAfter,
    settled: results.every((r) => r.settled),
  };
}

const fmt = (value: number | null | undefined, digits = 1) => (value === null || value === undefined || Number.isNaN(value) ? '–' : value.toFixed(digits));

/**
 * From this share of the run on, the bench's one Node thread (autocannon and the body checks) is
 * taken as the limit of the run: it was hardly ever free to take the next answer, whatever the server
 * could do. Its event loop's utilization, not the process's CPU share, which counts GC threads too.
 */
const CLIENT_BOUND_LOOP_BUSY = 0.9;

const clientBound = (r: LoadResult) => r.clientLoopBusy >= CLIENT_BOUND_LOOP_BUSY;
const clientPercent = (r: LoadResult) => fmt(r.clientCpuShare * 100, 0);

/** What a client-bound run's figures are worth, for the note under its table. */
function clientBoundNote(name: string, r: LoadResult): string {
  return `${name}: limited by the load generator (its Node thread busy ${fmt(r.clientLoopBusy * 100, 0)}% of the run, the process at ${clientPercent(r)}% of a core), ` +
    `so ${fmt(r.rps)} req/s is a floor for the server and p50/p99 include time queued in the client`;
}

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((header, i) => Math.max(header.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The rounds of a scenario alternated with PostGraphile's, and their ratio. */
function printAlternation(id: string, comparison: PeerComparison): void {
  console.log(`\n  ${id} against PostGraphile, alternating (A = API, B = PostGraphile):`);
  console.log(
    table(
      ['round', 'server', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'CPU ms/req', 'client CPU %'],
      comparison.rounds.flatMap(({ round: n, api, peer }) => [
        [`${n}A`, api.server, fmt(api.rps), fmt(api.p50, 2), fmt(api.p99, 2), String(api.errors), fmt(api.cpuMsPerRequest, 2), clientPercent(api)],
        [`${n}B`, peer.server, fmt(peer.rps), fmt(peer.p50, 2), fmt(peer.p99, 2), String(peer.errors), fmt(peer.cpuMsPerRequest, 2), clientPercent(peer)],
      ]),
    )
      .split('\n')
      .map((line) => `  ${line}`)
      .join('\n'),
  );
  for (const { round: n, api, peer } of comparison.rounds) {
    if (clientBound(api)) console.log(`  ${clientBoundNote(`${n}A`, api)}`);
    if (clientBound(peer)) console.log(`  ${clientBoundNote(`${n}B`, peer)}`);
  }
  console.log(`  ratio: API ${fmt(comparison.api.rps)} req/s ÷ PostGraphile ${fmt(comparison.peer.rps)} req/s = ${fmt(comparison.rpsRatio, 2)}×; p99 API ${fmt(comparison.api.p99, 2)} ms vs PostGraphile ${fmt(comparison.peer.p99, 2)} ms (${fmt(comparison.p99Ratio, 2)}×)`);
}

export function printSizeRun(run: SizeRun): void {
  console.log(`\n== ${run.size}: ${run.centres} centres, ${run.reports} reports${run.analyticsFacts !== null ? `, ${run.analyticsFacts} analytics facts` : ''} (${run.database}); API on Node ${run.apiNode}`);
  const rows: string[][] = [];
  // S2c and S3c (every answer computed) are set beside the floors of S2 and S3.
  const floorOf = (id: string) => run.floors.find((floor) => floor.scenario === id.replace(/c$/, '') && !floor.skipped);
  for (const scenario of run.scenarios) {
    const r = scenario.result;
    if (!r) {
      const alone = scenario.unloaded;
      const floor = floorOf(scenario.id);
      rows.push([scenario.id, scenario.title, 'skipped', '', '', '', '', alone ? fmt(alone.cpuMsPerRequest, 2) : '', '', alone ? fmt(alone.rssMbAfter) : '', alone ? fmt(alone.p50, 2) : '–', floor && alone ? `${fmt(alone.p50 / floor.p50, 1)}×` : '–']);
      continue;
    }
    const floor = floorOf(scenario.id);
    const alone = scenario.unloaded;
    const none = r.requests === 0;
    rows.push([
      scenario.id, `${scenario.title} [${r.server}]`, fmt(r.rps), none ? 'none' : fmt(r.p50, 2), none ? 'none' : fmt(r.p99, 2), String(r.errors), fmt(r.sqlPerRequest, 2), fmt(r.cpuMsPerRequest, 2), clientPercent(r), fmt(r.rssMbAfter),
      alone ? fmt(alone.p50, 2) : '–', floor && alone ? `${fmt(alone.p50 / floor.p50, 1)}×` : '–',
    ]);
  }
  if (run.peer) {
    const p = run.peer.peer;
    const alone = run.peer.peerUnloaded;
    const floor = floorOf('S2');
    rows.push(['S2', `network (peer) [${p.server}]`, fmt(p.rps), fmt(p.p50, 2), fmt(p.p99, 2), String(p.errors), fmt(p.sqlPerRequest, 2), fmt(p.cpuMsPerRequest, 2), clientPercent(p), fmt(p.rssMbAfter), alone ? fmt(alone.p50, 2) : '–', floor && alone ? `${fmt(alone.p50 / floor.p50, 1)}×` : '–']);
  }
  console.log(table(['id', 'scenario [server]', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'SQL/req', 'CPU ms/req', 'client CPU %', 'RSS MB', 'alone p50', 'alone/floor'], rows));
  console.log(`  req/s, p50, p99, errors, SQL/req, CPU ms/req: under load (${run.scenarios.find((s) => s.result)?.result?.connections ?? '?'} connections). ` +
    `client CPU %: the bench's own process (the load generator) over the run, 100 = one core. RSS: after the scenario. alone p50: one request at a time.`);
  for (const scenario of run.scenarios) {
    if (scenario.skipped) console.log(`  ${scenario.id} skipped: ${scenario.skipped}`);
    const r = scenario.result;
    if (r?.firstFailure) console.log(`  ${scenario.id} first failure: ${r.firstFailure}`);
    if (r && r.requests === 0) console.log(`  ${scenario.id}: no request finished within the ${r.seconds} s measured (p50 and p99 have no value)`);
    if (r && clientBound(r)) console.log(`  ${clientBoundNote(scenario.id, r)}`);
    if (r && !r.settled) console.log(`  ${scenario.id}: the server was still busy with queued requests after 3 minutes; the next figures include that work`);
    if (r && Object.keys(r.steps).length > 1) {
      const parts = Object.entries(r.steps).map(([name, step]) => `${name} ${step.requests} req, SQL ${fmt(step.sqlMean, 1)} (${step.sqlMin ?? '–'}–${step.sqlMax ?? '–'})`);
      console.log(`  ${scenario.id} per document: ${parts.join('; ')}`);
    }
  }
  if (run.peer && clientBound(run.peer.peer)) console.log(`  ${clientBoundNote('S2 (peer)', run.peer.peer)}`);
  if (run.peer) {
    printAlternation('S2', run.peer);
  } else if (run.peerSkipped) {
    console.log(`  peer skipped: ${run.peerSkipped}`);
  }
  if (run.computedPeer) printAlternation('S2c (every answer computed)', run.computedPeer);
  else if (run.computedPeerSkipped) console.log(`  S2c peer skipped: ${run.computedPeerSkipped}`);
  console.log(`\n  Floors (hand-written SQL straight to PostgreSQL, p50 of ${run.floors[0]?.runs ?? 0} runs):`);
  for (const floor of run.floors) {
    if (floor.skipped) {
      console.log(`    ${floor.scenario}: skipped: ${floor.skipped}`);
      continue;
    }
    console.log(`    ${floor.scenario}: ${fmt(floor.p50, 2)} ms (p99 ${fmt(floor.p99, 2)} ms, ${floor.rows} rows)`);
    for (const [id, how] of [[floor.scenario, ''], [`${floor.scenario}c`, ', every answer computed']] as const) {
      const scenario = run.scenarios.find((s) => s.id === id);
      const api = scenario?.result;
      const alone = scenario?.unloaded;
      if (alone) console.log(`        API${how} one request at a time: p50 ${fmt(alone.p50, 2)} ms = ${fmt(alone.p50 / floor.p50, 1)}× the floor (p99 ${fmt(alone.p99, 2)} ms, ${fmt(alone.cpuMsPerRequest, 2)} CPU ms/req)`);
      if (api && api.requests === 0) console.log(`        API${how} under load (${api.connections} connections): no request finished in ${api.seconds} s`);
      else if (api) console.log(`        API${how} under load (${api.requests} requests, ${api.connections} connections): p50 ${fmt(api.p50, 2)} ms = ${fmt(api.p50 / floor.p50, 1)}× the floor`);
    }
    if (floor.scenario === 'S2' && run.peer?.peerUnloaded) {
      const peer = run.peer.peerUnloaded;
      console.log(`        PostGraphile one request at a time: p50 ${fmt(peer.p50, 2)} ms = ${fmt(peer.p50 / floor.p50, 1)}× the floor (${fmt(peer.cpuMsPerRequest, 2)} CPU ms/req)`);
    }
  }
  console.log(`\n  API RSS: ${fmt(run.rssMbAfterStart)} MB after start, ${fmt(run.rssMbAtEnd)} MB right after the last scenario, ${fmt(run.rssMbAfterIdle)} MB after the floors and 10 s idle`);
  for (const note of run.notes) console.log(`  note: ${note}`);
}

export interface CurvePoint {
  size: string;
  centres: number;
  reports: number;
  s2?: LoadResult;
  s3?: LoadResult;
  s2Alone?: LoadResult;
  s3Alone?: LoadResult;
  s2Floor?: FloorResult;
  s3Floor?: FloorResult;
}

export function printCurve(points: CurvePoint[]): void {
  console.log('\n== Scale curve: S2 and S3 at each size');
  const rows = points.flatMap((p) => [
    [p.size, 'S2', `${p.centres} / ${p.reports}`, fmt(p.s2?.rps), fmt(p.s2?.p50, 2), fmt(p.s2?.p99, 2), fmt(p.s2?.sqlPerRequest, 2), fmt(p.s2?.cpuMsPerRequest, 2), String(p.s2?.errors ?? '–'), fmt(p.s2Alone?.p50, 2), fmt(p.s2Alone?.cpuMsPerRequest, 2), fmt(p.s2Floor?.p50, 2)],
    [p.size, 'S3', `${p.centres} / ${p.reports}`, fmt(p.s3?.rps), fmt(p.s3?.p50, 2), fmt(p.s3?.p99, 2), fmt(p.s3?.sqlPerRequest, 2), fmt(p.s3?.cpuMsPerRequest, 2), String(p.s3?.errors ?? '–'), fmt(p.s3Alone?.p50, 2), fmt(p.s3Alone?.cpuMsPerRequest, 2), fmt(p.s3Floor?.p50, 2)],
  ]);
  console.log(table(['size', 'id', 'centres / reports', 'req/s', 'p50 ms', 'p99 ms', 'SQL/req', 'CPU ms/req', 'errors', 'alone p50', 'alone CPU ms', 'floor p50'], rows));
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1]!, points[i]!];
    const data = b.reports / a.reports;
    const growth = (x?: LoadResult, y?: LoadResult, fx?: FloorResult, fy?: FloorResult) =>
      x && y ? `alone p50 ×${fmt(y.p50 / x.p50, 2)}, CPU/req ×${fmt(y.cpuMsPerRequest / x.cpuMsPerRequest, 2)}${fx && fy ? `, floor ×${fmt(fy.p50 / fx.p50, 2)}` : ''}` : '–';
    console.log(`  ${a.size} → ${b.size}: data ×${fmt(data, 1)}; S2 ${growth(a.s2Alone, b.s2Alone, a.s2Floor, b.s2Floor)}; S3 ${growth(a.s3Alone, b.s3Alone, a.s3Floor, b.s3Floor)}`);
  }
}

export interface TargetCheck {
  target: string;
  figure: string;
  met: boolean | null;
}

/** The targets of issue 8 that the load bench measures (the dashboard's come from `pnpm --filter @mrc/bench dashboard`). */
export function targetChecks(runs: SizeRun[], curve: CurvePoint[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const run of runs) {
    if (run.peer) {
      checks.push({ target: `S2 ≥ 1.5× PostGraphile's req/s (${run.size})`, figure: `${fmt(run.peer.rpsRatio, 2)}×`, met: run.peer.rpsRatio >= 1.5 });
      checks.push({ target: `S2 p99 no worse than PostGraphile's (${run.size})`, figure: `${fmt(run.peer.api.p99, 1)} vs ${fmt(run.peer.peer.p99, 1)} ms`, met: run.peer.api.p99 <= run.peer.peer.p99 });
    }
    // S2c against its own alternated rounds of PostGraphile; without them (PostGraphile did not start
    // the second time), against the first pass's, taken minutes before.
    const computed = run.scenarios.find((s) => s.id === 'S2c')?.result;
    const computedPeer = run.computedPeer ?? (computed && run.peer ? { api: computed, peer: run.peer.peer, rpsRatio: computed.rps / run.peer.peer.rps } : undefined);
    if (computedPeer) {
      const how = run.computedPeer ? 'alternated' : 'not alternated';
      checks.push({
        target: `S2c (every answer computed) ≥ 1.5× PostGraphile's req/s (${run.size}, ${how})`,
        figure: `${fmt(computedPeer.rpsRatio, 2)}×, p99 ${fmt(computedPeer.api.p99, 1)} vs ${fmt(computedPeer.peer.p99, 1)} ms`,
        met: computedPeer.rpsRatio >= 1.5 && computedPeer.api.p99 <= computedPeer.peer.p99,
      });
    }
    for (const id of ['S1', 'S2', 'S1c', 'S2c']) {
      const r = run.scenarios.find((s) => s.id === id)?.result;
      if (r) {
        const maxima = Object.values(r.steps).map((step) => step.sqlMax).filter((max): max is number => max !== null);
        const most = maxima.length > 0 ? Math.max(...maxima) : null;
        checks.push({ target: `${id} SQL statements per request ≤ 3 (${run.size})`, figure: `${fmt(r.sqlPerRequest, 2)} on average, at most ${most ?? '–'}`, met: most === null ? null : most <= 3 });
      }
    }
    const s3 = run.scenarios.find((s) => s.id === 'S3')?.result;
    const s3Floor = run.floors.find((f) => f.scenario === 'S3' && !f.skipped);
    const s3Alone = run.scenarios.find((s) => s.id === 'S3')?.unloaded;
    if (s3Alone && s3Floor && run.size === 'national') {
      checks.push({ target: 'S3 p50 within 3× the SQL floor (national), one request at a time', figure: `${fmt(s3Alone.p50, 1)} ms = ${fmt(s3Alone.p50 / s3Floor.p50, 1)}×`, met: s3Alone.p50 <= 3 * s3Floor.p50 });
    }
    const s3ComputedAlone = run.scenarios.find((s) => s.id === 'S3c')?.unloaded;
    if (s3ComputedAlone && s3Floor && run.size === 'national') {
      checks.push({ target: 'S3c (every answer computed) p50 within 3× the SQL floor (national), one request at a time', figure: `${fmt(s3ComputedAlone.p50, 1)} ms = ${fmt(s3ComputedAlone.p50 / s3Floor.p50, 1)}×`, met: s3ComputedAlone.p50 <= 3 * s3Floor.p50 });
    }
    if (s3 && s3Floor && run.size === 'national' && s3.requests === 0) {
      checks.push({ target: 'S3 p50 within 3× the SQL floor (national), under load (50 connections)', figure: `no request finished in ${s3.seconds} s`, met: false });
    } else if (s3 && s3Floor && run.size === 'national') {
      const bound = clientBound(s3) ? `; client-bound (the bench's Node thread busy ${fmt(s3.clientLoopBusy * 100, 0)}% of the run): this p50 includes time queued in the load generator` : '';
      checks.push({ target: 'S3 p50 within 3× the SQL floor (national), under load (50 connections)', figure: `${fmt(s3.p50, 1)} ms = ${fmt(s3.p50 / s3Floor.p50, 1)}×${bound}`, met: s3.p50 <= 3 * s3Floor.p50 });
    }
    checks.push({ target: `API RSS after the bench < 300 MB (${run.size})`, figure: `${fmt(run.rssMbAtEnd)} MB right after the last scenario, ${fmt(run.rssMbAfterIdle)} MB after 10 s idle`, met: Math.max(run.rssMbAtEnd, run.rssMbAfterIdle) < 300 });
  }
  const national = curve.find((p) => p.size === 'national');
  const national10 = curve.find((p) => p.size === 'national10');
  if (national && national10) {
    const data = national10.reports / national.reports;
    for (const id of ['s2', 's3'] as const) {
      const key = `${id}Alone` as const;
      const [a, b] = [national[key], national10[key]];
      if (a && b) checks.push({ target: `${id.toUpperCase()}: ${fmt(data, 1)}× the data costs ≤ ${fmt(data, 1)}× the time (p50 one at a time, national → national10)`, figure: `×${fmt(b.p50 / a.p50, 2)}`, met: b.p50 / a.p50 <= data });
    }
    const sql = (p: CurvePoint) => p.s2?.sqlPerRequest;
    const values = curve.map(sql).filter((v): v is number => v !== null && v !== undefined);
    if (values.length > 1) checks.push({ target: 'S2 SQL statements per request the same at every scale', figure: values.map((v) => fmt(v, 2)).join(' / '), met: values.every((v) => v === values[0]) });
  }
  return checks;
}

export function printTargets(checks: TargetCheck[]): void {
  if (checks.length === 0) return;
  console.log('\n== Targets (issue 8)');
  for (const check of checks) console.log(`  [${check.met === null ? '?' : check.met ? 'met' : 'NOT MET'}] ${check.target}: ${check.figure}`);
}
