/**
 * `pnpm --filter @mrc/bench dashboard [-- --size region|national|national10] [--runs 5]`
 *
 * The dashboard's figures of issue 8: the JavaScript a first visit downloads (gzip), whether pages
 * load on demand, and the first contentful paint of the overview in headless Chromium against the
 * API serving the built dashboard in production mode. Needs `pnpm --filter @mrc/dashboard build`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { BENCH_ACCOUNTS } from './accounts.js';
import { DEFAULT_SERVER_URL } from './db.js';
import { ensureGenerated } from './generate/ensure.js';
import { DASHBOARD_DIST, RESULTS_DIR } from './paths.js';
import { startApi } from './run/api.js';
import { ensureNode24, versionOf } from './run/node24.js';
import { isSize, SIZES } from './sizes.js';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const JS_BUDGET_KIB = 200;
const FCP_BUDGET_MS = 1000;

// `pnpm bench -- --curve` hands the `--` on; it is not an option here.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    size: { type: 'string', default: 'national' },
    seed: { type: 'string', default: '42' },
    runs: { type: 'string', default: '5' },
    'database-url': { type: 'string' },
    node: { type: 'string' },
  },
});

interface InitialJs {
  chunks: string[];
  gzipBytes: number;
  rawBytes: number;
  allJsChunks: number;
}

/**
 * The JavaScript of a first visit: the scripts index.html names (module entry and modulepreloads) and
 * every chunk they import statically, gzipped as zlib's default does (the dashboard's build budget
 * counts the same way). Dynamic import() chunks (the lazy pages) are left out.
 */
export function initialJs(dist = DASHBOARD_DIST): InitialJs {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  const pending = named.map((path) => path.replace(/^\//, ''));
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Static imports only: `import … from "./x.js"` and `import "./x.js"`, never `import("./x.js")`.
    for (const match of code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$*{},\s]+?\s*from\s*)?["']([^"']+\.js)["']/g)) {
      const target = match[1]!;
      if (target.startsWith('.')) pending.push(join(file, '..', target).replace(/\\/g, '/'));
      else if (target.startsWith('/')) pending.push(target.slice(1));
    }
  }
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of seen) {
    const code = readFileSync(join(dist, file));
    rawBytes += code.length;
    gzipBytes += gzipSync(code).length;
  }
  const allJsChunks = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js')).length;
  return { chunks: [...seen].sort(), gzipBytes, rawBytes, allJsChunks };
}

interface PaintRun {
  cache: 'cold' | 'warm';
  fcpMs: number | null;
  domContentLoadedMs: number;
  overviewReadyMs: number;
}

const median = (numbers: number[]) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.floor((sorted.length - 1) / 2)]!;
};

