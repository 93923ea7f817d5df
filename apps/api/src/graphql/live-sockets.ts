import type { Duplex } from 'node:stream';
import { Injectable, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/** How long a WebSocket gets to answer the close frame before it is cut. */
const CLOSE_GRACE_MS = 1_000;

/**
 * The WebSockets of live updates outlive any request. On shutdown graphql-ws sends each a close frame
 * and waits for the answer; a half-open link (a phone that left the network) never answers, so
 * each socket still open a second later is cut, and the stop stays within its grace.
 */
@Injectable()
export class LiveSockets implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly sockets = new Set<Duplex>();

  constructor(private readonly http: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    this.http.httpAdapter.getHttpServer().on('upgrade', (_request: unknown, socket: Duplex) => {
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
