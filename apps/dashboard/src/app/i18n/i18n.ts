import { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from '@mrc/domain';
import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { hasChosenLanguage, initialLanguage, rememberLanguage, rememberLanguageChosen } from './language-preference';
import { localeBackend } from './locale-backend';

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
 * The messages of a language are downloaded when it is first spoken (locale-backend.ts); wait for
 * whenTranslated before the first render. A switch loads the new language before it changes anything.
 */
export function createI18n(language?: Language, environment: I18nEnvironment = browserEnvironment()): I18n {
  const instance = i18next.createInstance();
  Object.defineProperty(instance, ENVIRONMENT, { value: environment, enumerable: false });
  instance.on('languageChanged', (next: string) => {
    if (!isLanguage(next)) return;
    rememberLanguage(environment.storage, next);
    if (environment.document) environment.document.documentElement.lang = next;
  });
  void instance
    .use(localeBackend)
    .use(initReactI18next)
    .init({
      lng: language ?? initialLanguage(environment.storage, environment.browserLanguages ?? []),
      supportedLngs: [...LANGUAGES],
      // No fallback language: locales.test.ts keeps the three files complete, and a fallback would
      // make every visit download a second language it never shows.
      fallbackLng: false,
      // Start loading at once rather than on the next tick; with messages already provided (the
      // tests) the instance is then ready before createI18n returns.
      initAsync: false,
      returnEmptyString: false,
      // React escapes what it renders.
      interpolation: { escapeValue: false },
    });
  return instance;
}

/**
 * Settles once the starting language's messages are in (or could not be fetched even after retries:
 * the page then renders anyway rather than stay blank).
 */
export function whenTranslated(instance: I18n): Promise<void> {
  if (instance.isInitialized) return Promise.resolve();
  return new Promise((resolve) => {
    instance.on('initialized', () => resolve());
  });
}

/**
 * Where an instance keeps its environment. An own property, not a WeakMap keyed by the instance:
 * react-i18next's useTranslation hands out copies of the instance (own properties included).
 */
const ENVIRONMENT = Symbol('mrc.i18n.environment');

function environmentOf(instance: I18n): I18nEnvironment | undefined {
  return Reflect.get(instance, ENVIRONMENT) as I18nEnvironment | undefined;
}

/** The person picked `language` with the switch: it wins over their account's language from now on. */
export function chooseLanguage(instance: I18n, language: Language): Promise<unknown> {
  rememberLanguageChosen(environmentOf(instance)?.storage);
  return instance.changeLanguage(language);
}

/**
 * After signing in: speak the account's preferred language, unless the person already chose one with
 * the switch on this browser (a shared computer, a colleague reading along).
 */
export async function applyAccountLanguage(instance: I18n, language: Language): Promise<void> {
  if (hasChosenLanguage(environmentOf(instance)?.storage) || currentLanguage(instance) === language) return;
  await instance.changeLanguage(language);
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
