import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GRAPHQL_PATH } from './graphql-path.js';

/** How long a WebSocket gets to answer the close frame before it is cut. */
const CLOSE_GRACE_MS = 1_000;

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
 */
@Injectable()
export class LiveSockets implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sockets = new Set<Duplex>();

  constructor(private readonly http: HttpAdapterHost) {}

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

  onModuleDestroy(): void {
    setTimeout(() => {
      for (const socket of this.sockets) socket.destroy();
    }, CLOSE_GRACE_MS).unref();
  }
}
