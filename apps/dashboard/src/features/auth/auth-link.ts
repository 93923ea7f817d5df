import { ApolloLink } from '@apollo/client';
import { Kind, type DocumentNode } from 'graphql';
import { defer, from, mergeMap, Observable, of, catchError, throwError } from 'rxjs';
import { failureCode } from '../../app/apollo/error-code';
import type { SessionStore } from './session-store';

/** The only operations the API answers without an access token. */
const ANONYMOUS_FIELDS: ReadonlySet<string> = new Set(['login', 'refreshSession']);

/**
 * Puts `Authorization: Bearer <access token>` on every request, and when the API answers
 * UNAUTHENTICATED (the short-lived token expired), gets a new token from the refresh cookie and sends
 * the request once more. Requests refused at the same moment share one refresh (SessionStore.refresh).
 * If the refresh is refused too, the session is over: the store says so, the route guard sends the
 * person to the sign-in page, and this request reports its UNAUTHENTICATED as usual.
 */
export function authLink(session: SessionStore): ApolloLink {
  return new ApolloLink((operation, forward) => {
    if (isAnonymous(operation.query)) return forward(operation);

    const send = (token: string | null): Observable<ApolloLink.Result> =>
      defer(() => {
        operation.setContext(({ headers }) => ({
          headers: withAuthorization(headers as Record<string, string> | undefined, token),
        }));
        return forward(operation);
      });

    const retryWithNewToken = (sentWith: string | null, original: Observable<ApolloLink.Result>) =>
      from(session.refresh(sentWith)).pipe(mergeMap((fresh) => (fresh === null ? original : send(fresh))));

    const sentWith = session.accessToken;
    return send(sentWith).pipe(
      mergeMap((result) => (isUnauthenticatedResult(result) ? retryWithNewToken(sentWith, of(result)) : of(result))),
      catchError((error: unknown) =>
        // A 401 arrives as a failed request rather than a GraphQL result.
        failureCode(error) === 'UNAUTHENTICATED'
          ? retryWithNewToken(sentWith, throwError(() => error))
          : throwError(() => error),
      ),
    );
  });
}

function withAuthorization(headers: Record<string, string> | undefined, token: string | null): Record<string, string> {
  const { authorization: _dropped, Authorization: _alsoDropped, ...rest } = headers ?? {};
  return token === null ? rest : { ...rest, Authorization: `Bearer ${token}` };
}

function isUnauthenticatedResult(result: ApolloLink.Result): boolean {
  const errors = 'errors' in result ? result.errors : undefined;
  return Array.isArray(errors) && errors.some((error) => error.extensions?.['code'] === 'UNAUTHENTICATED');
}

/** True when every root field of the operation is one the API serves to anonymous callers. */
export function isAnonymous(document: DocumentNode): boolean {
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return false;
  const fields = operation.selectionSet.selections;
  return (
    fields.length > 0 &&
    fields.every((selection) => selection.kind === Kind.FIELD && ANONYMOUS_FIELDS.has(selection.name.value))
  );
}
