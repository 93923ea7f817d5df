import { defineAbilityFor, type AppAbility } from '@mrc/domain';
import { failureCode } from '../../app/apollo/error-code';
import type { SessionUserFieldsFragment } from '../../gql/graphql';

export type SessionUser = SessionUserFieldsFragment;

/** What `login` and `refreshSession` answer. */
export interface SessionGrant {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

/**
 * Why nobody is signed in: never were on this visit (`anonymous`), chose to leave (`signed-out`), or
 * the session ended under them (`expired`: the refresh cookie was refused), which the sign-in page
 * explains and which brings them back to where they were.
 */
export type SignedOutReason = 'anonymous' | 'signed-out' | 'expired';

export type SessionState =
  | { status: 'restoring' }
  | { status: 'unavailable'; error: unknown }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; user: SessionUser; ability: AppAbility; accessToken: string; expiresAt: string };

/** Asks the API for a fresh session from the refresh cookie (the `refreshSession` mutation). */
export type SessionRefresher = () => Promise<SessionGrant>;

/**
 * The session of this browser tab. The access token lives here, in memory only: a script injected
 * into the page cannot read it from storage, and a reload gets a new one from the httpOnly refresh
 * cookie. Framework-free, so the Apollo link and React read the same state.
 *
 * The refresh cookie rotates on every use, and the server revokes the whole session when a replaced
 * one comes back (after a few seconds' grace for tabs refreshing together): within a tab, every caller
 * shares the one refresh in flight rather than sending its own.
 */
export class SessionStore {
  private state: SessionState;
  private readonly listeners = new Set<() => void>();
  private inFlight: Promise<SessionGrant> | undefined;
  private restoring: Promise<void> | undefined;

  constructor(
    private readonly requestRefresh: SessionRefresher,
    initial: SessionState = { status: 'restoring' },
  ) {
    this.state = initial;
  }

  readonly getState = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get accessToken(): string | null {
    return this.state.status === 'signed-in' ? this.state.accessToken : null;
  }

  /**
   * At start: turns the refresh cookie, if any, into a session. Runs once however often it is called
   * (React's StrictMode runs effects twice; a second refresh would count as reuse).
   */
  restore(): Promise<void> {
    this.restoring ??= this.runRestore();
    return this.restoring;
  }

  /** After `restore` could not reach the API: try again. */
  retryRestore(): Promise<void> {
    if (this.state.status !== 'unavailable') return this.restoring ?? this.restore();
    this.restoring = undefined;
    this.setState({ status: 'restoring' });
    return this.restore();
  }

  private async runRestore(): Promise<void> {
    try {
      this.signIn(await this.refreshOnce());
    } catch (error) {
      // A refusal means "nobody is signed in here"; anything else means we could not find out.
      if (failureCode(error) === 'UNAUTHENTICATED') this.setState({ status: 'signed-out', reason: 'anonymous' });
      else this.setState({ status: 'unavailable', error });
    }
  }

  /**
   * A new access token after a request sent with `staleToken` was refused. If another request already
   * refreshed meanwhile, that token is the answer; otherwise one refresh runs, shared by all callers.
   * Resolves to null when the session is over (the state is then signed out) or the API is unreachable.
   */
  refresh(staleToken: string | null): Promise<string | null> {
    const current = this.accessToken;
    if (current !== null && current !== staleToken) return Promise.resolve(current);
    return this.refreshOnce().then(
      (grant) => {
        if (this.accessToken !== grant.accessToken) this.signIn(grant);
        return grant.accessToken;
      },
      (error: unknown) => {
        if (failureCode(error) === 'UNAUTHENTICATED' && this.state.status === 'signed-in') {
          this.setState({ status: 'signed-out', reason: 'expired' });
        }
        return null;
      },
    );
  }

  /** The one `refreshSession` request in flight, whoever asked for it (a start-up restore or a link). */
  private refreshOnce(): Promise<SessionGrant> {
    this.inFlight ??= this.requestRefresh().finally(() => {
      this.inFlight = undefined;
    });
    return this.inFlight;
  }

  signIn(grant: SessionGrant): void {
    const { user } = grant;
    this.setState({
      status: 'signed-in',
      user,
      ability: abilityOf(user),
      accessToken: grant.accessToken,
      expiresAt: grant.accessTokenExpiresAt,
    });
  }

  /**
   * The signed-in person's account changed (their own settings, or an administrator editing their own
   * account): the header and the policy follow at once, without waiting for the next token.
   */
  updateUser(changes: Partial<Omit<SessionUser, '__typename' | 'id'>>): void {
    if (this.state.status !== 'signed-in') return;
    const user = { ...this.state.user, ...changes };
    this.setState({ ...this.state, user, ability: abilityOf(user) });
  }

  signOut(reason: Exclude<SignedOutReason, 'anonymous'> = 'signed-out'): void {
    this.setState({ status: 'signed-out', reason });
  }

  private setState(next: SessionState): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}

function abilityOf(user: SessionUser): AppAbility {
  return defineAbilityFor({ id: user.id, role: user.role, centreId: user.centre?.id ?? null });
}
