import { Injectable, Module, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { LiveEvents, LiveEventsModule } from './live-events.js';

/** The channel on which API processes tell each other that data changed. */
const DATA_CHANGED = 'dataChanged';

/**
 * A number that moves whenever data may have changed: every mutation that sent a statement which
 * may have written (accepted or refused after writing, as a refusal can still have revoked a
 * session; requestMayHaveWritten) moves it at once in this process and, through LiveEvents (Redis
 * with REDIS_URL), in the others. Kept answers and believed
 * sessions are keyed by it, so this process never serves one from before a change it has heard of.
 * The bus is best effort: should a message be lost, another process serves what it kept for at most
 * RESPONSE_CACHE_SECONDS (answers) and SESSION_CACHE_SECONDS (sessions).
 */
@Injectable()
export class DataVersion implements OnModuleInit, OnModuleDestroy {
  private version = 0;
  private subscription: Promise<number> | undefined;

  constructor(private readonly events: LiveEvents) {}

  get current(): number {
    return this.version;
  }

  /** After a mutation that wrote: this process moves at once; the others when the bus brings the news. */
  changed(): void {
    this.version += 1;
    this.events.publish(DATA_CHANGED, { at: Date.now() });
  }

  /** Not awaited: with REDIS_URL set and Redis down, the subscription waits for it, and the API must start anyway. */
  onModuleInit(): void {
    this.subscription = this.events.subscribe(DATA_CHANGED, () => void (this.version += 1));
    this.subscription.catch(() => undefined);
  }

  async onModuleDestroy(): Promise<void> {
    const waited = new Promise<undefined>((done) => setTimeout(() => done(undefined), 100).unref());
    const id = await Promise.race([this.subscription?.catch(() => undefined), waited]);
    if (id !== undefined) this.events.unsubscribe(id);
  }
}

@Module({ imports: [LiveEventsModule], providers: [DataVersion], exports: [DataVersion] })
export class DataVersionModule {}
