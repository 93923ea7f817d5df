import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AGE_BANDS, periodDays, previousPeriod, SEXES } from '@mrc/domain';
import type pg from 'pg';
import { REPO_ROOT } from '../paths.js';
import type { Answer, Context, Scenario, Step } from './load.js';

/**
 * The bench's scenarios: what each sends and what a right answer looks like. S1 sends the overview's
 * own documents, read from the dashboard's source, so the bench follows the dashboard when it changes.
 */

const OVERVIEW_DOCUMENTS = 'apps/dashboard/src/features/overview/overview-kpis.ts';

/** The GraphQL documents of a dashboard source file, by operation name. */
export function dashboardDocuments(file = OVERVIEW_DOCUMENTS): Map<string, string> {
  const source = readFileSync(resolve(REPO_ROOT, file), 'utf8');
  const documents = new Map<string, string>();
  for (const match of source.matchAll(/graphql\(`([\s\S]*?)`\)/g)) {
    const text = match[1]!;
    const name = /(?:query|mutation)\s+(\w+)/.exec(text)?.[1];
    if (name) documents.set(name, text.trim());
  }
  return documents;
}

const body = (query: string, variables: Record<string, unknown> = {}) => JSON.stringify({ query, variables });
const auth = (token: string) => ({ authorization: `Bearer ${token}`, 'accept-language': 'ru' });
type Json = Record<string, unknown>;
const isList = (value: unknown): value is unknown[] => Array.isArray(value);
const field = (value: unknown, key: string): unknown => (value && typeof value === 'object' ? (value as Json)[key] : undefined);

/** S1: the administrator's overview, as OverviewPage sends it: the KPIs, then the reports of the period being reported. */
export function overviewScenario(token: string, expect: { centres: number; period: string; monthStart: string }): Scenario {
  const documents = dashboardDocuments();
  const kpis = documents.get('OverviewKpis');
  const reports = documents.get('OverviewReports');
  if (!kpis || !reports) throw new Error(`OverviewKpis and OverviewReports are no longer in ${OVERVIEW_DOCUMENTS}: update the bench's S1.`);
  // The page sends both on every visit: requests alternate between them.
  const steps: Step[] = [
    {
      name: 'OverviewKpis',
      body: body(kpis, { monthStart: expect.monthStart }),
      headers: auth(token),
      check: ({ data }) => {
        if (field(field(data, 'allCentres'), 'totalCount') !== expect.centres) return `allCentres.totalCount is ${JSON.stringify(field(field(data, 'allCentres'), 'totalCount'))}, not ${expect.centres}`;
        if (field(field(data, 'reportingSettings'), 'lastEndedPeriod') !== expect.period) return 'reportingSettings.lastEndedPeriod is not the generated latest period';
        if (typeof field(field(field(data, 'rolloutProgress'), 'network'), 'planned') !== 'number') return 'no rolloutProgress.network.planned';
        if (typeof field(field(data, 'runningPrograms'), 'totalCount') !== 'number') return 'no runningPrograms.totalCount';
        return null;
      },
    },
    {
      name: 'OverviewReports',
      body: body(reports, { period: expect.period, withReviewQueue: true }),
      headers: auth(token),
      check: ({ data }) => {
        const completeness = field(data, 'reportCompleteness');
        const network = field(completeness, 'network');
        const rows = field(completeness, 'rows');
        if (!isList(network) || network.length !== 1 || field(network[0], 'period') !== expect.period) return 'reportCompleteness.network is not one period';
        if (!isList(rows) || rows.length < expect.centres - 1) return `reportCompleteness.rows has ${isList(rows) ? rows.length : 'no'} rows`;
        if (typeof field(field(data, 'reviewQueue'), 'totalCount') !== 'number') return 'no reviewQueue.totalCount';
        return null;
      },
    },
  ];
  return { steps, mode: 'mix' };
}

/** The four latest periods, newest first: "the last four reports" of S2. */
export function lastFourPeriods(anchor: string): string[] {
  const periods = [anchor];
  while (periods.length < 4) periods.push(previousPeriod(periods.at(-1)!, 'MONTHLY'));
  return periods;
}