async function main(): Promise<void> {
  if (!existsSync(join(DASHBOARD_DIST, 'index.html'))) throw new Error(`The dashboard is not built (${DASHBOARD_DIST}/index.html): run \`pnpm --filter @mrc/dashboard build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: apt-get install -y chromium, or set CHROMIUM_PATH.`);
  if (!isSize(values.size)) throw new Error(`--size must be one of ${SIZES.join(', ')}`);
  const runs = Number(values.runs);

  const js = initialJs();
  console.log(`Initial JavaScript: ${(js.gzipBytes / 1024).toFixed(1)} KiB = ${(js.gzipBytes / 1000).toFixed(1)} kB gzip (${(js.rawBytes / 1024).toFixed(1)} KiB raw) in ${js.chunks.length} chunks: ${js.chunks.join(', ')}`);
  console.log(`Loaded on demand: ${js.allJsChunks - js.chunks.length} of ${js.allJsChunks} JS chunks are not part of the first visit`);

  const node = values.node ?? ensureNode24();
  const database = await ensureGenerated({ size: values.size, seed: Number(values.seed), serverUrl: values['database-url'] ?? DEFAULT_SERVER_URL });
  const api = await startApi({ node, databaseUrl: database.url });
  const profile = mkdtempSync(join(tmpdir(), 'mrc-bench-chromium-'));
  const paints: PaintRun[] = [];
  try {
    const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, locale: 'en-US', viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${api.url}/sign-in`);
      await page.getByLabel('Email').fill(BENCH_ACCOUNTS.admin.email);
      await page.getByLabel('Password').fill(BENCH_ACCOUNTS.admin.password);
      await page.getByRole('button', { name: /sign in/i }).click();
      await page.getByTestId('open-centres').waitFor({ timeout: 60_000 });
      await page.close();

      // Each run is a fresh page load of the overview; the session comes back from the refresh cookie
      // as it does for someone who opens the dashboard again. Cold: the browser cache is off.
      for (const cache of ['cold', 'warm'] as const) {
        for (let run = 0; run < runs; run++) {
          const tab = await context.newPage();
          const cdp = await context.newCDPSession(tab);
          await cdp.send('Network.setCacheDisabled', { cacheDisabled: cache === 'cold' });
          await tab.goto(`${api.url}/`, { waitUntil: 'domcontentloaded' });
          await tab.getByTestId('open-centres').waitFor({ timeout: 60_000 });
          const overviewReadyMs = await tab.evaluate(() => performance.now());
          const timing = await tab.evaluate(() => {
            const paint = performance.getEntriesByName('first-contentful-paint')[0];
            const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
            return { fcp: paint ? paint.startTime : null, domContentLoaded: navigation?.domContentLoadedEventEnd ?? NaN };
          });
          paints.push({ cache, fcpMs: timing.fcp, domContentLoadedMs: timing.domContentLoaded, overviewReadyMs });
          await tab.close();
        }
      }
    } finally {
      await context.close();
    }
  } finally {
    await api.stop();
    rmSync(profile, { recursive: true, force: true });
  }

  const summary = (['cold', 'warm'] as const).map((cache) => {
    const of = paints.filter((p) => p.cache === cache);
    return {
      cache,
      fcpMs: median(of.map((p) => p.fcpMs ?? NaN)),
      domContentLoadedMs: median(of.map((p) => p.domContentLoadedMs)),
      overviewReadyMs: median(of.map((p) => p.overviewReadyMs)),
    };
  });
  console.log(`\nOverview in headless Chromium (${CHROMIUM}), API on Node ${versionOf(node)} serving apps/dashboard/dist, ${database.name}, median of ${runs} loads:`);
  for (const s of summary) {
    console.log(`  ${s.cache.padEnd(4)} cache: first contentful paint ${s.fcpMs.toFixed(0)} ms, DOMContentLoaded ${s.domContentLoadedMs.toFixed(0)} ms, KPI figures shown ${s.overviewReadyMs.toFixed(0)} ms`);
  }
  const fcp = Math.max(...summary.map((s) => s.fcpMs));
  const targets = [
    { target: `initial JavaScript under ${JS_BUDGET_KIB} KB gzip`, figure: `${(js.gzipBytes / 1024).toFixed(1)} KiB (${(js.gzipBytes / 1000).toFixed(1)} kB)`, met: js.gzipBytes / 1024 < JS_BUDGET_KIB && js.gzipBytes / 1000 < JS_BUDGET_KIB },
    { target: 'routes loaded on demand', figure: `${js.allJsChunks - js.chunks.length} lazy chunks`, met: js.allJsChunks > js.chunks.length },
    { target: `first contentful paint of the overview under ${FCP_BUDGET_MS} ms`, figure: `${fcp.toFixed(0)} ms (the slower of cold and warm)`, met: fcp < FCP_BUDGET_MS },
  ];
  console.log('\n== Targets (issue 8, dashboard)');
  for (const t of targets) console.log(`  [${t.met ? 'met' : 'NOT MET'}] ${t.target}: ${t.figure}`);

  mkdirSync(RESULTS_DIR, { recursive: true });
  const out = resolve(RESULTS_DIR, `dashboard-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(out, JSON.stringify({ initialJs: js, paints, summary, targets, database: database.name, node: versionOf(node) }, null, 2));
  console.log(`\nJSON: ${out}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
