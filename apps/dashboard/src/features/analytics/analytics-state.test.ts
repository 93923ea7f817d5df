import { describe, expect, it } from 'vitest';
import { applyPreset, dimensionFitsMetrics, presetOf, PRESETS, readAnalyticsState, writeAnalyticsState, type AnalyticsState } from './analytics-state';

describe('the analytics question in the address', () => {
  it('round-trips every field: what is written is read back the same', () => {
    const state: AnalyticsState = {
      metrics: ['SUPPORT_GROUP_MEETINGS', 'SUPPORT_GROUP_ATTENDANCE'],
      groupBy: ['QUARTER', 'CENTRE'],
      from: '2025-10',
      to: '2026-09',
      centreKinds: ['RURAL_DISTRICT', 'CITY'],
      compare: true,
    };
    const written = writeAnalyticsState(state);
    expect(written.toString()).toBe('metrics=SUPPORT_GROUP_MEETINGS%2CSUPPORT_GROUP_ATTENDANCE&by=QUARTER%2CCENTRE&from=2025-10&to=2026-09&kinds=RURAL_DISTRICT%2CCITY&compare=1');
    expect(readAnalyticsState(new URLSearchParams(written.toString()))).toEqual(state);
  });

  it('asks the first preset when the address says nothing', () => {
    const state = readAnalyticsState(new URLSearchParams(''));
    expect(presetOf(state)?.id).toBe('reach-by-district-and-quarter');
    expect(state).toMatchObject({ from: null, to: null, centreKinds: [], compare: false });
  });

  it('drops what is not ours rather than sending it to the API: unknown names, repeats, bad months, a third dimension', () => {
    const state = readAnalyticsState(new URLSearchParams('metrics=EVENTS_HELD,NOPE,EVENTS_HELD&by=CENTRE,,MONTH,YEAR&from=2026-13&to=2026-09&kinds=MOON,CITY&compare=yes'));
    expect(state).toEqual({ metrics: ['EVENTS_HELD'], groupBy: ['CENTRE', 'MONTH'], from: null, to: '2026-09', centreKinds: ['CITY'], compare: false });
  });

  it('keeps totals only (no dimension) when the address asks for that', () => {
    expect(readAnalyticsState(new URLSearchParams('metrics=EVENTS_HELD&by=&compare=0')).groupBy).toEqual([]);
  });

  it('applies a preset over the months and kinds already chosen, and recognises it afterwards', () => {
    const start = readAnalyticsState(new URLSearchParams('metrics=EVENTS_HELD&by=MONTH&from=2026-01&to=2026-06&kinds=CITY&compare=0'));
    for (const preset of PRESETS) {
      const next = applyPreset(start, preset);
      expect(next).toMatchObject({ from: '2026-01', to: '2026-06', centreKinds: ['CITY'] });
      expect(presetOf(next)?.id).toBe(preset.id);
      // Every preset is a question the API answers: each dimension fits each metric.
      for (const dimension of preset.groupBy) expect(dimensionFitsMetrics(dimension, preset.metrics)).toBe(true);
    }
  });

  it('offers a dimension only when every chosen metric breaks down by it', () => {
    expect(dimensionFitsMetrics('AGE_BAND', ['YOUNG_PEOPLE_REACHED'])).toBe(true);
    expect(dimensionFitsMetrics('AGE_BAND', ['YOUNG_PEOPLE_REACHED', 'EVENTS_HELD'])).toBe(false);
    expect(dimensionFitsMetrics('CLUB_TYPE', ['ROLLOUT_PLANNED', 'ROLLOUT_LAUNCHED'])).toBe(true);
    expect(dimensionFitsMetrics('QUARTER', ['REPORTS_EXPECTED', 'SUPPORT_GROUP_MEETINGS'])).toBe(true);
  });
});
