import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@mrc/domain';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import kk from './locales/kk.json';
import ru from './locales/ru.json';
import { initialLanguage, rememberLanguage } from './language-preference';

// Bundled, not fetched: the three files are a few kilobytes, and a switch must work offline.
export const resources = {
  kk: { translation: kk },
  ru: { translation: ru },
  en: { translation: en },
} as const satisfies Record<Language, { translation: object }>;

export interface I18nEnvironment {
  storage?: Storage | undefined;
  browserLanguages?: readonly string[];
  document?: Document | undefined;
}

function browserEnvironment(): I18nEnvironment {
  return {
    storage: safeLocalStorage(),
    browserLanguages: typeof navigator === 'undefined' ? [] : navigator.languages,
    document: typeof document === 'undefined' ? undefined : document,
  };
}

/**
 * A fresh i18next instance (tests get their own). Every language change is remembered and written to
 * <html lang>, so screen readers pronounce the page in the right language and CSS can follow it.
 */
export function createI18n(language?: Language, environment: I18nEnvironment = browserEnvironment()): I18n {
  const instance = i18next.createInstance();
  instance.on('languageChanged', (next: string) => {
    if (!isLanguage(next)) return;
    rememberLanguage(environment.storage, next);
    if (environment.document) environment.document.documentElement.lang = next;
  });
  void instance.use(initReactI18next).init({
    resources,
    lng: language ?? initialLanguage(environment.storage, environment.browserLanguages ?? []),
    supportedLngs: [...LANGUAGES],
    // Russian is the language every record and every user has; tests keep the files complete,
    // this only guards against a key slipping through.
    fallbackLng: DEFAULT_LANGUAGE,
    // Resources are in memory: initialise synchronously so the first render is already translated.
    initAsync: false,
    returnEmptyString: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  });
  return instance;
}

/** The language the instance currently speaks, as one of ours. */
export function currentLanguage(instance: I18n): Language {
  const language = instance.resolvedLanguage ?? instance.language;
  return isLanguage(language) ? language : DEFAULT_LANGUAGE;
}

function safeLocalStorage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    // Reading the property itself throws when the browser blocks storage for this site.
    return undefined;
  }
}
