import type { Response } from 'express';

/**
 * A signal that aborts when the HTTP caller stops waiting: its connection closed before the answer
 * was sent. Undefined without an HTTP response (a subscription over the WebSocket).
 */
export function callerGone(res: Response | undefined): AbortSignal | undefined {
  if (typeof res?.once !== 'function') return undefined;
  const gone = new AbortController();
  if (res.closed && !res.writableFinished) gone.abort();
  else res.once('close', () => !res.writableFinished && gone.abort());
  return gone.signal;
}
