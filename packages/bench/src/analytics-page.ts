/**
 * `pnpm --filter @mrc/bench analytics-page [-- --size national10] [--months 31] [--at-once 1,2,4]`
 *
 * The analytics page's heaviest everyday question, as the dashboard asks it
 * (apps/dashboard/src/features/analytics/analytics-query.ts): centres × months with the centres'
 * names, three metrics and the year before, computed (no kept answers), at the API's production
 * limits (ANALYTICS_MAX_ROWS 100,000; the load bench raises it). For each number of questions asked
 * at once it prints the time until all were answered, the answers' size and the API's RSS, and says
 * whether the API survived: national10's 31 months (98,000 rows) with names once ran it out of heap.
 */
import { parseArgs } from 'node:util';
import { BENCH_ACCOUNTS } from './accounts.js';
import { DEFAULT_SERVER_URL } from './db.js';
import { monthsBefore } from './generate/calendar.js';
import { ensureGenerated } from './generate/ensure.js';
import { login, startApi } from './run/api.js';
import { ensureNode24, versionOf } from './run/node24.js';
import { isSize, SIZES } from './sizes.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    size: { type: 'string', default: 'national10' },
    seed: { type: 'string', default: '42' },
    months: { type: 'string', default: '31' },
    'at-once': { type: 'string', default: '1,2,4' },
    'database-url': { type: 'string' },
    node: { type: 'string' },
  },
});

/** The dashboard's document for groupBy [CENTRE, MONTH] with the year before (analyticsDocumentText). */
const PAGE_QUERY = `query Analytics($metrics: [AnalyticsMetric!]!, $groupBy: [AnalyticsDimension!]!, $filter: AnalyticsFilter, $compareWithYearBefore: Boolean!) {
  analytics(metrics: $metrics, groupBy: $groupBy, filter: $filter, compareWithYearBefore: $compareWithYearBefore) {
    from to metrics groupBy rowCount suppressionThreshold suppressedCount dataChangedAt
    rows {
      centre { id name }
      month
      values { metric value suppressed yearBefore yearBeforeSuppressed changePercent }
    }
    totals { metric value suppressed yearBefore yearBeforeSuppressed changePercent }
  }
}`;

async function main(): Promise<void> {
  if (!isSize(values.size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const node = values.node ?? ensureNode24();
  const serverUrl = values['database-url'] ?? process.env.BENCH_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const database = await ensureGenerated({ size: values.size, seed: Number(values.seed), serverUrl });
  const to = database.meta.anchor;
  const variables = {
    metrics: ['YOUNG_PEOPLE_REACHED', 'EVENTS_HELD', 'REPORTS_RECEIVED'],
    groupBy: ['CENTRE', 'MONTH'],
    compareWithYearBefore: true,
    filter: { from: monthsBefore(to, Number(values.months) - 1)[0] ?? to, to },
  };
  console.log(`Analytics page: ${database.name}, ${values.months} months to ${to}, API on Node ${versionOf(node)} with production limits, every answer computed`);
  const api = await startApi({ node, databaseUrl: database.url, extraEnv: { RESPONSE_CACHE_SECONDS: '0', ANALYTICS_MAX_ROWS: '100000' } });
  try {
    const token = await login(api.url, BENCH_ACCOUNTS.analyst.email, BENCH_ACCOUNTS.analyst.password);
    const ask = async () => {
      const response = await fetch(`${api.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: PAGE_QUERY, variables }),
      });
      const text = await response.text();
      const rows = (JSON.parse(text) as { data?: { analytics?: { rowCount: number } } }).data?.analytics?.rowCount;
      if (response.status !== 200 || rows === undefined) throw new Error(`HTTP ${response.status}: ${text.slice(0, 300)}`);
      return { rows, bytes: text.length };
    };
    for (const atOnce of values['at-once'].split(',').map(Number)) {
      const started = performance.now();
      const answers = await Promise.allSettled(Array.from({ length: atOnce }, ask));
      const seconds = (performance.now() - started) / 1000;
      const failed = answers.filter((answer) => answer.status === 'rejected');
      const answered = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value] : []));
      const alive = await fetch(`${api.url}/health`).then((response) => response.ok, () => false);
      console.log(
        `  ${atOnce} at once: ${seconds.toFixed(1)} s, ${answered.length} answered (${answered[0]?.rows ?? '–'} rows, ${((answered[0]?.bytes ?? 0) / 1e6).toFixed(1)} MB each), ` +
          `${failed.length} failed${failed[0] ? ` (${String((failed[0] as PromiseRejectedResult).reason).slice(0, 200)})` : ''}; API RSS ${api.rssMb().toFixed(0)} MB, ${alive ? 'still serving' : 'GONE'}`,
      );
      if (!alive) {
        process.exitCode = 1;
        break;
      }
    }
  } finally {
    await api.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
