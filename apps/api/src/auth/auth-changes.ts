import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { ROOT_LOGGER } from '../common/logging.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';

/** What PostgreSQL says changed (migration 1764220000000): one session, one account, or anything. */
export type AuthChange = { session: string } | { user: string } | 'all';

const CHANNEL = 'auth_change';
/** Waits between attempts to listen again after the connection was lost: PostgreSQL restarting takes seconds. */
const RETRY_MS = [250, 1_000, 2_000, 5_000];
/**
 * How often the connection tells itself something and must hear it back before the next time. A
 * connection can go deaf without closing (a half-open TCP connection after a host or a NAT dropped
 * it): within two of these the process notices, stops believing anything and connects again.
 */
export const HEARTBEAT_MS = 5_000;
/** Connecting, LISTEN and the heartbeat's own statement each get this long. */
const STATEMENT_TIMEOUT_MS = 5_000;
/** A polite goodbye gets this long at shutdown before the socket is cut. */
const END_TIMEOUT_MS = 1_000;

/**
 * Hears PostgreSQL's notifications of sessions and accounts that changed, on a connection of its
 * own (LISTEN holds a connection; one from the pool would be taken from requests).
 *
 * What is heard is only worth something while the connection lasts: a change made while it was
 * lost is never told. So whoever keeps beliefs keeps them only while `listening`, and is told 'all'
 * both when listening stops and when it starts again (AuthService).
 */
@Injectable()
export class AuthChanges implements OnModuleInit, OnModuleDestroy {
  private client: pg.Client | null = null;
  private listeningNow = false;
  private retries = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  /** The heartbeat sent and not heard back yet. */
  private awaitedPing: string | null = null;
  private pings = 0;
  /** Names this process's heartbeats: every process listening on the database hears them all. */
  private readonly instance = randomBytes(6).toString('hex');
  private stopped = false;
  private readonly listeners: ((change: AuthChange) => void)[] = [];

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  /** Whether a change committed now will be heard. */
  get listening(): boolean {
    return this.listeningNow;
  }

  /** Calls `listener` with every change heard, and with 'all' when listening starts or stops. */
  onChange(listener: (change: AuthChange) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Not awaited: the API starts, and checks every session on every request, until it listens.
   * With SESSION_CACHE_SECONDS=0 nothing is believed, so there is nothing to hear.
   */
  onModuleInit(): void {
    if (this.config.auth.sessionCacheSeconds === 0) return;
    void this.listen();
    this.heartbeat = setInterval(() => this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    const client = this.client;
    this.drop();
    if (client) await endWithin(client, END_TIMEOUT_MS);
  }

  private async listen(): Promise<void> {
    if (this.stopped) return;
    const url = (this.dataSource.options as { url: string }).url;
    const client = new pg.Client({
      connectionString: url,
      application_name: 'mrc-api-auth-changes',
      connectionTimeoutMillis: STATEMENT_TIMEOUT_MS,
      query_timeout: STATEMENT_TIMEOUT_MS,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    this.client = client;
    // Registered before connecting: a failure then is handled here, never an unhandled 'error' event.
    client.on('error', () => undefined);
    client.on('end', () => {
      if (this.client !== client) return;
      this.logger.warn('Lost the connection that hears session changes; every session is checked on every request until it is back');
      this.drop();
      this.retryLater();
    });
    client.on('notification', (message) => {
      if (this.client === client && message.channel === CHANNEL) this.heard(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      if (this.client !== client) return;
      if (this.retries === 0) this.logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'Cannot listen for session changes; every session is checked on every request until it can');
      this.drop();
      void endWithin(client, END_TIMEOUT_MS);
      this.retryLater();
      return;
    }
    if (this.client !== client) return;
    if (this.retries > 0) this.logger.info('Hearing session changes again');
    this.retries = 0;
    this.listeningNow = true;
    // Anything believed before now was formed while nothing was heard.
    this.tell('all');
  }

  /** Sends the next heartbeat; one still unheard from the last time means the connection went deaf. */
  private beat(): void {
    const client = this.client;
    if (!client || !this.listeningNow) return;
    if (this.awaitedPing !== null) {
      this.logger.warn('The connection that hears session changes stopped answering; connecting again');
      this.drop();
      void endWithin(client, 0);
      this.retryLater();
      return;
    }
    const ping = `ping:${this.instance}:${++this.pings}`;
    this.awaitedPing = ping;
    // A failure shows at the next beat, as the ping is never heard.
    client.query(`SELECT pg_notify('${CHANNEL}', $1)`, [ping]).catch(() => undefined);
  }

  private heard(payload: string): void {
    if (payload.startsWith('ping:')) {
      if (payload === this.awaitedPing) this.awaitedPing = null;
      return;
    }
    this.tell(parse(payload));
  }

  private retryLater(): void {
    if (this.stopped || this.retryTimer) return;
    const wait = RETRY_MS[Math.min(this.retries, RETRY_MS.length - 1)]!;
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.listen();
    }, wait);
    this.retryTimer.unref();
  }

  /** Forgets the connection: nothing it says counts any more, and nothing believed under it holds. */
  private drop(): void {
    this.client = null;
    this.awaitedPing = null;
    const was = this.listeningNow;
    this.listeningNow = false;
    if (was) this.tell('all');
  }

  private tell(change: AuthChange): void {
    for (const listener of this.listeners) listener(change);
  }
}

/** A payload that is not one of ours (someone's NOTIFY by hand) is taken as "anything may have changed". */
function parse(payload: string): AuthChange {
  const [kind, id] = payload.split(':');
  if (kind === 'session' && id) return { session: id };
  if (kind === 'user' && id) return { user: id };
  return 'all';
}

/** Says goodbye to PostgreSQL, or cuts the socket if that takes longer than `ms` (a connection that went deaf never answers). */
async function endWithin(client: pg.Client, ms: number): Promise<void> {
  const ended = client.end().then(
    () => true,
    () => true,
  );
  const inTime = await Promise.race([ended, new Promise<false>((done) => setTimeout(() => done(false), ms).unref())]);
  // pg has no public way to cut a connection; its socket is `connection.stream`.
  if (!inTime) (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
}
