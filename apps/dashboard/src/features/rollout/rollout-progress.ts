import type { RolloutProgressQuery } from '../../gql/graphql';
import type { PlanPoint } from './RolloutChart';

export type Progress = RolloutProgressQuery['rolloutProgress'];

/** The next month of a `YYYY-MM`. */
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

/**
 * The chart's points: the API's months of plan against actual, with launches left blank for months
 * still to come (the API carries today's count forward, which would read as launches that have not
 * happened), and the forecast drawn from this month's launches to the whole plan in the forecast's
 * month, adding the months up to it when the plan's timeline ends sooner.
 */
export function planPoints(progress: Pick<Progress, 'timeline' | 'forecastOn' | 'network'>, today: string, label: (month: string) => string): PlanPoint[] {
  const thisMonth = today.slice(0, 7);
  const points = progress.timeline.map((month) => ({
    month: month.month,
    planned: month.planned,
    launched: month.month <= thisMonth ? month.launched : null,
  }));
  const forecastMonth = progress.forecastOn?.slice(0, 7);
  const launchedNow = progress.network.launched;
  // A line from this month's launches to the whole plan, when the plan is not done and the forecast lies ahead.
  const drawForecast = forecastMonth !== undefined && forecastMonth > thisMonth && launchedNow < progress.network.planned;
  const last = points.at(-1);
  if (drawForecast && last) {
    for (let month = nextMonth(last.month); month <= forecastMonth; month = nextMonth(month)) {
      points.push({ month, planned: last.planned, launched: month <= thisMonth ? launchedNow : null });
    }
  }
  return points.map((point) => ({
    label: label(point.month),
    planned: point.planned,
    launched: point.launched,
    forecast: !drawForecast ? null : point.month === thisMonth ? launchedNow : point.month === forecastMonth ? progress.network.planned : null,
  }));
}

/** A share (0–1) as a whole percentage in the UI language; "–" when nothing is planned. */
export function formatShare(share: number | null | undefined, language: string): string {
  if (share === null || share === undefined) return '–';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
