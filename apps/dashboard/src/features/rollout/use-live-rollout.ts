import { useApolloClient, useSubscription } from '@apollo/client/react';
import { useEffect, useRef } from 'react';
import { useOnReconnected } from '../../app/apollo/live-connection';
import { RolloutItemChangedSubscription, RolloutMatrixQuery, ROLLOUT_PAGE_SIZE } from './rollout-documents';

/** Changes come in bursts (a coordinator ticking gates): the progress is counted again once they pause. */
export const PROGRESS_REFETCH_DELAY_MS = 1_000;

interface LiveRolloutOptions {
  /** Asks for the matrix again: an item it does not list appeared, or changes were missed. */
  refetchMatrix: () => Promise<unknown>;
  /** Asks for the progress figures again. */
  refetchProgress: () => Promise<unknown>;
}

/**
 * Keeps the rollout page current without a reload. Each change arrives as the whole item, which
 * Apollo's cache stores under its id: the matrix cell, the late list and an open panel read it from
 * there and update themselves. The progress figures are counted by the API, so they are asked for
 * again, once a burst of changes is over. An item the matrix does not list yet (just planned) makes
 * the matrix ask again; so does a reconnection, since changes made while the socket was away were
 * never sent.
 */
export function useLiveRollout({ refetchMatrix, refetchProgress }: LiveRolloutOptions) {
  const client = useApolloClient();
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ refetchMatrix, refetchProgress });
  useEffect(() => {
    latest.current = { refetchMatrix, refetchProgress };
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const progressSoon = () => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      latest.current.refetchProgress().catch(() => undefined);
    }, PROGRESS_REFETCH_DELAY_MS);
  };

  const { error, restart } = useSubscription(RolloutItemChangedSubscription, {
    onData: ({ data }) => {
      const item = data.data?.rolloutItemChanged;
      if (!item) return;
      const matrix = client.cache.readQuery({ query: RolloutMatrixQuery, variables: { first: ROLLOUT_PAGE_SIZE } });
      if (matrix && !matrix.rolloutItems.nodes.some((node) => node.id === item.id)) {
        latest.current.refetchMatrix().catch(() => undefined);
      }
      progressSoon();
    },
  });

  useOnReconnected(() => {
    latest.current.refetchMatrix().catch(() => undefined);
    progressSoon();
  });

  return { liveError: error, restartLive: restart };
}
