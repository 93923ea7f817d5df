import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Inject, Injectable, Module, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { Logger } from 'pino';
import { onceAMinute, ROOT_LOGGER } from '../common/logging.js';
import { GRAPHQL_PATH } from './graphql-path.js';

/** How long a WebSocket gets to answer the close frame before it is cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * The most live-update sockets one account holds open in one process. The dashboard opens one per
 * tab; twenty leave room for many tabs and devices, and stop a script from holding thousands.
 */
export const MAX_SOCKETS_PER_ACCOUNT = 20;

/** Ends a socket as graphql-ws's Unauthorized: the dashboard renews its token and comes back, or stays signed out. */
export const UNAUTHORIZED_CLOSE = 4401;
/** WebSocket's Try Again Later: graphql-ws clients (the dashboard) reconnect after their back-off. */
const TRY_AGAIN_LATER = 1013;

/** The part of a ws WebSocket that admission uses. */
export interface AdmittedSocket {
  readonly readyState: number;
  readonly OPEN: number;
  close(code: number, reason: string): void;
  once(event: 'close', listener: () => void): unknown;
}

/**
 * The WebSockets of live updates outlive any request. On shutdown graphql-ws sends each a close frame
 * and waits for the answer; a half-open link (a phone that left the network) never answers, so
 * each socket still open a second later is cut, and the stop stays within its grace.
 *
 * Node hands an upgrading socket over without the error listener and timeout an HTTP request has,
 * and only the GraphQL path has a WebSocket server to take it. An upgrade to any other path (a
 * scanner, a misrouted proxy) was left open for ever, and a reset on it was an uncaught exception
 * that stopped the API: such a socket now gets 404 and is closed, and any upgrading socket's error
 * only destroys it.
 *
 * A socket is acknowledged only for a signed-in account, at most MAX_SOCKETS_PER_ACCOUNT of them
 * (admit). Before, any caller's connection_init was acknowledged and the socket kept for as long as it
 * answered pings, although nothing anonymous can be subscribed to: a script could hold thousands.
 * The session is checked again by each subscription and on its events, not while the socket idles.
 */
@Injectable()
export class LiveSockets implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sockets = new Set<Duplex>();
  private readonly socketsPerAccount = new Map<string, number>();
  /** Every dashboard retries through an outage: said once a minute. */
  private readonly warnLookupFailed = onceAMinute((error: unknown) => this.logger.warn({ err: error }, 'Could not check the session of a live-updates socket; such sockets are asked to come back later'));

  constructor(
    private readonly http: HttpAdapterHost,
    @Inject(ROOT_LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.http.httpAdapter.getHttpServer().on('upgrade', (request: IncomingMessage, socket: Duplex) => {
      socket.on('error', () => socket.destroy());
      // @nestjs/graphql hands its WebSocket server every upgrade whose path starts so (ws answers 400
      // to those it does not serve); nothing takes the others.
      if (!request.url?.startsWith(GRAPHQL_PATH)) {
        // Closed outright once written: ended alone, it would stay half-open for as long as the peer liked.
        socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', () => socket.destroy());
        return;
      }
      this.sockets.add(socket);
      socket.once('close', () => this.sockets.delete(socket));
    });
  }

  /**
   * graphql-ws's onConnect: `accountOf` says who sent connection_init. Without a session the socket
   * is closed with 4401; over the account's share it is refused (graphql-ws closes with 4403, which
   * the dashboard retries later, when another of the account's tabs may have closed). When the
   * session cannot be checked (the database away), the client is asked to come back (1013).
   */
  async admit(socket: AdmittedSocket, accountOf: () => Promise<string | null>): Promise<boolean> {
    let accountId: string | null;
    try {
      accountId = await accountOf();
    } catch (error) {
      this.warnLookupFailed(error);
      socket.close(TRY_AGAIN_LATER, 'Try Again Later');
      return false;
    }
    // A client that left during the lookup has had its 'close' already: counted now, it would hold its place for ever.
    if (socket.readyState !== socket.OPEN) return false;
    if (accountId === null) {
      socket.close(UNAUTHORIZED_CLOSE, 'Unauthorized');
      return false;
    }
    const open = this.socketsPerAccount.get(accountId) ?? 0;
    if (open >= MAX_SOCKETS_PER_ACCOUNT) return false;
    this.socketsPerAccount.set(accountId, open + 1);
    socket.once('close', () => {
      const left = (this.socketsPerAccount.get(accountId) ?? 1) - 1;
      if (left > 0) this.socketsPerAccount.set(accountId, left);
      else this.socketsPerAccount.delete(accountId);
    });
    return true;
  }

  onModuleDestroy(): void {
    setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, CLOSE_GRACE_MS).unref();
  }
}

/** LiveSockets in a module of its own, so the GraphQL module's factory can hand graphql-ws its admission. */
@Module({ providers: [LiveSockets], exports: [LiveSockets] })
export class LiveSocketsModule {}
