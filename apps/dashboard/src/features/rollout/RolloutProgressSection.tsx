import { useTranslation } from 'react-i18next';
import { formatLongDate } from '../../app/i18n/format-date';
import { downloadCsv } from '../reports/csv';
import { formatPeriod, formatPeriodShort } from '../reports/report-period';
import { RolloutChart } from './RolloutChart';
import { formatShare, planPoints, type Progress } from './rollout-progress';

/**
 * How far the plan is in detail: each club type's districts with the day it will reach them all at
 * today's pace, and plan against actual month by month as a chart beside its table.
 */
export function RolloutProgressSection({ progress, today }: { progress: Progress; today: string }) {
  return (
    <>
      <ClubTypeBars progress={progress} />
      <PlanAgainstActual progress={progress} today={today} />
    </>
  );
}

/** The whole plan in one line, above the matrix: share launched, active, late, and when it will be done. */
export function NetworkSummary({ progress }: { progress: Progress }) {
  const { t, i18n } = useTranslation();
  const { network } = progress;
  return (
    <section aria-labelledby="network-progress-heading">
      <h2 id="network-progress-heading" className="section-title">
        {t('rollout.progress.networkHeading')}
      </h2>
      <ul className="rollout-figures" data-testid="network-progress">
        <li>
          <span className="figure" data-testid="network-share">
            {formatShare(network.share, i18n.language)}
          </span>{' '}
          {t('rollout.progress.shareOfPlan', { launched: network.launched, planned: network.planned })}
        </li>
        <li>{t('rollout.progress.activeCount', { count: network.active })}</li>
        <li>{t('rollout.progress.lateCount', { count: network.late })}</li>
        <li data-testid="network-forecast">
          {progress.forecastOn ? t('rollout.progress.networkForecast', { date: formatLongDate(progress.forecastOn, t) }) : t('rollout.progress.noNetworkForecast')}
        </li>
      </ul>
    </section>
  );
}

function ClubTypeBars({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="types-progress-heading">
      <h2 id="types-progress-heading" className="section-title">
        {t('rollout.progress.typesHeading')}
      </h2>
      <ul className="type-bars" data-testid="type-progress">
        {progress.byClubType.map((row) => {
          const { planned, launched, late } = row.totals;
          const width = planned === 0 ? 0 : Math.round((launched / planned) * 100);
          let forecast: string;
          if (planned > 0 && launched >= planned) forecast = t('rollout.progress.typeDone');
          else if (row.forecastOn) forecast = t('rollout.progress.typeForecast', { date: formatLongDate(row.forecastOn, t) });
          else forecast = t('rollout.progress.typeNoForecast');
          return (
            <li key={row.clubType.id} data-testid="type-progress-row">
              <div className="type-bar-head">
                <span className="type-bar-name">{row.clubType.name}</span>
                <span>{t('rollout.progress.districtsOf', { launched, planned })}</span>
              </div>
              <span className="type-bar" aria-hidden="true">
                <span className="type-bar-fill" style={{ width: `${width}%` }} />
              </span>
              <p className="type-bar-note">
                {forecast}
                {late > 0 ? ` · ${t('rollout.progress.lateCount', { count: late })}` : ''}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function PlanAgainstActual({ progress, today }: { progress: Progress; today: string }) {
  const { t } = useTranslation();
  const thisMonth = today.slice(0, 7);
  const points = planPoints(progress, today, (month) => formatPeriodShort(month, 'MONTHLY', t));
  const csv = () =>
    downloadCsv('rollout-plan-vs-actual.csv', [
      [t('rollout.progress.month'), t('rollout.progress.plannedByMonthEnd'), t('rollout.progress.launchedByMonthEnd')],
      ...progress.timeline.map((month) => [month.month, month.planned, month.month <= thisMonth ? month.launched : null]),
    ]);
  return (
    <section aria-labelledby="plan-heading">
      <div className="section-head">
        <h2 id="plan-heading">{t('rollout.progress.planHeading')}</h2>
        <button type="button" className="button-secondary" onClick={csv}>
          {t('rollout.progress.downloadCsv')}
        </button>
      </div>
      <p className="forecast-statement" data-testid="forecast-statement">
        {progress.forecastOn ? t('rollout.progress.forecastStatement', { date: formatLongDate(progress.forecastOn, t) }) : t('rollout.progress.noForecastStatement')}
      </p>
      <details className="forecast-method">
        <summary>{t('rollout.progress.howForecast')}</summary>
        <p>{t('rollout.progress.methodSummary')}</p>
        {/* The API's own statement of its method, in the page's language (Accept-Language). */}
        <p className="field-hint">{t('rollout.progress.methodAsApi')}</p>
        <p data-testid="forecast-method">
          {progress.forecastMethod}
        </p>
      </details>
      <div className="chart-with-table plan-chart-with-table">
        <RolloutChart points={points} />
        {/* Focusable, so a keyboard can scroll the table where it is shorter than its rows. */}
        <div className="table-scroll plan-table-scroll" tabIndex={0} role="region" aria-label={t('rollout.progress.planCaption')}>
          <table className="data-table" data-testid="plan-table">
            <caption>{t('rollout.progress.planCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rollout.progress.month')}</th>
                <th scope="col" className="numeric">
                  {t('rollout.progress.plannedByMonthEnd')}
                </th>
                <th scope="col" className="numeric">
                  {t('rollout.progress.launchedByMonthEnd')}
                </th>
              </tr>
            </thead>
            <tbody>
              {progress.timeline.map((month) => (
                <tr key={month.month}>
                  <th scope="row">{formatPeriod(month.month, 'MONTHLY', t)}</th>
                  <td className="numeric">{month.planned}</td>
                  <td className="numeric">{month.month <= thisMonth ? month.launched : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