/**
 * S2 against the API. The schema has no "last N reports" of a centre (nor any report of a club): the
 * closest shape is the centre's `report(period:)` asked for the four latest periods under aliases.
 */
export const NETWORK_QUERY = `query NetworkClubsReports($parentId: ID!, $p0: String!, $p1: String!, $p2: String!, $p3: String!) {
  centres(first: 100, filter: { parentId: $parentId }) {
    nodes {
      id code name kind
      clubs { id status startedOn type { id code name } }
      r0: report(period: $p0) { id period state reachedTotal eventsHeld }
      r1: report(period: $p1) { id period state reachedTotal eventsHeld }
      r2: report(period: $p2) { id period state reachedTotal eventsHeld }
      r3: report(period: $p3) { id period state reachedTotal eventsHeld }
    }
  }
}`;

/** S2's equivalent on PostGraphile: the same centres, their open clubs with the type, and their four latest reports. */
export const PEER_NETWORK_QUERY = `query NetworkClubsReports($parentId: UUID!) {
  allCentres(condition: { parentId: $parentId }, first: 100, orderBy: NAME_RU_ASC) {
    nodes {
      rowId code nameRu kind
      clubsByCentreId(condition: { closedOn: null }) { nodes { rowId status startedOn clubTypeByClubTypeId { rowId code nameRu } } }
      activityReportsByCentreId(first: 4, orderBy: PERIOD_DESC) { nodes { rowId period state reachedTotal eventsHeld } }
    }
  }
}`;

export interface NetworkExpectation {
  parentId: string;
  centres: number;
  clubs: number;
  periods: string[];
}

/** The first region-level centre with 14 centres under it (the root itself at region size): Karaganda's shape at every size. */
export async function networkExpectation(client: pg.Client, anchor: string): Promise<NetworkExpectation> {
  const found = await client.query<{ id: string; centres: number; clubs: number }>(`
    SELECT p.id, count(DISTINCT c.id)::int AS centres, count(k.id)::int AS clubs
    FROM centre p JOIN centre c ON c.parent_id = p.id LEFT JOIN club k ON k.centre_id = c.id AND k.closed_on IS NULL
    GROUP BY p.id, p.code HAVING count(DISTINCT c.id) = 14 ORDER BY (p.parent_id IS NULL) DESC, p.code LIMIT 1`);
  const row = found.rows[0];
  if (!row) throw new Error('No centre with 14 centres under it: is this a bench database?');
  return { parentId: row.id, centres: row.centres, clubs: row.clubs, periods: lastFourPeriods(anchor) };
}

export function networkScenario(token: string, expect: NetworkExpectation): Scenario {
  const [p0, p1, p2, p3] = expect.periods;
  return { mode: 'mix', steps: [
    {
      name: 'NetworkClubsReports',
      body: body(NETWORK_QUERY, { parentId: expect.parentId, p0, p1, p2, p3 }),
      headers: auth(token),
      check: ({ data }) => {
        const nodes = field(field(data, 'centres'), 'nodes');
        if (!isList(nodes) || nodes.length !== expect.centres) return `centres.nodes has ${isList(nodes) ? nodes.length : 'no'} centres, not ${expect.centres}`;
        let clubs = 0;
        for (const node of nodes) {
          const list = field(node, 'clubs');
          if (!isList(list)) return 'a centre without clubs';
          for (const club of list) if (typeof field(field(club, 'type'), 'code') !== 'string') return 'a club without its type';
          clubs += list.length;
          for (const alias of ['r0', 'r1', 'r2', 'r3']) {
            const report = field(node, alias);
            if (report !== null && typeof field(report, 'period') !== 'string') return `${alias} is neither a report nor null`;
          }
        }
        return clubs === expect.clubs ? null : `${clubs} clubs, not ${expect.clubs}`;
      },
    },
  ] };
}

