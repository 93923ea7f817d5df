import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { WrittenLists } from '../src/graphql/written-lists.js';
import { DEMO, startTestApp, type TestApp } from './utils/test-app.js';

/**
 * An analytics table's rows are written straight to JSON (src/graphql/written-lists.ts). The text
 * must be the one graphql-js sends: two apps on one database, one writing and one not, are asked
 * the workbench's examples and tables naming every kind of record, in each language, and must
 * answer byte for byte the same. The writing app keeps its answers (the response cache, off in
 * other suites): a written answer asked again comes from memory, and must still be the same.
 */
describe('written lists', () => {
  let writing: TestApp;
  let completing: TestApp;
  let analyst: Record<string, string>;

  beforeAll(async () => {
    // One secret: a token either app signs is good at both.
    const AUTH_SECRET = 'written-lists-suite-0123456789abcdef0123456789';
    // Nothing in this suite writes: kept answers cannot go stale.
    writing = await startTestApp({ AUTH_SECRET, RESPONSE_CACHE_SECONDS: '300' });
    completing = await startTestApp({ AUTH_SECRET, WRITTEN_LISTS: 'false' }, { sameDatabase: writing });
    analyst = await writing.signIn(DEMO.analyst);
  });

  afterAll(async () => {
    await completing?.close();
    await writing?.close();
  });

  /** The writing app's answer, asked twice (the second time kept), and the completing app's. */
  async function answers(query: string, variables: Record<string, unknown>, language: string): Promise<[string, string]> {
    const ask = async (app: TestApp) => {
      const response = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language, ...analyst },
        body: JSON.stringify({ query, variables }),
      });
      return response.text();
    };
    const written = await ask(writing);
    expect(await ask(writing)).toBe(written);
    return [written, await ask(completing)];
  }

  const examples = readdirSync(join(process.cwd(), 'src/workbench/examples'))
    .filter((file) => file.endsWith('.graphql'))
    .map((file) => [file, readFileSync(join(process.cwd(), 'src/workbench/examples', file), 'utf8')] as const)
    .filter(([, query]) => query.includes('analytics('));

  const RECORDS = `query($groupBy: [AnalyticsDimension!], $metrics: [AnalyticsMetric!]!, $withValues: Boolean!) {
    analytics(metrics: $metrics, groupBy: $groupBy, compareWithYearBefore: true, filter: { from: "2025-01", to: "2026-06" }) {
      __typename rowCount suppressedCount
      rows {
        __typename
        ...Names
        parentCentre { id code kind name town parent { id name } }
        clubType { id code name description }
        program { id name }
        centreKind month quarter year ageBand sex
        values @include(if: $withValues) { metric value suppressed yearBefore yearBeforeSuppressed changePercent }
        first: values { value }
      }
      totals { metric value suppressed }
    }
  }
  fragment Names on AnalyticsRow { centre { id code kind name kk: name(lang: KK) en: name(lang: EN) ru: name(lang: RU) parent { name } } }`;

  it('answers the workbench examples as graphql-js does, in every language', async () => {
    expect(examples.length).toBeGreaterThan(3);
    const written = jest.spyOn(WrittenLists.prototype, 'add');
    try {
      for (const [file, query] of examples) {
        for (const language of ['kk', 'ru', 'en']) {
          const [fromWriting, fromCompleting] = await answers(query, {}, language);
          expect({ file, language, answer: fromWriting }).toEqual({ file, language, answer: fromCompleting });
          expect(fromWriting).toContain('"rows":[{');
        }
      }
      // Written by the first app (the second completes with graphql-js), once per example and language.
      expect(written).toHaveBeenCalledTimes(examples.length * 3);
    } finally {
      written.mockRestore();
    }
  });

  it.each([
    [['CENTRE', 'MONTH'], ['YOUNG_PEOPLE_REACHED', 'EVENTS_HELD']],
    [['PARENT_CENTRE', 'CENTRE_KIND', 'QUARTER'], ['YOUNG_PEOPLE_REACHED']],
    [['CLUB_TYPE', 'YEAR'], ['ROLLOUT_PLANNED', 'ROLLOUT_LAUNCHED', 'ROLLOUT_COVERAGE_PERCENT']],
    [['PROGRAM', 'MONTH'], ['PROGRAM_ATTENDANCE']],
    [['AGE_BAND', 'SEX'], ['YOUNG_PEOPLE_REACHED']],
  ])('answers a table by %j, naming its records, as graphql-js does', async (groupBy, metrics) => {
    const written = jest.spyOn(WrittenLists.prototype, 'add');
    try {
      for (const language of ['kk', 'ru', 'en']) {
        for (const withValues of [true, false]) {
          const [fromWriting, fromCompleting] = await answers(RECORDS, { groupBy, metrics, withValues }, language);
          expect(fromWriting).toBe(fromCompleting);
          expect(fromWriting).toContain('"rows":[{');
        }
      }
      // Once per language and variables: the second asking is a kept answer.
      expect(written).toHaveBeenCalledTimes(6);
    } finally {
      written.mockRestore();
    }
  });

  it('writes the rows beside another field that failed, with its error', async () => {
    const query = `{ analytics(metrics: [YOUNG_PEOPLE_REACHED], groupBy: [CENTRE]) { rows { centre { id name } values { value } } } centre(id: "00000000-0000-4000-8000-000000000000") { id } }`;
    const [fromWriting, fromCompleting] = await answers(query, {}, 'ru');
    expect(fromWriting).toBe(fromCompleting);
    const answer = JSON.parse(fromWriting) as { data: { analytics: { rows: unknown[] } }; errors: { extensions: { code: string } }[] };
    expect(answer.errors[0]!.extensions.code).toBe('NOT_FOUND');
    expect(answer.data.analytics.rows.length).toBeGreaterThan(3);
  });
});
