import { describe, expect, it } from 'vitest';
import { formatShare, planPoints } from './rollout-progress';
import { progress } from './rollout.fixtures';

const label = (month: string) => month;

describe("the plan-against-actual chart's points", () => {
  it('leaves launches blank for months still to come', () => {
    const points = planPoints(progress(), '2026-11-26', label);

    expect(points.map((point) => [point.label, point.planned, point.launched])).toEqual([
      ['2026-06', 0, 0],
      ['2026-07', 1, 1],
      ['2026-08', 2, 1],
      ['2026-10', 3, 1],
      ['2026-11', 3, 2],
      ['2027-01', 4, null],
      ['2027-03', 7, null],
    ]);
    expect(points.every((point) => point.forecast === null)).toBe(true);
  });

  it("draws the forecast from this month's launches to the whole plan in the forecast's month, adding the months up to it", () => {
    const points = planPoints(progress({ forecastOn: '2027-05-04' }), '2026-11-26', label);

    expect(points.map((point) => point.label).slice(-3)).toEqual(['2027-03', '2027-04', '2027-05']);
    expect(points.find((point) => point.label === '2026-11')!.forecast).toBe(2);
    expect(points.at(-1)).toEqual({ label: '2027-05', planned: 7, launched: null, forecast: 7 });
    expect(points.filter((point) => point.forecast !== null)).toHaveLength(2);
  });

  it('draws no forecast once the plan is done', () => {
    const done = progress({ forecastOn: '2026-11-26', network: { __typename: 'RolloutTotals', planned: 7, launched: 7, active: 7, late: 0, share: 1 } });

    expect(planPoints(done, '2026-11-26', label).every((point) => point.forecast === null)).toBe(true);
  });
});

describe('a share of the plan', () => {
  it('is a whole percentage in the UI language, or a dash when nothing is planned', () => {
    expect(formatShare(15 / 97, 'en')).toBe('15%');
    expect(formatShare(0.5, 'ru')).toMatch(/^50\s%$/);
    expect(formatShare(null, 'kk')).toBe('–');
  });
});
