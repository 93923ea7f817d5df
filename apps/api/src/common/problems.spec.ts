import { describe, expect, it } from '@jest/globals';
import { LANGUAGES } from '@mrc/domain';
import { PROBLEM_MESSAGES, problemMessage } from './problems.js';

describe('PROBLEM_MESSAGES', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

  it('says every problem in all three languages, each naming the same values', () => {
    for (const [code, messages] of Object.entries(PROBLEM_MESSAGES)) {
      for (const language of LANGUAGES) expect([code, messages[language].trim().length > 0]).toEqual([code, true]);
      expect([code, placeholders(messages.kk), placeholders(messages.ru)]).toEqual([code, placeholders(messages.en), placeholders(messages.en)]);
    }
  });

  it('fills in the values, and prefers a rule\'s own English wording', () => {
    expect(problemMessage({ code: 'centreClosed', params: { day: '2026-01-31' } }, 'ru')).toBe('центр закрыт 2026-01-31; сначала откройте его снова');
    expect(problemMessage({ code: 'max', english: 'must be at most 100' }, 'en')).toBe('must be at most 100');
    expect(problemMessage({ code: 'max', english: 'must be at most 100' }, 'kk')).toBe('мәні тым үлкен');
  });
});
