import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { join } from 'node:path';
import { type AnalyticsDimension, expectedPeriods, type PeriodType, submittedOnTime } from '@mrc/domain';
import ExcelJS from 'exceljs';
import { type AggregateScope, recordIdsSql } from '../src/analytics/analytics-queries.js';
import { CentresService } from '../src/centres/centres.service.js';
import { dayIn, today } from '../src/common/dates.js';
import { localisedNameSql } from '../src/common/localisation.js';
import { createCentre, createProgramRun } from './factories/network.js';
import { insertReport, submitInput } from './factories/reports.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * The analysts' aggregates against the seeded network: every example of the workbench's library
 * gives the figures a hand-written SQL over the report tables gives (not over the read model the
 * API reads), small numbers stay hidden from every subtraction, the read model follows each report
 * at once, and the limits answer with a coded error while other users are served.
 */
const EXAMPLES = join(process.cwd(), 'src/workbench/examples');

function example(file: string): string {
  return readFileSync(join(EXAMPLES, file), 'utf8');
}

interface Value {
  metric?: string;
  value: number | null;
  suppressed?: boolean;
  yearBefore?: number | null;
}
interface Row {
  centre?: { id: string; name: string } | null;
  parentCentre?: { id: string } | null;
  clubType?: { name: string } | null;
  program?: { name: string } | null;
  quarter?: string | null;
  month?: string | null;
  sex?: string | null;
  ageBand?: string | null;
  values: Value[];
}
interface Table {
  from: string;
  to: string;
  rows: Row[];
  totals: Value[];
}

