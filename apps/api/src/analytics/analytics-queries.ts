import type { AnalyticsDimension, PeriodType } from '@mrc/domain';
import { NETWORK_TIME_ZONE } from '../common/dates.js';

/**
 * The SQL of the aggregates, one statement per source of figures. Each returns one row per
 * combination of the asked dimensions (as text columns d0, d1, …, '' for none) with its figures,
 * so the service can join the sources by those keys. Values are bound as parameters; only
 * dimension and column names, taken from the fixed lists below, are written into the SQL.
 */

/** Which centres, months and categories an aggregate reads. */
export interface AggregateScope {
  /** First day of the first month and of the month after the last. */
  fromDay: string;
  untilDay: string;
  centreIds?: string[];
  includeSubtree: boolean;
  centreKinds?: string[];
  clubTypeIds?: string[];
  programIds?: string[];
  ageBands?: string[];
  sexes?: string[];
  /** Rows to read at most: one more than a table may have, so an oversized answer is refused without reading it all. */
  rowLimit: number;
}

export interface SqlStatement {
  sql: string;
  parameters: unknown[];
  /** The LIMIT it carries: a result this long was cut short. */
  limit: number;
}

/**
 * How each dimension reads, given the alias of the centre (`c`) and the SQL of the row's month (always
 * the first day of a month): what the rows are grouped by, and that value as the text the service keys
 * cells with. Rows are grouped by the stored values and only the groups are turned into text: grouping
 * by `to_char(month)` and `id::text` formatted every fact and sorted on text, 3.5× slower at national scale.
 */
function dimensionSql(dimension: AnalyticsDimension, month: string, table: string): { group: string; text: string } {
  const same = (sql: string) => ({ group: sql, text: sql });
  switch (dimension) {
    case 'CENTRE':
      return { group: 'c.id', text: 'c.id::text' };
    case 'CENTRE_KIND':
      return same('c.kind');
    case 'PARENT_CENTRE':
      return { group: 'c.parent_id', text: `coalesce(c.parent_id::text, '')` };
    case 'MONTH':
      return { group: month, text: `to_char(${month}, 'YYYY-MM')` };
    case 'QUARTER':
      return { group: `date_trunc('quarter', ${month})`, text: `to_char(date_trunc('quarter', ${month}), 'YYYY-"Q"Q')` };
    case 'YEAR':
      return { group: `date_trunc('year', ${month})`, text: `to_char(date_trunc('year', ${month}), 'YYYY')` };
    case 'AGE_BAND':
      return same(`${table}.age_band`);
    case 'SEX':
      return same(`${table}.sex`);
    case 'CLUB_TYPE':
      return { group: `${table}.club_type_id`, text: `${table}.club_type_id::text` };
    case 'PROGRAM':
      return { group: `${table}.program_id`, text: `${table}.program_id::text` };
  }
}

