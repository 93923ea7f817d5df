import { createServer, type RequestListener, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { NextFunction, Request, Response } from 'express';
import { closeStalledAnswers } from './stalled-answers.js';

/**
 * On a real HTTP server and real sockets, with a stall of 150 ms instead of two minutes: a begun
 * answer its client stops reading is cut, a request whose answer has not begun is not.
 */
const STALL_MS = 150;

describe('closeStalledAnswers', () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
  });

  async function serve(handler: RequestListener): Promise<number> {
    server = createServer();
    const stalled = closeStalledAnswers(server, STALL_MS);
    server.on('request', (req, res) => stalled(req as Request, res as unknown as Response, (() => handler(req, res)) as NextFunction));
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  }

  it('keeps a request whose answer has not begun, silent four times as long as a stall', async () => {
    const port = await serve((_req, res) => setTimeout(() => res.end('answered'), 4 * STALL_MS));
    const response = await fetch(`http://127.0.0.1:${port}/`);
    expect(await response.text()).toBe('answered');
  });

  it('closes the socket of a client that stops reading a begun answer', async () => {
    let finished = false;
    const closed = new Promise<void>((resolve) => {
      void serve((_req, res) => {
        res.on('close', () => resolve());
        res.on('finish', () => (finished = true));
        res.writeHead(200, { 'content-type': 'text/plain' });
        // Far more than the socket buffers hold: the writes stand still once the client stops reading.
        const chunk = Buffer.alloc(1024 * 1024, 'x');
        const more = () => {
          for (let written = 0; written < 64; written++) if (!res.write(chunk)) return void res.once('drain', more);
          res.end();
        };
        more();
      }).then((port) => {
        const client = connect(port, '127.0.0.1', () => client.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n'));
        client.on('error', () => undefined);
        client.pause();
      });
    });
    await closed;
    expect(finished).toBe(false);
  });
});
