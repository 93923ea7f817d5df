import { describe, expect, it } from 'vitest';
import { languageFromAcceptLanguage, pickLocalised } from './language.js';

describe('pickLocalised', () => {
  const full = { kk: 'Теміртау', ru: 'Темиртау', en: 'Temirtau' };

  it('returns the wanted language when present', () => {
    expect(pickLocalised(full, 'kk')).toBe('Теміртау');
    expect(pickLocalised(full, 'en')).toBe('Temirtau');
  });

  it('falls back to Russian, then Kazakh, then English', () => {
    expect(pickLocalised({ kk: 'Теміртау', ru: 'Темиртау', en: null }, 'en')).toBe('Темиртау');
    expect(pickLocalised({ kk: 'Теміртау', ru: '  ', en: '' }, 'en')).toBe('Теміртау');
    expect(pickLocalised({ en: 'Temirtau' }, 'kk')).toBe('Temirtau');
    expect(pickLocalised({}, 'ru')).toBe('');
  });
});

describe('languageFromAcceptLanguage', () => {
  it('picks the highest-quality supported language', () => {
    expect(languageFromAcceptLanguage('kk-KZ,kk;q=0.9,ru;q=0.8')).toBe('kk');
    expect(languageFromAcceptLanguage('de-DE, en;q=0.5, ru;q=0.7')).toBe('ru');
    expect(languageFromAcceptLanguage('EN-gb')).toBe('en');
  });

  it('ignores unsupported, zero-quality and malformed parts', () => {
    expect(languageFromAcceptLanguage('de, fr;q=0.8')).toBeUndefined();
    expect(languageFromAcceptLanguage('ru;q=0, en;q=0.1')).toBe('en');
    expect(languageFromAcceptLanguage('*;q=0.5')).toBeUndefined();
    expect(languageFromAcceptLanguage(';;,')).toBeUndefined();
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
  });
});
