import { EventEmitter } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import type { HttpAdapterHost } from '@nestjs/core';
import pino from 'pino';
import { type AdmittedSocket, LiveSockets, MAX_SOCKETS_PER_ACCOUNT } from './live-sockets.js';

/**
 * The admission of live-update sockets, on sockets that stand in for ws's: the cases a real client
 * cannot time reliably (leaving while its session is looked up, the database failing the lookup).
 * The e2e suite (rollout.e2e-spec.ts) covers the rest over real sockets.
 */
class FakeSocket extends EventEmitter implements AdmittedSocket {
  readonly OPEN = 1;
  readyState = 1;
  closedWith: number | null = null;
  close(code: number): void {
    this.closedWith ??= code;
    this.readyState = 2;
  }
  /** The client goes: ws says 'close' once. */
  leave(): void {
    this.readyState = 3;
    this.emit('close');
  }
}

const liveSockets = () => new LiveSockets({} as HttpAdapterHost, pino({ level: 'silent' }));

describe('LiveSockets.admit', () => {
  it('does not count a socket whose client left while its session was looked up', async () => {
    const sockets = liveSockets();
    for (let n = 0; n < MAX_SOCKETS_PER_ACCOUNT + 5; n++) {
      const leaving = new FakeSocket();
      const lookup = () => {
        leaving.leave();
        return Promise.resolve('account-1');
      };
      expect(await sockets.admit(leaving, lookup)).toBe(false);
    }
    // Counted, those would have filled the account's share for as long as the process runs.
    expect(await sockets.admit(new FakeSocket(), () => Promise.resolve('account-1'))).toBe(true);
  });

  it('asks the client to come back later when the session cannot be checked', async () => {
    const socket = new FakeSocket();
    expect(await liveSockets().admit(socket, () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')))).toBe(false);
    // 1013, Try Again Later: graphql-ws clients reconnect after it, where 4500 ends their retries.
    expect(socket.closedWith).toBe(1013);
  });

  it('refuses the socket past the share, and takes the next once one of them closes', async () => {
    const sockets = liveSockets();
    const held = Array.from({ length: MAX_SOCKETS_PER_ACCOUNT }, () => new FakeSocket());
    for (const socket of held) expect(await sockets.admit(socket, () => Promise.resolve('account-1'))).toBe(true);
    expect(await sockets.admit(new FakeSocket(), () => Promise.resolve('account-1'))).toBe(false);
    expect(await sockets.admit(new FakeSocket(), () => Promise.resolve('account-2'))).toBe(true);
    held[0]!.leave();
    expect(await sockets.admit(new FakeSocket(), () => Promise.resolve('account-1'))).toBe(true);
  });

  it('closes a socket without a session with 4401', async () => {
    const socket = new FakeSocket();
    expect(await liveSockets().admit(socket, () => Promise.resolve(null))).toBe(false);
    expect(socket.closedWith).toBe(4401);
  });
});
