import { useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { failureCode } from '../../app/apollo/error-code';
import { formatDateTime } from '../../app/i18n/format-date';
import { useDocumentTitle } from '../../app/layout/use-document-title';
import { ErrorState } from '../../app/ui/ErrorState';
import { ListSkeleton } from '../../app/ui/ListSkeleton';
import { formatPeriod } from '../reports/report-period';
import { ExportButtons } from '../workbench/ExportButtons';
import { AnalyticsChart } from './AnalyticsChart';
import { chartModel } from './analytics-chart-model';
import { AnalyticsControls } from './AnalyticsControls';
import { AnalyticsProblem } from './AnalyticsProblem';
import { analyticsDocument, analyticsDocumentText, analyticsVariables, type AnalyticsTableData } from './analytics-query';
import { applyPreset, presetOf, PRESETS, readAnalyticsState, writeAnalyticsState, type AnalyticsState } from './analytics-state';
import { AnalyticsTable } from './AnalyticsTable';
import { QueryPanel } from './QueryPanel';
import '../centres/network.css';
import '../reports/reports.css';
import './analytics.css';

/**
 * The analysts' page for the common questions: a preset or a question of their own (metrics, up to
 * two dimensions, months, kinds of centre, the year before), answered as a chart with the same
 * figures as a table, withheld cells marked in words, the query it ran and the files to download.
 * The question lives in the address, so a link shows the same table to a colleague.
 */
export default function AnalyticsPage() {
  const { t, i18n } = useTranslation();
  useDocumentTitle(t('analytics.title'));
  const [params, setParams] = useSearchParams();
  const state = readAnalyticsState(params);
  const variables = analyticsVariables(state);
  const document = analyticsDocument(state.groupBy, state.compare);
  // Reports arrive all the time: show what is cached, and ask again.
  const { data, previousData, error, loading, refetch } = useQuery(document, { variables, fetchPolicy: 'cache-and-network' });
  const refused = failureCode(error) === 'BAD_USER_INPUT';
  const table = data?.analytics ?? (error ? undefined : previousData?.analytics);
  const ask = (next: AnalyticsState) => setParams(writeAnalyticsState(next));
  const activePreset = presetOf(state);

  let body;
  if (error && !refused && !data) {
    body = (
      <ErrorState
        title={t('analytics.loadFailed')}
        error={error}
        onRetry={() => {
          refetch().catch(() => undefined);
        }}
      />
    );
  } else if (!table) {
    body = refused ? null : <ListSkeleton label={t('analytics.loading')} testId="analytics-loading" />;
  } else {
    body = <AnalyticsResult table={table} language={i18n.language} query={analyticsDocumentText(state.groupBy, state.compare)} variables={{ ...variables }} busy={loading} />;
  }

  return (
    <>
      <h1>{t('analytics.title')}</h1>
      <p className="page-intro">{t('analytics.intro')}</p>
      <nav aria-label={t('analytics.presets.label')} className="analytics-presets">
        <ul>
          {PRESETS.map((preset) => (
            <li key={preset.id}>
              <Link to={`?${writeAnalyticsState(applyPreset(state, preset)).toString()}`} aria-current={activePreset?.id === preset.id ? 'true' : undefined} className="preset-link">
                {t(`analytics.presets.${preset.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AnalyticsControls
        // Starts again from the address whenever it changes (a preset, the back button).
        key={params.toString()}
        state={state}
        onAsk={ask}
      />
      {refused ? <AnalyticsProblem error={error} /> : null}
      {body}
    </>
  );
}

function AnalyticsResult({ table, language, query, variables, busy }: { table: AnalyticsTableData; language: string; query: string; variables: Record<string, unknown>; busy: boolean }) {
  const { t } = useTranslation();
  const model = chartModel(table, t);
  const hasRows = table.rows.length > 0 || table.groupBy.length === 0;
  return (
    <div aria-busy={busy} className="analytics-result">
      <dl className="facts analytics-facts" data-testid="analytics-facts">
        <dt>{t('analytics.facts.range')}</dt>
        <dd>{t('analytics.facts.rangeValue', { from: formatPeriod(table.from, 'MONTHLY', t), to: formatPeriod(table.to, 'MONTHLY', t) })}</dd>
        <dt>{t('analytics.facts.dataAsOf')}</dt>
        <dd data-testid="data-as-of">{formatDateTime(table.dataChangedAt, t)}</dd>
        <dt>{t('analytics.facts.threshold')}</dt>
        <dd data-testid="threshold">
          {t('analytics.facts.thresholdValue', { threshold: table.suppressionThreshold, max: Math.max(table.suppressionThreshold - 1, 1) })}{' '}
          {t('analytics.facts.withheldCount', { count: table.suppressedCount })}
        </dd>
      </dl>

      {hasRows ? (
        <section aria-labelledby="analytics-figures-heading">
          <div className="section-head">
            <h2 id="analytics-figures-heading">{t('analytics.figuresHeading')}</h2>
          </div>
          <div className="chart-with-table">
            <AnalyticsChart model={model} language={language} />
            <p className="field-hint" data-testid="chart-note">
              {model.metric ? t('analytics.chart.onlyMetric', { metric: t(`analytics.metric.${model.metric}`) }) : null}{' '}
              {model.seriesLeftOut > 0 ? t('analytics.chart.seriesLeftOut', { count: model.seriesLeftOut }) : null}{' '}
              {model.withheld > 0 ? t('analytics.chart.withheldNotDrawn', { count: model.withheld }) : null}
            </p>
            <AnalyticsTable table={table} language={language} />
          </div>
        </section>
      ) : (
        <div className="empty-state" data-testid="analytics-empty">
          <p className="empty-state-title">{t('analytics.emptyTitle')}</p>
          <p>{t('analytics.emptyHint')}</p>
        </div>
      )}

      <section aria-labelledby="analytics-downloads-heading">
        <h2 id="analytics-downloads-heading">{t('analytics.downloadsHeading')}</h2>
        <p className="field-hint">{t('analytics.downloadsHint')}</p>
        <ExportButtons query={query} variables={variables} />
      </section>

      <QueryPanel query={query} variables={variables} />
    </div>
  );
}
