import { defineAbilityFor, type AppAbility } from '@mrc/domain';
import { createContext, useContext, useSyncExternalStore, type ReactNode } from 'react';
import type { SessionState, SessionStore, SessionUser } from './session-store';

const SessionContext = createContext<SessionStore | null>(null);

const NOBODY = defineAbilityFor(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext value={store}>{children}</SessionContext>;
}

export interface Session {
  state: SessionState;
  /** The signed-in person, or null. */
  user: SessionUser | null;
  /** What the person may do, by the same policy the API enforces; nothing at all when signed out. */
  ability: AppAbility;
  store: SessionStore;
}

export function useSession(): Session {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession() needs a <SessionProvider> above it');
  const state = useSyncExternalStore(store.subscribe, store.getState);
  return {
    state,
    user: state.status === 'signed-in' ? state.user : null,
    ability: state.status === 'signed-in' ? state.ability : NOBODY,
    store,
  };
}
