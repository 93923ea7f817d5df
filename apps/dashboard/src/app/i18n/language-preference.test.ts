import { describe, expect, it } from 'vitest';
import { initialLanguage, LANGUAGE_STORAGE_KEY, rememberLanguage } from './language-preference';

function storageWith(value: string | null): Pick<Storage, 'getItem'> {
  return { getItem: (key) => (key === LANGUAGE_STORAGE_KEY ? value : null) };
}

describe('initialLanguage', () => {
  it('prefers the remembered choice over the browser', () => {
    expect(initialLanguage(storageWith('kk'), ['en-US', 'ru'])).toBe('kk');
  });

  it('takes the first browser language we speak, by its primary subtag', () => {
    expect(initialLanguage(storageWith(null), ['de-DE', 'kk-KZ', 'ru'])).toBe('kk');
    expect(initialLanguage(undefined, ['EN-gb'])).toBe('en');
  });

  it('ignores a remembered value that is not one of our languages', () => {
    expect(initialLanguage(storageWith('de'), ['ru-RU'])).toBe('ru');
  });

  it('falls back to Russian', () => {
    expect(initialLanguage(storageWith(null), ['de', 'fr'])).toBe('ru');
    expect(initialLanguage(undefined, [])).toBe('ru');
  });

  it('survives storage that throws', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(initialLanguage(blocked, ['en'])).toBe('en');
  });
});

describe('rememberLanguage', () => {
  it('stores the choice, and swallows a storage that refuses', () => {
    const saved = new Map<string, string>();
    rememberLanguage({ setItem: (key, value) => void saved.set(key, value) }, 'kk');
    expect(saved.get(LANGUAGE_STORAGE_KEY)).toBe('kk');
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => rememberLanguage(full, 'ru')).not.toThrow();
  });
});
