import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { bundledLocales } from '../app/i18n/bundled-locales';
import { provideLocales } from '../app/i18n/locale-backend';

// The app downloads one language when it is first spoken; tests have all three at hand, so every
// i18n instance they create translates from its first render.
provideLocales(bundledLocales);

// `pnpm test` runs these beside the API suites on two cores: a lazily loaded page may take more than
// testing-library's default second to appear without anything being wrong.
// Generous: on CI the API's tests share the two cores with these.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  document.documentElement.removeAttribute('lang');
});
