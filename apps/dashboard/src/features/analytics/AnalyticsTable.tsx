import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dimensionLabel, formatChange, formatFigure } from './analytics-format';
import type { AnalyticsTableData, AnalyticsValueData } from './analytics-query';

/**
 * The figures as a table: a column per dimension, then per metric its figure (and, when asked, the
 * year before and the change); the totals in the footer. A withheld figure says so in words, with
 * the reason, never by colour alone.
 */
export function AnalyticsTable({ table, language }: { table: AnalyticsTableData; language: string }) {
  const { t } = useTranslation();
  const compare = [...table.totals, ...table.rows.flatMap((row) => row.values)].some((value) => value.yearBefore !== undefined);
  const threshold = table.suppressionThreshold;
  const metricName = (index: number) => t(`analytics.metric.${table.metrics[index]!}`);

  const valueCells = (values: AnalyticsValueData[]) =>
    values.flatMap((value, index) => {
      const cells = [
        <td key={`${index}-value`} className="numeric" data-testid="figure" data-metric={value.metric} data-withheld={value.suppressed || undefined}>
          {value.suppressed ? <Withheld threshold={threshold} /> : formatFigure(value.value, value.metric, language)}
        </td>,
      ];
      if (compare) {
        cells.push(
          <td key={`${index}-before`} className="numeric" data-testid="year-before">
            {value.yearBeforeSuppressed ? <Withheld threshold={threshold} /> : formatFigure(value.yearBefore, value.metric, language)}
          </td>,
          <td key={`${index}-change`} className="numeric" data-testid="change">
            {formatChange(value.changePercent, language)}
          </td>,
        );
      }
      return cells;
    });

  return (
    <div className="table-scroll">
      <table className="data-table analytics-table" data-testid="analytics-table">
        <caption>
          {t('analytics.table.caption', {
            metrics: table.metrics.map((metric) => t(`analytics.metric.${metric}`)).join(', '),
            dimensions: table.groupBy.length > 0 ? table.groupBy.map((dimension) => t(`analytics.dimension.${dimension}`)).join(', ') : t('analytics.table.noDimension'),
          })}
        </caption>
        <thead>
          <tr>
            {table.groupBy.map((dimension) => (
              <th key={dimension} scope="col">
                {t(`analytics.dimension.${dimension}`)}
              </th>
            ))}
            {table.metrics.flatMap((metric, index) => {
              const headers = [
                <th key={`${metric}-value`} scope="col" className="numeric">
                  {metricName(index)}
                </th>,
              ];
              if (compare) {
                headers.push(
                  <th key={`${metric}-before`} scope="col" className="numeric">
                    {t('analytics.table.yearBefore', { metric: metricName(index) })}
                  </th>,
                  <th key={`${metric}-change`} scope="col" className="numeric">
                    {t('analytics.table.change', { metric: metricName(index) })}
                  </th>,
                );
              }
              return headers;
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, rowIndex) => (
            <tr key={rowIndex} data-testid="analytics-row">
              {table.groupBy.map((dimension, index) => {
                const label = dimensionLabel(row, dimension, t);
                const content = label.href ? <Link to={label.href}>{label.text}</Link> : label.text;
                return index === 0 ? (
                  <th key={dimension} scope="row">
                    {content}
                  </th>
                ) : (
                  <td key={dimension}>{content}</td>
                );
              })}
              {valueCells(row.values)}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr data-testid="analytics-totals">
            {table.groupBy.length > 0 ? (
              <th scope="row" colSpan={table.groupBy.length}>
                {t('analytics.table.total')}
              </th>
            ) : null}
            {valueCells(table.totals)}
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

/**
 * "Withheld (a count of 1 to 4, or one that would reveal such a count)": a mark, the word and the
 * reason, read out together. Which of the two applies the API does not say: that too would narrow
 * the figure down.
 */
export function Withheld({ threshold }: { threshold: number }) {
  const { t } = useTranslation();
  return (
    <span className="withheld" data-testid="withheld">
      <span className="withheld-mark" aria-hidden="true">
        ⊘{' '}
      </span>
      {t('analytics.withheld')}
      <span className="withheld-reason"> ({t('analytics.withheldReason', { max: Math.max(threshold - 1, 1) })})</span>
    </span>
  );
}
