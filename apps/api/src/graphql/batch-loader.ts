import DataLoader from 'dataloader';

/**
 * A request's DataLoader. Keys are collected until the event loop's next turn (setImmediate), not
 * just the next microtask: Nest runs each field resolver through a few awaited layers, and sibling
 * rows of a large list reach their loaders a varying number of microtasks apart. Waiting one turn
 * keeps each level of a nested query in one SQL statement however many rows it has.
 */
export function batchLoader<K, V>(load: (keys: readonly K[]) => Promise<(V | Error)[]>, options: { cache?: boolean } = {}): DataLoader<K, V> {
  return new DataLoader(load, { batchScheduleFn: (dispatch) => setImmediate(dispatch), cache: options.cache ?? true });
}
