import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { Inject, Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { readRefreshCookie } from '../auth/refresh-cookie.js';
import { APP_CONFIG, type AppConfig } from '../config/env.js';
import { explorerPage, signInPage } from '../graphql/explorer.plugin.js';
import { GRAPHQL_PATH } from '../graphql/graphql-path.js';

const gzipped = promisify(gzip);

/** The explorer page as sent: made once, with its gzip and an ETag for each, since it is the same for everyone. */
interface ExplorerPage {
  bytes: Buffer;
  gzipped: Buffer;
  etag: string;
  gzippedEtag: string;
}

/**
 * GET /graphql from a browser: the explorer page, or in production without the dashboard's session
 * cookie the short sign-in page (the page itself shows that too when the session has ended). Other
 * requests to /graphql (POST, and GET from clients that ask for JSON) go on to the GraphQL server. Runs
 * before Apollo, which cannot see the request when it renders a landing page.
 */
@Injectable()
export class ExplorerMiddleware implements NestMiddleware {
  /**
   * Built on first use, then kept, compressed and hashed once: the bundle is some 9 MB of text, and
   * anyone with a cookie of the session's name gets it, so building or compressing it per request
   * (a quarter of a second of CPU) would let a few requests a second hold a core.
   */
  private page: Promise<ExplorerPage> | undefined;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  use(req: Request, res: Response, next: NextFunction): void {
    // A browser's navigation prefers HTML, also with `?query=` (an example opened in a tab); GraphQL clients ask for JSON.
    const wantsPage = req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
    if (!wantsPage) {
      next();
      return;
    }
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (this.config.isProduction && !readRefreshCookie(req)) {
      res.status(401).setHeader('Cache-Control', 'no-store').type('html').send(signInPage());
      return;
    }
    this.page ??= buildPage(this.config.isProduction).catch((error: unknown) => {
      // Built again on the next request, not refused for good.
      this.page = undefined;
      throw error;
    });
    this.page.then(
      (page) => {
        const gzip = req.acceptsEncodings('gzip', 'identity') === 'gzip';
        // A distinct ETag per encoding: they are different bytes (RFC 9110, 8.8.3).
        res.status(200).setHeader('Cache-Control', 'no-cache').setHeader('ETag', gzip ? page.gzippedEtag : page.etag).type('html').vary('Accept-Encoding');
        if (req.fresh) {
          res.status(304).end();
          return;
        }
        // With Content-Encoding set, the compression middleware sends the bytes as they are.
        if (gzip) res.setHeader('Content-Encoding', 'gzip').send(page.gzipped);
        else res.send(page.bytes);
      },
      (error: unknown) => next(error),
    );
  }
}

async function buildPage(production: boolean): Promise<ExplorerPage> {
  const bytes = Buffer.from(await explorerPage({ endpoint: GRAPHQL_PATH, production }));
  const etag = createHash('sha256').update(bytes).digest('base64url');
  return { bytes, gzipped: await gzipped(bytes), etag: `"${etag}"`, gzippedEtag: `"${etag}-gzip"` };
}
