import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import schemaSdl from '../../../../api/schema.gql?raw';
import { analyticsDocumentText, analyticsVariables } from './analytics-query';
import { DIMENSIONS, readAnalyticsState } from './analytics-state';

// The committed contract codegen reads: the page's documents are built at run time, so this is where
// a renamed field or argument is caught.
const schema = buildSchema(schemaSdl);

describe('the query the analytics page writes', () => {
  const shapes = [[], ...DIMENSIONS.map((dimension) => [dimension]), ...DIMENSIONS.flatMap((first) => DIMENSIONS.filter((second) => second !== first).map((second) => [first, second]))];

  it.each([false, true])('is valid against the committed schema for every dimension and pair of dimensions (year before: %s)', (compare) => {
    for (const groupBy of shapes) {
      const errors = validate(schema, parse(analyticsDocumentText(groupBy, compare)));
      expect(errors.map((error) => error.message), groupBy.join(',')).toEqual([]);
    }
  });

  it('selects only the dimensions grouped by, and the year before only when asked', () => {
    const text = analyticsDocumentText(['PROGRAM', 'MONTH'], false);
    expect(text).toContain('program { id name }');
    expect(text).toContain('      month\n');
    expect(text).not.toContain('centre {');
    expect(text).not.toContain('yearBefore');
    expect(analyticsDocumentText([], true)).toContain('values { metric value suppressed yearBefore yearBeforeSuppressed changePercent }');
  });

  it('sends only the filters set', () => {
    expect(analyticsVariables(readAnalyticsState(new URLSearchParams('metrics=EVENTS_HELD&by=CENTRE&compare=0')))).toEqual({
      metrics: ['EVENTS_HELD'],
      groupBy: ['CENTRE'],
      compareWithYearBefore: false,
    });
    expect(analyticsVariables(readAnalyticsState(new URLSearchParams('metrics=EVENTS_HELD&by=&from=2026-01&kinds=CITY&compare=1')))).toEqual({
      metrics: ['EVENTS_HELD'],
      groupBy: [],
      filter: { from: '2026-01', centreKinds: ['CITY'] },
      compareWithYearBefore: true,
    });
  });
});
