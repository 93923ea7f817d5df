import { LANGUAGES, type Language } from '@mrc/domain';
import { describe, expect, it } from 'vitest';
import { bundledLocales } from './bundled-locales';

type Messages = { readonly [key: string]: unknown };

/** i18next's plural suffixes (JSON v4): `key_one`, `key_few`, ... */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Flattens nested messages to dotted keys ("centres.column.name") with their values. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [nested, nestedValue] of flatten(value as Messages, path)) flat.set(nested, nestedValue);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((match) => match[1] ?? '').sort();
}

/**
 * Every problem that would show a person a raw key, an empty label or a wrong plural: a message
 * missing or empty in some language, a plural family lacking a category that language's
 * Intl.PluralRules can select, or translations that disagree on their {{placeholders}}.
 */
function findLocaleProblems(locales: Record<Language, Messages>): string[] {
  const problems: string[] = [];
  const flat = new Map(LANGUAGES.map((language) => [language, flatten(locales[language])] as const));

  // A message is either plain ("nav.overview") or a plural family ("centres.childCount").
  const plain = new Set<string>();
  const pluralFamilies = new Set<string>();
  for (const messages of flat.values()) {
    for (const key of messages.keys()) {
      if (PLURAL_SUFFIX.test(key)) pluralFamilies.add(key.replace(PLURAL_SUFFIX, ''));
      else plain.add(key);
    }
  }

  // Every text of one message, in every language and plural form, must use the same placeholders.
  const placeholdersByKey = new Map<string, Map<string, string>>();
  const notePlaceholders = (key: string, where: string, text: string) => {
    const byPlace = placeholdersByKey.get(key) ?? new Map<string, string>();
    byPlace.set(where, placeholders(text).join(', '));
    placeholdersByKey.set(key, byPlace);
  };

  for (const language of LANGUAGES) {
    const messages = flat.get(language) ?? new Map<string, unknown>();
    for (const key of plain) {
      const value = messages.get(key);
      if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${language}: "${key}" is missing or empty`);
      } else {
        notePlaceholders(key, language, value);
      }
    }
    const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
    for (const family of pluralFamilies) {
      for (const category of categories) {
        const value = messages.get(`${family}_${category}`);
        if (typeof value !== 'string' || value.trim() === '') {
          problems.push(`${language}: plural "${family}_${category}" is missing or empty`);
        } else {
          notePlaceholders(family, `${language} ${category}`, value);
        }
      }
    }
  }

  for (const [key, byPlace] of placeholdersByKey) {
    if (new Set(byPlace.values()).size > 1) {
      const detail = [...byPlace].map(([where, names]) => `${where}: {${names}}`).join('; ');
      problems.push(`"${key}" uses different placeholders: ${detail}`);
    }
  }
  return problems;
}

describe('the check itself', () => {
  const complete = {
    kk: { a: 'Сәлем', n_one: '{{count}} орталық', n_other: '{{count}} орталық' },
    ru: { a: 'Привет', n_one: '{{count}} центр', n_few: '{{count}} центра', n_many: '{{count}} центров', n_other: '{{count}} центра' },
    en: { a: 'Hello', n_one: '{{count}} centre', n_other: '{{count}} centres' },
  };

  it('accepts complete locales', () => {
    expect(findLocaleProblems(complete)).toEqual([]);
  });

  it('reports a key missing in one language', () => {
    const { a: _dropped, ...withoutA } = complete.kk;
    expect(findLocaleProblems({ ...complete, kk: withoutA })).toEqual(['kk: "a" is missing or empty']);
  });

  it('reports an empty message', () => {
    expect(findLocaleProblems({ ...complete, en: { ...complete.en, a: ' ' } })).toEqual(['en: "a" is missing or empty']);
  });

  it("reports a plural form the language's rules need", () => {
    const { n_many: _dropped, ...withoutMany } = complete.ru;
    expect(findLocaleProblems({ ...complete, ru: withoutMany })).toEqual(['ru: plural "n_many" is missing or empty']);
  });

  it('reports translations that lose a placeholder', () => {
    const lost = findLocaleProblems({ ...complete, en: { ...complete.en, n_other: 'many centres' } });
    expect(lost).toHaveLength(1);
    expect(lost[0]).toContain('"n" uses different placeholders');
    expect(lost[0]).toContain('en other: {}');
  });
});

describe('the locale files', () => {
  it('have every message in Kazakh, Russian and English, with every plural form each needs', () => {
    const locales: Record<Language, Messages> = bundledLocales;
    expect(findLocaleProblems(locales)).toEqual([]);
  });

  it('need the plural categories this check assumes', () => {
    // Guards the check against an ICU without Kazakh or Russian rules, which would make it pass vacuously.
    expect(new Intl.PluralRules('kk').resolvedOptions().pluralCategories.sort()).toEqual(['one', 'other']);
    expect(new Intl.PluralRules('ru').resolvedOptions().pluralCategories.sort()).toEqual(['few', 'many', 'one', 'other']);
  });
});
