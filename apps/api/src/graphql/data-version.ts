import { Injectable, Module, type OnModuleInit } from '@nestjs/common';
import { LiveEvents, LiveEventsModule } from './live-events.js';

/** The channels on which API processes tell each other that data changed, or that someone signed in. */
const DATA_CHANGED = 'dataChanged';
const SIGN_INS_RECORDED = 'signInsRecorded';

/**
 * A number that moves whenever data may have changed: every mutation that sent a statement which
 * may have written (accepted or refused after writing, as a refusal can still have revoked a
 * session; requestMayHaveWritten) moves it at once in this process and, through LiveEvents (Redis
 * with REDIS_URL), in the others. Kept answers and believed
 * sessions are keyed by it, so this process never serves one from before a change it has heard of.
 * The bus is best effort: should a message be lost, another process serves what it kept for at most
 * RESPONSE_CACHE_SECONDS. Believed sessions lose nothing by it: PostgreSQL itself tells every
 * process of a session or an account that changed (auth/auth-changes.ts).
 *
 * A sign-in or a session renewal writes too (the session, the user's last sign-in, an audit entry),
 * and happens on every dashboard visit by anyone: moving the data version for it would drop every
 * kept answer of every user, several times a minute on a busy network. Those move `signIns` instead,
 * and only answers that show sign-in activity (the audit trail, `lastSignInAt`) are kept under it.
 * Ending a session (sign-out, a refresh token reused) still moves the data version, which believed
 * sessions follow.
 */
@Injectable()
export class DataVersion implements OnModuleInit {
  private version = 0;
  private signInsVersion = 0;

  constructor(private readonly events: LiveEvents) {}

  get current(): number {
    return this.version;
  }

  /** Moves with every sign-in and session renewal (see above). */
  get signIns(): number {
    return this.signInsVersion;
  }

  /** After a mutation that wrote: this process moves at once; the others when the bus brings the news. */
  changed(): void {
    this.version += 1;
    this.events.publish(DATA_CHANGED, { at: Date.now() });
  }

  /** After a mutation that wrote nothing but sign-in activity. */
  signInsRecorded(): void {
    this.signInsVersion += 1;
    this.events.publish(SIGN_INS_RECORDED, { at: Date.now() });
  }

  /**
   * Not awaited: with REDIS_URL set and Redis down, the subscriptions wait for it, and the API must
   * start anyway. Never undone: the bus closes its connections as the app stops (LiveEvents), which
   * ends them, and an UNSUBSCRIBE would only wait on a Redis that may have stopped answering.
   */
  onModuleInit(): void {
    for (const subscription of [
      this.events.subscribe(DATA_CHANGED, () => void (this.version += 1)),
      this.events.subscribe(SIGN_INS_RECORDED, () => void (this.signInsVersion += 1)),
    ]) {
      subscription.catch(() => undefined);
    }
  }
}

@Module({ imports: [LiveEventsModule], providers: [DataVersion], exports: [DataVersion] })
export class DataVersionModule {}
