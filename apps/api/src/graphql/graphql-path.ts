/** Where GraphQL is served: queries and mutations over HTTP, live updates over a WebSocket, the explorer to browsers. */
export const GRAPHQL_PATH = '/graphql';