const NAME = (alias: string) => `coalesce(nullif(${alias}.name_en, ''), nullif(${alias}.name_ru, ''), ${alias}.name_kk)`;
const COUNTED = `r.state IN ('SUBMITTED', 'APPROVED')`;
const QUARTER = `to_char(to_date(r.period, 'YYYY-MM'), 'YYYY-"Q"Q')`;
const shift = (month: string, months: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const lastYear = (quarter: string) => `${Number(quarter.slice(0, 4)) - 1}${quarter.slice(4)}`;

describe('analytics', () => {
  let api: TestApp;
  let analyst: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    // Its own database: the figures are compared with the whole seeded network.
    api = await startTestApp({}, { ownDatabase: true });
    analyst = { ...(await api.signIn(DEMO.analyst)), 'accept-language': 'en' };
    admin = { ...(await api.signIn(DEMO.admin)), 'accept-language': 'en' };
  });
  afterAll(() => api.close());

  const run = async (document: string, variables: Record<string, unknown> = {}, headers = analyst) => {
    const response = await api.graphql<{ analytics: Table }>(document, variables, headers);
    expect(response.body.errors).toBeUndefined();
    return response.body.data!.analytics;
  };
  const sql = <T>(query: string, parameters: unknown[] = []) => api.dataSource.query<T[]>(query, parameters);

  /** Published cells must equal the SQL's; withheld ones must exist there; no cell may be missing or extra. */
  function expectSameFigures(rows: Row[], keyOf: (row: Row) => string, metricIndex: number, expected: Map<string, number>) {
    const seen = new Map(rows.map((row) => [keyOf(row), row.values[metricIndex]!]));
    expect([...seen.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, value] of seen) {
      if (value.suppressed) expect(value.value).toBeNull();
      else expect([key, value.value]).toEqual([key, expected.get(key)]);
    }
    return seen;
  }

  describe('the example library gives what hand-written SQL gives', () => {
    it('01 reach by district and quarter, with the year before', async () => {
      const table = await run(example('01-reach-by-district-and-quarter.graphql'));
      const figures = (from: string, to: string) =>
        sql<{ key: string; value: string }>(
          `SELECT ${NAME('c')} || ' ' || ${QUARTER} AS key, sum(x.count) AS value
           FROM activity_report r JOIN activity_report_reach x ON x.report_id = r.id JOIN centre c ON c.id = r.centre_id
           WHERE ${COUNTED} AND r.period BETWEEN $1 AND $2 GROUP BY 1`,
          [from, to],
        );
      const current = new Map((await figures(table.from, table.to)).map((row) => [row.key, Number(row.value)]));
      expect(current.size).toBeGreaterThan(20);
      expectSameFigures(table.rows, (row) => `${row.centre!.name} ${row.quarter}`, 0, current);
      const before = new Map((await figures(shift(table.from, -12), shift(table.to, -12))).map((row) => [row.key, Number(row.value)]));
      for (const row of table.rows) {
        const key = `${row.centre!.name} ${lastYear(row.quarter!)}`;
        if (row.values[0]!.yearBefore !== null) expect(row.values[0]!.yearBefore).toBe(before.get(key));
      }
      expect(table.totals[0]!.value).toBe([...current.values()].reduce((sum, value) => sum + value, 0));
    });

    it('02 teenagers reached by rural districts per quarter and sex', async () => {
      const table = await run(example('02-rural-teenagers-by-quarter.graphql'));
      const rows = await sql<{ key: string; value: string }>(
        `SELECT ${QUARTER} || ' ' || x.sex AS key, sum(x.count) AS value
         FROM activity_report r JOIN activity_report_reach x ON x.report_id = r.id JOIN centre c ON c.id = r.centre_id
         WHERE ${COUNTED} AND r.period BETWEEN $1 AND $2 AND c.kind = 'RURAL_DISTRICT' AND x.age_band = 'AGE_14_17' GROUP BY 1`,
        [table.from, table.to],
      );
      expect(rows.length).toBeGreaterThan(4);
      expectSameFigures(table.rows, (row) => `${row.quarter} ${row.sex}`, 0, new Map(rows.map((row) => [row.key, Number(row.value)])));
    });

    it('03 reach by age band and sex', async () => {
      const table = await run(example('03-reach-by-age-and-sex.graphql'));
      const rows = await sql<{ key: string; value: string }>(
        `SELECT x.age_band || ' ' || x.sex AS key, sum(x.count) AS value
         FROM activity_report r JOIN activity_report_reach x ON x.report_id = r.id
         WHERE ${COUNTED} AND r.period BETWEEN $1 AND $2 GROUP BY 1`,
        [table.from, table.to],
      );
      expect(rows).toHaveLength(6);
      expectSameFigures(table.rows, (row) => `${row.ageBand} ${row.sex}`, 0, new Map(rows.map((row) => [row.key, Number(row.value)])));
      // In the domain's order: bands young to old, FEMALE before MALE.
      expect(table.rows.map((row) => `${row.ageBand} ${row.sex}`)).toEqual(['AGE_14_17 FEMALE', 'AGE_14_17 MALE', 'AGE_18_24 FEMALE', 'AGE_18_24 MALE', 'AGE_25_35 FEMALE', 'AGE_25_35 MALE']);
    });

    it('04 reports expected, received and on time per district, as the domain counts them', async () => {
      const table = await run(example('04-reporting-by-district.graphql'));
      const periodType = api.config.reporting.periodType as PeriodType;
      const centres = await sql<{ id: string; name: string; kind: string; opened_on: string | null; closed_on: string | null }>(
        `SELECT id, ${NAME('c')} AS name, kind, to_char(opened_on, 'YYYY-MM-DD') AS opened_on, to_char(closed_on, 'YYYY-MM-DD') AS closed_on FROM centre c WHERE kind <> 'REGIONAL'`,
      );
      const reports = await sql<{ centre_id: string; period: string; first_submitted_at: Date | null }>(
        `SELECT centre_id, period, first_submitted_at FROM activity_report WHERE period_type = $1`,
        [periodType],
      );
      const lastEnded = shift(today().slice(0, 7), -1);
      const expected = new Map<string, number[]>();
      for (const centre of centres) {
        const owed = expectedPeriods({ openedOn: centre.opened_on, closedOn: centre.closed_on }, table.from, table.to < lastEnded ? table.to : lastEnded, periodType);
        if (owed.length === 0) continue;
        const received = owed.flatMap((period) => {
          const at = reports.find((report) => report.centre_id === centre.id && report.period === period)?.first_submitted_at;
          return at ? [{ period, at }] : [];
        });
        const onTime = received.filter(({ period, at }) => submittedOnTime(dayIn(at), period, periodType, api.config.reporting.deadlineDay));
        expected.set(centre.name, [owed.length, received.length, onTime.length]);
      }
      expect(Object.fromEntries(table.rows.map((row) => [row.centre!.name, row.values.map((value) => value.value)]))).toEqual(Object.fromEntries(expected));
    });

    it('05 rollout coverage by club type', async () => {
      const table = await run(example('05-rollout-coverage-by-club-type.graphql'));
      const lastDayOfRange = shiftDay(`${shift(table.to, 1)}-01`, -1);
      const end = lastDayOfRange < today() ? lastDayOfRange : today();
      const rows = await sql<{ name: string; planned: string; due: string; launched: string }>(
        `SELECT ${NAME('t')} AS name,
                count(*) FILTER (WHERE i.status <> 'CANCELLED') AS planned,
                count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.planned_on <= $1::date) AS due,
                count(*) FILTER (WHERE i.status IN ('LAUNCHED', 'ACTIVE') AND i.launched_on <= $1::date) AS launched
         FROM rollout_item i JOIN club_type t ON t.id = i.club_type_id GROUP BY 1`,
        [end],
      );
      expect(rows.length).toBe(7);
      expect(Object.fromEntries(table.rows.map((row) => [row.clubType!.name, row.values.map((value) => value.value)]))).toEqual(
        Object.fromEntries(rows.map((row) => [row.name, [Number(row.planned), Number(row.due), Number(row.launched), Number(row.planned) === 0 ? null : Math.round((Number(row.launched) / Number(row.planned)) * 1000) / 10]])),
      );
    });

    it('06 program sessions and attendance by program and month, support groups apart', async () => {
      const table = await run(example('06-program-attendance-by-program.graphql'));
      const rows = await sql<{ key: string; sessions: string; attendance: string }>(
        `SELECT ${NAME('p')} || ' ' || r.period AS key, sum(line.sessions) AS sessions, sum(line.attendance) AS attendance
         FROM activity_report r JOIN activity_report_program_run line ON line.report_id = r.id
         JOIN program_run run ON run.id = line.program_run_id JOIN program p ON p.id = run.program_id
         WHERE ${COUNTED} AND r.period BETWEEN $1 AND $2 AND NOT p.anonymous GROUP BY 1`,
        [table.from, table.to],
      );
      expect(rows.length).toBeGreaterThan(3);
      const key = (row: Row) => `${row.program!.name} ${row.month}`;
      expectSameFigures(table.rows, key, 0, new Map(rows.map((row) => [row.key, Number(row.sessions)])));
      expectSameFigures(table.rows, key, 1, new Map(rows.map((row) => [row.key, Number(row.attendance)])));
    });

    it('07 support groups by district and quarter: the same figures, none from 1 to 4 shown', async () => {
      const table = await run(example('07-support-groups-by-quarter.graphql'));
      const rows = await sql<{ key: string; sessions: string; attendance: string }>(
        `SELECT ${NAME('c')} || ' ' || ${QUARTER} AS key, sum(line.sessions) AS sessions, sum(line.attendance) AS attendance
         FROM activity_report r JOIN activity_report_program_run line ON line.report_id = r.id JOIN centre c ON c.id = r.centre_id
         JOIN program_run run ON run.id = line.program_run_id JOIN program p ON p.id = run.program_id
         WHERE ${COUNTED} AND r.period BETWEEN $1 AND $2 AND p.anonymous GROUP BY 1`,
        [table.from, table.to],
      );
      expect(rows.length).toBeGreaterThan(3);
      const key = (row: Row) => `${row.centre!.name} ${row.quarter}`;
      for (const [index, column] of [[0, 'sessions'], [1, 'attendance']] as const) {
        const truth = new Map(rows.map((row) => [row.key, Number(row[column])]));
        const shown = expectSameFigures(table.rows, key, index, truth);
        for (const [cell, value] of shown) {
          if (!value.suppressed) expect(value.value === 0 || value.value! >= 5).toBe(true);
          const figure = truth.get(cell)!;
          if (figure > 0 && figure < 5) expect(value.suppressed).toBe(true);
        }
      }
    });
  });

  it('publishes rows by the first dimension, then the next: centres by name in the caller\'s language, quarters in time', async () => {
    const TABLE = `query($groupBy: [AnalyticsDimension!]) {
      analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: $groupBy) { rows { centre { id } quarter } }
    }`;
    const ranks = await sql<{ id: string }>(`SELECT id FROM centre c ORDER BY ${localisedNameSql('c', 'ru')}, id`);
    const rank = new Map(ranks.map((row, index) => [row.id, index]));
    const byRank = (a: Row, b: Row) => rank.get(a.centre!.id)! - rank.get(b.centre!.id)!;
    const byQuarter = (a: Row, b: Row) => (a.quarter! < b.quarter! ? -1 : a.quarter! > b.quarter! ? 1 : 0);
    const keys = (rows: Row[]) => rows.map((row) => `${row.centre!.id} ${row.quarter}`);
    const russian = { ...analyst, 'accept-language': 'ru' };

    const centreFirst = await run(TABLE, { groupBy: ['CENTRE', 'QUARTER'] }, russian);
    expect(new Set(centreFirst.rows.map((row) => row.quarter)).size).toBeGreaterThan(1);
    expect(new Set(centreFirst.rows.map((row) => row.centre!.id)).size).toBeGreaterThan(1);
    expect(keys(centreFirst.rows)).toEqual(keys([...centreFirst.rows].sort((a, b) => byRank(a, b) || byQuarter(a, b))));
    const quarterFirst = await run(TABLE, { groupBy: ['QUARTER', 'CENTRE'] }, russian);
    expect(keys(quarterFirst.rows)).toEqual(keys([...centreFirst.rows].sort((a, b) => byQuarter(a, b) || byRank(a, b))));
  });

  it('loads beforehand the ids of every record the rows name, for each record dimension and filter', async () => {
    // recordIdsSql is read beside the aggregate and its failure only costs time: its SQL and its
    // superset are checked here, against the rows of the same tables.
    const TABLE = `query($metrics: [AnalyticsMetric!]!, $groupBy: [AnalyticsDimension!], $filter: AnalyticsFilter) {
      analytics(metrics: $metrics, groupBy: $groupBy, filter: $filter) { rows { centre { id } parentCentre { id } clubType { id } program { id } } }
    }`;
    const [region] = await sql<{ id: string }>(`SELECT id FROM centre WHERE parent_id IS NULL`);
    const [district] = await sql<{ id: string }>(`SELECT c.id FROM centre c WHERE c.parent_id IS NOT NULL AND EXISTS (SELECT 1 FROM program_run r WHERE r.centre_id = c.id) ORDER BY c.code LIMIT 1`);
    const clubTypes = await sql<{ id: string }>(`SELECT id FROM club_type ORDER BY code LIMIT 2`);
    const programs = await sql<{ id: string }>(`SELECT DISTINCT program_id AS id FROM program_run WHERE centre_id = $1`, [district!.id]);
    const tables: { metrics: string[]; groupBy: AnalyticsDimension[]; filter: Partial<AggregateScope> & Record<string, unknown> }[] = [
      { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'PARENT_CENTRE'], filter: { centreIds: [region!.id], includeSubtree: true } },
      { metrics: ['CLUB_ATTENDANCE', 'ROLLOUT_PLANNED'], groupBy: ['CLUB_TYPE', 'CENTRE'], filter: { centreKinds: ['RURAL_DISTRICT', 'CITY'], clubTypeIds: clubTypes.map((type) => type.id) } },
      { metrics: ['PROGRAM_ATTENDANCE'], groupBy: ['PROGRAM', 'PARENT_CENTRE'], filter: { centreIds: [district!.id], programIds: programs.map((program) => program.id) } },
      { metrics: ['EVENTS_HELD'], groupBy: ['PARENT_CENTRE'], filter: {} },
    ];
    for (const { metrics, groupBy, filter } of tables) {
      const table = await run(TABLE, { metrics, groupBy, filter: { from: '2010-01', ...filter } });
      const named = new Set(table.rows.flatMap((row) => [row.centre, row.parentCentre, row.clubType, row.program].flatMap((record) => ((record as { id?: string } | null)?.id ? [(record as { id: string }).id] : []))));
      expect(named.size).toBeGreaterThan(0);
      const statement = recordIdsSql(groupBy, { fromDay: '2000-01-01', untilDay: '2100-01-01', includeSubtree: false, rowLimit: 1, ...filter });
      const loaded = new Set((await sql<{ id: string }>(statement!.sql, statement!.parameters)).map((row) => row.id));
      expect([...named].filter((id) => !loaded.has(id))).toEqual([]);
    }
    expect(recordIdsSql(['MONTH', 'SEX'], { fromDay: '2000-01-01', untilDay: '2100-01-01', includeSubtree: false, rowLimit: 1 })).toBeNull();

    // And they are asked for before the rows are known: a centre in scope that no row names is loaded too.
    const loaded = jest.spyOn(api.app.get(CentresService), 'findByIds');
    try {
      const table = await run(TABLE, { metrics: ['PROGRAM_ATTENDANCE'], groupBy: ['CENTRE'], filter: { from: '2010-01' } });
      const named = new Set(table.rows.map((row) => row.centre!.id));
      const everyCentre = (await sql<{ id: string }>(`SELECT id FROM centre`)).map((row) => row.id);
      expect(named.size).toBeGreaterThan(0);
      expect(named.size).toBeLessThan(everyCentre.length);
      expect(new Set(loaded.mock.calls.flatMap(([ids]) => [...ids]))).toEqual(new Set(everyCentre));
    } finally {
      loaded.mockRestore();
    }
  });

  describe('small numbers', () => {
    const TABLE = `query($metrics: [AnalyticsMetric!]!, $groupBy: [AnalyticsDimension!], $filter: AnalyticsFilter) {
      analytics(metrics: $metrics, groupBy: $groupBy, filter: $filter) {
        rows { centre { id } sex values { value suppressed } }
        totals { value suppressed }
      }
    }`;

    it('hide a cell below the threshold from the table, its margins and its total: no subtraction recovers it', async () => {
      // Three districts reporting one month; in the band of 25–35, district B reached 3 women.
      const [a, b, c] = [await createCentre(api), await createCentre(api), await createCentre(api)];
      const figures: Record<string, [number, number]> = { [a]: [10, 11], [b]: [3, 12], [c]: [14, 9] };
      for (const centre of [a, b, c]) {
        const { id } = await insertReport(api, centre, { period: '2019-06', state: 'APPROVED' });
        await sql(`UPDATE activity_report_reach SET count = CASE sex WHEN 'FEMALE' THEN $2::int ELSE $3::int END WHERE report_id = $1 AND age_band = 'AGE_25_35'`, [id, ...figures[centre]!]);
      }
      const filter = { from: '2019-06', to: '2019-06', centreIds: [a, b, c], ageBands: ['AGE_25_35'] };
      const ask = async (groupBy: string[]) => {
        const response = await api.graphql<{ analytics: { rows: (Row & { centre: { id: string } | null })[]; totals: Value[] } }>(TABLE, { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy, filter }, analyst);
        expect(response.body.errors).toBeUndefined();
        return response.body.data!.analytics;
      };
      const table = await ask(['CENTRE', 'SEX']);
      const cellOf = (centre: string, sex: string) => table.rows.find((row) => row.centre!.id === centre && row.sex === sex)!.values[0]!;
      expect(cellOf(b, 'FEMALE')).toEqual({ value: null, suppressed: true });
      // Not alone: a second cell at least hides with it, and nothing says which one is the small one.
      expect(table.rows.filter((row) => row.values[0]!.suppressed).length).toBeGreaterThan(1);
      // The same table with its dimensions the other way round hides the same cells.
      const hidden = (rows: typeof table.rows) => rows.filter((row) => row.values[0]!.suppressed).map((row) => `${row.centre!.id}|${row.sex}`).sort();
      expect(hidden((await ask(['SEX', 'CENTRE'])).rows)).toEqual(hidden(table.rows));

      // Everything an analyst can read: the table, its total, and the margins other queries publish.
      const byCentre = await ask(['CENTRE']);
      const bySex = await ask(['SEX']);
      const known = new Map<string, number>();
      for (const row of table.rows) if (!row.values[0]!.suppressed) known.set(`${row.centre!.id}|${row.sex}`, row.values[0]!.value!);
      const sums: { cells: string[]; value: number }[] = [];
      if (!table.totals[0]!.suppressed) sums.push({ cells: table.rows.map((row) => `${row.centre!.id}|${row.sex}`), value: table.totals[0]!.value! });
      for (const row of byCentre.rows) if (!row.values[0]!.suppressed) sums.push({ cells: ['FEMALE', 'MALE'].map((sex) => `${row.centre!.id}|${sex}`), value: row.values[0]!.value! });
      for (const row of bySex.rows) if (!row.values[0]!.suppressed) sums.push({ cells: [a, b, c].map((centre) => `${centre}|${row.sex}`), value: row.values[0]!.value! });
      // Subtract wherever a sum has one unknown cell left, until nothing more can be learnt.
      for (let learnt = true; learnt; ) {
        learnt = false;
        for (const sum of sums) {
          const unknown = sum.cells.filter((cell) => !known.has(cell));
          if (unknown.length !== 1) continue;
          known.set(unknown[0]!, sum.value - sum.cells.filter((cell) => known.has(cell)).reduce((total, cell) => total + known.get(cell)!, 0));
          learnt = true;
        }
      }
      expect(known.has(`${b}|FEMALE`)).toBe(false);
      // The margins themselves are not small, so they are published: the protection is in the table.
      expect(byCentre.rows.every((row) => !row.values[0]!.suppressed)).toBe(true);

      // The files hold the same cells, withheld the same way.
      const names = new Map(
        (await sql<{ id: string; name: string }>(`SELECT id, name_en AS name FROM centre WHERE id = ANY ($1::uuid[])`, [[a, b, c]])).map((row) => [row.name, row.id]),
      );
      const variables = { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['CENTRE', 'SEX'], filter };
      const expectSameCells = (records: unknown[][]) => {
        const [header, ...body] = records;
        expect(header).toEqual(['centre', 'sex', 'YOUNG_PEOPLE_REACHED', 'YOUNG_PEOPLE_REACHED withheld']);
        const total = body.pop()!;
        expect(total[0]).toBe('TOTAL');
        expect(total[2] === null || total[2] === '' ? null : Number(total[2])).toBe(table.totals[0]!.value);
        expect(body).toHaveLength(table.rows.length);
        for (const [name, sex, value, withheld] of body) {
          const shown = table.rows.find((row) => row.centre!.id === names.get(String(name)) && row.sex === sex)!.values[0]!;
          expect([name, sex, value === null || value === undefined || value === '' ? null : Number(value), withheld || null]).toEqual([name, sex, shown.value, shown.suppressed ? 'withheld' : null]);
        }
        expect(body.some(([name, sex, value, withheld]) => names.get(String(name)) === b && sex === 'FEMALE' && (value === '' || value === null) && withheld === 'withheld')).toBe(true);
      };
      const download = (format: 'csv' | 'xlsx') =>
        fetch(`${api.url}/exports`, { method: 'POST', headers: { ...analyst, 'content-type': 'application/json' }, body: JSON.stringify({ format, query: TABLE, variables }) });
      const csv = await download('csv');
      expect(csv.status).toBe(200);
      const text = await csv.text();
      expect(text.includes('\n3,') || text.includes(',3,')).toBe(false);
      expectSameCells(text.replace(/^\uFEFF/, '').trim().split(/\r?\n/).map((line) => line.split(',')));
      const xlsx = await download('xlsx');
      expect(xlsx.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
      const rows: unknown[][] = [];
      workbook.worksheets[0]!.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from((row.values as unknown[]).slice(1, 5), (cell) => cell ?? null)));
      expectSameCells(rows);
      // Typed: the figures are numbers in the workbook, not text.
      expect(rows.slice(1, -1).some((row) => typeof row[2] === 'number')).toBe(true);
    });

    it('withhold a total that is itself small', async () => {
      const lonely = await createCentre(api);
      const { id } = await insertReport(api, lonely, { period: '2019-07', state: 'SUBMITTED' });
      await sql(`UPDATE activity_report_reach SET count = CASE WHEN age_band = 'AGE_14_17' AND sex = 'MALE' THEN 2 ELSE 0 END WHERE report_id = $1`, [id]);
      const response = await api.graphql<{ analytics: { rows: Row[]; totals: Value[] } }>(TABLE, { metrics: ['YOUNG_PEOPLE_REACHED'], groupBy: ['SEX'], filter: { from: '2019-07', to: '2019-07', centreIds: [lonely] } }, analyst);
      const table = response.body.data!.analytics;
      // The zero hides with the small cell: shown alone, it would give the small one away through the total.
      expect(table.rows.map((row) => [row.sex, row.values[0]!.value, row.values[0]!.suppressed])).toEqual([
        ['FEMALE', null, true],
        ['MALE', null, true],
      ]);
      expect(table.totals[0]).toEqual({ value: null, suppressed: true });
    });
  });

  describe('single reports', () => {
    it('give analysts no counts of people and no support-group lines, and the region everything', async () => {
      const [found] = await sql<{ id: string }>(
        `SELECT r.id FROM activity_report r JOIN activity_report_program_run line ON line.report_id = r.id
         JOIN program_run run ON run.id = line.program_run_id JOIN program p ON p.id = run.program_id
         WHERE p.anonymous AND r.state = 'APPROVED' LIMIT 1`,
      );
      const id = found!.id;
      const REPORT = `query($id: ID!) { report(id: $id) { eventsHeld reachedTotal reach { count } clubs { meetings attendance }
        programRuns { sessions attendance programRun { program { anonymous } } } warnings { field } } }`;
      type Seen = { eventsHeld: number; reachedTotal: number | null; reach: { count: number | null }[]; programRuns: { attendance: number | null; programRun: { program: { anonymous: boolean } } }[] };
      const asAdmin = (await api.graphql<{ report: Seen }>(REPORT, { id }, admin)).body.data!.report;
      const asAnalyst = (await api.graphql<{ report: Seen }>(REPORT, { id }, analyst)).body.data!.report;
      expect(asAdmin.reachedTotal).toBeGreaterThan(0);
      expect(asAdmin.programRuns.some((line) => line.programRun.program.anonymous && line.attendance !== null)).toBe(true);
      expect(asAnalyst.eventsHeld).toBe(asAdmin.eventsHeld);
      expect(asAnalyst.reachedTotal).toBeNull();
      expect(asAnalyst.reach.every((line) => line.count === null)).toBe(true);
      expect(asAnalyst.programRuns.every((line) => !line.programRun.program.anonymous && line.attendance === null)).toBe(true);
      expect(asAnalyst.programRuns).toHaveLength(asAdmin.programRuns.filter((line) => !line.programRun.program.anonymous).length);
    });
  });

  describe('single reports, filtered', () => {
    it('do not match an analyst\'s warnings filter by a warning about a count of people they cannot see', async () => {
      const centre = await createCentre(api);
      const { id } = await insertReport(api, centre, { period: '2019-10', state: 'APPROVED' });
      await sql(`UPDATE activity_report SET warnings = '[{"path": "reachedTotal", "value": 900, "usual": 60}]' WHERE id = $1`, [id]);
      const WARNED = `query($centre: ID!) { reports(filter: { centreId: $centre, hasWarnings: true, periodFrom: "2019-10", periodTo: "2019-10" }) { totalCount } }`;
      const count = async (headers: Record<string, string>) => (await api.graphql<{ reports: { totalCount: number } }>(WARNED, { centre }, headers)).body.data!.reports.totalCount;
      expect(await count(admin)).toBe(1);
      expect(await count(analyst)).toBe(0);
    });
  });

  describe('freshness', () => {
    it('counts a report the moment it is submitted, drops it when it is returned, and says when the data changed', async () => {
      const centre = await createCentre(api);
      const ask = () =>
        run(`query($centre: ID!) { analytics(metrics: [YOUNG_PEOPLE_REACHED, EVENTS_HELD], filter: { from: "2020-03", to: "2020-03", centreIds: [$centre] }) { rows { values { value } } totals { value } dataChangedAt computedAt } }`, {
          centre,
        }) as Promise<Table & { dataChangedAt: string; computedAt: string }>;
      const before = await ask();
      expect(before.rows).toEqual([]);

      const submitted = await api.graphql<{ submitReport: { report: { id: string; version: number } } }>(
        `mutation($input: SubmitReportInput!) { submitReport(input: $input) { report { id version } } }`,
        { input: submitInput(centre, '2020-03') },
        admin,
      );
      expect(submitted.body.errors).toBeUndefined();
      const after = await ask();
      expect(after.totals.map((total) => total.value)).toEqual([60, 3]);
      expect(new Date(after.dataChangedAt).getTime()).toBeGreaterThan(new Date(before.dataChangedAt).getTime());
      expect(new Date(after.dataChangedAt).getTime()).toBeLessThanOrEqual(new Date(after.computedAt).getTime());

      const { report } = submitted.body.data!.submitReport;
      const returned = await api.graphql(`mutation($input: ReturnReportInput!) { returnReport(input: $input) { report { state } } }`, { input: { id: report.id, version: report.version, comment: 'Check the events.' } }, admin);
      expect(returned.body.errors).toBeUndefined();
      expect((await ask()).rows).toEqual([]);
    });
  });

  describe('the read model', () => {
    it('follows every way a report changes, also outside the API: a line edited, a program turned into a support group, a report deleted', async () => {
      const centre = await createCentre(api);
      const FIGURES = `query($centre: ID!) { analytics(metrics: [YOUNG_PEOPLE_REACHED, PROGRAM_ATTENDANCE, SUPPORT_GROUP_ATTENDANCE], filter: { from: "2019-09", to: "2019-09", centreIds: [$centre] }) {
        totals { value } dataChangedAt } }`;
      const ask = async () => {
        const table = (await run(FIGURES, { centre })) as Table & { dataChangedAt: string };
        return { figures: table.totals.map((total) => total.value), changedAt: new Date(table.dataChangedAt).getTime() };
      };
      const { id } = await insertReport(api, centre, { period: '2019-09', state: 'APPROVED' });
      const [run1] = await sql<{ id: string; program_id: string }>(`SELECT id, program_id FROM program_run WHERE id = $1`, [await createProgramRun(api, centre)]);
      await sql(`INSERT INTO activity_report_program_run (report_id, program_run_id, sessions, attendance) VALUES ($1, $2, 2, 9)`, [id, run1!.id]);
      const first = await ask();
      expect(first.figures).toEqual([60, 9, 0]);

      await sql(`UPDATE activity_report_reach SET count = 20 WHERE report_id = $1 AND age_band = 'AGE_14_17' AND sex = 'FEMALE'`, [id]);
      const edited = await ask();
      expect(edited.figures).toEqual([70, 9, 0]);
      expect(edited.changedAt).toBeGreaterThan(first.changedAt);

      await sql(`UPDATE program SET anonymous = true WHERE id = $1`, [run1!.program_id]);
      const anonymous = await ask();
      // Nine visits are not a small number: they move from the programs to the support groups.
      expect(anonymous.figures).toEqual([70, 0, 9]);

      await sql(`DELETE FROM activity_report WHERE id = $1`, [id]);
      const deleted = await ask();
      expect(deleted.figures).toEqual([0, 0, 0]);
      expect(deleted.changedAt).toBeGreaterThan(anonymous.changedAt);
    });
  });

  describe('refusals', () => {
    const ANALYTICS = `query($metrics: [AnalyticsMetric!]!, $groupBy: [AnalyticsDimension!], $filter: AnalyticsFilter) { analytics(metrics: $metrics, groupBy: $groupBy, filter: $filter) { rowCount } }`;

    it('says which metric cannot be broken down or filtered as asked, at the field', async () => {
      const response = await api.graphql(ANALYTICS, { metrics: ['EVENTS_HELD'], groupBy: ['AGE_BAND'], filter: { programIds: ['00000000-0000-4000-8000-000000000000'] } }, analyst);
      expect(response.status).toBe(200);
      const error = response.body.errors![0]!;
      expect(error.extensions!['code']).toBe('BAD_USER_INPUT');
      expect(error.extensions!['fields']).toEqual({
        groupBy: 'EVENTS_HELD cannot be broken down by AGE_BAND: leave one of them out',
        'filter.programIds': 'EVENTS_HELD has no PROGRAM to filter by: ask for it separately',
      });
    });

    it('refuses a reversed range and a range of more than twenty years', async () => {
      for (const filter of [{ from: '2026-05', to: '2026-01' }, { from: '2000-01', to: '2026-01' }]) {
        const response = await api.graphql(ANALYTICS, { metrics: ['EVENTS_HELD'], filter }, analyst);
        expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: { 'filter.from': expect.any(String) } });
      }
    });

    it('refuses a table over the row limit, naming the limit and how to narrow the question', async () => {
      const small = await startTestApp({ ANALYTICS_MAX_ROWS: '100' });
      try {
        const headers = { ...(await small.signIn(DEMO.analyst)), 'accept-language': 'en' };
        const response = await small.graphql(ANALYTICS, { metrics: ['REPORTS_EXPECTED'], groupBy: ['CENTRE', 'MONTH'], filter: { from: '2024-01', to: '2025-12' } }, headers);
        expect(response.status).toBe(200);
        expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'ROWS', maxRows: 100, fields: { groupBy: expect.stringContaining('QUARTER instead of MONTH') } });
      } finally {
        await small.close();
      }
    });
  });
});

