import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import type { RequestContext } from './request-context.js';

/**
 * The query explorer (GraphiQL) and who may look at the schema.
 *
 * - In production, introspection (`__schema`, `__type`) is for signed-in callers: an anonymous one
 *   hears UNAUTHENTICATED. Field suggestions ("did you mean …") are off for everyone there (armor).
 *   Development and tests keep both open (the dashboard's codegen reads the committed schema.gql).
 * - GET /graphql from a browser is the explorer page (explorerPage below, served by
 *   workbench/explorer.middleware.ts, which sees the request): GraphiQL from the installed package
 *   with everything inlined — the users' offices cannot be assumed to reach a CDN — that signs in
 *   with the dashboard's session cookie, opens with the schema's documentation, and offers the
 *   workbench's example library. In production, without a session it is a short page saying to
 *   sign in on the dashboard first.
 */

export const INTROSPECTION_REFUSED =
  'Sign in to read the schema: introspection is for signed-in users. Sign in on the dashboard, then open the explorer at /graphql.';

/** Refuses introspection to anonymous callers when `gated` (production). */
export function localExplorerPlugin({ gated }: { gated: boolean }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      if (!gated) return;
      return {
        // Checked per request, not among the validation rules: Apollo caches a document's validation,
        // and whether introspection may run depends on who asks.
        async didResolveOperation({ document, schema, contextValue }) {
          if (contextValue.actor) return;
          if (validate(schema, document, [NoSchemaIntrospectionCustomRule]).length === 0) return;
          throw new GraphQLError(INTROSPECTION_REFUSED, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
        },
      };
    },
  };
}

const DEFAULT_QUERY = `# Welcome to the MRC Network GraphQL explorer.
# The Docs panel on the left is the schema's manual: every type and field is described there.
# The Examples panel (the book icon) opens ready queries for the common questions.
# Names come in the language of the \`lang\` argument or of your browser.

query NetworkCentres {
  centres(first: 20) {
    totalCount
    nodes {
      name(lang: RU)
      names { kk ru en }
      kind
      town
      parent { name }
    }
  }
}
`;

/** The dashboard's sign-in page: the explorer signs in with its session. */
const SIGN_IN_PATH = '/sign-in';

const SIGN_IN_TEXT = {
  kk: {
    title: 'Алдымен тақтаға кіріңіз',
    body: 'GraphQL зерттеушісі тек жүйеге кірген пайдаланушыларға арналған. Басқару тақтасына кіріп, осы бетті қайта ашыңыз.',
    link: 'Тақтаға кіру',
  },
  ru: {
    title: 'Сначала войдите в панель',
    body: 'Обозреватель GraphQL доступен только вошедшим пользователям. Войдите в панель управления и откройте эту страницу снова.',
    link: 'Войти в панель',
  },
  en: {
    title: 'Sign in on the dashboard first',
    body: 'The GraphQL explorer is for signed-in users. Sign in on the dashboard, then open this page again.',
    link: 'Sign in on the dashboard',
  },
} as const;

