import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ChartModel } from './analytics-chart-model';

/** Told apart by more than colour: the legend names each, lines differ by marker and dash too. */
const COLOURS = ['#0b5cad', '#a35200', '#2e7d32', '#6a1b9a', '#b3261e', '#00727d', '#4a5360', '#9c2a6b'];
const DASHES = ['', '6 4', '2 4', '10 4 2 4', '', '6 4', '2 4', '10 4 2 4'];

/**
 * The aggregate as a chart. Hidden from screen readers: the table below it holds the same figures
 * (withheld ones marked in words), which is what they get. Part of the analytics page's own chunk.
 */
export function AnalyticsChart({ model, language }: { model: ChartModel; language: string }) {
  const format = (value: unknown) => (typeof value === 'number' ? new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value) : '–');
  const common = { responsive: true, style: { width: '100%', height: 300 }, data: model.points, margin: { top: 8, right: 16, bottom: 8, left: 0 }, accessibilityLayer: false } as const;
  return (
    <div className="rate-chart analytics-chart" aria-hidden="true" data-testid="analytics-chart" data-kind={model.kind}>
      {model.kind === 'line' ? (
        <LineChart {...common}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d6dd" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} />
          <YAxis tickFormatter={format} width={60} tick={{ fontSize: 12 }} />
          <Tooltip formatter={format} />
          <Legend itemSorter={null} />
          {model.series.map((series, index) => (
            <Line
              key={series.key}
              type="monotone"
              dataKey={series.key}
              name={series.name}
              stroke={COLOURS[index % COLOURS.length]}
              strokeWidth={2}
              strokeDasharray={series.dashed ? '6 4' : DASHES[index % DASHES.length]}
              dot={{ r: 4, strokeDasharray: '' }}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      ) : (
        <BarChart {...common}>
          <CartesianGrid strokeDasharray="3 3" stroke="#d0d6dd" />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} angle={model.points.length > 6 ? -30 : 0} textAnchor={model.points.length > 6 ? 'end' : 'middle'} height={model.points.length > 6 ? 70 : 30} />
          <YAxis tickFormatter={format} width={60} tick={{ fontSize: 12 }} />
          <Tooltip formatter={format} />
          <Legend itemSorter={null} />
          {model.series.map((series, index) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={series.name}
              fill={COLOURS[index % COLOURS.length]}
              fillOpacity={series.dashed ? 0.45 : 1}
              stroke={COLOURS[index % COLOURS.length]}
              strokeDasharray={series.dashed ? '4 2' : undefined}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      )}
    </div>
  );
}
