import { CENTRE_KINDS, type AnalyticsDimension, type AnalyticsMetric, type CentreKind } from '@mrc/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckboxField, Field } from '../../app/ui/Field';
import { DIMENSIONS, dimensionFitsMetrics, MAX_DIMENSIONS, MAX_METRICS, METRIC_GROUPS, type AnalyticsState } from './analytics-state';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

type Problems = Partial<Record<'metrics' | 'by0' | 'by1' | 'from' | 'to', string>>;

/**
 * The question as a form: which figures, broken down by up to two dimensions, over which months and
 * kinds of centre, and against the year before. Nothing is asked until "Show": then the question
 * goes into the address, which the page reads.
 */
export function AnalyticsControls({ state, onAsk }: { state: AnalyticsState; onAsk: (next: AnalyticsState) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AnalyticsState>(state);
  const [problems, setProblems] = useState<Problems>({});
  const metricsId = useId();
  const kindsId = useId();

  const toggleMetric = (metric: AnalyticsMetric, on: boolean) => {
    const metrics = on ? [...draft.metrics, metric] : draft.metrics.filter((entry) => entry !== metric);
    setDraft({ ...draft, metrics });
  };
  const toggleKind = (kind: CentreKind, on: boolean) => {
    const centreKinds = on ? [...draft.centreKinds, kind] : draft.centreKinds.filter((entry) => entry !== kind);
    setDraft({ ...draft, centreKinds });
  };
  const setDimension = (position: number, value: string) => {
    const groupBy = [...draft.groupBy];
    if (value === '') groupBy.splice(position);
    else groupBy[position] = value as AnalyticsDimension;
    setDraft({ ...draft, groupBy: groupBy.filter((entry, index) => groupBy.indexOf(entry) === index).slice(0, MAX_DIMENSIONS) });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: Problems = {};
    if (draft.metrics.length === 0) found.metrics = t('analytics.controls.noMetric');
    draft.groupBy.forEach((dimension, index) => {
      if (!dimensionFitsMetrics(dimension, draft.metrics)) found[index === 0 ? 'by0' : 'by1'] = t('analytics.controls.dimensionNotForMetrics');
    });
    if (draft.from && !MONTH.test(draft.from)) found.from = t('analytics.controls.monthHint');
    if (draft.to && !MONTH.test(draft.to)) found.to = t('analytics.controls.monthHint');
    if (!found.from && !found.to && draft.from && draft.to && draft.from > draft.to) found.to = t('analytics.controls.toBeforeFrom');
    setProblems(found);
    if (Object.keys(found).length === 0) onAsk(draft);
  };

  const dimensionSelect = (position: number) => {
    const value = draft.groupBy[position] ?? '';
    const problem = problems[position === 0 ? 'by0' : 'by1'];
    return (
      <Field label={t(position === 0 ? 'analytics.controls.by' : 'analytics.controls.thenBy')} error={problem}>
        {(control) => (
          <select {...control} name={`by${position}`} value={value} disabled={position > 0 && draft.groupBy.length === 0} onChange={(event) => setDimension(position, event.target.value)}>
            <option value="">{t('analytics.controls.noDimension')}</option>
            {DIMENSIONS.map((dimension) => {
              const fits = dimensionFitsMetrics(dimension, draft.metrics);
              // A dimension chosen in the other list may be picked here too: it moves (the rows keep each once).
              return (
                <option key={dimension} value={dimension} disabled={!fits && value !== dimension}>
                  {fits ? t(`analytics.dimension.${dimension}`) : t('analytics.controls.dimensionUnavailable', { dimension: t(`analytics.dimension.${dimension}`) })}
                </option>
              );
            })}
          </select>
        )}
      </Field>
    );
  };

  return (
    <form className="analytics-controls" aria-label={t('analytics.controls.label')} onSubmit={submit} noValidate>
      <fieldset className="analytics-metrics" aria-describedby={problems.metrics ? `${metricsId}-error` : `${metricsId}-hint`}>
        <legend>{t('analytics.controls.metrics')}</legend>
        <p id={`${metricsId}-hint`} className="field-hint">
          {t('analytics.controls.metricsHint', { max: MAX_METRICS })}
        </p>
        {problems.metrics ? (
          <p id={`${metricsId}-error`} className="field-error">
            {problems.metrics}
          </p>
        ) : null}
        <div className="analytics-metric-groups">
          {METRIC_GROUPS.map((group) => (
            <div key={group.id} className="analytics-metric-group" role="group" aria-labelledby={`${metricsId}-${group.id}`}>
              <p id={`${metricsId}-${group.id}`} className="analytics-metric-group-name">
                {t(`analytics.metricGroup.${group.id}`)}
              </p>
              {group.metrics.map((metric) => {
                const checked = draft.metrics.includes(metric);
                return (
                  <label key={metric} className="checkbox-line">
                    <input
                      type="checkbox"
                      name="metric"
                      value={metric}
                      checked={checked}
                      disabled={!checked && draft.metrics.length >= MAX_METRICS}
                      onChange={(event) => toggleMetric(metric, event.target.checked)}
                    />
                    {t(`analytics.metric.${metric}`)}
                  </label>
                );
              })}
            </div>
          ))}
        </div>
      </fieldset>

      <div className="filters analytics-filters">
        {dimensionSelect(0)}
        {dimensionSelect(1)}
        <Field label={t('analytics.controls.from')} hint={t('analytics.controls.monthHint')} error={problems.from}>
          {(control) => <input {...control} type="month" name="from" value={draft.from ?? ''} onChange={(event) => setDraft({ ...draft, from: event.target.value || null })} />}
        </Field>
        <Field label={t('analytics.controls.to')} hint={t('analytics.controls.monthHint')} error={problems.to}>
          {(control) => <input {...control} type="month" name="to" value={draft.to ?? ''} onChange={(event) => setDraft({ ...draft, to: event.target.value || null })} />}
        </Field>
        <fieldset className="analytics-kinds" aria-describedby={`${kindsId}-hint`}>
          <legend>{t('analytics.controls.centreKinds')}</legend>
          <p id={`${kindsId}-hint`} className="field-hint">
            {t('analytics.controls.centreKindsHint')}
          </p>
          {CENTRE_KINDS.map((kind) => (
            <label key={kind} className="checkbox-line">
              <input type="checkbox" name="kind" value={kind} checked={draft.centreKinds.includes(kind)} onChange={(event) => toggleKind(kind, event.target.checked)} />
              {t(`centreKind.${kind}`)}
            </label>
          ))}
        </fieldset>
        <CheckboxField label={t('analytics.controls.compare')} hint={t('analytics.controls.compareHint')} checked={draft.compare} name="compare" onChange={(compare) => setDraft({ ...draft, compare })} />
        <div className="form-actions">
          <button type="submit">{t('analytics.controls.show')}</button>
        </div>
      </div>
    </form>
  );
}
