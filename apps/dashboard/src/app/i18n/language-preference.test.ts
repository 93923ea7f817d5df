import { describe, expect, it } from 'vitest';
import {
  hasChosenLanguage,
  initialLanguage,
  LANGUAGE_CHOSEN_KEY,
  LANGUAGE_STORAGE_KEY,
  rememberLanguage,
  rememberLanguageChosen,
} from './language-preference';

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

describe('the chosen-language flag', () => {
  it('tells a choice made with the switch from a guess', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (key: string) => saved.get(key) ?? null,
      setItem: (key: string, value: string) => void saved.set(key, value),
    };
    rememberLanguage(storage, 'en');
    expect(hasChosenLanguage(storage)).toBe(false);
    rememberLanguageChosen(storage);
    expect(hasChosenLanguage(storage)).toBe(true);
    expect(saved.get(LANGUAGE_CHOSEN_KEY)).toBe('true');
  });

  it('counts nothing as chosen when storage refuses', () => {
    const blocked = {
      getItem: () => {
        throw new DOMException('blocked', 'SecurityError');
      },
    };
    expect(hasChosenLanguage(blocked)).toBe(false);
    expect(hasChosenLanguage(undefined)).toBe(false);
  });
});
