import { isLanguage, type Language } from '@mrc/domain';
import type { BackendModule } from 'i18next';
/**
 * One language's messages. Typed loosely on purpose: locales.test.ts checks that the three files
 * agree key by key, with a message that names the key, which a type error here would not.
 */
export type LocaleMessages = { readonly [key: string]: unknown };

/** Messages handed over before any translation is asked for; see provideLocales. */
const provided = new Map<Language, LocaleMessages>();

/**
 * Makes languages available at once, without a download. The tests do this in their setup so that a
 * fresh i18n instance translates synchronously, as the app's first render does after main.tsx waited.
 */
export function provideLocales(locales: Partial<Record<Language, LocaleMessages>>): void {
  for (const [language, messages] of Object.entries(locales)) {
    if (isLanguage(language) && messages) provided.set(language, messages);
  }
}

/**
 * Each language is its own chunk, downloaded the first time it is spoken: a visitor pays for one
 * language, not three, and the first download stays within its budget (build/initial-js-budget.ts).
 * The template literal is what lets Vite see the three files and split them out.
 */
export async function importLocale(language: Language): Promise<LocaleMessages> {
  const module = (await import(`./locales/${language}.json`)) as { default: LocaleMessages };
  return module.default;
}

/** An i18next backend over the locale files beside this module. */
export const localeBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, _namespace, callback) {
    if (!isLanguage(language)) {
      callback(new Error(`There are no messages in "${language}".`), false);
      return;
    }
    const ready = provided.get(language);
    if (ready) {
      callback(null, ready);
      return;
    }
    importLocale(language).then(
      (messages) => callback(null, messages),
      // `true` asks i18next to try again a few times (a dropped connection on a slow line).
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), true),
    );
  },
};