/** The short page (kk, ru, en) for a visitor without a session. */
export function signInPage(): string {
  const sections = (['kk', 'ru', 'en'] as const)
    .map((language) => {
      const text = SIGN_IN_TEXT[language];
      return `<section lang="${language}"><h1>${text.title}</h1><p>${text.body}</p><p><a href="${SIGN_IN_PATH}">${text.link}</a></p></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="kk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>MRC Network — GraphQL explorer</title>
<style>${SIGN_IN_STYLE}</style>
</head>
<body><main>${sections}</main></body>
</html>`;
}

const SIGN_IN_STYLE =
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f5f6f8;color:#1d2430}' +
  'main{max-width:36rem;margin:4rem auto;padding:0 1.5rem}section{background:#fff;border-radius:8px;padding:1rem 1.5rem;margin-bottom:1rem;box-shadow:0 1px 3px rgba(0,0,0,.08)}' +
  'h1{font-size:1.25rem;margin:.25rem 0 .5rem}a{color:#0b5cad;font-weight:600}';

/** Makes JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * The explorer page: GraphiQL 5 from @graphql-yoga/render-graphiql's bundle (React, Monaco and its
 * workers inlined), started by our own script rather than the package's renderer, so it can take a
 * fetcher and a plugin (functions, which the renderer's JSON options cannot carry):
 *
 * - Sign-in: the dashboard's refresh cookie (httpOnly, sent only to /graphql) lets the page call
 *   `refreshSession` for an access token, renewed a minute before it expires; every request carries
 *   `Authorization: Bearer …`. Without a session, production shows the sign-in page instead.
 * - The Docs panel is open when the page opens (GraphiQL keeps the open panel in localStorage).
 * - The Examples panel lists `workbenchExamples` in the browser's language; choosing one opens it in
 *   a tab of its own (the page reloads with `?query=`, which GraphiQL opens as a new tab).
 */
export async function explorerPage(options: { endpoint: string; production: boolean }): Promise<string> {
  const bundle = await import('@graphql-yoga/render-graphiql/graphiql');
  const config = {
    endpoint: options.endpoint,
    production: options.production,
    defaultQuery: DEFAULT_QUERY,
    signInPage: signInPage(),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>MRC Network — GraphQL explorer</title>
<link rel="icon" href="${bundle.favicon}">
<style>${bundle.css}</style>
<style>${EXAMPLES_STYLE}</style>
</head>
<body id="body" class="no-focus-outline">
<noscript>The explorer needs JavaScript.</noscript>
<div id="root"></div>
<script>
function prepareBlob(workerContent) {
  return URL.createObjectURL(new Blob([workerContent], { type: 'application/javascript' }));
}
const workers = {
  editorWorkerService: prepareBlob(${JSON.stringify(bundle.editorWorkerService)}),
  json: prepareBlob(${JSON.stringify(bundle.jsonWorker)}),
  graphql: prepareBlob(${JSON.stringify(bundle.graphqlWorker)}),
};
self['MonacoEnvironment'] = { globalAPI: false, getWorkerUrl: (moduleId, label) => workers[label] };
${bundle.js};
</script>
<script>
(${startExplorer.toString()})(${scriptJson(config)});
</script>
</body>
</html>`;
}

interface ExplorerConfig {
  endpoint: string;
  production: boolean;
  defaultQuery: string;
  signInPage: string;
}

interface ExampleEntry {
  id: string;
  title: string;
  description: string;
  document: string;
}

type Element = { type: string; props: Record<string, unknown> };
type ReactLike = { createElement(type: string | ((props: Record<string, unknown>) => Element), props: Record<string, unknown> | null, ...children: unknown[]): Element };

/**
 * Runs in the browser (its source is put into the page): signs in, then starts GraphiQL. Plain
 * JavaScript once compiled, using only what the page has (fetch, localStorage, the bundle's React).
 */
function startExplorer(config: ExplorerConfig): void {
  const w = (globalThis as unknown as { window: unknown }).window as {
    React: ReactLike;
    YogaGraphiQL: { renderYogaGraphiQL(root: unknown, options: Record<string, unknown>): void };
    localStorage: { setItem(key: string, value: string): void };
    location: { href: string; search: string; assign(url: string): void };
    document: { querySelector(selector: string): unknown; open(): void; write(html: string): void; close(): void };
    fetch(url: string, init: Record<string, unknown>): Promise<{ json(): Promise<Record<string, unknown>> }>;
  };
  let token: string | null = null;
  let expiresAt = 0;
  let refreshing: Promise<boolean> | null = null;

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    w
      .fetch(config.endpoint, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
        body: JSON.stringify(body),
      })
      .then((response) => response.json());

  const refresh = (): Promise<boolean> =>
    post({ query: 'mutation ExplorerSession { refreshSession { accessToken accessTokenExpiresAt } }', operationName: 'ExplorerSession' }).then(
      (answer) => {
        const session = (answer.data as { refreshSession?: { accessToken: string; accessTokenExpiresAt: string } } | null)?.refreshSession;
        token = session ? session.accessToken : null;
        expiresAt = session ? Date.parse(session.accessTokenExpiresAt) : 0;
        return token !== null;
      },
      () => false,
    );

  // A token is renewed a minute before it expires; one renewal at a time.
  const signedIn = (): Promise<boolean> => {
    if (token && Date.now() < expiresAt - 60_000) return Promise.resolve(true);
    refreshing ??= refresh().finally(() => {
      refreshing = null;
    });
    return refreshing;
  };

  const showSignIn = () => {
    w.document.open();
    w.document.write(config.signInPage);
    w.document.close();
  };

  const fetcher = async (params: Record<string, unknown>, options?: { headers?: Record<string, string> }) => {
    const ok = await signedIn();
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (ok && token) headers.authorization = `Bearer ${token}`;
    return post(params, headers);
  };

  const h = w.React.createElement;
  const openExample = (example: ExampleEntry) => {
    const url = new URL(w.location.href);
    url.search = new URLSearchParams({ query: example.document }).toString();
    w.location.assign(url.toString());
  };
  const examplesPlugin = (examples: ExampleEntry[]) => ({
    title: 'Examples',
    icon: () =>
      h(
        'svg',
        { width: 20, height: 20, viewBox: '0 0 24 24', fill: 'none', stroke: 'currentColor', strokeWidth: 1.5, 'aria-hidden': true },
        h('path', { d: 'M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z' }),
        h('path', { d: 'M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5' }),
      ),
    content: () =>
      h(
        'div',
        { className: 'mrc-examples' },
        h('div', { className: 'graphiql-doc-explorer-title' }, 'Examples'),
        examples.length === 0
          ? h('p', null, 'No examples could be loaded.')
          : h(
              'ul',
              null,
              ...examples.map((example) =>
                h(
                  'li',
                  { key: example.id },
                  h('button', { type: 'button', onClick: () => openExample(example), title: example.id }, example.title),
                  h('p', null, example.description),
                ),
              ),
            ),
      ),
  });

  void (async () => {
    const ok = await signedIn();
    if (!ok && config.production) {
      showSignIn();
      return;
    }
    let examples: ExampleEntry[] = [];
    if (ok) {
      const answer = await fetcher({ query: '{ workbenchExamples { id title description document } }' }).catch(() => null);
      examples = ((answer?.data as { workbenchExamples?: ExampleEntry[] } | null)?.workbenchExamples) ?? [];
    }
    // Open with the schema's documentation in view.
    w.localStorage.setItem('graphiql:visiblePlugin', 'Documentation Explorer');
    w.YogaGraphiQL.renderYogaGraphiQL(w.document.querySelector('#root'), {
      title: 'MRC Network — GraphQL explorer',
      // The endpoint is the fetcher's: GraphiQL takes one or the other.
      defaultQuery: config.defaultQuery,
      fetcher,
      plugins: [examplesPlugin(examples)],
      shouldPersistHeaders: false,
    });
  })();
}

const EXAMPLES_STYLE =
  '.mrc-examples ul{list-style:none;margin:0;padding:0}.mrc-examples li{margin:0 0 1rem}' +
  '.mrc-examples button{all:unset;cursor:pointer;font-weight:600;color:hsl(var(--color-primary))}' +
  '.mrc-examples button:hover,.mrc-examples button:focus-visible{text-decoration:underline}' +
  '.mrc-examples p{margin:.25rem 0 0;color:hsla(var(--color-neutral),var(--alpha-secondary))}';