export function peerNetworkScenario(expect: NetworkExpectation): Scenario {
  return { mode: 'mix', steps: [
    {
      name: 'NetworkClubsReports',
      body: body(PEER_NETWORK_QUERY, { parentId: expect.parentId }),
      headers: {},
      check: ({ data }) => {
        const nodes = field(field(data, 'allCentres'), 'nodes');
        if (!isList(nodes) || nodes.length !== expect.centres) return `allCentres.nodes has ${isList(nodes) ? nodes.length : 'no'} centres, not ${expect.centres}`;
        let clubs = 0;
        for (const node of nodes) {
          const list = field(field(node, 'clubsByCentreId'), 'nodes');
          const reports = field(field(node, 'activityReportsByCentreId'), 'nodes');
          if (!isList(list) || !isList(reports) || reports.length > 4) return 'a centre without its clubs or reports';
          for (const club of list) if (typeof field(field(club, 'clubTypeByClubTypeId'), 'code') !== 'string') return 'a club without its type';
          clubs += list.length;
        }
        return clubs === expect.clubs ? null : `${clubs} clubs, not ${expect.clubs}`;
      },
    },
  ] };
}

/**
 * S3: the analyst's five-year aggregate of young people reached, by district centre and month. The
 * filter names the district kinds: DISTRICT when the schema's CentreKind has it, otherwise every
 * kind but REGIONAL (the centres that report).
 */
export function analyticsQuery(from: string, to: string, kinds: string[]): string {
  return `query FiveYearsByDistrictAndMonth {
  analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: [CENTRE, MONTH], filter: { from: "${from}", to: "${to}", centreKinds: [${kinds.join(', ')}] }) {
    rowCount dataChangedAt
    rows { centre { id } month values { metric value suppressed } }
    totals { metric value suppressed }
  }
}`;
}

export function analyticsScenario(token: string, from: string, to: string, kinds: string[], expectRows: number): Scenario {
  return { mode: 'mix', steps: [
    {
      name: 'FiveYearsByDistrictAndMonth',
      body: body(analyticsQuery(from, to, kinds)),
      headers: auth(token),
      check: ({ data }) => {
        const analytics = field(data, 'analytics');
        const rows = field(analytics, 'rows');
        const totals = field(analytics, 'totals');
        if (!isList(rows) || rows.length === 0) return 'analytics.rows is empty';
        if (typeof field(analytics, 'rowCount') !== 'number') return 'no analytics.rowCount';
        if (expectRows > 0 && rows.length < expectRows * 0.5) return `only ${rows.length} rows (about ${expectRows} centre-months expected)`;
        const first = rows[0];
        if (typeof field(field(first, 'centre'), 'id') !== 'string' || !isList(field(first, 'values'))) return 'a row without centre or values';
        if (!isList(totals) || totals.length !== 1) return 'analytics.totals is not one metric';
        return null;
      },
    },
  ] };
}

/** A period no report exists for yet, with the lines the API expects for it (the centre's clubs and runs open in it). */
export interface Unreported {
  centreId: string;
  period: string;
  clubIds: string[];
  programRunIds: string[];
}

/**
 * S4's periods: months before the generated five years, while each centre was open, where no report
 * exists; shuffled across centres so concurrent connections rarely wait on one centre's row lock.
 */
