#!/usr/bin/env node
/**
 * Shows with figures that an export streams: the built API (dist/main.js) runs as a process of its
 * own on a fresh database, exports N audit entries as CSV (and XLSX), and this script samples the
 * API process's memory meanwhile — VmRSS and VmHWM from /proc/<pid>/status, and the V8 heap from a
 * probe loaded with `node --import` that reports over the IPC channel (no endpoint needed). A flat
 * export costs about the same memory for 100,000 rows as for 10,000.
 *
 *   pnpm --filter @mrc/api build && node apps/api/scripts/export-memory.mjs [rows…] [--xlsx]
 *
 * DATABASE_URL, when set, names the PostgreSQL server to make the throwaway database on; otherwise
 * an embedded one is started, as for the tests.
 */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, findFreePort } from '@mrc/local-postgres';
import pg from 'pg';

const API_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const formats = args.includes('--xlsx') ? ['csv', 'xlsx'] : ['csv'];
const sizes = args.filter((arg) => /^\d+$/.test(arg)).map(Number);
if (sizes.length === 0) sizes.push(10_000, 100_000);

/** The report goes to stdout: it is what the script is for. */
const print = (line) => process.stdout.write(`${line}\n`);

const MB = 2 ** 20;
const mb = (bytes) => `${(bytes / MB).toFixed(1)} MB`;

/** CPU seconds the process has used (user + system), from /proc/<pid>/stat. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function procStatus(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

const database = await createTestDatabase('mrc_export_memory');
const port = await findFreePort();
const output = [];
const api = fork(resolve(API_ROOT, 'dist/main.js'), [], {
  cwd: API_ROOT,
  execArgv: ['--expose-gc', '--import', resolve(API_ROOT, 'scripts/memory-probe.mjs'), ...(process.env.EXPORT_MEMORY_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.EXPORT_MEMORY_CPU_PROF}`] : [])],
  env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: "warn", PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, SEED_DEMO_USERS: 'true' },
  stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
});
api.stdout.on('data', (chunk) => output.push(String(chunk)));
api.stderr.on('data', (chunk) => { output.push(String(chunk)); if (process.env.EXPORT_MEMORY_DEBUG) process.stderr.write(chunk); });
let heap = { heapUsed: 0, rss: 0 };
let collected;
api.on('message', (message) => {
  heap = message;
  if (message.afterGc) collected?.(message);
});
/** The API's heap right after a full garbage collection: what it keeps, not what it has not freed yet. */
const heapAfterGc = () =>
  new Promise((done) => {
    collected = (message) => {
      collected = undefined;
      done(message.heapUsed);
    };
    api.send({ gc: true });
  });

const url = `http://127.0.0.1:${port}`;
const client = new pg.Client({ connectionString: database.url });
try {
  const deadline = Date.now() + 90_000;
  while (!(await fetch(`${url}/health`).then((response) => response.ok, () => false))) {
    if (api.exitCode !== null || Date.now() > deadline) throw new Error(`The API did not start:\n${output.join('')}`);
    await new Promise((wait) => setTimeout(wait, 250));
  }
  const login = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: 'mutation { login(input: { email: "admin@mrc.demo", password: "Karaganda-Admin-2026" }) { accessToken } }' }),
  }).then((response) => response.json());
  const token = login.data?.login.accessToken;
  if (!token) throw new Error(`Could not sign in: ${JSON.stringify(login.errors)}`);

  await client.connect();
  const centre = (await client.query(`SELECT id FROM centre WHERE code = 'temirtau'`)).rows[0].id;

  print(`API pid ${api.pid}, node ${process.version}; idle: RSS ${mb(procStatus(api.pid).rss)}, heap ${mb(heap.heapUsed)}`);
  print('rows     format  seconds  API CPU s  bytes      RSS before  RSS peak   heap peak  heap kept before → after (after a full GC)');
  for (const rows of sizes) {
    const type = `Memory${rows}`;
    await client.query(
      `INSERT INTO audit_entry (occurred_at, action, entity_type, centre_id, changes, request_id)
       SELECT now() - make_interval(secs => i), 'UPDATE_CLUB', $1, $2, '[{"field":"leaderName","before":null,"after":"Айгерім Нұрланқызы"}]', 'сұрау-запрос-' || i
       FROM generate_series(1, $3) AS i`,
      [type, centre, rows],
    );
    // As autovacuum would: with stale statistics the planner sorts the whole type for every page.
    await client.query('ANALYZE audit_entry');
    for (const format of formats) {
      // Let the API settle, then sample from a quiet start.
      await new Promise((wait) => setTimeout(wait, 1500));
      const keptBefore = await heapAfterGc();
      const before = procStatus(api.pid).rss;
      let peakRss = before;
      let peakHeap = heap.heapUsed;
      const sampler = setInterval(() => {
        peakRss = Math.max(peakRss, procStatus(api.pid).rss);
        peakHeap = Math.max(peakHeap, heap.heapUsed);
      }, 25);
      const started = Date.now();
      const cpuBefore = cpuSeconds(api.pid);
      const response = await fetch(`${url}/exports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          format,
          query: `query($type: String!) { auditEntries(filter: { entityType: $type }) { nodes { id occurredAt action entityType requestId centre { code name } changes { field before after } } } }`,
          variables: { type },
        }),
      });
      if (response.status !== 200) throw new Error(`Export answered ${response.status}: ${await response.text()}`);
      let bytes = 0;
      for await (const chunk of response.body) bytes += chunk.length;
      clearInterval(sampler);
      const seconds = (Date.now() - started) / 1000;
      const cpu = cpuSeconds(api.pid) - cpuBefore;
      const keptAfter = await heapAfterGc();
      print(
        `${String(rows).padEnd(8)} ${format.padEnd(7)} ${seconds.toFixed(1).padStart(7)}  ${cpu.toFixed(1).padStart(9)}  ${mb(bytes).padEnd(10)} ${mb(before).padEnd(11)} ${mb(peakRss).padEnd(10)} ${mb(peakHeap).padEnd(10)} ${mb(keptBefore)} → ${mb(keptAfter)}`,
      );
    }
  }
  print(`VmHWM (the API process's highest RSS over the whole run): ${mb(procStatus(api.pid).hwm)}`);
} finally {
  await client.end().catch(() => undefined);
  api.kill('SIGTERM');
  await new Promise((done) => (api.exitCode !== null ? done() : api.once('exit', done)));
  await database.close();
}
