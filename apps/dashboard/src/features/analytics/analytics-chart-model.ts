import type { AnalyticsDimension, AnalyticsMetric } from '@mrc/domain';
import type { TFunction } from 'i18next';
import { dimensionLabel } from './analytics-format';
import type { AnalyticsTableData } from './analytics-query';
import { TIME_DIMENSIONS } from './analytics-state';

/** More series than this would be colours nobody can tell apart: the table has the rest. */
export const MAX_SERIES = 8;

export interface ChartSeries {
  /** The point's property holding this series' figure. */
  key: string;
  name: string;
  /** Drawn dashed (the year before), so it differs by more than colour. */
  dashed?: boolean;
}

export interface ChartModel {
  /** A line along time, bars otherwise. */
  kind: 'line' | 'bar';
  series: ChartSeries[];
  /** One per category along the axis: its label, and a figure (or null) per series key. */
  points: Array<{ label: string } & Record<string, string | number | null>>;
  /** The metric drawn, when the chart shows only one of several. */
  metric: AnalyticsMetric | null;
  /** Withheld figures in what the chart shows: they are not drawn. */
  withheld: number;
  /** Series left out (more than MAX_SERIES). */
  seriesLeftOut: number;
}

interface Category {
  key: string;
  label: string;
}

function distinct(table: AnalyticsTableData, dimension: AnalyticsDimension, t: TFunction): Category[] {
  const seen = new Map<string, string>();
  for (const row of table.rows) {
    const label = dimensionLabel(row, dimension, t);
    if (!seen.has(label.key)) seen.set(label.key, label.text);
  }
  const values = [...seen].map(([key, label]) => ({ key, label }));
  // Months, quarters and years in time order (their keys sort so), whatever the rows' order.
  return TIME_DIMENSIONS.has(dimension) ? values.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)) : values;
}

/**
 * What the chart draws of a table. No dimension: a bar per metric. One: the dimension along the
 * axis, a series per metric (and its year before). Two: the dimension with more values along the
 * axis and a series per value of the other, for the first metric. Along time, lines; else bars.
 */
export function chartModel(table: AnalyticsTableData, t: TFunction): ChartModel {
  const metricName = (metric: AnalyticsMetric) => t(`analytics.metric.${metric}`);
  const compare = table.rows.some((row) => row.values.some((value) => value.yearBefore !== undefined)) || table.totals.some((value) => value.yearBefore !== undefined);
  const [first, second] = table.groupBy;

  if (!first) {
    let withheld = 0;
    const points = table.totals.map((value) => {
      if (value.suppressed) withheld += 1;
      return { label: metricName(value.metric), value: value.suppressed ? null : value.value, ...(compare ? { yearBefore: value.yearBefore ?? null } : {}) };
    });
    const series: ChartSeries[] = [{ key: 'value', name: t('analytics.chart.thisPeriod') }];
    if (compare) series.push({ key: 'yearBefore', name: t('analytics.chart.yearBefore'), dashed: true });
    return { kind: 'bar', series, points, metric: null, withheld, seriesLeftOut: 0 };
  }

  if (!second) {
    let withheld = 0;
    const series: ChartSeries[] = [];
    table.metrics.forEach((metric, index) => {
      series.push({ key: `m${index}`, name: metricName(metric) });
      if (compare) series.push({ key: `m${index}b`, name: t('analytics.chart.metricYearBefore', { metric: metricName(metric) }), dashed: true });
    });
    const points = table.rows.map((row) => {
      const point: { label: string } & Record<string, string | number | null> = { label: dimensionLabel(row, first, t).text };
      row.values.forEach((value, index) => {
        if (value.suppressed) withheld += 1;
        point[`m${index}`] = value.suppressed ? null : value.value;
        if (compare) point[`m${index}b`] = value.yearBefore ?? null;
      });
      return point;
    });
    const shown = series.slice(0, MAX_SERIES);
    return { kind: TIME_DIMENSIONS.has(first) ? 'line' : 'bar', series: shown, points, metric: null, withheld, seriesLeftOut: series.length - shown.length };
  }

  const firstValues = distinct(table, first, t);
  const secondValues = distinct(table, second, t);
  // The axis takes the longer list, so the legend stays short; time goes along the axis on a tie.
  const axisIsFirst = firstValues.length > secondValues.length || (firstValues.length === secondValues.length && !TIME_DIMENSIONS.has(second));
  const [axis, across, axisValues, acrossValues] = axisIsFirst ? [first, second, firstValues, secondValues] : [second, first, secondValues, firstValues];
  const shownAcross = acrossValues.slice(0, MAX_SERIES);
  const seriesKey = new Map(shownAcross.map((value, index) => [value.key, `s${index}`]));
  const points = new Map<string, { label: string } & Record<string, string | number | null>>(axisValues.map((value) => [value.key, { label: value.label }]));
  let withheld = 0;
  for (const row of table.rows) {
    const key = seriesKey.get(dimensionLabel(row, across, t).key);
    const point = points.get(dimensionLabel(row, axis, t).key);
    const value = row.values[0];
    if (!key || !point || !value) continue;
    if (value.suppressed) withheld += 1;
    point[key] = value.suppressed ? null : value.value;
  }
  return {
    kind: TIME_DIMENSIONS.has(axis) ? 'line' : 'bar',
    series: shownAcross.map((value, index) => ({ key: `s${index}`, name: value.label })),
    points: [...points.values()],
    metric: table.metrics.length > 1 ? (table.metrics[0] ?? null) : null,
    withheld,
    seriesLeftOut: acrossValues.length - shownAcross.length,
  };
}
