import { ApolloLink } from '@apollo/client';
import { MockedProvider } from '@apollo/client/testing/react';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Observable } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { nationalCentres, networkPageVariables, networkResult } from '../../features/centres/centres.fixtures';
import { useNetworkCentres } from '../../features/centres/use-network-centres';
import { createCache } from './apollo-client';

/** Answers each page of `network` a moment later, noting the `after` of every request that reaches it. */
function networkLink(network: ReturnType<typeof nationalCentres>) {
  const asked: Array<string | null> = [];
  const link = new ApolloLink((operation) => {
    const after = operation.variables['after'] as string | undefined;
    asked.push(after ?? null);
    const page = [0, 1, 2, 3].findIndex((index) => networkPageVariables(index).after === after);
    return new Observable((observer) => {
      const timer = setTimeout(() => {
        observer.next(networkResult(network, page));
        observer.complete();
      }, 20);
      return () => clearTimeout(timer);
    });
  });
  return { link, asked };
}

describe('loading every page of a list', () => {
  it('appends each page once, in order, even when two components show the list at once', async () => {
    // The regional centre and 250 districts: three pages.
    const network = nationalCentres(250);
    const { link, asked } = networkLink(network);
    const wrapper = ({ children }: { children: ReactNode }) => (
      <MockedProvider link={link} cache={createCache()}>
        {children}
      </MockedProvider>
    );
    // Two pickers on one form: each has its own query, on the same list in the cache.
    const { result } = renderHook(() => [useNetworkCentres(), useNetworkCentres()] as const, { wrapper });

    await waitFor(() => expect(result.current.every((centres) => centres.complete)).toBe(true));
    const ids = network.map((centre) => centre.id);
    for (const centres of result.current) {
      expect(centres.connection?.nodes.map((centre) => centre.id)).toEqual(ids);
      expect(centres.moreError).toBeNull();
    }
    // Time for a needless request to go out, had one been asked for.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual([null, 'cursor-99', 'cursor-199']);
  });
});
