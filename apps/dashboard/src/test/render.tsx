import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import type { Language } from '@mrc/domain';
import { render, type RenderResult } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { createCache } from '../app/apollo/apollo-client';
import { createI18n } from '../app/i18n/i18n';
import { routes } from '../app/router';

interface RenderAppOptions {
  path?: string;
  language?: Language;
  mocks?: ReadonlyArray<MockLink.MockedResponse>;
}

/** Renders the real routes, layout and i18n at `path`, with the GraphQL API replaced by mocks. */
export function renderApp({ path = '/', language = 'en', mocks = [] }: RenderAppOptions = {}): RenderResult & {
  i18n: I18n;
} {
  const i18n = createI18n(language, { storage: localStorage, browserLanguages: [], document });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MockedProvider mocks={mocks} cache={createCache()}>
        <RouterProvider router={router} />
      </MockedProvider>
    </I18nextProvider>,
  );
  return { ...result, i18n };
}
