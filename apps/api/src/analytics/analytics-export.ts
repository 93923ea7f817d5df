import { type AnalyticsDimension, type AnalyticsMetric, metricDefinition } from '@mrc/domain';
import { parse, print, visit } from 'graphql';
import type { TabularColumn, TabularSource, TabularSourceRequest } from '../exports/tabular-source.js';

/** What each dimension shows in a file: the row's field, and for a record its name. */
const DIMENSION_CELLS: Record<AnalyticsDimension, { key: string; select: string; read: (row: ExportRow) => unknown }> = {
  CENTRE: { key: 'centre', select: 'centre { name }', read: (row) => row.centre?.name ?? null },
  CENTRE_KIND: { key: 'centreKind', select: 'centreKind', read: (row) => row.centreKind },
  PARENT_CENTRE: { key: 'parentCentre', select: 'parentCentre { name }', read: (row) => row.parentCentre?.name ?? null },
  MONTH: { key: 'month', select: 'month', read: (row) => row.month },
  QUARTER: { key: 'quarter', select: 'quarter', read: (row) => row.quarter },
  YEAR: { key: 'year', select: 'year', read: (row) => row.year },
  AGE_BAND: { key: 'ageBand', select: 'ageBand', read: (row) => row.ageBand },
  SEX: { key: 'sex', select: 'sex', read: (row) => row.sex },
  CLUB_TYPE: { key: 'clubType', select: 'clubType { name }', read: (row) => row.clubType?.name ?? null },
  PROGRAM: { key: 'program', select: 'program { name }', read: (row) => row.program?.name ?? null },
};

interface ExportValue {
  value: number | null;
  suppressed: boolean;
  yearBefore: number | null;
  yearBeforeSuppressed: boolean;
  changePercent: number | null;
}

interface ExportRow {
  centre?: { name: string } | null;
  parentCentre?: { name: string } | null;
  clubType?: { name: string } | null;
  program?: { name: string } | null;
  centreKind?: string | null;
  month?: string | null;
  quarter?: string | null;
  year?: number | null;
  ageBand?: string | null;
  sex?: string | null;
  values: ExportValue[];
}

/** What a withheld cell says in a file, beside its empty value. */
const WITHHELD = 'withheld';

const VALUE_FIELDS = 'value suppressed yearBefore yearBeforeSuppressed changePercent';

/**
 * The `analytics` aggregate as a file: one column per dimension, then per metric its value and why
 * it is withheld (and, when asked, the year before and the change), then a TOTAL row. The table is
 * asked again through GraphQL as the caller, with their arguments, so the file holds exactly the
 * figures, and the withheld cells, the API shows them.
 */
export async function openAnalyticsTable(request: TabularSourceRequest): Promise<TabularSource> {
  // Only the variables the aggregate's arguments use: one used only in a left-out selection would be refused as unused.
  const used = new Set<string>();
  for (const argument of request.rootField.arguments ?? []) visit(argument, { Variable: (node) => void used.add(node.name.value) });
  const definitions = (request.operation.variableDefinitions ?? []).filter((definition) => used.has(definition.variable.name.value));
  const variables = definitions.length > 0 ? `(${definitions.map(print).join(', ')})` : '';
  const args = request.rootField.arguments?.length ? `(${request.rootField.arguments.map(print).join(', ')})` : '';
  const selectAll = Object.values(DIMENSION_CELLS)
    .map((cell) => cell.select)
    .join(' ');
  const document = parse(`query AnalyticsExport${variables} { analytics${args} {
    metrics groupBy
    rows { ${selectAll} values { ${VALUE_FIELDS} } }
    totals { ${VALUE_FIELDS} }
  } }`);
  const data = (await request.execute(document, request.variables))['analytics'] as {
    metrics: AnalyticsMetric[];
    groupBy: AnalyticsDimension[];
    rows: ExportRow[];
    totals: ExportValue[];
  };
  const compared = [...data.rows.flatMap((row) => row.values), ...data.totals].some((value) => value.yearBefore !== null || value.yearBeforeSuppressed);

  const columns: TabularColumn[] = data.groupBy.map((dimension) => ({ key: DIMENSION_CELLS[dimension].key, label: DIMENSION_CELLS[dimension].key, type: dimension === 'YEAR' ? 'integer' : 'text' }));
  for (const metric of data.metrics) {
    const type = metricDefinition(metric).percentage ? 'number' : 'integer';
    columns.push({ key: metric, label: metric, type }, { key: `${metric}.withheld`, label: `${metric} withheld`, type: 'text' });
    if (compared) {
      columns.push(
        { key: `${metric}.yearBefore`, label: `${metric} year before`, type },
        { key: `${metric}.yearBeforeWithheld`, label: `${metric} year before withheld`, type: 'text' },
        { key: `${metric}.changePercent`, label: `${metric} change %`, type: 'number' },
      );
    }
  }
  const figures = (values: ExportValue[]) =>
    values.flatMap((value) => [
      value.value,
      value.suppressed ? WITHHELD : '',
      ...(compared ? [value.yearBefore, value.yearBeforeSuppressed ? WITHHELD : '', value.changePercent] : []),
    ]);

  return {
    columns,
    async *rows() {
      // With no dimension the one row is the total.
      if (data.groupBy.length === 0) {
        yield figures(data.totals);
        return;
      }
      for (const row of data.rows) yield [...data.groupBy.map((dimension) => DIMENSION_CELLS[dimension].read(row)), ...figures(row.values)];
      yield [...data.groupBy.map((dimension, index) => (index === 0 && dimension !== 'YEAR' ? 'TOTAL' : null)), ...figures(data.totals)];
    },
  };
}
