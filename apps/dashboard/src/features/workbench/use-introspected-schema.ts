import { useApolloClient } from '@apollo/client/react';
import { buildClientSchema, getIntrospectionQuery, parse, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { useEffect, useState } from 'react';

/** One introspection per page load, shared by the editors (and kept across visits to the workbench). */
let loading: Promise<GraphQLSchema | null> | undefined;

/**
 * The API's schema as the signed-in person may read it (introspection is for signed-in users), for
 * the editor's completion and checks. Null until it arrives, or if it could not be read: the editor
 * then still highlights and the server still checks what is run.
 */
export function useIntrospectedSchema(wanted: boolean): GraphQLSchema | null {
  const client = useApolloClient();
  const [schema, setSchema] = useState<GraphQLSchema | null>(null);
  useEffect(() => {
    if (!wanted) return;
    let current = true;
    loading ??= client
      .query({ query: parse(getIntrospectionQuery()), fetchPolicy: 'no-cache' })
      .then(({ data }) => (data ? buildClientSchema(data as IntrospectionQuery) : null))
      .catch(() => {
        // Try again the next time an editor opens.
        loading = undefined;
        return null;
      });
    void loading.then((found) => {
      if (current) setSchema(found);
    });
    return () => {
      current = false;
    };
  }, [client, wanted]);
  return schema;
}
