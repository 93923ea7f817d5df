import type { ApolloClient } from '@apollo/client';
import { RefreshSessionMutation } from './auth-documents';
import type { SessionGrant } from './session-store';

/** The `refreshSession` mutation through the app's client; its result is never cached. */
export async function refreshSessionWith(client: ApolloClient): Promise<SessionGrant> {
  const { data } = await client.mutate({ mutation: RefreshSessionMutation, fetchPolicy: 'no-cache' });
  if (!data) throw new Error('refreshSession answered without data');
  return data.refreshSession;
}
