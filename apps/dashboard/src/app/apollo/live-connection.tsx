import { createContext, useContext, useEffect, useRef, useSyncExternalStore, type ReactNode } from 'react';

/**
 * The WebSocket that carries live updates (GraphQL subscriptions):
 * - `idle`: no page is listening, so no socket is open;
 * - `connecting`: the first connection is being made;
 * - `live`: connected, changes arrive as they happen;
 * - `reconnecting`: the connection dropped and is being made again; changes made meanwhile are missed.
 */
export type LiveState = 'idle' | 'connecting' | 'live' | 'reconnecting';

/**
 * What the pages know about the live connection. Framework-free, like the session store, so the
 * WebSocket link (loaded with the first live page) and React read the same state.
 */
export class LiveConnection {
  private state: LiveState = 'idle';
  private readonly listeners = new Set<() => void>();
  private readonly reconnectListeners = new Set<() => void>();

  readonly getState = (): LiveState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Called after the socket connected again following a drop. Subscriptions resume by themselves,
   * but whatever changed while they were away was never sent: a page asks for its data again here.
   */
  readonly onReconnected = (listener: () => void): (() => void) => {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  };

  connecting(isRetry: boolean): void {
    this.set(isRetry || this.state === 'reconnecting' ? 'reconnecting' : 'connecting');
  }

  connected(wasRetry: boolean): void {
    const missedSome = wasRetry || this.state === 'reconnecting';
    this.set('live');
    if (missedSome) for (const listener of this.reconnectListeners) listener();
  }

  /** The socket closed: on purpose when nobody listens any more, else a drop that is retried. */
  closed(listening: boolean): void {
    this.set(listening ? 'reconnecting' : 'idle');
  }

  private set(next: LiveState): void {
    if (next === this.state) return;
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

const LiveContext = createContext<LiveConnection | null>(null);

export function LiveConnectionProvider({ connection, children }: { connection: LiveConnection; children: ReactNode }) {
  return <LiveContext value={connection}>{children}</LiveContext>;
}

// Without a provider (a component rendered on its own in a test) nothing is ever live.
const NEVER_LIVE = new LiveConnection();

/** The live connection's state, re-rendering when it changes. */
export function useLiveState(): LiveState {
  const connection = useContext(LiveContext) ?? NEVER_LIVE;
  return useSyncExternalStore(connection.subscribe, connection.getState);
}

/** Runs `listener` (the latest one given) each time the live connection comes back after a drop. */
export function useOnReconnected(listener: () => void): void {
  const connection = useContext(LiveContext) ?? NEVER_LIVE;
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => connection.onReconnected(() => latest.current()), [connection]);
}
