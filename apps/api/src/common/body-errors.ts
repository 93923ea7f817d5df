import type { NextFunction, Request, Response } from 'express';

/**
 * A body the JSON parser cannot read (malformed JSON, a bare string, more than the size limit) is
 * answered like any other bad GraphQL request: a 4xx status and an error with a stable code. Nest's
 * default answer here is `{ statusCode, message, error }`, which carries no `extensions.code` for a
 * client to branch on (found by fuzzing request bodies).
 */
export function unreadableBodies(error: unknown, _req: Request, res: Response, next: NextFunction): void {
  const status = typeof error === 'object' && error !== null && 'status' in error && typeof error.status === 'number' ? error.status : 500;
  if (status < 400 || status >= 500 || res.headersSent) return next(error);
  const tooLarge = status === 413;
  res.status(status).json({
    errors: [
      {
        message: tooLarge ? 'The request body is too large.' : 'The request body is not valid JSON: send {"query": "...", "variables": {...}}.',
        extensions: { code: 'BAD_USER_INPUT', reason: tooLarge ? 'BODY_TOO_LARGE' : 'BODY_NOT_JSON' },
      },
    ],
  });
}