class Parameters {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function selectDimensions(groupBy: readonly AnalyticsDimension[], month: string, table: string): { select: string; groupBy: string } {
  const columns = groupBy.map((dimension) => dimensionSql(dimension, month, table));
  return {
    select: columns.map((column, index) => `${column.text} AS d${index}`).join(', '),
    groupBy: columns.length === 0 ? '' : `GROUP BY ${columns.map((column) => column.group).join(', ')}`,
  };
}

function centreConditions(scope: AggregateScope, parameters: Parameters, alias = 'c'): string[] {
  const conditions: string[] = [];
  if (scope.centreIds?.length) {
    const ids = parameters.add(scope.centreIds);
    conditions.push(
      scope.includeSubtree
        ? `${alias}.id IN (WITH RECURSIVE subtree AS (SELECT id FROM centre WHERE id = ANY (${ids}::uuid[]) UNION SELECT child.id FROM centre child JOIN subtree ON child.parent_id = subtree.id) SELECT id FROM subtree)`
        : `${alias}.id = ANY (${ids}::uuid[])`,
    );
  }
  if (scope.centreKinds?.length) conditions.push(`${alias}.kind = ANY (${parameters.add(scope.centreKinds)}::text[])`);
  return conditions;
}

const where = (conditions: string[]) => (conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '');

/** Report figures from the read model (analytics_fact). Returns d…, metric, value. */
export function reportFiguresSql(metrics: readonly string[], groupBy: readonly AnalyticsDimension[], scope: AggregateScope): SqlStatement {
  const parameters = new Parameters();
  const dimensions = selectDimensions(groupBy, 'f.month', 'f');
  const conditions = [
    `f.metric = ANY (${parameters.add(metrics)}::text[])`,
    `f.month >= ${parameters.add(scope.fromDay)}::date`,
    `f.month < ${parameters.add(scope.untilDay)}::date`,
    ...centreConditions(scope, parameters),
  ];
  if (scope.clubTypeIds?.length) conditions.push(`f.club_type_id = ANY (${parameters.add(scope.clubTypeIds)}::uuid[])`);
  if (scope.programIds?.length) conditions.push(`f.program_id = ANY (${parameters.add(scope.programIds)}::uuid[])`);
  if (scope.ageBands?.length) conditions.push(`f.age_band = ANY (${parameters.add(scope.ageBands)}::text[])`);
  if (scope.sexes?.length) conditions.push(`f.sex = ANY (${parameters.add(scope.sexes)}::text[])`);
  const select = [dimensions.select, 'f.metric', 'sum(f.value)::bigint AS value'].filter(Boolean).join(', ');
  return {
    sql: `SELECT ${select} FROM analytics_fact f JOIN centre c ON c.id = f.centre_id ${where(conditions)} ${dimensions.groupBy ? `${dimensions.groupBy}, f.metric` : 'GROUP BY f.metric'} LIMIT ${parameters.add(scope.rowLimit * metrics.length)}`,
    parameters: parameters.values,
    limit: scope.rowLimit * metrics.length,
  };
}

/**
 * Reports owed, received and on time, per centre and period, counted as the completeness grid
 * counts them: district centres open at least one day of a period that has ended.
 */
export function reportingSql(
  groupBy: readonly AnalyticsDimension[],
  scope: AggregateScope,
  reporting: { periodType: PeriodType; deadlineDay: number; today: string },
): SqlStatement {
  const parameters = new Parameters();
  const step = parameters.add(reporting.periodType === 'MONTHLY' ? '1 month' : '3 months');
  const from = parameters.add(scope.fromDay);
  const until = parameters.add(scope.untilDay);
  const today = parameters.add(reporting.today);
  const centres = ["c.kind <> 'REGIONAL'", ...centreConditions(scope, parameters)];
  const periodType = parameters.add(reporting.periodType);
  const deadlineDay = parameters.add(reporting.deadlineDay);
  const dimensions = selectDimensions(groupBy, 'c.first_day', 'c');
  const select = [dimensions.select, 'count(*) AS expected', 'count(r.first_submitted_at) AS received', `count(*) FILTER (WHERE (r.first_submitted_at AT TIME ZONE '${NETWORK_TIME_ZONE}')::date <= c.last_day + ${deadlineDay}::int) AS on_time`]
    .filter(Boolean)
    .join(', ');
  // Quarters start in January, April, July and October whatever month the range starts in.
  const firstPeriod = reporting.periodType === 'MONTHLY' ? `${from}::date` : `date_trunc('quarter', ${from}::date)::date`;
  return {
    sql: `
      WITH periods AS (
        SELECT p::date AS first_day, (p + ${step}::interval - interval '1 day')::date AS last_day
        FROM generate_series(${firstPeriod}, ${until}::date - interval '1 day', ${step}::interval) AS p
        WHERE (p + ${step}::interval - interval '1 day')::date < ${today}::date
      ),
      owed AS (
        SELECT c.*, p.first_day, p.last_day
        FROM centre c JOIN periods p ON (c.opened_on IS NULL OR c.opened_on <= p.last_day) AND (c.closed_on IS NULL OR c.closed_on > p.first_day)
        ${where(centres)}
      )
      SELECT ${select}
      FROM owed c
      LEFT JOIN activity_report r ON r.centre_id = c.id AND r.period_type = ${periodType} AND r.period = to_char(c.first_day, 'YYYY-MM')
      ${dimensions.groupBy}
      LIMIT ${parameters.add(scope.rowLimit)}`,
    parameters: parameters.values,
    limit: scope.rowLimit,
  };
}

/**
 * The rollout plan as it stood at the end of each period of the finest time dimension asked (or
 * at the end of the range): planned, due and launched items.
 */
export function rolloutSql(groupBy: readonly AnalyticsDimension[], scope: AggregateScope, today: string): SqlStatement {
  const parameters = new Parameters();
  const step = groupBy.includes('MONTH') ? '1 month' : groupBy.includes('QUARTER') ? '3 months' : groupBy.includes('YEAR') ? '1 year' : null;
  const from = parameters.add(scope.fromDay);
  const until = parameters.add(scope.untilDay);
  const end = `least(${until}::date - 1, ${parameters.add(today)}::date)`;
  // Periods that have not begun have no state yet: no row for them.
  const buckets = step
    ? `SELECT b::date AS first_day, least((b + interval '${step}' - interval '1 day')::date, ${end}) AS last_day
       FROM generate_series(date_trunc('${step === '1 month' ? 'month' : step === '3 months' ? 'quarter' : 'year'}', ${from}::date), ${end}, interval '${step}') AS b`
    : `SELECT ${from}::date AS first_day, ${end} AS last_day`;
  const conditions = centreConditions(scope, parameters);
  if (scope.clubTypeIds?.length) conditions.push(`i.club_type_id = ANY (${parameters.add(scope.clubTypeIds)}::uuid[])`);
  const dimensions = selectDimensions(groupBy, 'b.first_day', 'i');
  const select = [
    dimensions.select,
    `count(*) FILTER (WHERE i.status <> 'CANCELLED') AS planned`,
    `count(*) FILTER (WHERE i.status <> 'CANCELLED' AND i.planned_on <= b.last_day) AS due`,
    `count(*) FILTER (WHERE i.status IN ('LAUNCHED', 'ACTIVE') AND i.launched_on <= b.last_day) AS launched`,
  ]
    .filter(Boolean)
    .join(', ');
  return {
    sql: `WITH buckets AS (${buckets}) SELECT ${select} FROM rollout_item i JOIN centre c ON c.id = i.centre_id CROSS JOIN buckets b ${where(conditions)} ${dimensions.groupBy} LIMIT ${parameters.add(scope.rowLimit)}`,
    parameters: parameters.values,
    limit: scope.rowLimit,
  };
}

/**
 * The ids of every record a table's rows can name, by the table they are in: the centres in scope
 * (and their parents, by PARENT_CENTRE), and the club types and programs asked for (all without a
 * filter). A superset of the rows' records, known before the aggregate is: loaded while PostgreSQL
 * aggregates, they are ready when the rows are. Null when the rows name no record.
 */
export function recordIdsSql(groupBy: readonly AnalyticsDimension[], scope: AggregateScope): Omit<SqlStatement, 'limit'> | null {
  const parameters = new Parameters();
  const selects: string[] = [];
  const inScope = (condition: string) => where([...centreConditions(scope, parameters), condition].filter(Boolean));
  if (groupBy.includes('CENTRE')) selects.push(`SELECT 'centre' AS record, c.id FROM centre c ${inScope('')}`);
  if (groupBy.includes('PARENT_CENTRE')) selects.push(`SELECT DISTINCT 'centre' AS record, c.parent_id FROM centre c ${inScope('c.parent_id IS NOT NULL')}`);
  if (groupBy.includes('CLUB_TYPE')) {
    const filter = scope.clubTypeIds?.length ? `WHERE t.id = ANY (${parameters.add(scope.clubTypeIds)}::uuid[])` : '';
    selects.push(`SELECT 'club_type' AS record, t.id FROM club_type t ${filter}`);
  }
  if (groupBy.includes('PROGRAM')) {
    const filter = scope.programIds?.length ? `WHERE p.id = ANY (${parameters.add(scope.programIds)}::uuid[])` : '';
    selects.push(`SELECT 'program' AS record, p.id FROM program p ${filter}`);
  }
  if (selects.length === 0) return null;
  return { sql: `SELECT record, id::text FROM (${selects.join(' UNION ALL ')}) AS named (record, id)`, parameters: parameters.values };
}
