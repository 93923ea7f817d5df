import type { IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import type { ServerProcess } from './server-process.js';

/** A GraphQL answer as the load checks see it. */
export interface Answer {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export type Context = Record<string, unknown>;

/** One request of a scenario. */
export interface Step {
  name: string;
  /** The JSON body: fixed, or made for each request from the connection's context. */
  body: string | ((context: Context) => string);
  headers: Record<string, string>;
  /** Why the answer is wrong, or null when it has the expected shape; may keep what the next step needs in `context`. */
  check: (answer: Answer, context: Context) => string | null;
}

/**
 * How a scenario's steps are sent: `sequence`, each connection sends them in order, over and over
 * (a draft, then its submission); `mix`, each request takes the next step across all connections,
 * so every step is measured however slow the others are (the overview's two documents).
 */
export interface Scenario {
  steps: Step[];
  mode: 'sequence' | 'mix';
}

export interface LoadSettings {
  connections: number;
  /** Seconds measured. */
  duration: number;
  /** Seconds of load before the measured run (not counted). */
  warmup: number;
}

export interface StepFigures {
  requests: number;
  /** SQL statements per request (the API's X-SQL-Statements header); null when the server sends none. */
  sqlMean: number | null;
  sqlMin: number | null;
  sqlMax: number | null;
  failures: number;
}

export interface LoadResult {
  label: string;
  server: string;
  /** Connections (1: one request at a time). */
  connections: number;
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Socket errors and timeouts, non-2xx answers, and 2xx answers whose body failed its check. */
  errors: number;
  firstFailure: string | null;
  sqlPerRequest: number | null;
  steps: Record<string, StepFigures>;
  cpuMsPerRequest: number;
  /** CPU ms per request of the bench's own process: autocannon (or fetch, one at a time) and the body checks. */
  clientCpuMsPerRequest: number;
  /**
   * The bench process's CPU time over the run's wall time (1.0: one core fully busy), for reading
   * beside the server's. It counts every thread of the process (V8's GC helpers too), so it can pass
   * 1.0; whether the client was the limit is `clientLoopBusy`.
   */
  clientCpuShare: number;
  /**
   * How busy the bench's one Node thread was over the run (its event loop's utilization, 1.0: never
   * idle). This, not the CPU share, says whether the client was the limit: the CPU share also counts
   * V8's GC helper threads.
   */
  clientLoopBusy: number;
  rssMbAfter: number;
  /** False when the server was still busy with requests the load left queued when the next run began. */
  settled: boolean;
}

const SQL_HEADER = 'x-sql-statements';

/**
 * Drives a server with autocannon: a warm-up run, then the measured one. Every response body is
 * checked (parsed, or compared with one that passed: Tally); the server's CPU time (from /proc) and
 * memory, and the bench's own CPU time, are read around the measured run. Before and after, it
 * waits for the server to finish what the load left queued.
 */
export async function runLoad(label: string, server: ServerProcess, scenario: Scenario, settings: LoadSettings): Promise<LoadResult> {
  assertBodiesAsBytes();
  if (settings.warmup > 0) await fire(server.url, scenario, settings.connections, settings.warmup, new Tally(scenario.steps));
  let settled = await server.settle();
  const tally = new Tally(scenario.steps);
  const cpuBefore = server.cpuMs();
  const client = clientClock();
  const result = await fire(server.url, scenario, settings.connections, settings.duration, tally);
  const cpuMs = server.cpuMs() - cpuBefore;
  const clientUse = client.read();
  settled = (await server.settle()) && settled;
  return tally.result(label, server, {
    connections: settings.connections,
    requests: result.requests.total,
    seconds: result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    transportErrors: result.errors + result.non2xx,
    transportNote: result.errors > 0 ? `${result.errors} socket errors (${result.timeouts} timeouts)` : null,
    cpuMs,
    ...clientUse,
    settled,
  });
}

/**
 * The scenario's requests one at a time on one connection: latency without queueing, to set beside
 * the SQL floor. At most `runs` requests, and no more than `maxSeconds` once three are done.
 */
export async function runAlone(label: string, server: ServerProcess, scenario: Scenario, runs: number, maxSeconds = 30): Promise<LoadResult> {
  const tally = new Tally(scenario.steps);
  const context: Context = {};
  const times: number[] = [];
  let transportErrors = 0;
  await server.settle();
  const cpuBefore = server.cpuMs();
  const client = clientClock();
  const started = performance.now();
  for (let i = 0; i < runs && (i < 3 || performance.now() - started < maxSeconds * 1000); i++) {
    const step = scenario.steps[i % scenario.steps.length]!;
    const body = typeof step.body === 'string' ? step.body : step.body(context);
    const sent = performance.now();
    try {
      const response = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...step.headers }, body });
      const answer = Buffer.from(await response.arrayBuffer());
      times.push(performance.now() - sent);
      tally.record(step, response.status, answer, context, Object.fromEntries(response.headers));
      if (response.status < 200 || response.status >= 300) transportErrors++;
    } catch (error) {
      transportErrors++;
      tally.firstFailure ??= `${step.name}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = server.cpuMs() - cpuBefore;
  const clientUse = client.read();
  times.sort((a, b) => a - b);
  const at = (share: number) => (times.length === 0 ? NaN : times[Math.min(times.length - 1, Math.floor(share * times.length))]!);
  return tally.result(label, server, { connections: 1, requests: times.length, seconds, p50: round(at(0.5), 2), p99: round(at(0.99), 2), transportErrors, transportNote: null, cpuMs, ...clientUse, settled: true });
}

class Tally {
  /**
   * Bodies that passed their step's full check, by step (a few each). A step that sends the same
   * request every time and gets a byte-identical body is checked by comparing it with one that
   * passed, not by parsing it again: parsing a national aggregate (2.7 MB) per answer cost the
   * client more than the API's kept answer and, on these two cores, slowed the server it measured.
   * Bodies stay bytes (autocannon's `bodyAsBuffer`, patches/autocannon@9.0.0.patch): compared
   * byte for byte, a body costs a memcmp; made a string and looked up in a Set, it was hashed and
   * flattened first, which held the load generator at one full core for S3.
   */
  private readonly passed = new Map<string, Buffer[]>();
  /** The same request every time, checked on the answer alone (a check that reads the connection's context is run on every answer). */
  private comparable(step: Step): boolean {
    return typeof step.body === 'string' && step.check.length < 2;
  }

  readonly steps: Record<string, { requests: number; sqlSum: number; sqlCount: number; sqlMin: number; sqlMax: number; failures: number }>;
  firstFailure: string | null = null;

  constructor(steps: Step[]) {
    this.steps = Object.fromEntries(steps.map((step) => [step.name, { requests: 0, sqlSum: 0, sqlCount: 0, sqlMin: Infinity, sqlMax: -Infinity, failures: 0 }]));
  }

  /** Counts one response: its SQL statements, and whether its body is right. */
  record(step: Step, status: number, body: Buffer, context: Context, headers: IncomingHttpHeaders): void {
    const figures = this.steps[step.name]!;
    const fail = (why: string) => {
      figures.failures++;
      this.firstFailure ??= `${step.name}: ${why}`;
    };
    figures.requests++;
    const sql = headerValue(headers, SQL_HEADER);
    if (sql !== undefined) {
      const count = Number(sql);
      figures.sqlSum += count;
      figures.sqlCount++;
      figures.sqlMin = Math.min(figures.sqlMin, count);
      figures.sqlMax = Math.max(figures.sqlMax, count);
    }
    const passed = this.comparable(step) && status >= 200 && status < 300 ? this.passed.get(step.name) : undefined;
    if (passed?.some((earlier) => earlier.equals(body))) return;
    const text = body.toString();
    let answer: Answer;
    try {
      answer = JSON.parse(text) as Answer;
    } catch {
      return fail(`HTTP ${status}, not JSON: ${text.slice(0, 200)}`);
    }
    if (status < 200 || status >= 300) {
      // Counted as non-2xx by the caller; only the first reason is kept.
      this.firstFailure ??= `${step.name}: HTTP ${status} ${JSON.stringify(answer.errors ?? answer).slice(0, 300)}`;
      return;
    }
    if (answer.errors?.length) return fail(`errors: ${JSON.stringify(answer.errors).slice(0, 300)}`);
    const problem = step.check(answer, context);
    if (problem) return fail(problem);
    if (this.comparable(step)) {
      const bodies = this.passed.get(step.name) ?? [];
      if (bodies.length < 4) bodies.push(body);
      this.passed.set(step.name, bodies);
    }
  }

  result(
    label: string,
    server: ServerProcess,
    run: {
      connections: number;
      requests: number;
      seconds: number;
      p50: number;
      p99: number;
      transportErrors: number;
      transportNote: string | null;
      cpuMs: number;
      clientCpuMs: number;
      clientWallMs: number;
      clientLoopBusy: number;
      settled: boolean;
    },
  ): LoadResult {
    const all = Object.values(this.steps);
    const bodyFailures = all.reduce((sum, step) => sum + step.failures, 0);
    const sqlRequests = all.reduce((sum, step) => sum + step.sqlCount, 0);
    const sqlTotal = all.reduce((sum, step) => sum + step.sqlSum, 0);
    return {
      label,
      server: server.name,
      connections: run.connections,
      requests: run.requests,
      seconds: round(run.seconds, 2),
      rps: round(run.requests / run.seconds, 1),
      p50: run.p50,
      p99: run.p99,
      errors: run.transportErrors + bodyFailures,
      firstFailure: this.firstFailure ?? run.transportNote,
      sqlPerRequest: sqlRequests > 0 ? round(sqlTotal / sqlRequests, 2) : null,
      steps: Object.fromEntries(
        Object.entries(this.steps).map(([name, step]) => [
          name,
          {
            requests: step.requests,
            sqlMean: step.sqlCount > 0 ? round(step.sqlSum / step.sqlCount, 2) : null,
            sqlMin: step.sqlCount > 0 ? step.sqlMin : null,
            sqlMax: step.sqlCount > 0 ? step.sqlMax : null,
            failures: step.failures,
          },
        ]),
      ),
      cpuMsPerRequest: run.requests > 0 ? round(run.cpuMs / run.requests, 3) : NaN,
      clientCpuMsPerRequest: run.requests > 0 ? round(run.clientCpuMs / run.requests, 3) : NaN,
      clientCpuShare: round(run.clientCpuMs / run.clientWallMs, 2),
      clientLoopBusy: round(run.clientLoopBusy, 2),
      rssMbAfter: server.rssMb(),
      settled: run.settled,
    };
  }
}

/**
 * The bench process's own CPU and wall time from now until `read`. During a run the process does
 * nothing but the load (autocannon or fetch, and the Tally); the servers' output it keeps is a few
 * lines, since their successful requests log nothing.
 */
function clientClock(): { read: () => { clientCpuMs: number; clientWallMs: number; clientLoopBusy: number } } {
  const cpuBefore = process.cpuUsage();
  const wallBefore = performance.now();
  const loopBefore = performance.eventLoopUtilization();
  return {
    read: () => {
      const used = process.cpuUsage(cpuBefore);
      return {
        clientCpuMs: (used.user + used.system) / 1000,
        clientWallMs: performance.now() - wallBefore,
        clientLoopBusy: performance.eventLoopUtilization(loopBefore).utilization,
      };
    },
  };
}

function fire(url: string, scenario: Scenario, connections: number, duration: number, tally: Tally): Promise<autocannon.Result> {
  const bodyOf = (step: Step, context: Context) => (typeof step.body === 'string' ? step.body : step.body(context));
  const base = { method: 'POST' as const, path: '/graphql' };
  let requests: autocannon.Request[];
  if (scenario.mode === 'sequence') {
    requests = scenario.steps.map((step) => ({
      ...base,
      headers: { 'content-type': 'application/json', ...step.headers },
      setupRequest: (request: autocannon.Request, context: object) => ({ ...request, body: bodyOf(step, context as Context) }),
      onResponse: (status: number, body: string | Buffer, context: object, headers: IncomingHttpHeaders | undefined) => tally.record(step, status, asBytes(body), context as Context, headers ?? {}),
    }));
  } else {
    let next = 0;
    requests = [
      {
        ...base,
        setupRequest: (request: autocannon.Request, context: object) => {
          const step = scenario.steps[next++ % scenario.steps.length]!;
          (context as Context).step = step;
          return { ...request, headers: { 'content-type': 'application/json', ...step.headers }, body: bodyOf(step, context as Context) };
        },
        onResponse: (status: number, body: string | Buffer, context: object, headers: IncomingHttpHeaders | undefined) =>
          tally.record((context as Context).step as Step, status, asBytes(body), context as Context, headers ?? {}),
      },
    ];
  }
  // bodyAsBuffer: the patch's option, unknown to autocannon's types.
  return autocannon({ url, connections, duration, requests, timeout: 60, bodyAsBuffer: true } as autocannon.Options);
}

/** autocannon's types say string; with `bodyAsBuffer` (patched, checked by assertBodiesAsBytes) a body is a Buffer. */
function asBytes(body: string | Buffer): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.from(body);
}

/**
 * Refuses to measure without the patch (patches/autocannon@9.0.0.patch): bodies would come as
 * strings again and the load generator would be the bottleneck. Said before any server is loaded,
 * not from inside a socket's handler, where it would stop the bench without stopping its servers.
 */
function assertBodiesAsBytes(): void {
  // autocannon's own module (untyped): the patch adds the flag there.
  const PipelinedRequestsQueue = createRequire(import.meta.url)('autocannon/lib/pipelinedRequestsQueue.js') as new (bodyAsBuffer: boolean) => { bodyAsBuffer?: boolean };
  const queue = new PipelinedRequestsQueue(true);
  if (queue.bodyAsBuffer !== true) throw new Error('autocannon is not patched (patches/autocannon@9.0.0.patch): run `pnpm install` at the top of the repository');
}

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}

export function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
