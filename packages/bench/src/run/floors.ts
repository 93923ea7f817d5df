import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { round } from './load.js';
import type { NetworkExpectation } from './scenarios.js';

/**
 * The floors: the SQL that answers S2 and S3, hand-written as one statement each and timed straight
 * against PostgreSQL from this process (a round trip on the local socket, no GraphQL; S3's rows
 * parsed by pg, S2's answer one JSON text, not parsed, as the API's compiled read passes its own on). No server can answer faster than its database does, so an API figure divided by its floor
 * says how much the layers above PostgreSQL cost.
 */

/**
 * S2 as one statement: the centres under a parent, their open clubs with the type, and their reports
 * of the four periods, as JSON text. Written as text joined with `||`, as the API writes its compiled
 * reads: built with json_build_object and json_agg, the same answer cost PostgreSQL more than the
 * API's statement (pgbench, 2 clients: 1,440 against 2,000 statements a second), and was no floor.
 */
export const NETWORK_FLOOR_SQL = `
SELECT coalesce('[' || string_agg('{"id":"' || c.id || '","code":' || to_json(c.code)::text
  || ',"name":' || to_json(coalesce(c.name_ru, c.name_kk, c.name_en))::text || ',"kind":"' || c.kind || '","clubs":'
  || (SELECT coalesce('[' || string_agg('{"id":"' || k.id || '","status":"' || k.status || '","startedOn":' || coalesce(to_json(k.started_on)::text, 'null')
                || ',"type":{"id":"' || t.id || '","code":' || to_json(t.code)::text || ',"name":' || to_json(coalesce(t.name_ru, t.name_kk, t.name_en))::text || '}}',
              ',' ORDER BY t.name_ru, k.id) || ']', '[]')
      FROM club k JOIN club_type t ON t.id = k.club_type_id WHERE k.centre_id = c.id AND k.closed_on IS NULL)
  || ',"reports":'
  || (SELECT coalesce('[' || string_agg('{"id":"' || r.id || '","period":"' || r.period || '","state":"' || r.state
                || '","reachedTotal":' || coalesce(r.reached_total::text, 'null') || ',"eventsHeld":' || coalesce(r.events_held::text, 'null') || '}',
              ',' ORDER BY r.period DESC) || ']', '[]')
      FROM activity_report r WHERE r.centre_id = c.id AND r.period_type = 'MONTHLY' AND r.period = ANY ($2::text[]))
  || '}', ',' ORDER BY c.name_ru, c.id) || ']', '[]') AS centres
FROM centre c WHERE c.parent_id = $1`;

/**
 * S3 as one statement over the analysts' read model (analytics_fact): young people reached per
 * district centre and month over the five years, with the grand total (GROUPING SETS), as the
 * analytics query asks, for the same centre kinds as S3's filter.
 */
export const ANALYTICS_FLOOR_SQL = `
SELECT f.centre_id, f.month, sum(f.value)::bigint AS value, grouping(f.centre_id, f.month) AS is_total
FROM analytics_fact f JOIN centre c ON c.id = f.centre_id
WHERE f.metric = 'YOUNG_PEOPLE_REACHED' AND f.month BETWEEN to_date($1, 'YYYY-MM') AND to_date($2, 'YYYY-MM') AND c.kind = ANY ($3::text[])
GROUP BY GROUPING SETS ((f.centre_id, f.month), ())`;

/**
 * The session the API reads aggregates in (ANALYTICS_WORK_MEM_MB's default, apps/api/src/config/env.ts):
 * the floor gets the same room to group in memory, or it would sort on disk at national10 where the
 * API does not, and stop being a floor.
 */
export const ANALYTICS_FLOOR_SESSION = `SET work_mem = '32MB'`;

export interface FloorResult {
  scenario: string;
  runs: number;
  p50: number;
  p99: number;
  rows: number;
  skipped?: string;
}

async function timeStatement(url: string, scenario: string, sql: string, params: unknown[], runs: number, session?: string): Promise<FloorResult> {
  const client = new pg.Client({ connectionString: url, application_name: 'mrc-bench-floor' });
  await client.connect();
  try {
    if (session) await client.query(session);
    let rows = 0;
    for (let i = 0; i < 5; i++) rows = (await client.query(sql, params)).rowCount ?? 0;
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await client.query(sql, params);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))]!;
    return { scenario, runs, p50: round(at(0.5), 2), p99: round(at(0.99), 2), rows };
  } finally {
    await client.end();
  }
}

export function networkFloor(url: string, expect: NetworkExpectation, runs = 50): Promise<FloorResult> {
  return timeStatement(url, 'S2', NETWORK_FLOOR_SQL, [expect.parentId, expect.periods], runs);
}

export async function analyticsFloor(url: string, from: string, to: string, kinds: string[], runs = 50): Promise<FloorResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const present = await client.query(`SELECT 1 FROM pg_class WHERE relname = 'analytics_fact' AND relkind = 'r'`).finally(() => client.end());
  if (present.rowCount === 0) return { scenario: 'S3', runs: 0, p50: NaN, p99: NaN, rows: 0, skipped: 'no analytics_fact table: the analytics read model has not landed in the API migrations' };
  return timeStatement(url, 'S3', ANALYTICS_FLOOR_SQL, [from, to, kinds], runs, ANALYTICS_FLOOR_SESSION);
}
