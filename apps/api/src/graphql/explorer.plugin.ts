import type { ApolloServerPlugin } from '@apollo/server';

const DEFAULT_QUERY = `# Welcome to the MRC Network GraphQL explorer.
# The Docs panel on the left is the schema's manual: every type and field is described there.
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

/**
 * Serves GraphiQL at GET /graphql from the installed package, with everything inlined: the users'
 * offices, like these machines, cannot be assumed to reach a CDN (Nest's and Apollo's default
 * landing pages load from one). The page is built on first use, keeping boot fast and idle memory low.
 */
export function localExplorerPlugin(endpoint: string): ApolloServerPlugin {
  let page: Promise<string> | undefined;
  const render = async () => {
    const { renderGraphiQL } = await import('@graphql-yoga/render-graphiql');
    return renderGraphiQL({ endpoint, title: 'MRC Network — GraphQL explorer', defaultQuery: DEFAULT_QUERY });
  };
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: () => (page ??= render()) };
        },
      };
    },
  };
}