export async function unreportedPeriods(client: pg.Client, firstPeriod: string, limit: number): Promise<Unreported[]> {
  const centres = (await client.query<{ id: string; opened_on: string }>(`SELECT id, to_char(opened_on, 'YYYY-MM-DD') AS opened_on FROM centre WHERE parent_id IS NOT NULL AND closed_on IS NULL ORDER BY code`)).rows;
  const clubs = (await client.query<{ id: string; centre_id: string; started_on: string | null; closed_on: string | null }>(
    `SELECT id, centre_id, to_char(started_on, 'YYYY-MM-DD') AS started_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM club`,
  )).rows;
  const runs = (await client.query<{ id: string; centre_id: string; starts_on: string; ends_on: string | null; closed_on: string | null }>(
    `SELECT id, centre_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM program_run`,
  )).rows;
  const taken = new Set((await client.query<{ key: string }>(`SELECT centre_id || '|' || period AS key FROM activity_report WHERE period < $1`, [firstPeriod])).rows.map((row) => row.key));
  const perCentre: Unreported[][] = [];
  for (const centre of centres) {
    const own: Unreported[] = [];
    for (let period = previousPeriod(firstPeriod, 'MONTHLY'); period >= '2000-01'; period = previousPeriod(period, 'MONTHLY')) {
      const { first, last } = periodDays(period, 'MONTHLY');
      if (last < centre.opened_on) break;
      if (taken.has(`${centre.id}|${period}`)) continue;
      own.push({
        centreId: centre.id,
        period,
        clubIds: clubs.filter((c) => c.centre_id === centre.id && c.started_on !== null && c.started_on <= last && (c.closed_on === null || c.closed_on >= first)).map((c) => c.id),
        programRunIds: runs.filter((r) => r.centre_id === centre.id && r.starts_on <= last && (r.ends_on === null || r.ends_on >= first) && (r.closed_on === null || r.closed_on >= first)).map((r) => r.id),
      });
    }
    perCentre.push(own);
  }
  // Round-robin over centres: consecutive submissions go to different centres.
  const pool: Unreported[] = [];
  for (let index = 0; pool.length < limit; index++) {
    let added = false;
    for (const own of perCentre) {
      const next = own[index];
      if (next) {
        pool.push(next);
        added = true;
      }
    }
    if (!added) break;
  }
  return pool.slice(0, limit);
}

function figures(target: Unreported, serial: number): Record<string, unknown> {
  const reach = AGE_BANDS.flatMap((band, b) => SEXES.map((sex, s) => ({ ageBand: band.code, sex, count: 5 + ((serial + b * 2 + s) % 7) })));
  return {
    eventsHeld: 3 + (serial % 5),
    reachedTotal: reach.reduce((sum, line) => sum + line.count, 0),
    reach,
    clubs: target.clubIds.map((clubId) => ({ clubId, meetings: 6, attendance: 48 })),
    programRuns: target.programRunIds.map((programRunId) => ({ programRunId, sessions: 4, attendance: 52 })),
    prevention: { raids: 1, sessions: 2, screenings: 9, onlineShopsFound: 2, onlineShopsBlocked: 1 },
    highlights: 'Bench: a debate tournament and two meetings with entrepreneurs.',
  };
}

const CREATE = 'mutation CreateReport($input: CreateReportInput!) { createReport(input: $input) { report { id version state } } }';
const SUBMIT = 'mutation SubmitReport($input: SubmitReportInput!) { submitReport(input: $input) { report { id version state reachedTotal } } }';

/**
 * S4: a coordinator's way of filing, as writes: createReport (a draft with its figures), then
 * submitReport on top of that draft's version, each for a period nobody has reported.
 */
export function submissionScenario(token: string, pool: Unreported[]): Scenario & { used: () => number } {
  let next = 0;
  return {
    mode: 'sequence',
    used: () => next,
    steps: [
      {
        name: 'createReport',
        body: (context: Context) => {
          const target = pool[next % pool.length]!;
          context.target = target;
          context.serial = next++;
          delete context.draft;
          return body(CREATE, { input: { centreId: target.centreId, period: target.period, ...figures(target, context.serial as number) } });
        },
        headers: auth(token),
        check: ({ data }: Answer, context: Context) => {
          const report = field(field(data, 'createReport'), 'report');
          if (field(report, 'state') !== 'DRAFT') return `createReport answered ${JSON.stringify(report)}`;
          context.draft = report;
          return null;
        },
      },
      {
        name: 'submitReport',
        body: (context: Context) => {
          const target = context.target as Unreported;
          const version = field(context.draft, 'version');
          return body(SUBMIT, {
            input: { idempotencyKey: randomUUID(), centreId: target.centreId, period: target.period, ...(typeof version === 'number' ? { version } : {}), ...figures(target, context.serial as number) },
          });
        },
        headers: auth(token),
        check: ({ data }: Answer) => {
          const report = field(field(data, 'submitReport'), 'report');
          return field(report, 'state') === 'SUBMITTED' ? null : `submitReport answered ${JSON.stringify(report)}`;
        },
      },
    ],
  };
}