describe('analytics limits', () => {
  // A database of its own with three million more figures, so one aggregate is heavy for real
  // (3 s and more here), and a statement timeout an analyst can hit. The timeout is the time the
  // coordinator's page has to be answered first: 300 ms was too little on a loaded CI machine.
  const timeoutMs = 1_500;
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ ANALYTICS_STATEMENT_TIMEOUT_MS: String(timeoutMs) }, { ownDatabase: true });
    const [report] = await api.dataSource.query<{ id: string }[]>(`SELECT id FROM activity_report WHERE state = 'APPROVED' LIMIT 1`);
    await api.dataSource.query(
      `INSERT INTO analytics_fact (report_id, centre_id, month, metric, age_band, sex, value)
       SELECT $1, (ARRAY(SELECT id FROM centre ORDER BY code))[1 + g % 15], date '2000-01-01' + (g % 240) * interval '1 month',
              'YOUNG_PEOPLE_REACHED', 'AGE_14_17', CASE WHEN g % 2 = 0 THEN 'FEMALE' ELSE 'MALE' END, 7
       FROM generate_series(1, 3000000) AS g`,
      [report!.id],
    );
    await api.dataSource.query(`ANALYZE analytics_fact`);
  }, 120_000);
  afterAll(() => api.close());

  it('stops an aggregate at the statement timeout with a coded error, while a coordinator is served meanwhile', async () => {
    const [analyst, coordinator] = [{ ...(await api.signIn(DEMO.analyst)), 'accept-language': 'en' }, await api.signIn(DEMO.temirtau)];
    const finished: string[] = [];
    const heavy = async (name: string) => {
      const response = await api.graphql(
        `{ analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: [CENTRE, MONTH, SEX], filter: { from: "2000-01", to: "2019-12" }) { rowCount } }`,
        {},
        analyst,
      );
      finished.push(name);
      return response;
    };
    const everyday = async () => {
      const response = await api.graphql<{ reports: { totalCount: number } }>(`{ reports(first: 20) { totalCount nodes { period state } } }`, {}, coordinator);
      finished.push('coordinator');
      return response;
    };
    // Three heavy aggregates (one more than the analytics slots) and a coordinator's everyday page.
    const [first, second, third, other] = await Promise.all([heavy('heavy'), heavy('heavy'), heavy('heavy'), everyday()]);
    for (const response of [first, second, third]) {
      expect(response.status).toBe(200);
      expect(response.body.data).toBeNull();
      expect(response.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'STATEMENT_TIMEOUT', timeoutMs, fields: { filter: expect.stringContaining('narrow the months or centres') } });
    }
    expect(other.body.errors).toBeUndefined();
    expect(other.body.data!.reports.totalCount).toBeGreaterThan(0);
    // The coordinator did not wait for the aggregates.
    expect(finished[0]).toBe('coordinator');
  });

  it('gives analysts a larger query-cost budget than coordinators, and says which limit a refusal hit', async () => {
    const wide = `{ centres(first: 100) { nodes { id name clubs { id name type { name } centre { name } } programRuns { id program { name } }
      rolloutItems { id status history { at } } parent { clubs { id name } programRuns { id } } } } }`;
    const coordinator = await api.graphql(wide, {}, await api.signIn(DEMO.temirtau));
    expect(coordinator.status).toBe(400);
    const refusal = coordinator.body.errors![0]!.extensions!;
    expect(refusal).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'COST', maxCost: api.config.graphql.maxCost.DISTRICT_COORDINATOR });
    expect(refusal['cost']).toBeLessThan(api.config.graphql.maxCost.ANALYST);
    const analyst = await api.graphql(wide, {}, await api.signIn(DEMO.analyst));
    expect(analyst.body.errors).toBeUndefined();
    // Every club of the network for each row of two aggregates is over even the analysts' budget, refused before any SQL runs.
    const table = (alias: string) => `${alias}: analytics(metrics: [CLUB_MEETINGS], groupBy: [CENTRE, CLUB_TYPE]) { rows { clubType { name clubs { id name centre { name } } } values { value } } }`;
    const many = `{ ${table('first')} ${table('second')} }`;
    const over = await api.graphql(many, {}, await api.signIn(DEMO.analyst));
    expect(over.status).toBe(400);
    expect(over.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', limit: 'COST', maxCost: api.config.graphql.maxCost.ANALYST });
    expect(over.sqlStatements).toBeLessThanOrEqual(2);
  });
});

function shiftDay(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
