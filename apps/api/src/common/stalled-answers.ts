import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { NextFunction, Request, Response } from 'express';

/** How long an answer may stand still, its client not reading it, before its socket is closed. */
export const STALLED_ANSWER_MS = 120_000;

/**
 * Closes the socket of a client that has stopped reading its answer. Node's default never closes
 * one, and each held its socket and whatever had been written to it: the 9 MB explorer page, an
 * export waiting for a reader that is gone.
 *
 * Only once the answer has begun: before that, the silence is the server's own (an aggregate waiting
 * its turn, then running its statements, may take minutes), and a client that stops sending its
 * request is closed by Node's requestTimeout already.
 */
export function closeStalledAnswers(server: Server, stalledMs = STALLED_ANSWER_MS): (req: Request, res: Response, next: NextFunction) => void {
  server.setTimeout(stalledMs);
  return (_req, res, next) => {
    // A listener of its own keeps Node from destroying the socket at the first silence of any kind.
    res.on('timeout', (socket: Socket) => {
      if (res.headersSent) socket.destroy();
    });
    next();
  };
}
