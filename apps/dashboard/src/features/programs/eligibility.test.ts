import { describe, expect, it } from 'vitest';
import { createI18n } from '../../app/i18n/i18n';
import { durationText, eligibilityLines, eligibilitySummary } from './eligibility';

const SCHOOL = { minAge: 21, maxAge: 35, ageExceptionReason: null, minEducation: 'MASTER' as const, ruralOnly: false, anonymous: false };
const RELATIVES = { minAge: 18, maxAge: 80, ageExceptionReason: 'Relatives of any adult age', minEducation: 'NONE' as const, ruralOnly: true, anonymous: true };

describe('eligibility in plain words', () => {
  const { t } = createI18n('en', { browserLanguages: [] });

  it('says who may take part, one rule per line', () => {
    expect(eligibilityLines(SCHOOL, t)).toEqual([
      'Ages 21–35',
      "Education: Master's degree or higher",
      'Open to young people from towns and villages',
    ]);
    expect(eligibilityLines(RELATIVES, t)).toEqual([
      'Ages 18–80, outside the usual 14–35: Relatives of any adult age',
      'No education requirement',
      'Only for young people from villages',
      'An anonymous support group: members are never named, only counted.',
    ]);
  });

  it('sums it up for a row of the list', () => {
    expect(eligibilitySummary(SCHOOL, t)).toBe("21–35 · Master's degree or higher");
    expect(eligibilitySummary(RELATIVES, t)).toBe('18–80 · villages only · anonymous');
  });

  it('counts weeks with the plural rules of each language', () => {
    expect(durationText(5, t)).toBe('5 weeks');
    expect(durationText(null, t)).toBe('Ongoing, no fixed length');
    const ru = createI18n('ru', { browserLanguages: [] });
    expect([1, 2, 5, 21].map((weeks) => durationText(weeks, ru.t))).toEqual(['1 неделя', '2 недели', '5 недель', '21 неделя']);
    expect(durationText(5, createI18n('kk', { browserLanguages: [] }).t)).toBe('5 апта');
  });
});
