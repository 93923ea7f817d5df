import 'i18next';
import type en from './locales/en.json';

// Keys are checked against the English file; locales.test.ts keeps the other two in step with it.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
