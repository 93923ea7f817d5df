import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface PlanPoint {
  /** The month's short name, on the axis. */
  label: string;
  /** Cumulative launches planned by the month's end. */
  planned: number;
  /** Cumulative launches by the month's end; null for months still to come. */
  launched: number | null;
  /** The pace so far carried forward: from this month's launches to the whole plan on the forecast day. */
  forecast: number | null;
}

/**
 * Plan against actual over time, with the forecast as a dotted line. The lines differ by dash and
 * marker as well as colour; the same figures are in the table beside the chart, which is what
 * screen readers get.
 */
export function RolloutChart({ points }: { points: PlanPoint[] }) {
  const { t } = useTranslation();
  // Without a forecast there is no line to draw, nor one to name in the legend.
  const hasForecast = points.some((point) => point.forecast !== null);
  return (
    <div className="rate-chart" aria-hidden="true" data-testid="plan-chart">
      <LineChart responsive style={{ width: '100%', height: 280 }} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d0d6dd" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis allowDecimals={false} width={48} tick={{ fontSize: 12 }} />
        <Tooltip />
        <Legend />
        <Line type="stepAfter" dataKey="planned" name={t('rollout.progress.planned')} stroke="#4a5360" strokeWidth={2} strokeDasharray="6 4" dot={false} isAnimationActive={false} />
        <Line type="monotone" dataKey="launched" name={t('rollout.progress.launched')} stroke="#0b5cad" strokeWidth={3} dot={{ r: 4 }} isAnimationActive={false} />
        {hasForecast ? (
          <Line
            type="linear"
            dataKey="forecast"
            name={t('rollout.progress.forecast')}
            stroke="#a35200"
            strokeWidth={2}
            strokeDasharray="2 4"
            dot={{ r: 3, strokeDasharray: '' }}
            connectNulls
            isAnimationActive={false}
          />
        ) : null}
      </LineChart>
    </div>
  );
}
