import { useTranslation } from 'react-i18next';
import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';

export interface RatePoint {
  /** The period's short name, on the axis. */
  label: string;
  /** Percentages, null where nothing was expected. */
  completeness: number | null;
  timeliness: number | null;
}

/**
 * The network's completeness and timeliness over time. The lines differ by dash and marker as well
 * as colour; the same figures are in the table beside the chart, which is what screen readers get.
 * Part of the completeness page's own chunk: recharts is downloaded only by those who open it.
 */
export function CompletenessChart({ points }: { points: RatePoint[] }) {
  const { t } = useTranslation();
  const percent = (value: unknown) => (typeof value === 'number' ? `${value}\u00a0%` : '–');
  return (
    <div className="rate-chart" aria-hidden="true" data-testid="rate-chart">
      <LineChart responsive style={{ width: '100%', height: 280 }} data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }} accessibilityLayer={false}>
        <CartesianGrid strokeDasharray="3 3" stroke="#d0d6dd" />
        <XAxis dataKey="label" tick={{ fontSize: 12 }} />
        <YAxis domain={[0, 100]} tickFormatter={percent} width={60} tick={{ fontSize: 12 }} />
        <Tooltip formatter={percent} />
        <Legend />
        <Line
          type="monotone"
          dataKey="completeness"
          name={t('reports.grid.completeness')}
          stroke="#0b5cad"
          strokeWidth={2}
          dot={{ r: 4 }}
          connectNulls
          isAnimationActive={false}
        />
        <Line
          type="monotone"
          dataKey="timeliness"
          name={t('reports.grid.timeliness')}
          stroke="#a35200"
          strokeWidth={2}
          strokeDasharray="6 4"
          dot={{ r: 4, strokeDasharray: '' }}
          connectNulls
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
