/**
 * `pnpm --filter @mrc/bench generate -- --size region|national|national10 --seed 42 [--database-url URL] [--force]`
 *
 * Makes (or reuses) a bench database: a national-scale network with five years of reports, rollout
 * and audit, deterministic for a size and seed. See README.md.
 */
import { parseArgs } from 'node:util';
import { databaseOf, DEFAULT_SERVER_URL } from './db.js';
import { ensureGenerated } from './generate/ensure.js';
import { isSize, SIZES } from './sizes.js';

// `pnpm bench -- --curve` hands the `--` on; it is not an option here.
const { values } = parseArgs({
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    size: { type: 'string', default: 'national' },
    seed: { type: 'string', default: '42' },
    'database-url': { type: 'string' },
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
  allowPositionals: false,
});

if (values.help) {
  console.log(`Usage: pnpm --filter @mrc/bench generate -- [--size ${SIZES.join('|')}] [--seed N] [--database-url URL] [--force]

  --size          region: 1 regional centre + 14 districts; national: 20 regions of ~15 centres (321 centres);
                  national10: 200 regions (3201 centres). Default national.
  --seed          Any integer; the same size and seed give the same data. Default 42.
  --database-url  The PostgreSQL server, or the database itself when the URL names one.
                  Default ${DEFAULT_SERVER_URL}/mrc_bench_<size>_<seed>.
  --force         Make it again even when a finished database of this size and seed exists.`);
  process.exit(0);
}

const size = values.size;
const seed = Number(values.seed);
if (!isSize(size)) {
  console.error(`--size must be one of ${SIZES.join(', ')}`);
  process.exit(2);
}
if (!Number.isSafeInteger(seed)) {
  console.error('--seed must be an integer');
  process.exit(2);
}
const given = values['database-url'] ?? process.env.BENCH_DATABASE_URL;
const serverUrl = given ?? DEFAULT_SERVER_URL;

try {
  const result = await ensureGenerated({ size, seed, serverUrl, database: given ? databaseOf(given) : undefined, force: values.force });
  console.log(JSON.stringify({ database: result.name, url: result.url, generated: result.generated, ...result.meta }, null, 2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
