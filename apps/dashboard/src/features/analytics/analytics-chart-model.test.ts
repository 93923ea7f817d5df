import { createI18n } from '../../app/i18n/i18n';
import { describe, expect, it } from 'vitest';
import { figure, reachByDistrictAndQuarter, row, SARAN, TEMIRTAU, withheld } from './analytics.fixtures';
import { chartModel } from './analytics-chart-model';

const { t } = createI18n('en', { storage: undefined, browserLanguages: [], document: undefined });

describe('what the analytics chart draws', () => {
  it('puts the dimension with more values along the axis and a series per value of the other, in time order', () => {
    const table = {
      ...reachByDistrictAndQuarter(),
      rows: [
        row({ centre: SARAN, quarter: '2026-Q3' }, [figure('YOUNG_PEOPLE_REACHED', 30)]),
        row({ centre: TEMIRTAU, quarter: '2026-Q2' }, [figure('YOUNG_PEOPLE_REACHED', 40)]),
        row({ centre: TEMIRTAU, quarter: '2026-Q3' }, [withheld('YOUNG_PEOPLE_REACHED')]),
        row({ centre: { __typename: 'Centre', id: 'c-9', name: 'Abay' }, quarter: '2026-Q2' }, [figure('YOUNG_PEOPLE_REACHED', 50)]),
      ],
    };
    const model = chartModel(table, t);
    expect(model.kind).toBe('bar');
    expect(model.points.map((point) => point.label)).toEqual(['Saran', 'Temirtau', 'Abay']);
    expect(model.series.map((series) => series.name)).toEqual(['Q2 2026', 'Q3 2026']);
    expect(model.points[1]).toEqual({ label: 'Temirtau', s0: 40, s1: null });
    expect(model.withheld).toBe(1);
  });

  it('draws one line per metric, and the year before dashed, along a time dimension', () => {
    const table = {
      ...reachByDistrictAndQuarter(),
      groupBy: ['QUARTER' as const],
      rows: [row({ quarter: '2026-Q2' }, [figure('YOUNG_PEOPLE_REACHED', 10, { yearBefore: 8, yearBeforeSuppressed: false, changePercent: 25 })])],
    };
    const model = chartModel(table, t);
    expect(model.kind).toBe('line');
    expect(model.series).toEqual([
      { key: 'm0', name: 'Young people reached' },
      { key: 'm0b', name: 'Young people reached, a year before', dashed: true },
    ]);
    expect(model.points).toEqual([{ label: 'Q2 2026', m0: 10, m0b: 8 }]);
  });
});
