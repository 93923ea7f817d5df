import { describe, expect, it } from '@jest/globals';
import { publishedOrder } from './published-order.js';

/** The order rows are published in, on small tables whose right order is written out by hand. */
const cell = (...values: string[]) => ({ values });
const keys = (cells: { values: readonly string[] }[]) => cells.map((one) => one.values.join(' '));
const labels = { rank: new Map([['almaty', 2], ['balkhash', 1], ['temirtau', 3]]) };

describe('publishedOrder', () => {
  it('orders by the first dimension, then the next: names by rank, months in time, empty last', () => {
    const cells = [cell('temirtau', '2026-02'), cell('', '2026-01'), cell('balkhash', '2026-02'), cell('balkhash', ''), cell('balkhash', '2026-01'), cell('temirtau', '2026-01')];
    expect(keys(publishedOrder(['CENTRE', 'MONTH'], cells, labels))).toEqual([
      'balkhash 2026-01',
      'balkhash 2026-02',
      'balkhash ',
      'temirtau 2026-01',
      'temirtau 2026-02',
      ' 2026-01',
    ]);
  });

  it('puts bands, sexes and kinds in the domain\'s order, not the alphabet\'s', () => {
    const cells = [cell('AGE_25_35', 'MALE'), cell('AGE_14_17', 'MALE'), cell('AGE_18_24', 'FEMALE'), cell('AGE_14_17', 'FEMALE')];
    expect(keys(publishedOrder(['AGE_BAND', 'SEX'], cells, labels))).toEqual(['AGE_14_17 FEMALE', 'AGE_14_17 MALE', 'AGE_18_24 FEMALE', 'AGE_25_35 MALE']);
    const kinds = [cell('RURAL_DISTRICT'), cell('CITY_DISTRICT'), cell('REGIONAL'), cell('CITY')];
    expect(keys(publishedOrder(['CENTRE_KIND'], kinds, labels))).toEqual(['REGIONAL', 'CITY', 'CITY_DISTRICT', 'RURAL_DISTRICT']);
  });

  it('keeps cells that sort alike in the order they were read, also two names without a rank', () => {
    const cells = [cell('unranked-b', '2026-01'), cell('unranked-a', '2026-01'), cell('almaty', '2026-01'), cell('unranked-b', '2026-01')];
    // Both unranked names sort last and alike: the month cannot tell them apart, so the read order does.
    expect(keys(publishedOrder(['CENTRE', 'MONTH'], cells, labels))).toEqual(['almaty 2026-01', 'unranked-b 2026-01', 'unranked-a 2026-01', 'unranked-b 2026-01']);
  });

  it('orders a table of no dimension, one cell or none as given', () => {
    expect(keys(publishedOrder([], [cell()], labels))).toEqual(['']);
    expect(publishedOrder(['CENTRE'], [], labels)).toEqual([]);
  });
});
