import type { Server } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/**
 * Stopping without leaving a client in doubt. A client must be able to tell from what it got whether
 * its request was carried out: an answer means yes, no answer (a refused or reset connection) or a 503
 * means no, so sending it again is safe.
 *
 * Nest's own shutdown breaks that promise: it stops Apollo first, and Apollo's drain plugin then ends
 * idle keep-alive connections with a half-close. A request that reaches such a connection at that
 * moment is still read and carried out (a report saved), but its answer can no longer be written,
 * and the client sees a reset. So the app drains HTTP itself before Nest shuts anything down:
 * stop listening, answer any new request on an open connection with 503 and `Connection: close`
 * without running it, close each connection after its answer in flight, and wait for those answers.
 * WebSockets (live updates) are not requests here; Apollo closes them afterwards.
 */
export class HttpDrain {
  private draining = false;
  private inFlight = 0;
  private drained: (() => void) | undefined;

  /** Express middleware: goes before any other, so a refused request runs nothing at all. */
  readonly middleware = (_req: Request, res: Response, next: NextFunction): void => {
    if (this.draining) {
      res.setHeader('Connection', 'close');
      res.setHeader('Retry-After', '1');
      res.status(503).json({ errors: [{ message: 'The server is shutting down. Send the request again: it was not carried out.' }] });
      return;
    }
    this.inFlight += 1;
    const draining = () => this.draining;
    const writeHead = res.writeHead;
    // Decided when the answer leaves, not when the request came: an answer sent during the drain
    // closes its connection, so the client sends nothing more down it.
    res.writeHead = function (this: Response, ...args: Parameters<Response['writeHead']>) {
      if (draining() && !this.headersSent) this.setHeader('Connection', 'close');
      return writeHead.apply(this, args);
    } as Response['writeHead'];
    res.once('close', () => {
      this.inFlight -= 1;
      if (this.draining && this.inFlight === 0) this.drained?.();
    });
    next();
  };

  /** Stops taking connections and waits until every request already taken has been answered. */
  async drain(server: Server): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    const done = new Promise<void>((resolve) => (this.drained = resolve));
    // Stops listening and closes keep-alive connections that carry no request right now.
    server.close();
    if (this.inFlight > 0) await done;
  }
}
